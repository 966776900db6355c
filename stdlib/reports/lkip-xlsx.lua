-- lkip-xlsx.lua: the LKIP chapter III tables as an Excel workbook.
--
--   sakipc report plan.skp --template lkip-xlsx --out bab3.xlsx
--
-- Sheet "Capaian": one row per unit, indicator, (group) and year, numbers
-- stored as numbers (capaian in a percent format, shown 100,17% by an
-- Indonesian Excel). Sheet "Anggaran" with the plan's budget block: pagu,
-- realisasi and sisa in a rupiah format (Rp 62.644.362.476), serapan in
-- percent, and for a line the plan links to indicators (`program 2 supports
-- PERDA, TUGAS`) the mean capaian of those indicators and the efficiency
-- (PMK 214/2017). Missing figures are empty cells, never 0.

local grades = require("grades")
local notes = require("notes")

-- Sheet "Capaian": the achievement table, one row per result; the grade
-- column holds the codes of the schemes that give a band.
local function achievement(wb)
    local s = wb:sheet("Capaian")
    local head = { "Unit", "Nama unit", "Indikator", "Nama indikator", "Kelompok", "Tahun", "Target", "Sumber",
                   "Realisasi", "Capaian (%)", "Predikat", "Status", "Keterangan" }
    local widths = { 14, 36, 12, 48, 16, 7, 10, 10, 11, 12, 16, 10, 40 }
    for c, h in ipairs(head) do s:write(1, c, h, "header"); s:width(c, widths[c]) end
    for i, r in ipairs(sakip.results()) do
        local row = i + 1
        s:write(row, 1, r.unit)
        s:write(row, 2, r.unit_name)
        s:write(row, 3, r.indicator)
        s:write(row, 4, r.name)
        s:write(row, 5, r.group)
        s:write(row, 6, r.year)
        s:write(row, 7, r.target_level or r.target)
        s:write(row, 8, r.source)
        s:write(row, 9, r.real_level or r.realisation_shown)
        s:write(row, 10, r.capaian, "percent")
        s:write(row, 11, grades.banded_codes(r))
        s:write(row, 12, r.status)
        s:write(row, 13, r.reason)
    end
end

-- Sheet "Anggaran": one row per budget line; its notes end with why a line
-- linked to indicators has no capaian kinerja.
local function budget(wb, lines)
    local s = wb:sheet("Anggaran")
    local head = { "Kode", "Tingkat", "Program / kegiatan / sub kegiatan", "Pagu", "Realisasi", "Serapan (%)", "Sisa",
                   "Indikator", "Capaian kinerja (%)", "Efisiensi (%)", "Status", "Catatan" }
    local widths = { 10, 12, 50, 20, 20, 12, 18, 24, 12, 12, 10, 60 }
    for c, h in ipairs(head) do s:write(1, c, h, "header"); s:width(c, widths[c]) end
    for i, b in ipairs(lines) do
        local row = i + 1
        s:write(row, 1, b.code)
        s:write(row, 2, b.level)
        s:write(row, 3, b.name)
        s:write(row, 4, b.pagu, "rupiah")
        s:write(row, 5, b.realisasi, "rupiah")
        s:write(row, 6, b.serapan, "percent")
        s:write(row, 7, b.sisa, "rupiah")
        if b.supports then
            s:write(row, 8, table.concat(b.supports, ", ") .. (b.unit and (" (" .. b.unit .. ")") or ""))
            s:write(row, 9, b.capaian, "percent")
            s:write(row, 10, b.efisiensi, "percent")
        end
        s:write(row, 11, b.status)
        s:write(row, 12, notes.budget_line(b))
    end
end

-- sakip.workbook() is an error without --out: a workbook is a file.
local function render()
    local wb = sakip.workbook()
    achievement(wb)
    local lines = sakip.budget()
    if lines then budget(wb, lines) end
end

return { render = render }
