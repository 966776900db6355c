-- dot.lua: require "a.b"
local m = require("a.b")
return { render = function() end }
