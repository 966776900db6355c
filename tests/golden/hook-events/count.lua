-- counts rows and keeps them: a hook may hold on to a row after the call
local rows = {}
return {
    on_result = function(r) rows[#rows + 1] = r end,
    after_unit = function(unit) sakip.warn(#rows .. " rows so far, the first " .. rows[1].unit .. " " .. rows[1].indicator) end,
}
