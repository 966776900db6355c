-- rumus.lua: nor a Lua function's module
local cells = require("cells")
return { double = function(x) return x * 2 end }
