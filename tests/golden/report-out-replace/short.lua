-- a short report
return { render = function()
    for _, r in ipairs(sakip.results()) do
        sakip.write(r.unit, " ", r.indicator, " ", sakip.format(r.capaian, r.digits), "\n")
    end
end }
