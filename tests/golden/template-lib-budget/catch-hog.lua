-- catch-hog.lua: a pcall around require catches the budget's error, but the budget stays run out
local ok = pcall(require, "hog")
local after = {}
for i = 1, 10 do after[i] = i end
return { render = function() sakip.write("went on\n") end }
