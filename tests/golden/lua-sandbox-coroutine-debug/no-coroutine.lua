-- coroutine is not there
return { render = function() local co = coroutine.create(function() end) end }
