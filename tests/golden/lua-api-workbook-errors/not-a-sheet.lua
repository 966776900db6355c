-- write is a method of a sheet
return { render = function()
    local s = sakip.workbook():sheet("S")
    s.write({}, 1, 1, "x")
end }
