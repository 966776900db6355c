-- an endless loop: the instruction budget stops it
return { render = function()
    local n = 0
    while true do n = n + 1 end
end }
