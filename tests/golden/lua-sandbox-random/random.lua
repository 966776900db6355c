-- math.random is not there: calling it fails
return { render = function() sakip.write(math.random(1, 6), "\n") end }
