local W = sakip.write
return { render = function()
    -- periods in the order they end, the shorter first when they end together
    local out = {}
    for _, p in ipairs(sakip.periods("U", "A")) do out[#out + 1] = p.period end
    W(table.concat(out, " "), "\n")
    -- lookups: the plan's lack is an error, the data's is nil and why
    W(select(2, pcall(sakip.periods, "U", "NOPE")), "\n")
    W(tostring(sakip.periods("ZZ", "A")), " / ", select(2, sakip.periods("ZZ", "A")), "\n")
    W(tostring(sakip.evaluate("U", "VONLY")), " / ", select(2, sakip.evaluate("U", "VONLY")), "\n")
    W(select(2, pcall(sakip.evaluate, "U", "A", 0)), "\n")
    W(select(2, pcall(sakip.evaluate, "U", "A", 3000)), "\n")
    -- a link by unit whose indicators come by level; NK = avg(IKM) = (70 + 90) / 2 = 80 against 80: 100
    for _, b in ipairs(sakip.budget()) do
        W(b.code, " ", table.concat(b.supports, ","), " in ", b.unit, ": capaian ", tostring(b.capaian),
          " efisiensi ", tostring(b.efisiensi), "\n")
    end
    -- rollup only for a formula over the units below; uses enters avg(IKM)
    for _, i in ipairs(sakip.indicators()) do
        if i.code == "NK" then W("NK uses ", table.concat(i.uses, ","), " rollup ", tostring(i.rollup), "\n") end
    end
end }
