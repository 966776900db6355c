-- a sheet name of 31 characters, the last cell of a sheet, every style
return { render = function()
    local wb = sakip.workbook()
    local s = wb:sheet(string.rep("x", 31))
    s:write(1, 1, "Capaian", "header")
    s:write(2, 1, 100.17, "percent")
    s:write(3, 1, 62644362476, "rupiah")
    s:write(4, 1, "teks", "text")
    s:write(1048576, 16384, true)
    s:width(16384, 12)
end }
