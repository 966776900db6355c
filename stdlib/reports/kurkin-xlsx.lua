-- kurkin-xlsx.lua: the Kurkin table (Laporan Kurkin, kinerja per position)
-- as an Excel workbook, sheet "Kurkin": the header, then per unit
-- (position) a row with its name and a row per indicator. See
-- lib/kurkin.lua.
--
--   sakipc report kurkin.skp --as-of 2023-Q4 --template kurkin-xlsx --out kurkin.xlsx

local kurkin = require("kurkin")

local widths = { no = 5, sasaran = 36, iku = 40, pk = 12, renstra = 12, renja = 12, realisasi = 14 }

local function render()
    local _, period, sections = kurkin.table()
    local cols = kurkin.columns(period)
    local s = sakip.workbook():sheet("Kurkin")
    for i, c in ipairs(cols) do
        s:write(1, i, c.head, "header")
        s:width(i, widths[c.key] or 30)
    end
    local row = 2
    for _, sec in ipairs(sections) do
        s:write(row, 1, sec.name, "header")
        row = row + 1
        for _, r in ipairs(sec.rows) do
            for i, c in ipairs(cols) do s:write(row, i, r[c.key]) end
            row = row + 1
        end
    end
end

return { render = render }
