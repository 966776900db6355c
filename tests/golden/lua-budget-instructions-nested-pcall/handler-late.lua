-- a handler that loops on an ordinary error: the budget stops it too
return { render = function()
    local ok, err = xpcall(function() error("plain") end, function(m) while true do end end)
    sakip.write("never written: ", tostring(err), "\n")
end }
