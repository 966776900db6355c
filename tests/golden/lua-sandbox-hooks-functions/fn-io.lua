-- io is not there for a Lua function either: the module fails as check loads it
local x = io
return { f = function(v) return v end }
