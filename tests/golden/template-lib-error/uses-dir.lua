-- uses-dir.lua
local m = require("dir")
return { render = function() end }
