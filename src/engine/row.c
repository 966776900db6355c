/* row.c: the rows of the achievement table for the unit being evaluated
 * (row.h): which indicators the unit has, and for each indicator and year
 * its figures, status, reason, rule and grades; a grouped indicator gives
 * a row per group. */
#include "engine/row.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/strmap.h"
#include "check/scheme.h"
#include "engine/capaian.h"
#include "engine/figure.h"
#include "engine/grade.h"
#include "engine/group.h"
#include "engine/records.h"

static Status status_of(Value v)
{
    return v.na == NA_NODATA ? ST_NODATA : v.na == NA_NOTARGET ? ST_NOTARGET : ST_UNDEFINED;
}

/* The realisation, and as the plan shows and grades it: rounded by
 * `round value` where the plan states one. Every tool and report reads
 * real_shown, so that a figure is rounded once, here. */
static void set_real(ResultRow *row, const Indicator *ind, double v, const char *basis)
{
    row->has_real = 1;
    row->real = v;
    row->real_shown = num_round(v, ind->rules.value_round);
    row->basis = basis;
}

/* Grades after rounding: a value grade rounds the realisation by the value
 * rule; a capaian grade uses the capaian as shown. */
static void grade_row(Engine *e, const Indicator *ind, ResultRow *row)
{
    for (int g = 0; g < ind->ngrades && g < MAX_GRADES; g++) {
        const Grading *gr = &ind->grades[g];
        GradeResult *out = &row->grades[row->ngrades++];
        out->scheme = &e->plan->schemes[gr->scheme];
        out->on = gr->on;
        out->band = NULL;
        int have = gr->on == GRADE_VALUE ? row->has_real : row->has_capaian;
        if (!have) continue;
        double v = gr->on == GRADE_VALUE ? row->real_shown : row->capaian;
        int b = grade_find(out->scheme, v);
        if (b >= 0) { out->band = &out->scheme->bands[b]; continue; }
        char why[256];
        grade_miss_text(out->scheme, v, why, sizeof why);
        if (row->status == ST_OK) {
            row->status = ST_UNDEFINED;
            row->reason = arena_printf(&e->scratch, "%s %s", gr->on == GRADE_VALUE ? "value" : "capaian", why);
        }
    }
}

/* Levels as the report shows them, and the rule: capaian on ranks. */
static void scale_row(Engine *e, const Indicator *ind, const Fig *f, ResultRow *row)
{
    const Scheme *sc = &e->plan->schemes[ind->scale];
    if (row->has_target && f->t_level) row->target_level = scheme_code(sc, (int)row->target);
    if (row->has_real && sc->ordinal) row->real_level = scheme_code(sc, (int)row->real);
    row->rule = arena_printf(&e->scratch, "on the ranks of %s (%s = 1 .. %s = %d): %s", sc->name, scheme_code(sc, 1),
                             scheme_code(sc, sc->nbands), sc->nbands, row->rule);
}

/* The capaian rule of a row in words. Only a cap can differ between units
 * of one definition and year (a scenario's), so the text is kept per
 * definition and year and made again when the cap is not the one kept. */
static const char *rule_text(Engine *e, int def, int year, const Rules *rules, const Expr *custom)
{
    char buf[320];
    if (year < e->ymin || year > e->ymax) {
        capaian_rule_text(rules, custom, buf, sizeof buf);
        return arena_strdup(&e->scratch, buf);
    }
    if (!e->rule_memo) e->rule_memo = mem_xcalloc((size_t)e->cp->ninds * (size_t)e->nyears, sizeof *e->rule_memo);
    struct RuleMemo *m = &e->rule_memo[(size_t)def * (size_t)e->nyears + (size_t)(year - e->ymin)];
    if (m->text && m->has_cap == rules->has_cap && (!m->has_cap || m->cap == rules->cap) &&
        m->cap_rule_set == rules->cap_rule_set)
        return m->text;
    capaian_rule_text(rules, custom, buf, sizeof buf);
    m->text = arena_strdup(&e->unit_arena, buf);
    m->has_cap = rules->has_cap;
    m->cap = rules->cap;
    m->cap_rule_set = rules->cap_rule_set;
    return m->text;
}

void row_eval_one(Engine *e, int def, int year, ResultRow *row)
{
    const CompiledInd *ci = &e->cp->inds[def];
    const Indicator *ind = ci->ind;
    int code = ind->code_id;
    memset(row, 0, sizeof *row);
    row->unit = e->unit->code;
    row->unit_name = e->unit->name;
    row->ind = ind;
    row->group = e->group_active ? e->group_label : NULL;
    row->year = year;
    row->engine = e;
    e->cov = (Coverage){ 0, 0 };      /* the roll-ups this row's figures are made from */
    Rules tmp;
    const Rules *rules = figure_rules(e, ind, year, &tmp);    /* a cap by year, or a scenario's */
    row->rule = rule_text(e, def, year, rules, ind->capaian);
    Value r = figure_realisation(e, code, year);
    int no_target = ind->rules.target.none && !ci->target && !figure_override(e, code, OV_TARGET, year);
    Value t = no_target ? value_num(0) : figure_target(e, code, year, -2);
    Value c = no_target ? value_num(0) : figure_capaian(e, code, year);
    Fig *f = figure_at(e, code, year);
    row->coverage_present = e->cov.present;
    row->coverage_expected = e->cov.expected;
    if (no_target) {            /* a figure without a target: no capaian either */
        if (r.kind == V_NUM) set_real(row, ind, r.num, f->basis);
        else { row->status = status_of(r); row->reason = r.text; }
        row->rule = "";
        grade_row(e, ind, row);
        return;
    }
    if (r.kind == V_NUM) set_real(row, ind, r.num, f->basis);
    if (t.kind == V_NUM) {
        row->has_target = 1;
        row->target = t.num;
        row->has_target_hi = f->has_hi;
        row->target_hi = f->t_hi;
        row->target_source = f->source;
    }
    if (ind->scale >= 0) scale_row(e, ind, f, row);
    if (r.kind == V_NA) { row->status = status_of(r); row->reason = r.text; }
    else if (t.kind == V_NA) { row->status = status_of(t); row->reason = t.text; }
    else if (c.kind == V_NA) { row->status = status_of(c); row->reason = c.text; }
    else {
        row->has_capaian = 1;
        row->capaian = c.num;
        row->capped = f->capped;
    }
    grade_row(e, ind, row);
}

static int is_under(const Engine *e, const UnitInfo *u, const char *ancestor)
{
    for (int guard = 0; u && u->parent && guard < 64; guard++) {
        if (strcmp(u->parent, ancestor) == 0) return 1;
        int p = strmap_get(&e->unit_map, u->parent);
        u = p >= 0 ? &e->units[p] : NULL;
    }
    return 0;
}

static int selects(const Engine *e, const UnitSel *sel, const UnitInfo *u)
{
    switch (sel->kind) {
    case SEL_ALL: return 1;
    case SEL_LEAVES: return u->leaf;
    case SEL_ROOTS: return !u->parent || !*u->parent;
    case SEL_LEVEL: return u->level && strcmp(u->level, sel->codes[0]) == 0;
    case SEL_UNDER: return is_under(e, u, sel->codes[0]);
    default:
        for (int i = 0; i < sel->ncodes; i++)
            if (strcmp(sel->codes[i], u->code) == 0) return 1;
        return 0;
    }
}

/* Fills def_of for the unit; an explicit list beats a selector. Returns the
 * number of indicators the unit has. */
int row_choose_defs(Engine *e)
{
    int n = 0;
    for (int c = 0; c < e->ncodes; c++) e->def_of[c] = -1;
    for (int i = 0; i < e->plan->ninds; i++) {
        const Indicator *ind = &e->plan->inds[i];
        if (!selects(e, &ind->units, e->unit)) continue;
        int prev = e->def_of[ind->code_id];
        if (prev >= 0 && (e->plan->inds[prev].units.kind == SEL_LIST || ind->units.kind != SEL_LIST)) continue;
        if (prev < 0) n++;
        e->def_of[ind->code_id] = i;
    }
    return n;
}

/* A grouped indicator gives a row per group in scope; none at all is a
 * row of its own saying so, never silence. */
static int eval_groups(Engine *e, int def, int year, RowSink sink, void *ctx)
{
    const Indicator *ind = &e->plan->inds[def];
    ResultRow row;
    int *first = NULL;
    int n = records_groups(e->rs, &ind->group, e->unit->code, year, &first);
    int rc = 0;
    if (n <= 0) {
        memset(&row, 0, sizeof row);
        row.unit = e->unit->code;
        row.unit_name = e->unit->name;
        row.ind = ind;
        row.year = year;
        row.status = ST_NODATA;
        row.reason = records_scope_text(e->rs, ind->group.record, e->unit->code, year, &e->scratch);
        row.rule = "";
        grade_row(e, ind, &row);
        rc = sink(&row, ctx);
    }
    for (int g = 0; g < n && !rc; g++) {
        group_enter(e, &ind->group, first[g]);
        row_eval_one(e, def, year, &row);
        rc = sink(&row, ctx);
    }
    free(first);
    GroupState none;
    memset(&none, 0, sizeof none);
    group_restore(e, &none);
    return rc;
}

/* Evaluates the unit's rows: those that roll up (rollup = 1, the second
 * pass) or the others (rollup = 0). sink NULL: rows are not wanted (a unit
 * outside --unit whose figures the units above need). */
int row_eval_unit(Engine *e, int rollup, RowSink sink, void *ctx)
{
    ResultRow row;
    for (int i = 0; i < e->plan->ninds && sink; i++) {
        if (e->def_of[e->plan->inds[i].code_id] != i || e->plan->inds[i].rollup != rollup) continue;
        for (int y = e->opt->year_from; y <= e->opt->year_to; y++) {
            if (e->plan->inds[i].group.record >= 0) {
                int rc = eval_groups(e, i, y, sink, ctx);
                if (rc) return rc;
                continue;
            }
            row_eval_one(e, i, y, &row);
            int rc = sink(&row, ctx);
            if (rc) return rc;
        }
    }
    return 0;
}
