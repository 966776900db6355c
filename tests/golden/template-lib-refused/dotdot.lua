-- dotdot.lua: require "../x"
local m = require("../x")
return { render = function() end }
