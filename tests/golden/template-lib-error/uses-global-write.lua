-- uses-global-write.lua
local m = require("global-write")
return { render = function() end }
