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
local pagu = require("pagu")

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
    local both = pagu.both(lines)
    local pagus = pagu.heads(both)                  -- one column, or pagu awal, perubahan and the change
    local head = { "Kode", "Tingkat", "Program / kegiatan / sub kegiatan" }
    local widths = { 10, 12, 50 }
    for _, h in ipairs(pagus) do head[#head + 1] = h; widths[#widths + 1] = 20 end
    for _, h in ipairs({ "Realisasi", "Serapan (%)", "Sisa", "Indikator", "Capaian kinerja (%)", "Efisiensi (%)",
                         "Status", "Catatan" }) do head[#head + 1] = h end
    for _, w in ipairs({ 20, 12, 18, 24, 12, 12, 10, 60 }) do widths[#widths + 1] = w end
    for c, h in ipairs(head) do s:write(1, c, h, "header"); s:width(c, widths[c]) end
    local k = #pagus                                 -- the columns after the pagu move right by k - 1
    for i, b in ipairs(lines) do
        local row = i + 1
        s:write(row, 1, b.code)
        s:write(row, 2, b.level)
        s:write(row, 3, b.name)
        for j, v in ipairs(pagu.figures(b, both)) do s:write(row, 3 + j, v, "rupiah") end
        s:write(row, 4 + k, b.realisasi, "rupiah")
        s:write(row, 5 + k, b.serapan, "percent")
        s:write(row, 6 + k, b.sisa, "rupiah")
        if b.supports then
            s:write(row, 7 + k, table.concat(b.supports, ", ") .. (b.unit and (" (" .. b.unit .. ")") or ""))
            s:write(row, 8 + k, b.capaian, "percent")
            s:write(row, 9 + k, b.efisiensi, "percent")
        end
        s:write(row, 10 + k, b.status)
        s:write(row, 11 + k, notes.budget_line(b))
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
