-- a module whose top level raises an error while it loads
local rates = { 1, 2, 3 }
local function check(t)
    if #t < 4 then error("the rate table needs 4 rows, found " .. #t) end
end
check(rates)
return { f = function(x) return x end }
