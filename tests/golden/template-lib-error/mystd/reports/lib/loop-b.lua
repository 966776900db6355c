-- loop-b.lua
local a = require("loop-a")
return { a = a }
