-- arrange.lua: the results of sakip.results() arranged for the tables of a
-- report.
--
--   local arrange = require("arrange")
--   local units, order = arrange.by_unit(sakip.results())
--   for _, code in ipairs(order) do ... units[code].name, units[code].rows ... end
--   local years = arrange.years(sakip.results())   --> { 2021, 2022, 2023 }

local arrange = {}

-- The rows of each unit: `units` maps a unit's code to { name = its name,
-- rows = its results }, `order` lists the codes in the order of the
-- evaluation (a table keyed by code has no order of its own).
function arrange.by_unit(results)
    local units, order = {}, {}
    for _, r in ipairs(results) do
        if not units[r.unit] then
            units[r.unit] = { name = r.unit_name, rows = {} }
            order[#order + 1] = r.unit
        end
        local list = units[r.unit].rows
        list[#list + 1] = r
    end
    return units, order
end

-- The years the results cover, each once, in ascending order.
function arrange.years(results)
    local years, seen = {}, {}
    for _, r in ipairs(results) do
        if not seen[r.year] then
            seen[r.year] = true
            years[#years + 1] = r.year
        end
    end
    table.sort(years)
    return years
end

return arrange
