-- refused.lua: names that are not module names, and Lua's own libraries; each error caught and printed
local W = sakip.write
local names = { "../x", "/etc/passwd", "a.b", "io", "os", "package", "debug", "string", "coroutine", "",
                "Cells", "cells.lua", "lib/cells", "reports/lib/cells", "9lives", "_cells", "cells ", "cells\0x",
                "x\nsakipc: error: y", "sel\195\169" }
local out = {}
for _, name in ipairs(names) do
    local ok, err = pcall(require, name)
    local shown = name:gsub("%c", function(c) return "\\" .. c:byte() end)
    out[#out + 1] = "'" .. shown .. "': " .. (ok and "loaded" or err)
end
for _, v in ipairs({ 1, true }) do
    local ok, err = pcall(require, v)
    out[#out + 1] = tostring(v) .. ": " .. (ok and "loaded" or err)
end
local ok, err = pcall(require)
out[#out + 1] = "no argument: " .. (ok and "loaded" or err)
return { render = function() W(table.concat(out, "\n"), "\n") end }
