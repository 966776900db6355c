-- os.lua: require "os"
local m = require("os")
return { render = function() end }
