-- require is not there
return { render = function() local x = require end }
