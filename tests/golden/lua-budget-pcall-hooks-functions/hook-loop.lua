-- an event hook catches the instruction budget's error with pcall, and tries to go on
return { on_result = function(r)
    sakip.warn("row " .. r.indicator)
    if r.indicator ~= "B" then return end
    local ok, err = pcall(function() while true do end end)
    sakip.warn("caught: " .. tostring(err))
end }
