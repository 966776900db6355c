-- each indicator declaration's measure and weight, as the plan gives them
local function render()
    for _, d in ipairs(sakip.indicators()) do
        sakip.write(d.code, " ", d.measure or "(none)", ", weight ", sakip.format(d.weight), "\n")
    end
end
return { render = render }
