-- the strict guard cannot be taken off
return { render = function()
    sakip.write(tostring(getmetatable(_G)), "\n")
    setmetatable(_G, nil)
end }
