-- the method form of string.dump is not there either
return { render = function() sakip.write(("x"):dump(), "\n") end }
