-- each value through sakip.grade: code / label, or "none" (nil)
local W = sakip.write
local cases = {
    { "NILAI", { 100.0001, 100, 99.99, 90, 89.9999, 75, 74.9999, 50.0001, 50, -1000 } },
    { "AKIP", { 100.01, 100, 90.01, 90, 80.0001, 80, 70, 60, 50, 30.0001, 30, 0, -0.01 } },
    { "CAPAIAN5", { 1e9, 91, 90.99, 76, 75.99, 66, 51, 50.99, -1e9 } },
    { "DUA", { 76.6, 76.61, 88.3, 88.305, 88.31, 100, 100.001 } },
    { "OPINI", { 1, 4 } },
}
local function show(code, label, extra)
    if extra ~= nil then return "three results?" end
    if code == nil then return "none" end
    return code .. " / " .. label
end
return { render = function()
    for _, c in ipairs(cases) do
        for _, v in ipairs(c[2]) do
            W(c[1], " ", sakip.format(v), ": ", show(sakip.grade(c[1], v)), "\n")
        end
    end
    -- an integer and a float are the same number
    W("NILAI 90 (integer): ", show(sakip.grade("NILAI", 90)), "; 90.0: ", show(sakip.grade("NILAI", 90.0)), "\n")
    -- not a number, infinity
    W("AKIP nan: ", show(sakip.grade("AKIP", 0 / 0)), "\n")
    W("AKIP inf: ", show(sakip.grade("AKIP", math.huge)), "; CAPAIAN5 inf: ", show(sakip.grade("CAPAIAN5", math.huge)),
      "; CAPAIAN5 -inf: ", show(sakip.grade("CAPAIAN5", -math.huge)), "\n")
    -- how many results: two for a band, one (nil) for none
    W("results: ", select("#", sakip.grade("NILAI", 95)), " and ", select("#", sakip.grade("NILAI", 101)), "\n")
    -- errors: an unknown scheme, a value that is not a number
    W(select(2, pcall(function() return sakip.grade("nilai", 90) end)), "\n")
    W(select(2, pcall(function() return sakip.grade("NILAI", "banyak") end)), "\n")
    W(select(2, pcall(function() return sakip.grade("NILAI") end)), "\n")
end }
