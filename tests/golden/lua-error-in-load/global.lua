-- a global read at the top level
local t = setup_table
return { render = function() end }
