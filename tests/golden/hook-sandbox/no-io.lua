-- io is not there
return { render = function() local x = io end }
