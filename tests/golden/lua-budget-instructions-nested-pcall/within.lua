-- nested pcalls that stay within the budget are fine
return { render = function()
    local ok1, v = pcall(function()
        local ok2, w = pcall(function()
            local ok3, e = pcall(error, "inner")
            local s = 0
            for i = 1, 1000 do s = s + i end
            return tostring(ok3) .. " " .. e .. " " .. s
        end)
        return w
    end)
    sakip.write(tostring(ok1), " ", v, "\n")
end }
