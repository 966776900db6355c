-- each figure's periods: the realisation, the target of each source, and where each came from
local W = sakip.write
local function sorted_keys(t)
    local ks = {}
    for k in pairs(t) do ks[#ks + 1] = k end
    table.sort(ks)
    return ks
end
local function show(label, ps)
    W(label, ": ", #ps, " periods\n")
    for _, p in ipairs(ps) do
        W("  ", p.period, " realisation ", tostring(p.realisation))
        for _, s in ipairs(sorted_keys(p.targets)) do W(", target ", s, " ", tostring(p.targets[s])) end
        local from = {}
        for _, k in ipairs(sorted_keys(p.from)) do from[#from + 1] = k .. " " .. p.from[k] end
        W("; from ", table.concat(from, ", "), "\n")
    end
end
return { render = function()
    show("RAPAT", sakip.periods("U", "RAPAT"))
    show("RAPAT 2023", sakip.periods("U", "RAPAT", 2023))
    show("RAPAT 2024", sakip.periods("U", "RAPAT", 2024))
    show("RAPAT 2021", sakip.periods("U", "RAPAT", 2021))
    show("SERAPAN 2023", sakip.periods("U", "SERAPAN", 2023))
    show("IKM 2023", sakip.periods("U", "IKM", 2023))
    show("IKM", sakip.periods("U", "IKM"))
    for _, r in ipairs(sakip.results()) do
        W(tostring(r), ": target ", tostring(r.target), " (", tostring(r.source), ") real ", tostring(r.realisation),
          " [", tostring(r.basis), "] capaian ", tostring(r.capaian), "\n")
    end
end }
