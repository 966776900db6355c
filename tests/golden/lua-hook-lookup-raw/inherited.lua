local calls = 0
return setmetatable({}, { __index = function(t, k) calls = calls + 1; if k == "render" then return function() sakip.write("render via __index\n") end end end })
