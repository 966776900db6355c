-- slow.lua: loads at once; its function never ends
local slow = {}
function slow.count()
    local n = 0
    while true do n = n + 1 end
end
return slow
