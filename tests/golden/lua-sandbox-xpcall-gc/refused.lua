-- 2^40 steps of backtracking: refused before it starts
return { render = function()
    local s = ("a"):rep(40)
    sakip.write(tostring(s:match(("a?"):rep(40) .. ("a"):rep(40))), "\n")
end }
