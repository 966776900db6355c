-- records and explain
return { render = function()
    local rows = sakip.records("survey")
    sakip.write(#rows, " rows; first: ", rows[1].service, " ", rows[1].score, "; second has no note: ", tostring(rows[2].note), "\n")
    sakip.write((sakip.explain("U", "A")))
    local ok, why = pcall(sakip.explain, "U", "NOPE")     -- a code the plan lacks: an error
    sakip.write(tostring(ok), " ", why, "\n")
    local ok, err = pcall(sakip.records, "nope")
    sakip.write(tostring(ok), " ", err, "\n")
end }
