-- pcall catches the budget's error, but cannot go on: every instruction raises it again
return { render = function()
    for i = 1, 10 do
        local ok, err = pcall(function() while true do end end)
        sakip.write("caught: ", tostring(err), "\n")
    end
    sakip.write("never written\n")
end }
