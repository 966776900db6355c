return { on_result = function(r) if r.unit == "V" then error("V is not allowed") end end }
