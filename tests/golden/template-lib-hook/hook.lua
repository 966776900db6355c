-- hook.lua: an eval hook has no require
local cells = require("cells")
return { on_result = function(r) end }
