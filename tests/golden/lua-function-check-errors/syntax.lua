-- a module with a syntax error: the function is never closed
return {
    f = function(x)
        return x * 2
}
