-- lkip-csv.lua: the LKIP chapter III achievement table as CSV, one row
-- per unit, indicator, (group) and year, plain numbers for spreadsheets.
--
--   sakipc report plan.skp --template lkip-csv --out bab3.csv

local W = sakip.write
local C = sakip.csv

local function num(v, digits)
    if v == nil then return "" end
    return sakip.format(v, digits)
end

local function grade_codes(r)
    local out = {}
    for _, g in ipairs(r.grades) do out[#out + 1] = g.code or "" end
    return table.concat(out, "; ")
end

local function render()
    W("unit,unit_name,indicator,name,group,year,target,source,realisation,capaian,grade,status,reason\n")
    for _, r in ipairs(sakip.results()) do
        W(C(r.unit), ",", C(r.unit_name or ""), ",", C(r.indicator), ",", C(r.name), ",", C(r.group or ""), ",",
          r.year, ",", C(r.target_level or num(r.target)), ",", C(r.source or ""), ",",
          C(r.real_level or num(r.realisation, r.value_digits)), ",", num(r.capaian, r.digits), ",",
          C(grade_codes(r)), ",", C(r.status), ",", C(r.reason or ""), "\n")
    end
end

return { render = render }
