-- lkip-csv.lua: the LKIP chapter III achievement table as CSV, one row
-- per unit, indicator, (group) and year, plain numbers for spreadsheets.
--
--   sakipc report plan.skp --template lkip-csv --out bab3.csv

local cells = require("cells")
local grades = require("grades")

local W = sakip.write
local C = sakip.csv
local num = cells.plain

local function render()
    W("unit,unit_name,indicator,name,group,year,target,source,realisation,capaian,grade,status,reason\n")
    for _, r in ipairs(sakip.results()) do
        W(C(r.unit), ",", C(r.unit_name or ""), ",", C(r.indicator), ",", C(r.name), ",", C(r.group or ""), ",",
          r.year, ",", C(r.target_level or num(r.target)), ",", C(r.source or ""), ",",
          C(r.real_level or num(r.realisation_shown, r.value_digits)), ",", num(r.capaian, r.digits), ",",
          C(grades.codes(r)), ",", C(r.status), ",", C(r.reason or ""), "\n")
    end
end

return { render = render }
