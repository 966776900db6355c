-- BPS-style rounding and a label, as plan formulas call them.
local function round_bps(x, d)
    local m = 10 ^ d
    return math.floor(x * m + 0.5) / m
end
return {
    round_bps = round_bps,
    label = function(x) return x >= 90 and "tinggi" or "rendah" end,
}
