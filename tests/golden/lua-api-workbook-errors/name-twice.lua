-- a sheet name once
return { render = function()
    local wb = sakip.workbook()
    wb:sheet("Capaian")
    wb:sheet("Capaian")
end }
