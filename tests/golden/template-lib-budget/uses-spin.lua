-- uses-spin.lua
local spin = require("spin")
return { render = function() end }
