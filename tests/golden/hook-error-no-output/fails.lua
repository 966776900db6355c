-- writes part of a report, then fails deep in a helper: the traceback names
-- each level, and nothing of the report is written
local function check(r)
    if r.capaian < 100 then error("capaian of " .. r.indicator .. " below 100") end
end
local function each(list, f) for _, r in ipairs(list) do f(r) end end
return { render = function()
    sakip.write("# half a report\n")
    each(sakip.results(), check)
end }
