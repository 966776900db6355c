-- string.rep and table.concat, as a report uses them
local W = sakip.write
return { render = function()
    W(string.rep("=", 20), "\n")
    W(string.rep("ab", 3, ", "), "\n")
    W(("-"):rep(0), "|", ("x"):rep(-1), "|\n")
    W(#string.rep("x", 1000000), "\n")
    W(table.concat({ "U", "A", 2023, 84.5 }, ","), "\n")
    W(table.concat({ 1, 2, 3, 4, 5 }, " | ", 2, 4), "\n")
    W("[", table.concat({}), "]\n")
    local rows = {}
    for i = 1, 3 do rows[#rows + 1] = string.format("| %-6s | %6.2f |", "baris" .. i, i * 33.333) end
    W(table.concat(rows, "\n"), "\n")
    W(select(2, pcall(table.concat, { 1, {}, 3 })), "\n")
end }
