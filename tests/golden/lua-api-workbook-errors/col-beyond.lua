-- and 16384 columns
return { render = function() sakip.workbook():sheet("S"):write(1, 16385, "x") end }
