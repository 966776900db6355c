-- kurkin-html.lua: the Kurkin table (Laporan Kurkin, kinerja per position)
-- as a self-contained HTML page: a row per unit (position) across the
-- table, then its indicators. The table scrolls in its own box. See
-- lib/kurkin.lua.
--
--   sakipc report kurkin.skp --as-of 2023-Q4 --template kurkin-html --out kurkin.html

local kurkin = require("kurkin")
local W = sakip.write

local function esc(s)
    return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

local function render()
    local title, period, sections = kurkin.table()
    local cols = kurkin.columns(period)
    W('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>', esc(title), '</title>\n')
    W('<style>body{font-family:sans-serif;margin:2em;color:#222}.wide{overflow-x:auto;max-width:100%}',
      'table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:4px 6px;font-size:12px;vertical-align:top}',
      'th{background:#eee}td{min-width:6em;max-width:22em}tr.unit td{background:#f4f4f4;font-weight:bold}</style>',
      '</head><body>\n')
    W('<h1>Laporan Kurkin ', esc(kurkin.period_label(period)), '</h1>\n<p>', esc(title), '</p>\n')
    W('<div class="wide"><table>\n<tr>')
    for _, c in ipairs(cols) do W('<th>', esc(c.head), '</th>') end
    W('</tr>\n')
    for _, s in ipairs(sections) do
        W('<tr class="unit"><td colspan="', #cols, '">', esc(s.name), '</td></tr>\n')
        for _, row in ipairs(s.rows) do
            W('<tr>')
            for _, c in ipairs(cols) do W('<td>', esc(row[c.key]), '</td>') end
            W('</tr>\n')
        end
    end
    W('</table></div>\n</body></html>\n')
end

return { render = render }
