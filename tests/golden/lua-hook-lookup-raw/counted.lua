-- on_result is found once, however many rows: replacing it later changes nothing
local hooks = {}
local n = 0
function hooks.on_result(r)
    n = n + 1
    sakip.warn("row " .. n)
    hooks.on_result = function() sakip.warn("replaced") end
end
return hooks
