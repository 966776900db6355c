-- loadfile is not there for a Lua function either: the module fails as check loads it
local x = loadfile
return { f = function(v) return v end }
