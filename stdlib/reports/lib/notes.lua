-- notes.lua: the note column of a report's tables: why a figure is missing
-- or not as it should be.
--
--   local notes = require("notes")
--   notes.result(r)        --> "no data: no realisation of IKM for 2023"   ("" when ok)
--                              a rolled-up figure adds its coverage: "coverage 38/40"
--   notes.budget_line(b)   --> "printed sisa 250, but ...; none of its indicators was evaluated ..."

local notes = {}

-- A result whose status is not "ok": "STATUS: REASON"; "" for one that is.
-- A figure rolled up from the units below says how many of them it is made
-- from, complete or not: "coverage 38/40" (units with a figure / expected).
function notes.result(r)
    local cov = r.coverage and ("coverage " .. r.coverage.present .. "/" .. r.coverage.expected)
    if r.status == "ok" then return cov or "" end
    local text = r.status .. ": " .. (r.reason or "")
    return cov and (text .. "; " .. cov) or text
end

-- A budget line's notes, followed by why a line linked to indicators has no
-- capaian kinerja (b.capaian_reason), "; " between them.
function notes.budget_line(b)
    local text = b.notes
    if b.capaian_reason then text = (text ~= "" and (text .. "; ") or "") .. b.capaian_reason end
    return text
end

return notes
