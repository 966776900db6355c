-- a sheet has 1048576 rows
return { render = function() sakip.workbook():sheet("S"):write(1048577, 1, "x") end }
