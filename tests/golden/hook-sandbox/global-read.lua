-- ... nor read before it exists
return { render = function() sakip.write(tostring(undeclared_thing)) end }
