-- the file's own top-level code runs in the sandbox too, before any row
local started = os.time()
return { on_result = function(r) end }
