-- later.lua: an unknown module required while render runs, through a reference kept at load time
local req = require
return { render = function() sakip.write("before\n"); local m = req("nonesuch") end }
