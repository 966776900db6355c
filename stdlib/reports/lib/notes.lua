-- notes.lua: the note column of a report's tables: why a figure is missing
-- or not as it should be.
--
--   local notes = require("notes")
--   notes.result(r)        --> "no data: no realisation of IKM for 2023"   ("" when ok)
--   notes.budget_line(b)   --> "printed sisa 250, but ...; none of its indicators was evaluated ..."

local notes = {}

-- A result whose status is not "ok": "STATUS: REASON"; "" for one that is.
function notes.result(r)
    if r.status == "ok" then return "" end
    return r.status .. ": " .. (r.reason or "")
end

-- A budget line's notes, followed by why a line linked to indicators has no
-- capaian kinerja (b.capaian_reason), "; " between them.
function notes.budget_line(b)
    local text = b.notes
    if b.capaian_reason then text = (text ~= "" and (text .. "; ") or "") .. b.capaian_reason end
    return text
end

return notes
