-- mine.lua: a template in $SAKIPC_STDLIB/reports, with modules from its lib/ and the standard library
local mine = require("mine")
local grades = require("grades")
local cells = require("cells")
return { render = function()
    for _, r in ipairs(sakip.results()) do
        sakip.write(mine.hello, "; ", r.unit, " ", r.indicator, " ", cells.plain(r.capaian, 2), " ", grades.text(r), "\n")
    end
end }
