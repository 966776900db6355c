-- a message handler that loops for ever once the budget has run out
return { render = function()
    local ok, err = xpcall(function() while true do end end, function(m) while true do end end)
    sakip.write("never written: ", tostring(err), "\n")
end }
