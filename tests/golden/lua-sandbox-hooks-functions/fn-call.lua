-- modules that load, with functions that reach for what is not there when called
return {
    read_file = function(v) return io.open("data.txt") and 1 or v end,
    clock = function(v) return os.clock() end,
    remember = function(v) last_value = v; return v end,
}
