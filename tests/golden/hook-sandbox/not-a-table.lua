-- a template returns a table of functions
return 42
