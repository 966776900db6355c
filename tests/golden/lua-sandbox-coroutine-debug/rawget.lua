-- looked up past the strict guard: absent, not hidden
local W = sakip.write
return { render = function()
    for _, name in ipairs({ "coroutine", "debug", "package", "io", "os", "require", "load", "loadfile", "dofile",
                            "print", "collectgarbage" }) do
        W(name, ": ", tostring(rawget(_G, name)), "\n")
    end
    W("string.dump: ", tostring(string.dump), "\n")
    -- what is there
    for _, name in ipairs({ "string", "table", "math", "utf8", "pcall", "error", "select", "tostring", "tonumber",
                            "ipairs", "pairs", "next", "type", "rawget", "rawset", "rawequal", "rawlen",
                            "setmetatable", "getmetatable", "assert", "xpcall" }) do
        W(name, ": ", type(rawget(_G, name)), "\n")
    end
end }
