-- syntax.lua: does not compile
local syntax = {}
function syntax.f( return 1 end
return syntax
