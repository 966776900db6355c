-- the other methods work
local W = sakip.write
return { render = function()
    local s = "Capaian Kinerja"
    W(s:upper(), " | ", s:lower(), " | ", s:len(), " | ", s:sub(1, 7), " | ", s:rep(2, "/"), " | ", s:reverse(), "\n")
    W(("%s: %.2f%%"):format("IKM", 100.17), " | ", ("a,b,c"):gsub(",", ";"), " | ", ("2023-S2"):match("^(%d+)-S(%d)$"), "\n")
    W(("SAKIP"):byte(1), " | ", ("x"):find("x", 1, true), " | ", #("é"), " ", utf8.len("é"), "\n")
    W("the metatable's __index is string: ", tostring(getmetatable("").__index == string), "\n")
    W("dump in string: ", tostring(rawget(string, "dump")), "\n")
end }
