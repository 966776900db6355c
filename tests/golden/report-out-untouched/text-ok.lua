return { render = function()
    for _, r in ipairs(sakip.results()) do sakip.write(r.unit, " ", r.indicator, " ", sakip.format(r.capaian, 2), "\n") end
end }
