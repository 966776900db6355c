-- os is not there
return { render = function() local x = os end }
