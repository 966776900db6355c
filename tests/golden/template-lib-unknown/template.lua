-- template.lua: a template's name is not a module's
local md = require("lkip-md")
return { render = function() end }
