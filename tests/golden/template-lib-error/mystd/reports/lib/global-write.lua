-- global-write.lua: a module has the template's strict globals
helper = function() end
return {}
