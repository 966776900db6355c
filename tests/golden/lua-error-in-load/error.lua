-- error() at the top level
local LIMIT = 100
if LIMIT > 50 then error("LIMIT must be at most 50, found " .. LIMIT) end
return { render = function() sakip.write("never\n") end }
