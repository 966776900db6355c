-- what a template may use: base, string, table, math and utf8
local t = { 3, 1, 2 }
table.sort(t)
return { render = function()
    sakip.write(table.concat(t, ","), " ", string.format("%.2f", math.pi), " ", utf8.char(0x41, 0x1F600):len(),
                " ", select("#", 1, 2, 3), " ", tostring(pcall(error, "caught")), "\n")
end }
