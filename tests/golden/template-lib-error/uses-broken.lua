-- uses-broken.lua
local m = require("broken")
return { render = function() end }
