-- a workbook
return { render = function() sakip.workbook():sheet("S"):write(1, 1, "x") end }
