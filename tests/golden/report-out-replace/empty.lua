-- a report with nothing in it
return { render = function() end }
