-- each budget line with what it supports: capaian (mean of the linked figures) and efisiensi
local W = sakip.write
local function n(v) return v == nil and "nil" or tostring(v) end
return { render = function()
    W("budget_round: ", n(sakip.plan().budget_round), "\n")
    for _, b in ipairs(sakip.budget()) do
        W(b.code, " ", b.level, " pagu ", n(b.pagu), " realisasi ", n(b.realisasi), " serapan ", n(b.serapan))
        if b.supports then
            W(" | supports ", table.concat(b.supports, ","), " in ", n(b.unit), ": capaian ", n(b.capaian),
              " (", n(b.figures), " figures) efisiensi ", n(b.efisiensi))
            if b.capaian_reason then W(" | ", b.capaian_reason) end
        end
        W("\n")
    end
end }
