-- first: every event, as a warning
return {
    before_unit = function(unit) sakip.warn("first before_unit " .. unit) end,
    on_result = function(r) sakip.warn("first on_result " .. r.indicator) end,
    after_unit = function(unit) sakip.warn("first after_unit " .. unit) end,
}
