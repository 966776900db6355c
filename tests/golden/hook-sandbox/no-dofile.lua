-- dofile is not there
return { render = function() local x = dofile end }
