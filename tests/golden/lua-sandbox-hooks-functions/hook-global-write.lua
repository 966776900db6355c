-- ... nor created
return { on_result = function(r) total = (r.capaian or 0) end }
