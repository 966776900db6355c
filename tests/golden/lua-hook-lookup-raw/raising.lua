return setmetatable({}, { __index = function(t, k) error("looked up " .. k) end })
