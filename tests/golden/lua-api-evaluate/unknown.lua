-- an indicator the plan does not have is an error, not nil
return { render = function()
    sakip.write("before\n")
    local r = sakip.evaluate("U", "NOPE")
    sakip.write("never written\n")
end }
