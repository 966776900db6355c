-- uses-hog.lua
local hog = require("hog")
return { render = function() end }
