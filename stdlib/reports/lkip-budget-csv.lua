-- lkip-budget-csv.lua: the LKIP budget table as CSV, one row per program,
-- kegiatan and sub kegiatan: pagu, realisasi and sisa in whole rupiah,
-- serapan in percent, and for a line the plan links to indicators
-- (`program 2 supports PERDA, TUGAS`) the mean capaian of those indicators
-- in the last year evaluated and the efficiency (PMK 214/2017). A missing
-- figure is an empty field, never 0. The last columns have both pagu
-- (pagu_original, pagu_revised: pagu awal and perubahan), the change
-- between them and which one serapan is on (pagu_used). Needs a budget
-- block in the plan.
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
    W("code,parent,level,name,pagu,realisasi,serapan,sisa,supports,unit,capaian,efisiensi,status,notes,",
      "pagu_original,pagu_revised,pagu_change,pagu_used\n")
    for _, b in ipairs(lines) do
        W(C(b.code), ",", C(b.parent or ""), ",", C(b.level or ""), ",", C(b.name or ""), ",",
          num(b.pagu, 0), ",", num(b.realisasi, 0), ",", num(b.serapan, b.digits), ",", num(b.sisa, 0), ",",
          C(b.supports and table.concat(b.supports, " ") or ""), ",", C(b.unit or ""), ",",
          num(b.capaian, b.digits), ",", num(b.efisiensi, b.digits), ",", C(b.status), ",", C(notes.budget_line(b)), ",",
          num(b.pagu_original, 0), ",", num(b.pagu_revised, 0), ",", num(b.pagu_change, 0), ",", b.pagu_used, "\n")
    end
end

return { render = render }
