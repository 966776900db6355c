-- loop-a.lua: requires loop-b, which requires loop-a
local b = require("loop-b")
return { b = b }
