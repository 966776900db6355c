-- a long text written, then an error deep in a loop
return { render = function()
    for i = 1, 10000 do sakip.write("line ", i, "\n") end
    local t = nil
    sakip.write(t.field)
end }
