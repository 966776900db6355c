-- nothing.lua: returns no value
sakip.write("loading nothing.lua\n")
