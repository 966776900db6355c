-- an error handler that loops itself, and one that ignores the error
return { render = function()
    local ok, err = xpcall(function() while true do end end, function(m) while true do end end)
    sakip.write("after the looping handler: ", tostring(err), "\n")
    ok, err = xpcall(function() error("first") end, function(m) return "ignored" end)
    sakip.write("never written: ", tostring(err), "\n")
end }
