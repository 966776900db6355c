-- uses.lua: a template of one's own built on the report library's modules
local cells = require("cells")
local grades = require("grades")
local notes = require("notes")
local arrange = require("arrange")
local W = sakip.write

local function results_table(results)
    W("unit indicator year | plain | id | id with – | json | text | text with – | codes | banded_codes | note\n")
    for _, r in ipairs(results) do
        W(r.unit, " ", r.indicator, " ", r.year, " | ", cells.plain(r.capaian, r.digits), " | ",
          cells.id(r.capaian, r.digits), " | ", cells.id(r.capaian, r.digits, "–"), " | ",
          cells.json(r.capaian, r.digits), " | ", grades.text(r), " | ", grades.text(r, "–"), " | ",
          grades.codes(r), " | ", grades.banded_codes(r), " | ", notes.result(r), "\n")
    end
end

return { render = function()
    local results = sakip.results()
    local units, order = arrange.by_unit(results)
    W("years: ", table.concat(arrange.years(results), " "), "\n")
    for _, code in ipairs(order) do
        W(code, " ", units[code].name, ": ", #units[code].rows, " rows\n")
    end
    results_table(results)
    for _, b in ipairs(sakip.budget()) do
        W(b.code, " | pagu ", cells.id(b.pagu, 0), " = ", cells.plain(b.pagu, 0), " | serapan ",
          cells.id(b.serapan, 2), " | capaian ", cells.plain(b.capaian, 2, "(none)"), " | notes: ",
          notes.budget_line(b), "\n")
    end
    -- no digits: as computed; an integer exactly
    W(cells.plain(1 / 3), " ", cells.id(1234567.5), " ", cells.id(-1234.5, 1), " ", cells.json(7, 2), "\n")
end }
