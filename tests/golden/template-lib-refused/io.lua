-- io.lua: require "io"
local m = require("io")
return { render = function() end }
