return { on_result = function(r) end
