-- a module that loads, with the functions the plan declares
return {
    dua = function(a, b) return a + b end,
    nol = function() return 1 end,
    satu = function(x) return x end,
    nilai = 42,                 -- a field, but not a function
}
