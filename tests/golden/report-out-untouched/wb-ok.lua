-- a workbook that works
return { render = function()
    local sheet = sakip.workbook():sheet("Capaian")
    for i, r in ipairs(sakip.results()) do sheet:write(i, 1, r.indicator); sheet:write(i, 2, r.capaian, "percent") end
end }
