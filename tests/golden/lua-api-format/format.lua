-- each value at 0 to 3 decimals: format | format_id
local W = sakip.write
local function row(label, v, ds)
    W(label, ":")
    for _, d in ipairs(ds) do W("  [", d, "] ", sakip.format(v, d), " | ", sakip.format_id(v, d)) end
    W("\n")
end
local all = { 0, 1, 2, 3 }
return { render = function()
    W("-- half-up the decimal way, at 0 to 3 decimals\n")
    row("84.975", 84.975, all)
    row("-84.975", -84.975, all)
    row("0.005", 0.005, all)
    row("-0.005", -0.005, all)
    row("0.004", 0.004, all)
    row("-0.004", -0.004, all)
    row("-0.4", -0.4, all)
    W("-- stored in binary just below the half, rounded up all the same\n")
    row("1.005", 1.005, { 2 })
    row("2.675", 2.675, { 2 })
    row("88.305", 88.305, { 2 })
    W("-- halves go away from zero, not to the even digit\n")
    for _, v in ipairs({ 0.5, 1.5, 2.5, -0.5, -1.5, -2.5 }) do row(tostring(v), v, { 0 }) end
    W("-- a carry through the thousands\n")
    row("999999.995", 999999.995, { 2 })
    row("-999.9996", -999.9996, { 3 })
    W("-- thousands\n")
    for _, v in ipairs({ 1, 12, 123, 1234, 12345, 123456, 1234567, -1234, -123456, -1234567.891 }) do row(tostring(v), v, { 0, 2 }) end
    W("-- rupiah\n")
    row("62644362476", 62644362476, { 0, 2 })
    row("38007559951", 38007559951, { 0 })
    row("-7003807888", -7003807888, { 0 })
    row("999999999999999", 999999999999999, { 0 })
    row("100000000000000", 100000000000000, { 0, 2 })
    -- a Lua integer (as sakip.budget() gives rupiah) exactly, whatever its size
    row("1234567890123456789", 1234567890123456789, { 0, 2 })
    row("math.maxinteger", math.maxinteger, { 0 })
    row("math.mininteger", math.mininteger, { 0 })
    W("-- without decimals: as computed\n")
    for _, v in ipairs({ 84.975, 1 / 3, 100, 100.0, -2 / 3, 0.1 + 0.2, 1e-11 }) do
        W(string.format("%.17g", v), ": ", sakip.format(v), " | ", sakip.format_id(v), "\n")
    end
    W("-- nine decimals\n")
    row("1/3", 1 / 3, { 9 })
    W("-- a numeric string is a number; anything else is an error\n")
    W(sakip.format("84.975", 2), " | ", sakip.format_id("1234.5", 1), "\n")
    W(select(2, pcall(function() return sakip.format("banyak", 2) end)), "\n")
    W(select(2, pcall(function() return sakip.format_id({}) end)), "\n")
    W(select(2, pcall(function() return sakip.format(1, "dua") end)), "\n")
end }
