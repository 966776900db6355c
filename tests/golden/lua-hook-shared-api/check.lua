-- a hook's warning prints figures as the reports do, and grades by the plan's scheme
return { on_result = function(r)
    local code, label = sakip.grade("NILAI", r.realisation)
    sakip.warn(string.format("realisation %s (%s), as the value alone: %s %s; csv %s json %s",
        sakip.format(r.realisation, 2), sakip.format_id(r.realisation, 2), tostring(code), tostring(label),
        sakip.csv(r.indicator .. ",x"), sakip.json(r.unit)))
end, after_unit = function(u)
    local ok, err = pcall(sakip.grade, "NONESUCH", 1)
    sakip.warn(err)
    sakip.warn(tostring(sakip.plan))            -- templates' functions are not there
end }
