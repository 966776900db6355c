-- warnings from every place a hook runs
local function note(text) sakip.warn(text) end     -- FILE:LINE is where sakip.warn is called
sakip.warn("loaded")
local rows
return {
    before_unit = function(unit)
        rows = 0
        sakip.warn("starting " .. unit)
    end,
    on_result = function(r)
        rows = rows + 1
        if r.group then note("group row") end
    end,
    after_unit = function(unit)
        note(rows .. " rows in " .. unit)
        sakip.warn(42)
    end,
}
