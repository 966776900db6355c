-- fifty levels of pcall, each trying to go on after the one inside it failed
local function dig(n)
    if n == 0 then while true do end end
    local ok, err = pcall(dig, n - 1)
    return "level " .. n .. " went on after: " .. tostring(err)
end
return { render = function()
    local ok, err = pcall(dig, 50)
    sakip.write(tostring(err), "\n")
end }
