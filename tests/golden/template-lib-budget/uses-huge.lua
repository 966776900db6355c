-- uses-huge.lua
local huge = require("huge")
return { render = function() sakip.write(#huge, " strings\n") end }
