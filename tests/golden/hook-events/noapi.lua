-- event hooks see sakip.warn only
return { on_result = function(r) sakip.write("x") end }
