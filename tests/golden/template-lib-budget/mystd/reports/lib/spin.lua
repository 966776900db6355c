-- spin.lua: an endless loop while the module loads
local n = 0
while true do n = n + 1 end
return {}
