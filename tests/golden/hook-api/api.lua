-- every call of the API, and what it gives
local W = sakip.write
return { render = function()
    local p = sakip.plan()
    W("plan: ", p.title, " | ", p.path, " | ", p.year_from, "-", p.year_to, " | renstra ", p.renstra_from, "-", p.renstra_to, "\n")
    for _, r in ipairs(sakip.results()) do
        W(tostring(r), ": ", r.unit, " ", r.unit_name, " ", r.indicator, " ", r.name, " ", tostring(r.measure), " ",
          r.year, " target ", tostring(r.target), " (", tostring(r.source), ") real ", tostring(r.realisation),
          " [", tostring(r.basis), "] capaian ", tostring(r.capaian), " digits ", r.digits, "/", r.value_digits,
          " status ", r.status, " reason ", tostring(r.reason), "\n")
        for _, g in ipairs(r.grades) do W("  grade ", g.scheme, " ", g.on, " ", tostring(g.code), " ", tostring(g.label), "\n") end
    end
    for _, i in ipairs(sakip.indicators()) do
        W("indicator ", i.code, " ", i.name, " ", tostring(i.measure), " ", i.polarity, " ", i.aggregate, " weight ", i.weight,
          " grouped ", tostring(i.grouped), " formula ", tostring(i.formula), "\n")
    end
    W("grade NILAI 88: ", table.concat({ sakip.grade("NILAI", 88) }, " / "), "\n")
    W("grade NILAI -5: ", tostring(sakip.grade("NILAI", -5) or "none"), "\n")
    W("format: ", sakip.format(84.975, 2), " ", sakip.format(1 / 3), " ", sakip.format(62644362476, 0), "\n")
    W("format_id: ", sakip.format_id(84.975, 2), " ", sakip.format_id(62644362476, 0), " ", sakip.format_id(-1234.5, 1), "\n")
    W("csv: ", sakip.csv('a, "b"'), " ", sakip.csv("plain"), "\n")
    W("json: ", sakip.json('say "hi"\n'), "\n")
    for _, b in ipairs(sakip.budget()) do
        W("budget ", b.code, " ", tostring(b.parent), " ", b.level, " ", b.pagu, " ", b.realisasi, " ", sakip.format(b.serapan, 2),
          " ", b.status, " ", b.notes, "\n")
    end
end }
