-- later.lua: loads, but one of its functions fails when render calls it
local later = {}
function later.cell(r)
    return r.capaian .. r.nonesuch
end
return later
