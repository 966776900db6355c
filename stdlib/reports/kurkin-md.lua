-- kurkin-md.lua: the Kurkin table (Laporan Kurkin, kinerja per position)
-- in Markdown: a bold row per unit (position), then its indicators with
-- the PK, Renstra and Renja targets, the realisation to the period
-- evaluated and the narratives of that period. See lib/kurkin.lua.
--
--   sakipc report kurkin.skp --as-of 2023-Q4 --template kurkin-md --out kurkin.md

local kurkin = require("kurkin")
local W = sakip.write

-- a cell's text on one line, its pipes escaped
local function md(s)
    return (tostring(s):gsub("[\r\n]+", " "):gsub("|", "\\|"))
end

local function render()
    local title, period, sections = kurkin.table()
    local cols = kurkin.columns(period)
    W("# Laporan Kurkin ", kurkin.period_label(period), "\n\n", md(title), "\n\n|")
    for _, c in ipairs(cols) do W(" ", c.head, " |") end
    W("\n|", string.rep("---|", #cols), "\n")
    for _, s in ipairs(sections) do
        W("| **", md(s.name), "** |", string.rep(" |", #cols - 1), "\n")
        for _, row in ipairs(s.rows) do
            W("|")
            for _, c in ipairs(cols) do W(" ", md(row[c.key]), " |") end
            W("\n")
        end
    end
end

return { render = render }
