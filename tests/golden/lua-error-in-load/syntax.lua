-- a syntax error: the file does not load at all, no traceback
return { render = function()
    sakip.write("unclosed"
end }
