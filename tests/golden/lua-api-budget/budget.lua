-- every field of every budget line, in a fixed order, with its Lua type
local W = sakip.write
local fields = { "code", "parent", "level", "name", "pagu", "realisasi", "sisa", "printed_sisa", "serapan",
                 "children_serapan", "status", "notes" }
local function show(v)
    if type(v) == "number" then return tostring(v) .. " (" .. math.type(v) .. ")" end
    if type(v) == "string" then return "[" .. v .. "]" end
    return tostring(v)
end
return { render = function()
    local lines = sakip.budget()
    if lines == nil then W("no budget block: sakip.budget() is nil\n") return end
    W(#lines, " lines\n")
    for _, b in ipairs(lines) do
        W("== ", b.code, "\n")
        for _, f in ipairs(fields) do W("  ", f, ": ", show(b[f]), "\n") end
        local n = 0
        for _ in pairs(b) do n = n + 1 end
        W("  (", n, " fields set)\n")
    end
end }
