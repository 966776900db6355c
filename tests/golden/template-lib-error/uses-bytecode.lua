-- uses-bytecode.lua
local m = require("bytecode")
return { render = function() end }
