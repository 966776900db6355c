-- a module that returns nothing at all
local function f(x) return x end
