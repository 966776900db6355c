-- a module that returns a number, not a table of functions
return 42
