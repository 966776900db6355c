-- every field of sakip.plan(), in a fixed order, nil shown as nil
local keys = { "title", "path", "year_from", "year_to", "renstra_from", "renstra_to" }
return { render = function()
    local p = sakip.plan()
    for _, k in ipairs(keys) do
        sakip.write(k, " = ", tostring(p[k]), " (", math.type(p[k]) or type(p[k]), ")\n")
    end
    -- nothing beyond these keys
    local n = 0
    for _ in pairs(p) do n = n + 1 end
    sakip.write("keys: ", n, "\n")
    -- a fresh table each call: changing one changes nothing
    p.title = "changed"
    sakip.write("again: ", tostring(sakip.plan().title), "\n")
end }
