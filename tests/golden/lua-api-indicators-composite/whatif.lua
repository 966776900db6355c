-- sakip.evaluate through the composite and the roll-up
local W = sakip.write
local function show(label, r, why)
    if not r then W(label, ": nil / ", why, "\n") return end
    W(label, ": ", tostring(r), " real ", tostring(r.realisation), " capaian ", tostring(r.capaian), "\n")
end
return { render = function()
    show("KAB NK", sakip.evaluate("KAB", "NK"))
    show("KAB NK, B of DINKES realised 80", sakip.evaluate("KAB", "NK", 2023, { "KAB.DINKES:B.realisation=80" }))
    show("DISDIK NK, weight of B 0", sakip.evaluate("KAB.DISDIK", "NK", 2023, { "B.weight=0" }))
    show("KAB NK, weight of B 0", sakip.evaluate("KAB", "NK", 2023, { "B.weight=0" }))
    show("KAB RAPAT_TOTAL, DISDIK 1", sakip.evaluate("KAB", "RAPAT_TOTAL", 2023, { "KAB.DISDIK:RAPAT.realisation=1" }))
    show("KAB POIN, weight of X 0", sakip.evaluate("KAB", "POIN", 2023, { "X.weight=0" }))
end }
