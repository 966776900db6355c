-- styles are text, header, percent and rupiah
return { render = function() sakip.workbook():sheet("S"):write(1, 1, 84.5, "bold") end }
