-- each string as a CSV field and as a JSON string, between [ ]
local W = sakip.write
-- control characters other than a line feed shown as <N>, so that the transcript stays readable
local function vis(s) return (s:gsub("[%c]", function(c) return c == "\n" and c or "<" .. c:byte() .. ">" end)) end
local strings = {
    { "plain", "Balangan" },
    { "empty", "" },
    { "comma", "Juai, Balangan" },
    { "quotes", 'Jl. "Merdeka" No. 5' },
    { "only a quote", '"' },
    { "newline", "baris satu\nbaris dua" },
    { "CR LF", "baris satu\r\nbaris dua" },
    { "tab and backslash", "kolom\tC:\\data\\lkip" },
    { "control", "a\1b\31c" },
    { "semicolon", "a; b" },
    { "slash", "2023/2024" },
    { "non-ASCII", "Capaian ≥ 100% — “sangat baik”, Rp 1.000,00 · é ñ ü" },
    { "emoji", "👍 tercapai" },
}
return { render = function()
    for _, s in ipairs(strings) do
        W(s[1], ": csv [", vis(sakip.csv(s[2])), "] json [", sakip.json(s[2]), "]\n")
    end
    W("-- a report line from the results\n")
    local p = sakip.plan()
    W("plan,", sakip.csv(p.title), "\n")
    W('{"plan": ', sakip.json(p.title), "}\n")
    for _, r in ipairs(sakip.results()) do
        W(sakip.csv(r.unit_name), ",", sakip.csv(r.name), ",", sakip.format(r.capaian, r.digits), "\n")
        W('{"unit_name": ', sakip.json(r.unit_name), ', "name": ', sakip.json(r.name), ', "capaian": ',
          sakip.format(r.capaian, r.digits), "}\n")
    end
    W("-- a number is written as text; anything else is an error\n")
    W(sakip.csv(84.5), " ", sakip.json(84.5), "\n")
    W(select(2, pcall(function() return sakip.csv(nil) end)), "\n")
    W(select(2, pcall(function() return sakip.json({}) end)), "\n")
end }
