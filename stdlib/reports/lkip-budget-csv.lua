-- lkip-budget-csv.lua: the LKIP budget table as CSV, one row per program,
-- kegiatan and sub kegiatan: pagu, realisasi and sisa in whole rupiah,
-- serapan in percent, and for a line the plan links to indicators
-- (`program 2 supports PERDA, TUGAS`) the mean capaian of those indicators
-- in the last year evaluated and the efficiency (PMK 214/2017). A missing
-- figure is an empty field, never 0. Needs a budget block in the plan.
--
--   sakipc report plan.skp --template lkip-budget-csv --out anggaran.csv

local cells = require("cells")
local notes = require("notes")

local W = sakip.write
local C = sakip.csv
-- a figure as plain digits, an empty field when it is missing (never 0)
local num = cells.plain

local function render()
    local lines = sakip.budget()
    if not lines then error("this template needs a budget block in the plan: budget { ... }", 0) end
    W("code,parent,level,name,pagu,realisasi,serapan,sisa,supports,unit,capaian,efisiensi,status,notes\n")
    for _, b in ipairs(lines) do
        W(C(b.code), ",", C(b.parent or ""), ",", C(b.level or ""), ",", C(b.name or ""), ",",
          num(b.pagu, 0), ",", num(b.realisasi, 0), ",", num(b.serapan, 2), ",", num(b.sisa, 0), ",",
          C(b.supports and table.concat(b.supports, " ") or ""), ",", C(b.unit or ""), ",",
          num(b.capaian, 2), ",", num(b.efisiensi, 2), ",", C(b.status), ",", C(notes.budget_line(b)), "\n")
    end
end

return { render = render }
