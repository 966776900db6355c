-- lkip-html.lua: the LKIP chapter III tables as one self-contained HTML
-- file (no network: inline CSS and inline SVG charts).
--
--   sakipc report plan.skp --template lkip-html --out bab3.html
--
-- For each unit: the achievement table, and a bar chart of capaian per
-- indicator against 100%, each bar coloured by its grade (red for the
-- lowest band of its scheme to green for the highest). Over several years
-- (--year 2021..2023): a line chart of capaian across the years. With a
-- budget block: absorption per program and kegiatan, with a bar chart
-- against 100%, and for the lines the plan links to indicators
-- (`program 2 supports PERDA, TUGAS`) a chart of absorption against the
-- achievement of those indicators, with the efficiency (PMK 214/2017).

local cells = require("cells")
local grades = require("grades")
local notes = require("notes")
local arrange = require("arrange")
local pagu = require("pagu")

local W = sakip.write
local F = sakip.format_id

local function esc(s)
    s = tostring(s)
    return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function cell(v, digits) return cells.id(v, digits, "–") end

-- red (lowest band) .. green (highest), by the first grade that has a band
local function colour(r)
    for _, g in ipairs(r.grades) do
        if g.rank then
            local t = g.levels > 1 and (g.rank - 1) / (g.levels - 1) or 1
            local red = math.floor(200 * (1 - t) + 40 * t)
            local green = math.floor(60 * (1 - t) + 160 * t)
            return string.format("rgb(%d,%d,70)", red, green)
        end
    end
    return "rgb(120,120,120)"
end

-- A label cut to fit the left margin of a chart: at most 38 characters
-- (not bytes: names may hold any UTF-8), with an ellipsis.
local function short(label)
    if utf8.len(label) and utf8.len(label) > 38 then label = label:sub(1, utf8.offset(label, 37) - 1) .. "…" end
    return label
end

-- A horizontal bar chart: one bar per row, a dashed line at 100.
local function bar_chart(title, rows, value_of, label_of, colour_of)
    local shown = {}
    for _, r in ipairs(rows) do
        if value_of(r) then shown[#shown + 1] = r end
    end
    if #shown == 0 then return end
    local max = 120
    for _, r in ipairs(shown) do if value_of(r) > max then max = value_of(r) end end
    local left, width, bar, gap = 320, 420, 18, 8
    local height = #shown * (bar + gap) + 40
    local function x(v) return left + width * math.max(v, 0) / max end
    W('<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="', left + width + 70, '" height="', height,
      '" viewBox="0 0 ', left + width + 70, ' ', height, '"><title>', esc(title), '</title>\n')
    for i, r in ipairs(shown) do
        local y = 10 + (i - 1) * (bar + gap)
        local v = value_of(r)
        local label = short(label_of(r))
        W('<text x="', left - 8, '" y="', y + bar - 5, '" text-anchor="end" font-size="12">', esc(label), '</text>')
        W('<rect x="', left, '" y="', y, '" width="', string.format("%.1f", x(v) - left), '" height="', bar,
          '" fill="', colour_of(r), '"><title>', esc(label), ': ', F(v, 2), '%</title></rect>')
        W('<text x="', string.format("%.1f", x(v) + 4), '" y="', y + bar - 5, '" font-size="12">', F(v, 2), '</text>\n')
    end
    local x100 = string.format("%.1f", x(100))
    W('<line x1="', x100, '" y1="4" x2="', x100, '" y2="', height - 24, '" stroke="#333" stroke-dasharray="4 3"/>')
    W('<text x="', x100, '" y="', height - 8, '" text-anchor="middle" font-size="11">100%</text>')
    W('</svg><figcaption>', esc(title), '</figcaption></figure>\n')
end

-- Capaian across the years, one line per indicator.
local function trend_chart(unit, rows, years)
    local series, order = {}, {}
    for _, r in ipairs(rows) do
        if r.capaian and not r.group then
            if not series[r.indicator] then series[r.indicator] = {}; order[#order + 1] = r.indicator end
            series[r.indicator][r.year] = r.capaian
        end
    end
    if #order == 0 or #years < 2 then return end
    -- the axis spans the values (and 100), from a round ten below the lowest
    local max, min = 110, 100
    for _, code in ipairs(order) do
        for _, year in ipairs(years) do
            local v = series[code][year]
            if v then max = math.max(max, v); min = math.min(min, v) end
        end
    end
    local lo = math.max(0, math.floor(min / 10) * 10 - 10)
    max = math.ceil(max / 10) * 10
    local left, width, height = 50, 480, 220
    local function x(i) return left + (i - 1) * width / (#years - 1) end
    local function y(v) return 10 + (height - 40) * (1 - (math.max(v, lo) - lo) / (max - lo)) end
    local palette = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b" }
    W('<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="', left + width + 160, '" height="', height,
      '"><title>Capaian ', esc(unit), ' per tahun</title>\n')
    local y100 = string.format("%.1f", y(100))
    W('<line x1="', left, '" y1="', y100, '" x2="', left + width, '" y2="', y100, '" stroke="#333" stroke-dasharray="4 3"/>')
    W('<text x="', left - 6, '" y="', y100, '" text-anchor="end" font-size="11">100%</text>\n')
    for _, v in ipairs({ lo, max }) do                  -- the axis's ends
        W('<text x="', left - 6, '" y="', string.format("%.1f", y(v) + 4), '" text-anchor="end" font-size="10" fill="#777">',
          v, '</text>')
    end
    W('<line x1="', left, '" y1="10" x2="', left, '" y2="', height - 30, '" stroke="#bbb"/>\n')
    for i, year in ipairs(years) do
        W('<text x="', string.format("%.1f", x(i)), '" y="', height - 12, '" text-anchor="middle" font-size="11">', year, '</text>')
    end
    for k, code in ipairs(order) do
        local points = {}
        for i, year in ipairs(years) do
            local v = series[code][year]
            if v then points[#points + 1] = string.format("%.1f,%.1f", x(i), y(v)) end
        end
        local c = palette[(k - 1) % #palette + 1]
        W('<polyline fill="none" stroke="', c, '" stroke-width="2" points="', table.concat(points, " "), '"/>')
        W('<text x="', left + width + 10, '" y="', 20 + (k - 1) * 16, '" font-size="12" fill="', c, '">', esc(code), '</text>\n')
    end
    W('</svg><figcaption>Capaian per tahun, ', esc(unit), '</figcaption></figure>\n')
end

-- Per linked budget line, two bars: serapan (absorption) and the mean
-- capaian of the indicators it supports, against a dashed 100% line.
local function absorption_chart(lines, year)
    local shown = {}
    for _, b in ipairs(lines) do
        if b.supports and b.serapan and b.capaian then shown[#shown + 1] = b end
    end
    if #shown == 0 then return end
    local max = 120
    for _, b in ipairs(shown) do max = math.max(max, b.serapan, b.capaian) end
    local left, width, bar, gap = 320, 420, 16, 14
    local height = #shown * (2 * bar + gap) + 56
    local function x(v) return left + width * math.max(v, 0) / max end
    local title = "Serapan anggaran dan capaian kinerja " .. year .. " per program"
    W('<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="', left + width + 70, '" height="', height,
      '" viewBox="0 0 ', left + width + 70, ' ', height, '"><title>', esc(title), '</title>\n')
    local colours = { serapan = "rgb(40,90,160)", capaian = "rgb(40,150,90)" }
    for i, b in ipairs(shown) do
        local y = 10 + (i - 1) * (2 * bar + gap)
        local label = short(b.code .. " " .. (b.name or ""))
        W('<text x="', left - 8, '" y="', y + bar + 4, '" text-anchor="end" font-size="12">', esc(label), '</text>\n')
        for k, field in ipairs({ "serapan", "capaian" }) do
            local v, top = b[field], y + (k - 1) * bar
            W('<rect x="', left, '" y="', top, '" width="', string.format("%.1f", x(v) - left), '" height="', bar - 2,
              '" fill="', colours[field], '"><title>', esc(b.code), ' ', field, ': ', F(v, 2), '%</title></rect>')
            W('<text x="', string.format("%.1f", x(v) + 4), '" y="', top + bar - 5, '" font-size="11">', F(v, 2), '</text>\n')
        end
    end
    local x100 = string.format("%.1f", x(100))
    W('<line x1="', x100, '" y1="4" x2="', x100, '" y2="', height - 40, '" stroke="#333" stroke-dasharray="4 3"/>')
    W('<text x="', x100, '" y="', height - 26, '" text-anchor="middle" font-size="11">100%</text>')
    W('<rect x="', left, '" y="', height - 16, '" width="10" height="10" fill="', colours.serapan, '"/>',
      '<text x="', left + 14, '" y="', height - 7, '" font-size="11">serapan anggaran</text>',
      '<rect x="', left + 140, '" y="', height - 16, '" width="10" height="10" fill="', colours.capaian, '"/>',
      '<text x="', left + 154, '" y="', height - 7, '" font-size="11">capaian kinerja (rata-rata indikator)</text>\n')
    W('</svg><figcaption>', esc(title), '</figcaption></figure>\n')
end

local function render()
    local plan = sakip.plan()
    local title = plan.title or plan.path
    W('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>', esc(title), '</title>\n')
    W('<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}',
      'th,td{border:1px solid #bbb;padding:4px 8px;font-size:13px}td.n{text-align:right}th{background:#eee}',
      'figure{margin:1em 0}figcaption{font-size:12px;color:#555}.note{color:#a33}',
      -- a wide table scrolls in its own box and its notes wrap: the page
      -- itself keeps its width (tests/html-browser.sh checks 1000 px)
      '.wide{overflow-x:auto;max-width:100%}td.note{min-width:14em;max-width:28em;overflow-wrap:anywhere}',
      '</style></head><body>\n')
    W('<h1>', esc(title), '</h1>\n')
    local results = sakip.results()
    local units, order = arrange.by_unit(results)
    local years = arrange.years(results)
    W('<h2>Capaian kinerja ', years[1] or "", #years > 1 and ("–" .. years[#years]) or "", '</h2>\n')
    for _, code in ipairs(order) do
        local u = units[code]
        W('<h3>', esc(code), u.name and (" " .. esc(u.name)) or "", '</h3>\n<table><tr><th>Indikator</th><th>Tahun</th>',
          '<th>Target</th><th>Realisasi</th><th>Capaian (%)</th><th>Predikat</th><th>Catatan</th></tr>\n')
        for _, r in ipairs(u.rows) do
            W('<tr><td>', esc(r.name), r.group and (" (" .. esc(r.group) .. ")") or "", '</td><td class="n">', r.year,
              '</td><td class="n">', esc(r.target_level or cell(r.target)), '</td><td class="n">',
              esc(r.real_level or cell(r.realisation_shown, r.value_digits)), '</td><td class="n">', cell(r.capaian, r.digits),
              '</td><td>', esc(grades.text(r, "–")), '</td><td class="note">', esc(notes.result(r)),
              '</td></tr>\n')
        end
        W('</table>\n')
        local last = {}
        for _, r in ipairs(u.rows) do if r.year == years[#years] then last[#last + 1] = r end end
        bar_chart("Capaian " .. code .. " " .. tostring(years[#years]) .. " terhadap 100%", last,
                  function(r) return r.capaian end,
                  function(r) return r.indicator .. (r.group and (" " .. r.group) or "") end, colour)
        trend_chart(code, u.rows, years)
    end
    local budget = sakip.budget()
    if budget then
        local both = pagu.both(budget)
        W('<h2>Realisasi anggaran</h2>\n<div class="wide"><table><tr><th>Kode</th><th>Program / kegiatan</th>')
        for _, h in ipairs(pagu.heads(both)) do W('<th>', esc(h), '</th>') end
        W('<th>Realisasi (Rp)</th><th>Serapan (%)</th><th>Sisa (Rp)</th><th>Indikator</th><th>Capaian kinerja (%)</th>',
          '<th>Efisiensi (%)</th><th>Catatan</th></tr>\n')
        local programs = {}
        for _, b in ipairs(budget) do
            if b.level ~= "subkegiatan" or b.supports then
                W('<tr><td>', esc(b.code), '</td><td>', esc(b.name or ""), '</td>')
                for _, v in ipairs(pagu.figures(b, both)) do W('<td class="n">', cell(v, 0), '</td>') end
                W('<td class="n">', cell(b.realisasi, 0), '</td><td class="n">', cell(b.serapan, b.digits),
                  '</td><td class="n">', cell(b.sisa, 0), '</td><td>',
                  b.supports and esc(table.concat(b.supports, ", ") .. (b.unit and (" (" .. b.unit .. ")") or "")) or "",
                  '</td><td class="n">', b.supports and cell(b.capaian, b.digits) or "",
                  '</td><td class="n">', b.supports and cell(b.efisiensi, b.digits) or "",
                  '</td><td class="note">', esc(notes.budget_line(b)), '</td></tr>\n')
            end
            if b.level == "program" or b.level == "kegiatan" then programs[#programs + 1] = b end
        end
        W('</table></div>\n<p>Serapan = realisasi / pagu x 100. ', esc(pagu.basis(plan, both)), 'Capaian kinerja: rata-rata capaian ', years[#years] or "",
          ' indikator yang didukung. Efisiensi (PMK 214/2017) = (pagu x capaian/100 - realisasi) / ',
          '(pagu x capaian/100) x 100. Pembulatan: ', esc(plan.budget_round), '.</p>\n')
        absorption_chart(budget, years[#years] or plan.year_to)
        bar_chart("Serapan anggaran per program dan kegiatan", programs, function(b) return b.serapan end,
                  function(b) return b.code .. " " .. (b.name or "") end,
                  function(b) return b.level == "program" and "rgb(40,90,160)" or "rgb(110,150,200)" end)
    end
    W('</body></html>\n')
end

return { render = render }
