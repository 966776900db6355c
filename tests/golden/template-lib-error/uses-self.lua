-- uses-self.lua
local m = require("self")
return { render = function() end }
