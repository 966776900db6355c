-- uses-loop-a.lua
local m = require("loop-a")
return { render = function() end }
