-- uses-syntax.lua
local m = require("syntax")
return { render = function() end }
