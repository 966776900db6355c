-- uses-slow.lua: the module's function runs out of instructions in render
local slow = require("slow")
return { render = function() slow.count() end }
