-- three levels of protection around an endless loop, three times over
return { render = function()
    for round = 1, 3 do
        local ok1, e1 = pcall(function()
            local ok2, e2 = pcall(function()
                local ok3, e3 = xpcall(function() while true do end end, function(m) return m end)
                sakip.write("level 3 caught: ", tostring(e3), "\n")
            end)
            sakip.write("level 2 caught: ", tostring(e2), "\n")
        end)
        sakip.write("level 1 caught: ", tostring(e1), "\n")
    end
    sakip.write("never written\n")
end }
