-- pagu.lua: both pagu of a budget table, the original (pagu awal) and the
-- revised (pagu perubahan, APBD-P), for templates that print them side by
-- side with the change between them. A table prints both when any of its
-- lines has a revised pagu; serapan is on the pagu the plan names
-- (`pagu original` or `pagu revised` in its budget block).
--
--   local pagu = require("pagu")
--   pagu.both(lines)          --> true when any line has pagu_revised
--   pagu.heads(both)          --> { "Pagu (Rp)" } or { "Pagu awal (Rp)", "Pagu perubahan (Rp)", "Perubahan (Rp)" }
--   pagu.figures(b, both)     --> { b.pagu } or { b.pagu_original, b.pagu_revised, b.pagu_change }
--   pagu.basis(plan, both)    --> "" or "Serapan terhadap pagu perubahan (bila ada; selain itu pagu awal). "

local pagu = {}

function pagu.both(lines)
    for _, b in ipairs(lines) do
        if b.pagu_revised ~= nil then return true end
    end
    return false
end

function pagu.heads(both)
    if both then return { "Pagu awal (Rp)", "Pagu perubahan (Rp)", "Perubahan (Rp)" } end
    return { "Pagu (Rp)" }
end

-- A missing figure stays nil: the template writes it as it writes any
-- missing figure, never as 0.
function pagu.figures(b, both)
    if both then return { b.pagu_original, b.pagu_revised, b.pagu_change } end
    return { b.pagu }
end

function pagu.basis(plan, both)
    if not both then return "" end
    if plan.budget_pagu == "revised" then
        return "Serapan terhadap pagu perubahan (bila ada; selain itu pagu awal). "
    end
    return "Serapan terhadap pagu awal. "
end

return pagu
