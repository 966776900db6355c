-- the derivation of a figure, as sakipc explain prints it
local W = sakip.write
local function first(text, why)
    if not text then return "nil / " .. why end
    return (text:match("^[^\n]*"))
end
return { render = function()
    W((sakip.explain("U", "A", 2022)))
    W("---\n")
    W("default year: ", first(sakip.explain("U", "A")), "\n")
    W("group Rapat: ", first(sakip.explain("U", "IKM", 2023, "Rapat")), "\n")
    W("group Nope: ", first(sakip.explain("U", "IKM", 2023, "Nope")), "\n")
    W("unknown unit: ", first(sakip.explain("ZZ", "A")), "\n")
    W("not in the unit: ", first(sakip.explain("U", "VONLY")), "\n")
    W("unknown indicator: ", select(2, pcall(sakip.explain, "U", "NOPE")), "\n")   -- the plan's lack: an error
end }
