-- a workbook begun and written, then an error: the temporary workbook is removed
return { render = function()
    local sheet = sakip.workbook():sheet("Capaian")
    for i, r in ipairs(sakip.results()) do sheet:write(i, 1, r.indicator) end
    error("stopped after the first sheet")
end }
