-- load is not there
return { render = function() local x = load end }
