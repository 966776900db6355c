-- render.lua: a template has require while its file's top level runs; render runs without it
local cells = require("cells")
return { render = function()
    sakip.write("loaded: cells.plain(84.975, 2) = ", cells.plain(84.975, 2), "\n")
    sakip.write("in render: rawget(_G, 'require') = ", tostring(rawget(_G, "require")), "\n")
end }
