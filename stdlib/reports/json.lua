-- json.lua: every result of the evaluation, as JSON, for other systems.
--
--   sakipc report plan.skp --template json --out results.json
--
-- One object: the plan, then "results", one object per unit, indicator,
-- (group) and year, with its figures, source, grades and status; then the
-- budget lines when the plan has a budget block. Missing figures are null,
-- never 0.

local cells = require("cells")

local W = sakip.write
local J = sakip.json
local num = cells.json

local function str(s)
    if s == nil then return "null" end
    return J(s)
end

local function grades(list)
    local out = {}
    for i, g in ipairs(list) do
        out[i] = string.format('{"scheme": %s, "on": %s, "grade": %s, "label": %s}',
                               J(g.scheme), J(g.on), str(g.code), str(g.label))
    end
    return "[" .. table.concat(out, ", ") .. "]"
end

-- A rolled-up figure's coverage (units below with a figure / expected); "" for others.
local function coverage(r)
    if not r.coverage then return "" end
    return string.format(', "coverage": {"present": %d, "expected": %d}', r.coverage.present, r.coverage.expected)
end

local function result(r)
    local target = r.target_level and J(r.target_level) or num(r.target)
    local real = r.real_level and J(r.real_level) or num(r.realisation_shown, r.value_digits)
    return string.format(
        '{"unit": %s, "indicator": %s, "name": %s, "group": %s, "year": %d, "target": %s, "source": %s, ' ..
        '"realisation": %s, "basis": %s%s, "capaian": %s, "grades": %s, "status": %s, "reason": %s}',
        J(r.unit), J(r.indicator), J(r.name), str(r.group), r.year, target, str(r.source),
        real, str(r.basis), coverage(r), num(r.capaian, r.digits), grades(r.grades), J(r.status), str(r.reason))
end

-- A linked line (`program 2 supports PERDA, TUGAS`) also has supports,
-- unit, capaian, figures, efisiensi and capaian_reason; other lines have not.
local function budget_line(b)
    local function int(v) return v == nil and "null" or string.format("%d", v) end
    local line = string.format('{"code": %s, "parent": %s, "level": %s, "name": %s, "pagu": %s, "pagu_original": %s, ' ..
                               '"pagu_revised": %s, "pagu_change": %s, "pagu_used": %s, "realisasi": %s, ' ..
                               '"serapan": %s, "sisa": %s, "status": %s, "notes": %s',
                               J(b.code), str(b.parent), str(b.level), str(b.name), int(b.pagu), int(b.pagu_original),
                               int(b.pagu_revised), int(b.pagu_change), J(b.pagu_used), int(b.realisasi),
                               num(b.serapan, b.digits), int(b.sisa), J(b.status), J(b.notes))
    if b.supports then
        local codes = {}
        for i, c in ipairs(b.supports) do codes[i] = J(c) end
        line = line .. string.format(', "supports": [%s], "unit": %s, "capaian": %s, "figures": %s, ' ..
                                     '"efisiensi": %s, "capaian_reason": %s',
                                     table.concat(codes, ", "), str(b.unit), num(b.capaian, b.digits), int(b.figures),
                                     num(b.efisiensi, b.digits), str(b.capaian_reason))
    end
    return line .. "}"
end

local function render()
    local plan = sakip.plan()
    W('{"plan": ', str(plan.title), ', "years": [', plan.year_from, ', ', plan.year_to, '],\n "results": [')
    for i, r in ipairs(sakip.results()) do
        W(i > 1 and ",\n  " or "\n  ", result(r))
    end
    W("\n ]")
    local budget = sakip.budget()
    if budget then
        W(',\n "budget": [')
        for i, b in ipairs(budget) do W(i > 1 and ",\n  " or "\n  ", budget_line(b)) end
        W("\n ]")
    end
    W("}\n")
end

return { render = render }
