-- Local formulas a plan calls: BPS-style rounding and a banded bonus.
local function round_bps(x, d)
    local m = 10 ^ d
    return math.floor(x * m + 0.5) / m
end
return {
    round_bps = round_bps,
    bonus = function(capaian, kategori)
        if kategori == "strategis" then return capaian >= 100 and 10 or 0 end
        return capaian >= 100 and 5 or 0
    end,
    label = function(x) return x >= 90 and "tinggi" or "rendah" end,
    nothing = function() return nil end,
    wrong = function() return "not a number" end,
    fails = function(x) error("cannot handle " .. x) end,
    infinite = function() return 1 / 0 end,
}
