-- Lua's pattern matcher backtracks in C, outside the count hook: a pattern
-- whose worst case exceeds what is left of the budget is refused up front
return { render = function()
    local W = sakip.write
    local s = ("a"):rep(40)
    -- everyday patterns over names and periods are far below the bound
    W((("x  =   84,98"):gsub("%s+", " ")), "\n")
    W(table.concat({ ("2023-Q1"):match("^(%d+)%-Q(%d)$") }, " "), "\n")
    W(tostring(("a.b"):find(".", 1, true)), "\n")                  -- plain: no pattern at all
    for k, v in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do W(k, "=", v, " ") end
    W("\n", select(2, pcall(string.find, "abc", "%")), "\n")        -- a malformed pattern, as in Lua
    W(select(2, pcall(string.match, s, "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaaaaaaaaaaa")), "\n")
end }
