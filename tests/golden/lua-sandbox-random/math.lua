-- the rest of math is there
local W = sakip.write
local standard = { "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger", "min",
                   "mininteger", "modf", "pi", "rad", "sin", "sqrt", "tan", "tointeger", "type", "ult", "asin",
                   "acos", "atan" }
return { render = function()
    W("random: ", tostring(math.random), ", randomseed: ", tostring(math.randomseed), "\n")
    local missing = {}
    for _, k in ipairs(standard) do if math[k] == nil then missing[#missing + 1] = k end end
    W(#standard - #missing, " of ", #standard, " standard functions and constants; missing: [", table.concat(missing, " "), "]\n")
    W(math.floor(84.975 * 100 + 0.5) / 100, " ", math.max(3, 7, 5), " ", math.type(1), " ", math.type(1.0), " ",
      math.tointeger(3.0), " ", string.format("%.4f", math.pi), " ", tostring(math.huge), " ", math.maxinteger, "\n")
end }
