-- an event hook catches the memory budget's error with pcall, and tries to go on
local kept = {}
return { on_result = function(r)
    sakip.warn("row " .. r.indicator)
    if r.indicator ~= "B" then return end
    local ok, err = pcall(function()
        for i = 1, 1e9 do kept[i] = string.rep("x", 1000) .. i end
    end)
    kept = nil
    sakip.warn("caught: " .. tostring(err))
end }
