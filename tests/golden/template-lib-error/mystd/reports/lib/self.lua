-- self.lua: requires itself
local me = require("self")
return {}
