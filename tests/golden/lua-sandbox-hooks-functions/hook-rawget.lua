-- past the strict guard: each removed name is nil
local names = { "io", "os", "package", "debug", "coroutine", "dofile", "loadfile", "load", "require", "print",
                "collectgarbage" }
return { on_result = function(r)
    local absent = {}
    for _, n in ipairs(names) do if rawget(_G, n) == nil then absent[#absent + 1] = n end end
    sakip.warn("absent: " .. table.concat(absent, " ") .. "; string.dump " .. tostring(string.dump) ..
               ", math.random " .. tostring(math.random))
end }
