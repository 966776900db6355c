-- user.lua: a module that requires another
local counter = require("counter")
sakip.write("loading user.lua\n")
return { counter = counter, first = counter.next() }
