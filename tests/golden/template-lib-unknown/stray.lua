-- stray.lua: stray.lua exists in mystd/lib and mystd/reports, but not in mystd/reports/lib
local stray = require("stray")
return { render = function() end }
