-- grades.lua: the grades of a result (r.grades, one per grade scheme of its
-- indicator) as the text of one cell, "; " between schemes.
--
--   local grades = require("grades")
--   grades.text(r)           --> "A (Sangat Baik); BB"   ("-" when no band)
--   grades.codes(r)          --> "A; "   (one per scheme, empty when no band)
--   grades.banded_codes(r)   --> "A"     (only the schemes with a band)

local grades = {}

-- Each band as its code and, when it differs, its label in parentheses:
-- "A (Sangat Baik)"; `none` (default "-") when no scheme gives a band.
function grades.text(r, none)
    local out = {}
    for _, g in ipairs(r.grades) do
        if g.code then
            out[#out + 1] = g.code == g.label and g.code or (g.code .. " (" .. g.label .. ")")
        end
    end
    return #out > 0 and table.concat(out, "; ") or (none or "-")
end

-- One code per scheme, in the order of r.grades, an empty one for a figure
-- in no band of its scheme: the columns stay in place.
function grades.codes(r)
    local out = {}
    for _, g in ipairs(r.grades) do out[#out + 1] = g.code or "" end
    return table.concat(out, "; ")
end

-- The codes of the schemes that give a band, and nothing for the others.
function grades.banded_codes(r)
    local out = {}
    for _, g in ipairs(r.grades) do if g.code then out[#out + 1] = g.code end end
    return table.concat(out, "; ")
end

return grades
