-- every field of every indicator declaration, in a fixed order
local W = sakip.write
local fields = { "code", "name", "measure", "tujuan", "sasaran", "polarity", "aggregate", "weight", "grouped", "formula",
                 "composite", "rollup" }
local function show(v)
    if type(v) == "number" then return tostring(v) end
    if type(v) == "string" then return "[" .. v .. "]" end
    if type(v) == "table" then return "{" .. table.concat(v, ",") .. "}" end
    return tostring(v)
end
return { render = function()
    local list = sakip.indicators()
    W(#list, " declarations\n")
    for i, ind in ipairs(list) do
        W(i, ":")
        for _, f in ipairs(fields) do W(" ", f, "=", show(ind[f])) end
        W("\n   units=", ind.units and (ind.units.kind .. " " .. show(ind.units.codes)) or "nil",
          " uses=", show(ind.uses), " parts=", show(ind.parts), "\n")
    end
    -- plain tables, fresh on each call
    list[1].code = "changed"
    W("again: ", sakip.indicators()[1].code, "\n")
end }
