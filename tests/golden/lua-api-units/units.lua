-- every unit of the database: code, parent (nil at the top), name, level (nil when empty)
local W = sakip.write
local function show(v) return v == nil and "nil" or ("'" .. v .. "'") end
return { render = function()
    local us = sakip.units()
    local rs = {}
    for _, r in ipairs(sakip.results()) do rs[#rs + 1] = r.unit .. " " .. r.indicator end
    W(#us, " units; results: ", table.concat(rs, ", "), "\n")
    for i, u in ipairs(us) do
        W(i, ": code ", show(u.code), ", parent ", show(u.parent), ", name ", show(u.name), ", level ", show(u.level), "\n")
    end
    -- the tree, from the parents: each unit under its parent, indented by depth
    local children, roots = {}, {}
    for _, u in ipairs(us) do
        if u.parent then
            children[u.parent] = children[u.parent] or {}
            table.insert(children[u.parent], u)
        else
            table.insert(roots, u)
        end
    end
    local function tree(u, depth)
        W(string.rep("  ", depth), u.code, " (", u.level or "-", ")\n")
        for _, c in ipairs(children[u.code] or {}) do tree(c, depth + 1) end
    end
    for _, u in ipairs(roots) do tree(u, 0) end
    -- a copy: changing it changes nothing
    us[1].name = "changed"
    W("again: ", sakip.units()[1].name, "\n")
end }
