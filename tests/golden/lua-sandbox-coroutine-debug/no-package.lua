-- package is not there (nor its loaders)
return { render = function() local p = package.loaded end }
