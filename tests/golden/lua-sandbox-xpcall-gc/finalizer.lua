-- a finalizer would run with hooks off: refused when the metatable is set
return { render = function()
    local t = setmetatable({}, { __gc = function() while true do end end })
    sakip.write("never written\n")
end }
