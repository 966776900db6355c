-- sakip.warn takes text
return { after_unit = function(unit) sakip.warn(nil) end }
