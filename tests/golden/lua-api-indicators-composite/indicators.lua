-- what each declaration is made of
local W = sakip.write
local function list(t) return "{" .. table.concat(t, ", ") .. "}" end
return { render = function()
    for i, ind in ipairs(sakip.indicators()) do
        W(i, ": ", ind.code, " units=", ind.units.kind, list(ind.units.codes), " uses=", list(ind.uses),
          " parts=", list(ind.parts), " composite=", tostring(ind.composite), " rollup=", tostring(ind.rollup),
          " formula=", tostring(ind.formula), " weight=", ind.weight, "\n")
    end
    for _, r in ipairs(sakip.results()) do
        W(tostring(r), ": target ", tostring(r.target), " real ", tostring(r.realisation), " [", tostring(r.basis),
          "] capaian ", tostring(r.capaian), " ", r.status, "\n")
    end
end }
