-- kurkin.lua: the Kurkin table ("Laporan Kurkin di Aplikasi E-Kino",
-- kinerja per position) for the kurkin-md, kurkin-html and kurkin-xlsx
-- templates: one section per unit (a position: Sekretaris Dewan, a Kepala
-- Bagian, a JF or a staff post), in the order the plan declares the units,
-- with a row per indicator: the sasaran it serves (Kinerja Utama), the PK,
-- Renstra and Renja targets side by side (sakip.targets), the realisation
-- to the period evaluated (--as-of 2023-Q4: the TW IV figure) and the
-- narrative fields of that unit, indicator and period (sakip.narrative).
--
--   local kurkin = require("kurkin")
--   local title, sections = kurkin.table()
--   for _, col in ipairs(kurkin.columns(period_label)) do ... col.key, col.head ... end
--   for _, s in ipairs(sections) do ... s.name, s.rows[i][col.key] (text, "-" when missing) ... end

local cells = require("cells")

local kurkin = {}

-- The narrative fields, as named in narratives.csv, with their headings.
local fields = {
    { "kesesuaian", "Kesesuaian Rumus Realisasi dan Rumus dalam IKU" },
    { "data_dukung", "Data Dukung atas Realisasi" },
    { "kendala", "Kendala Pencapaian Target" },
    { "rencana_aksi", "Rencana Aksi" },
    { "catatan_efisien", "Catatan Efektif dan Efisien" },
    { "rpjmd_outcome", "Kinerja RPJMD: Outcome / Keluaran IKU" },
    { "rpjmd_kendala", "Kinerja RPJMD: Kendala (6M)" },
    { "catatan_evaluasi", "Catatan Evaluasi KemenPAN RB" },
}

local roman = { "I", "II", "III", "IV" }

-- "Triwulan IV" for 2023-Q4, "Semester II" for 2023-S2, else the period.
function kurkin.period_label(period)
    local q = period:match("%-Q(%d)$")
    if q then return "Triwulan " .. roman[tonumber(q)] end
    local s = period:match("%-S(%d)$")
    if s then return "Semester " .. roman[tonumber(s)] end
    return period
end

function kurkin.columns(period)
    local cols = {
        { key = "no", head = "No" },
        { key = "sasaran", head = "Kinerja Utama" },
        { key = "iku", head = "Indikator Kinerja Utama" },
        { key = "pk", head = "Target PK" },
        { key = "renstra", head = "Target Renstra" },
        { key = "renja", head = "Target Renja" },
        { key = "realisasi", head = "Realisasi " .. kurkin.period_label(period) },
    }
    for _, f in ipairs(fields) do cols[#cols + 1] = { key = f[1], head = f[2] } end
    return cols
end

-- A figure with its measure, the Indonesian way: "12 bulan", "84,98 indeks"; "-" when missing.
local function with_measure(v, measure, digits)
    if v == nil then return "-" end
    local text = cells.id(v, digits)
    if measure == "%" then return text .. " %" end
    return measure and (text .. " " .. measure) or text
end

-- The units in the order the plan declares them.
local function unit_order()
    local order, seen = {}, {}
    for _, d in ipairs(sakip.indicators()) do
        for _, code in ipairs(d.units.codes or {}) do
            if not seen[code] then seen[code] = true; order[#order + 1] = code end
        end
    end
    return order
end

local function row_of(n, r, period)
    local t = sakip.targets(r.unit, r.indicator, r.year) or {}
    local words = sakip.narrative(r.unit, r.indicator, period) or {}
    local row = {
        no = tostring(n),
        sasaran = r.sasaran or "-",
        iku = r.name,
        pk = with_measure(t.pk, r.measure),
        renstra = with_measure(t.renstra, r.measure),
        renja = with_measure(t.renja, r.measure),
        realisasi = r.real_level or with_measure(r.realisation_shown, r.measure, r.value_digits),
    }
    for _, f in ipairs(fields) do row[f[1]] = words[f[1]] or "-" end
    return row
end

-- The plan's title, the period ("2023-Q4") and the sections in order.
function kurkin.table()
    local plan = sakip.plan()
    local period = plan.as_of or tostring(plan.year_to)
    local by_unit = {}
    for _, r in ipairs(sakip.results()) do
        if r.year == plan.year_to and not r.group then
            local s = by_unit[r.unit]
            if not s then s = { unit = r.unit, name = r.unit_name, rows = {} }; by_unit[r.unit] = s end
            s.rows[#s.rows + 1] = row_of(#s.rows + 1, r, period)
        end
    end
    local sections = {}
    for _, code in ipairs(unit_order()) do
        if by_unit[code] then sections[#sections + 1] = by_unit[code] end
    end
    return plan.title or plan.path, period, sections
end

return kurkin
