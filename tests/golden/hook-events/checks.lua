-- A local rule: a capaian above 150 is more likely a typo than a triumph.
local seen = 0
return {
    before_unit = function(unit) seen = 0 end,
    on_result = function(r)
        seen = seen + 1
        if r.capaian and r.capaian > 150 then
            sakip.warn(string.format("capaian %.2f is above 150: check the realisation (%s)", r.capaian, r.basis))
        end
        if r.status ~= "ok" then sakip.warn("status " .. r.status .. ": " .. r.reason) end
    end,
    after_unit = function(unit) if seen > 1 then sakip.warn(seen .. " rows checked") end end,
}
