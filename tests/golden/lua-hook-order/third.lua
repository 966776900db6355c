-- third: rows only; the events it has no function for are skipped
return { on_result = function(r) sakip.warn("third on_result " .. r.indicator) end }
