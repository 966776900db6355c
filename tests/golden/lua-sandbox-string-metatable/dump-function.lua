-- nor through the string metatable's __index, on a function
return { render = function()
    local dump = getmetatable("").__index.dump
    sakip.write(tostring(dump), "\n")
    sakip.write(dump(function() end))
end }
