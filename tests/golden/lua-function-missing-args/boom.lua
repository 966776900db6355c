-- every function but nothing() fails whenever it is called: a run that
-- succeeds has not called them
local function boom(name)
    return function(...)
        local args = {}
        for i = 1, select("#", ...) do args[i] = tostring((select(i, ...))) end
        error(name .. " was called with (" .. table.concat(args, ", ") .. ")")
    end
end
return {
    boom = boom("boom"),
    boom2 = boom("boom2"),
    boomt = boom("boomt"),
    nothing = function() return nil end,
}
