-- cells.lua in $SAKIPC_STDLIB: found before the standard library's
local cells = {}
function cells.plain(v, digits) return v == nil and "(kosong)" or ("<" .. sakip.format(v, digits) .. ">") end
return cells
