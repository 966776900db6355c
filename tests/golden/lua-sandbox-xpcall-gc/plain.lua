-- within the budget, xpcall and setmetatable behave as in plain Lua
return { render = function()
    local W = sakip.write
    local ok, a, b = xpcall(function(x, y) return x + y, x * y end, function(m) return "H:" .. m end, 3, 4)
    W(tostring(ok), " ", a, " ", b, "\n")                       -- true 7 12
    ok, a = xpcall(function() error("boom", 0) end, function(m) return "handled: " .. m end)
    W(tostring(ok), " ", a, "\n")                               -- false handled: boom
    ok, a = xpcall(function() error("boom", 0) end, function(m) error("again", 0) end)
    W(tostring(ok), " ", tostring(a), "\n")                     -- a handler that fails: false, error in error handling
    local t = setmetatable({}, { __index = function(_, k) return k .. "!" end })
    W(t.x, " ", tostring(getmetatable(t) ~= nil), "\n")         -- x! true
    W(tostring(setmetatable(t, nil) == t), " ", tostring(getmetatable(t)), "\n")   -- true nil
    local locked = setmetatable({}, { __metatable = "locked" })
    W(select(2, pcall(setmetatable, locked, {})), "\n")
    W(select(2, pcall(setmetatable, {}, 42)), "\n")
    W(select(2, pcall(xpcall, function() end)), "\n")
end }
