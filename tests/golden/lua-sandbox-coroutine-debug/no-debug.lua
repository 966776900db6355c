-- debug is not there
return { render = function() local t = debug.traceback() end }
