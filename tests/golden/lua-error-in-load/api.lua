-- the sakip module is there while the file loads: a bad call to it fails there
local F = sakip.format_id
local ZERO = F("nol", 2)
return { render = function() end }
