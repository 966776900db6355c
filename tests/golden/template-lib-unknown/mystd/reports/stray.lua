return { render = function() end }
