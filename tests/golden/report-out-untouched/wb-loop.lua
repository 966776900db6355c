-- a workbook begun, then an endless loop: the instruction budget stops it
return { render = function()
    sakip.workbook():sheet("Capaian"):write(1, 1, "A")
    while true do end
end }
