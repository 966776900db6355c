-- results cannot be changed, and have only their fields
return { render = function()
    local r = sakip.results()[1]
    local ok, err = pcall(function() r.capaian = 200 end)
    sakip.write(tostring(ok), " ", err, "\n")
    ok, err = pcall(function() return r.nonesuch end)
    sakip.write(tostring(ok), " ", err, "\n")
    ok, err = pcall(sakip.grade, "NOPE", 1)
    sakip.write(tostring(ok), " ", err, "\n")
end }
