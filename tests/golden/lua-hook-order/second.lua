-- second: every event, as a warning
return {
    before_unit = function(unit) sakip.warn("second before_unit " .. unit) end,
    on_result = function(r) sakip.warn("second on_result " .. r.indicator) end,
    after_unit = function(unit) sakip.warn("second after_unit " .. unit) end,
}
