-- the rows of a record table: copies, with each column's Lua type
local W = sakip.write
local cols = { "unit", "year", "service", "score", "rate", "answers_1", "answers_2", "answers_3", "note",
               "answers", "src_file", "src_line" }
local function show(v)
    if type(v) == "number" then return tostring(v) .. " (" .. math.type(v) .. ")" end
    if v == nil then return "nil" end
    return "'" .. tostring(v) .. "'"
end
return { render = function()
    local rows = sakip.records("survey")
    W(#rows, " rows of survey\n")
    for i, r in ipairs(rows) do
        W(i, ":")
        for _, c in ipairs(cols) do W(" ", c, "=", show(r[c])) end
        W("\n")
    end
    rows[1].score = 1
    rows[1].extra = "x"
    local again = sakip.records("survey")
    W("again: score ", again[1].score, ", extra ", tostring(again[1].extra), "\n")
    W("propem, declared but never imported: ", tostring(sakip.records("propem")), "\n")
    local ok, err = pcall(function() return sakip.records("surveys") end)
    W("surveys: ", tostring(ok), " ", err, "\n")
    for _, r in ipairs(sakip.results()) do
        W(tostring(r), " ", tostring(r.group), " real ", tostring(r.realisation), " capaian ", tostring(r.capaian), "\n")
    end
end }
