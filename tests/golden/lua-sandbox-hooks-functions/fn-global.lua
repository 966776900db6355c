-- a module keeping a count in a global: refused at load
calls = 0
return { f = function(v) return v end }
