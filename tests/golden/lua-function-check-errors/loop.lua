-- a module whose top level never ends: the instruction budget stops it
local n = 0
while true do n = n + 1 end
return { f = function(x) return x end }
