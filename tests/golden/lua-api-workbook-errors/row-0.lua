-- rows and columns count from 1
return { render = function() sakip.workbook():sheet("S"):write(0, 1, "x") end }
