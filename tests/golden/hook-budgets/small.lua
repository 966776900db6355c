-- well within both budgets
return { render = function()
    local s = 0
    for i = 1, 1000 do s = s + i end
    sakip.write(s, "\n")
end }
