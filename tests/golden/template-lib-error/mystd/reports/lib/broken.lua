-- broken.lua: fails while it loads, two calls deep
local function check(v)
    if v > 1 then error("broken.lua cannot handle " .. v) end
end
local function all() for i = 1, 3 do check(i) end end
all()
return {}
