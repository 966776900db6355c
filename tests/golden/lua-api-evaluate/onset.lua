-- the report's own --set holds, and changes come on top
local W = sakip.write
local function show(label, r, why)
    W(label, ": ")
    if not r then W("nil / ", tostring(why), "\n") return end
    W(tostring(r), " target ", tostring(r.target), " (", tostring(r.source), ") real ", tostring(r.realisation),
      " [", tostring(r.basis), "] capaian ", tostring(r.capaian), " ", r.status, "\n")
end
return { render = function()
    local r = sakip.results()[1]
    show("results()[1]", r)
    show("no changes", sakip.evaluate("U", "IKM"))
    show("realisation 85", sakip.evaluate("U", "IKM", nil, { "IKM.realisation=85" }))
    show("target 86 over the --set", sakip.evaluate("U", "IKM", nil, { "IKM.target=86" }))
end }
