return { render = function() sakip.workbook():sheet("S"):width(0, 10) end }
