-- lkip-md.lua: the LKIP chapter III tables in Markdown.
--
--   sakipc report plan.skp --template lkip-md --out bab3.md
--
-- Per unit, the achievement of each indicator (target, realisation,
-- capaian, grade) in the year evaluated; over several years (--year
-- 2021..2023) a table of the Renstra years per indicator; and, when the
-- plan has a budget block, the absorption per program and kegiatan.
-- Numbers are written the Indonesian way (84,98; 62.644.362.476).

local W = sakip.write
local F = sakip.format_id

local function cell(v, digits)
    if v == nil then return "-" end
    return F(v, digits)
end

local function grade_text(r)
    local out = {}
    for _, g in ipairs(r.grades) do
        if g.code then
            out[#out + 1] = g.code == g.label and g.code or (g.code .. " (" .. g.label .. ")")
        end
    end
    return #out > 0 and table.concat(out, "; ") or "-"
end

local function status_text(r)
    if r.status == "ok" then return "" end
    return r.status .. ": " .. (r.reason or "")
end

-- The rows of each unit, in the order of the evaluation.
local function by_unit(results)
    local units, order = {}, {}
    for _, r in ipairs(results) do
        if not units[r.unit] then
            units[r.unit] = { name = r.unit_name, rows = {} }
            order[#order + 1] = r.unit
        end
        local rows = units[r.unit].rows
        rows[#rows + 1] = r
    end
    return units, order
end

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
              r.real_level or cell(r.realisation, r.value_digits), " | ", cell(r.capaian, r.digits), " | ",
              grade_text(r), " | ", status_text(r), " |\n")
        end
        W("\n")
    end
end

local function budget(lines)
    W("## Realisasi anggaran\n\n")
    W("| Kode | Program / kegiatan | Pagu (Rp) | Realisasi (Rp) | Serapan (%) | Sisa (Rp) |\n")
    W("|---|---|---:|---:|---:|---:|\n")
    for _, b in ipairs(lines) do
        if b.level ~= "subkegiatan" then
            W("| ", b.code, " | ", b.name or "", " | ", cell(b.pagu, 0), " | ", cell(b.realisasi, 0), " | ",
              cell(b.serapan, 2), " | ", cell(b.sisa, 0), " |\n")
        end
    end
    W("\n")
end

local function render()
    local plan = sakip.plan()
    W("# ", plan.title or plan.path, "\n\n")
    local units, order = by_unit(sakip.results())
    achievement(plan, units, order)
    local lines = sakip.budget()
    if lines then budget(lines) end
end

return { render = render }
