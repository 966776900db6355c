-- cells.lua: a figure as a cell of a report's table, rounded as the reports
-- round it. A missing figure (nil) is written as the table shows one, never
-- as 0.
--
--   local cells = require("cells")
--   cells.plain(84.975, 2)         --> 84.98
--   cells.plain(nil)               --> (empty)
--   cells.id(62644362476, 0)       --> 62.644.362.476
--   cells.id(nil)                  --> -
--   cells.json(nil)                --> null

local format, format_id = sakip.format, sakip.format_id

local cells = {}

-- v at `digits` decimals (sakip.format: 84.98), for CSV; `missing` (default
-- "") when v is nil. Without digits, v as computed.
function cells.plain(v, digits, missing)
    if v == nil then return missing or "" end
    return format(v, digits)
end

-- The same written the Indonesian way (sakip.format_id: 84,98;
-- 62.644.362.476), for tables people read; `missing` defaults to "-".
function cells.id(v, digits, missing)
    if v == nil then return missing or "-" end
    return format_id(v, digits)
end

-- A JSON number, or null when v is nil.
function cells.json(v, digits)
    if v == nil then return "null" end
    return format(v, digits)
end

return cells
