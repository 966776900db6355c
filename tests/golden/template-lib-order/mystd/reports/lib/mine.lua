-- mine.lua: a module only $SAKIPC_STDLIB has
return { hello = "from mystd/reports/lib/mine.lua" }
