return { other = function() end }
