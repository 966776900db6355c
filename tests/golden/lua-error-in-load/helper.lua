-- a runtime error in a helper the top level calls
local function header(cols)
    return "| " .. table.concat(cols, " | ") .. " |"
end
local function build()
    local h = header(nil)
    return h
end
local HEADER = build()
return { render = function() sakip.write(HEADER, "\n") end }
