-- cellz.lua: a module name misspelt
local cells = require("cellz")
return { render = function() sakip.write(cells.plain(1), "\n") end }
