-- sakip.evaluate(UNIT, IND [, YEAR [, CHANGES]]): one figure, recomputed
local W = sakip.write
local function show(label, r, why)
    W(label, ": ")
    if not r then W("nil / ", tostring(why), "\n") return end
    W(tostring(r), " target ", tostring(r.target), " (", tostring(r.source), ") real ", tostring(r.realisation),
      " [", tostring(r.basis), "] capaian ", tostring(r.capaian), " ", r.status,
      r.reason and (": " .. r.reason) or "", "\n")
end
local function rows()
    for _, r in ipairs(sakip.results()) do
        W("  ", tostring(r), " target ", tostring(r.target), " (", tostring(r.source), ") real ",
          tostring(r.realisation), " capaian ", tostring(r.capaian), "\n")
    end
end
return { render = function()
    W("results before:\n")
    rows()
    show("default year", sakip.evaluate("U", "IKM"))
    show("2022", sakip.evaluate("U", "IKM", 2022))
    show("2021, no data", sakip.evaluate("U", "IKM", 2021))
    show("target 86", sakip.evaluate("U", "IKM", 2023, { "IKM.target=86" }))
    show("U only, realisation 90", sakip.evaluate("U", "IKM", 2023, { "U:IKM.realisation=90" }))
    show("V, U's change does not apply", sakip.evaluate("V", "IKM", 2023, { "U:IKM.realisation=90" }))
    show("two changes, the later wins", sakip.evaluate("U", "IKM", 2023, { "IKM.target=86", "IKM.target=70" }))
    show("only in 2022", sakip.evaluate("U", "IKM", 2023, { "IKM.target@2022=50" }))
    show("NK as it is", sakip.evaluate("U", "NK"))
    show("NK, B realised 80", sakip.evaluate("U", "NK", nil, { "B.realisation=80" }))
    show("NK, weight of A 0", sakip.evaluate("U", "NK", 2023, { "A.weight=0" }))
    show("NK, A capped at 90", sakip.evaluate("U", "NK", 2023, { "A.cap=90" }))
    show("no field", sakip.evaluate("U", "IKM", 2023, { "IKM.colour=5" }))
    show("no '='", sakip.evaluate("U", "IKM", 2023, { "IKM.target" }))
    show("unknown indicator in a change", sakip.evaluate("U", "IKM", 2023, { "IKMM.target=5" }))
    show("negative weight", sakip.evaluate("U", "NK", 2023, { "A.weight=-1" }))
    show("unknown unit", sakip.evaluate("ZZ", "IKM"))
    show("VONLY in V", sakip.evaluate("V", "VONLY", 2023, {}))
    local ok, err = pcall(function() return sakip.evaluate("U", "IKM", 2023, "IKM.target=86") end)
    W("changes not in a table: ", tostring(ok), " ", err, "\n")
    show("a change for an unknown unit", sakip.evaluate("U", "IKM", 2023, { "ZZ:IKM.target=86" }))
    W("results after:\n")
    rows()
end }
