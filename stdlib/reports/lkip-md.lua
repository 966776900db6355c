-- lkip-md.lua: the LKIP chapter III tables in Markdown.
--
--   sakipc report plan.skp --template lkip-md --out bab3.md
--
-- Per unit, the achievement of each indicator (target, realisation,
-- capaian, grade) in the year evaluated; over several years (--year
-- 2021..2023) a table of the Renstra years per indicator; and, when the
-- plan has a budget block, the absorption per program and kegiatan, and for
-- a line the plan links to indicators (`program 2 supports PERDA, TUGAS`)
-- the achievement of those indicators and the line's efficiency.
-- Numbers are written the Indonesian way (84,98; 62.644.362.476).

local cells = require("cells")
local grades = require("grades")
local notes = require("notes")
local arrange = require("arrange")
local pagu = require("pagu")

local W = sakip.write
local cell = cells.id

local function achievement(plan, units, order)
    W("## Capaian kinerja ", plan.year_from == plan.year_to and plan.year_from or
      (plan.year_from .. "-" .. plan.year_to), "\n\n")
    for _, code in ipairs(order) do
        local u = units[code]
        W("### ", code, u.name and (" " .. u.name) or "", "\n\n")
        W("| Indikator | Tahun | Target | Realisasi | Capaian (%) | Predikat | Catatan |\n")
        W("|---|---:|---:|---:|---:|---|---|\n")
        for _, r in ipairs(u.rows) do
            local name = r.name .. (r.group and (" (" .. r.group .. ")") or "")
            W("| ", name, " | ", r.year, " | ", r.target_level or cell(r.target), " | ",
              r.real_level or cell(r.realisation_shown, r.value_digits), " | ", cell(r.capaian, r.digits), " | ",
              grades.text(r), " | ", notes.result(r), " |\n")
        end
        W("\n")
    end
end

-- The capaian of each indicator per year, one column per year evaluated
-- (with --year 2021..2023: the Renstra years so far).
local function renstra_years(plan, units, order)
    if plan.year_from == plan.year_to then return end
    W("## Capaian per tahun", plan.renstra_from and (" (Renstra " .. plan.renstra_from .. "-" .. plan.renstra_to .. ")") or "",
      "\n\n")
    for _, code in ipairs(order) do
        local u = units[code]
        local rows, seen = {}, {}
        for _, r in ipairs(u.rows) do
            local key = r.indicator .. "\0" .. (r.group or "")
            if not seen[key] then
                seen[key] = { name = r.name .. (r.group and (" (" .. r.group .. ")") or ""), by_year = {} }
                rows[#rows + 1] = seen[key]
            end
            seen[key].by_year[r.year] = r
        end
        W("### ", code, u.name and (" " .. u.name) or "", "\n\n| Indikator |")
        for y = plan.year_from, plan.year_to do W(" ", y, " |") end
        W("\n|---|")
        for _ = plan.year_from, plan.year_to do W("---:|") end
        W("\n")
        for _, row in ipairs(rows) do
            W("| ", row.name, " |")
            for y = plan.year_from, plan.year_to do
                local r = row.by_year[y]
                W(" ", r and cell(r.capaian, r.digits) or "-", " |")
            end
            W("\n")
        end
        W("\n")
    end
end

local function budget(plan, lines)
    local both = pagu.both(lines)
    local heads = pagu.heads(both)
    W("## Realisasi anggaran\n\n")
    W("| Kode | Program / kegiatan | ", table.concat(heads, " | "),
      " | Realisasi (Rp) | Serapan (%) | Sisa (Rp) | Capaian kinerja (%) | Efisiensi (%) |\n")
    W("|---|---|", string.rep("---:|", #heads), "---:|---:|---:|---:|---:|\n")
    local reasons = {}   -- why a linked line has no capaian kinerja, under the table
    for _, b in ipairs(lines) do
        if b.level ~= "subkegiatan" or b.supports then
            local achieved = b.capaian and cell(b.capaian, b.digits) or ""
            if b.supports and not b.capaian then
                achieved = "-"
                reasons[#reasons + 1] = b.code .. ": " .. b.capaian_reason
            end
            W("| ", b.code, " | ", b.name or "", " | ")
            local figures = pagu.figures(b, both)
            for i = 1, #heads do W(cell(figures[i], 0), " | ") end
            W(cell(b.realisasi, 0), " | ", cell(b.serapan, b.digits), " | ", cell(b.sisa, 0), " | ", achieved, " | ",
              b.supports and cell(b.efisiensi, b.digits) or "", " |\n")
        end
    end
    W("\nSerapan = realisasi / pagu x 100. ", pagu.basis(plan, both), "Capaian kinerja: rata-rata capaian ", plan.year_to,
      " indikator yang didukung (plan: program ... supports ...). Efisiensi (PMK 214/2017) = ",
      "(pagu x capaian/100 - realisasi) / (pagu x capaian/100) x 100. Pembulatan: ", plan.budget_round, ".\n")
    for _, n in ipairs(reasons) do W("\n- ", n) end
    W(#reasons > 0 and "\n\n" or "\n")
end

local function render()
    local plan = sakip.plan()
    W("# ", plan.title or plan.path, "\n\n")
    local units, order = arrange.by_unit(sakip.results())
    achievement(plan, units, order)
    renstra_years(plan, units, order)
    local lines = sakip.budget()
    if lines then budget(plan, lines) end
end

return { render = render }
