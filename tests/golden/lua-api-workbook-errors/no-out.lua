-- a workbook is a file: it needs --out
return { render = function() sakip.workbook() end }
