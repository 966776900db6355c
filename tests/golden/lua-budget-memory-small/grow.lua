-- about 3 MB in 20000 rows of 100 bytes and more: many small allocations
return { render = function()
    local rows = {}
    for i = 1, 20000 do rows[i] = string.rep("x", 100) .. i end
    sakip.write(#rows, " rows, ", #table.concat(rows), " bytes\n")
end }
