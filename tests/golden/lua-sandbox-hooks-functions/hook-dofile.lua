-- dofile is not there for an event hook
return { on_result = function(r) local x = dofile end }
