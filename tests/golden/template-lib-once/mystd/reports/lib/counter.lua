-- counter.lua: says when it is loaded; its table keeps a count
sakip.write("loading counter.lua\n")
local counter = { n = 0 }
function counter.next()
    counter.n = counter.n + 1
    return counter.n
end
return counter
