-- hook-later.lua: nor when an event runs
return { on_result = function(r) local req = require end }
