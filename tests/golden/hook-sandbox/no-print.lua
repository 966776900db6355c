-- print is not there
return { render = function() local x = print end }
