-- render-require.lua: require called in render
return { render = function() local grades = require("grades") end }
