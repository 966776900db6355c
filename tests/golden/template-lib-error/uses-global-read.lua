-- uses-global-read.lua
local m = require("global-read")
return { render = function() end }
