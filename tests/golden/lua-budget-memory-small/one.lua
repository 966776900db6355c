-- one allocation of 2 MB
return { render = function()
    local s = string.rep("x", 2000000)
    sakip.write(#s, " bytes\n")
end }
