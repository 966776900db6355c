-- the memory budget, through pcall
return { render = function()
    local ok, err = pcall(function()
        local t = {}
        for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end
    end)
    sakip.write("caught: ", tostring(err), "\n")
    local more = {}
    for i = 1, 100 do more[i] = i end
    sakip.write("never written\n")
end }
