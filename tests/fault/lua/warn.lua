-- A hook that keeps every row and warns about the low ones after each unit.
local rows = {}
return {
    on_result = function(r) rows[#rows + 1] = r end,
    after_unit = function(unit)
        for _, r in ipairs(rows) do
            if r.capaian and r.capaian < 90 then sakip.warn(r.indicator .. " is below 90: " .. r.capaian) end
        end
    end,
}
