-- twice.lua: counter twice, user.lua (which requires counter), counter again; nothing twice
local a = require("counter")
local b = require("counter")
local user = require("user")
local c = require("counter")
local n1 = require("nothing")
local n2 = require("nothing")
local W = sakip.write
return { render = function()
    W("the same table each time: ", tostring(rawequal(a, b)), " ", tostring(rawequal(a, c)), " ",
      tostring(rawequal(a, user.counter)), "\n")
    W("user.lua counted ", user.first, "; next: ", a.next(), ", ", c.next(), "\n")
    W("a module that returns nothing gives true: ", tostring(n1), " ", tostring(n2), "\n")
end }
