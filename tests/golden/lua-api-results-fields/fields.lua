-- every field of every result, in a fixed order, with its Lua type
local W = sakip.write
local fields = { "unit", "unit_name", "indicator", "name", "measure", "tujuan", "sasaran", "group", "year",
                 "target", "target_level", "source", "realisation", "real_level", "basis", "capaian", "capped",
                 "status", "reason", "rule", "digits", "value_digits" }
local function show(v)
    if type(v) == "number" then return tostring(v) .. " (" .. math.type(v) .. ")" end
    if type(v) == "string" then return v end
    return tostring(v) .. " (" .. type(v) .. ")"
end
return { render = function()
    for _, r in ipairs(sakip.results()) do
        W("== ", tostring(r), "\n")
        for _, f in ipairs(fields) do W("  ", f, ": ", show(r[f]), "\n") end
        local g = r.grades
        W("  grades: ", #g, "\n")
        for i, x in ipairs(g) do
            W("    ", i, ": scheme ", x.scheme, ", on ", x.on, ", code ", show(x.code), ", label ", show(x.label),
              ", rank ", show(x.rank), ", levels ", show(x.levels), "\n")
        end
    end
end }
