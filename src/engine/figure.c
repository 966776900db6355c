/* figure.c: the figures of the unit being evaluated, per (indicator,
 * year): realisation, target and capaian, each computed once when first
 * asked for (by a row or by a formula that names the indicator) and
 * memoised, so formulas may refer to one another in any order. What-if
 * changes (scenarios, --set) and rule sets by year are applied here
 * (figure.h). */
#include "engine/figure.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "check/scheme.h"
#include "engine/capaian.h"
#include "engine/cells.h"
#include "engine/grade.h"
#include "engine/group.h"

Fig *figure_at(Engine *e, int code, int year)
{
    int yi = cells_year_index(e, year);
    return yi < 0 ? NULL : &e->fig[code * e->nyears + yi];
}

/* A figure's coverage: the roll-ups met while it is computed (for the
 * rules of definition def) are its own, and it hands them on to the
 * figure being computed around it. */
typedef struct { Coverage cov; int def; } CoverScope;

static CoverScope cover_begin(Engine *e, int def)
{
    CoverScope outer = { e->cov, e->cur_def };
    e->cov = (Coverage){ 0, 0 };
    e->cur_def = def;
    return outer;
}

static void cover_end(Engine *e, Fig *f, CoverScope outer)
{
    coverage_merge(&f->cov, e->cov);
    e->cov = outer.cov;
    e->cur_def = outer.def;
    coverage_merge(&e->cov, f->cov);
}

Value figure_not_defined(Engine *e, int code)
{
    return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "indicator %s is not defined for unit %s",
                                               e->plan->codes[code], e->unit->code));
}

/* The change a scenario or --set makes to a figure of the current unit in
 * `year`, or NULL; of several, the last one given. */
const Override *figure_override(const Engine *e, int code, OverrideField field, int year)
{
    const Override *hit = NULL;
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (o->code_id != code || o->field != field || o->has_period) continue;
        if (o->year && o->year != year) continue;
        if (o->unit && strcmp(o->unit, e->unit->code) != 0) continue;
        if (o->group && (!e->group_active || strcmp(o->group, e->group_label) != 0)) continue;
        hit = o;
    }
    return hit;
}

static Value level_rank(Engine *e, const Indicator *ind, Value v, int is_target, int *is_level);

static Value override_value(Engine *e, const Indicator *ind, const Override *o, int is_target, int *is_level)
{
    if (!o->level) return value_num(o->value);
    Value v = { V_STR, 0, 0, o->level };
    return level_rank(e, ind, v, is_target, is_level);
}

/* The rules of an indicator as they hold in `year`: a cap by year, or a
 * cap a scenario sets. */
/* An indicator's rules in a year: its rule sets by year applied (kept per
 * definition and year, as every unit asks again), then a scenario's cap.
 * The result lives in *tmp when a cap is overridden, else in the memo. */
const Rules *figure_rules(Engine *e, const Indicator *ind, int year, Rules *tmp)
{
    const Rules *r;
    size_t def = (size_t)(ind - e->plan->inds);
    if (year >= e->ymin && year <= e->ymax) {
        if (!e->rules_memo) {
            size_t n = (size_t)e->plan->ninds * (size_t)e->nyears;
            e->rules_memo = mem_xcalloc(n, sizeof *e->rules_memo);
            e->rules_known = mem_xcalloc(n, 1);
        }
        size_t at = def * (size_t)e->nyears + (size_t)(year - e->ymin);
        if (!e->rules_known[at]) {
            e->rules_memo[at] = plan_rules_in_year(&ind->rules, year);
            e->rules_known[at] = 1;
        }
        r = &e->rules_memo[at];
    } else {
        *tmp = plan_rules_in_year(&ind->rules, year);
        r = tmp;
    }
    const Override *o = e->opt->noverrides ? figure_override(e, ind->code_id, OV_CAP, year) : NULL;
    if (!o) return r;
    if (r != tmp) *tmp = *r;
    tmp->has_cap = o->has_value;
    tmp->cap = o->value;
    tmp->cap_rule_set = o->origin;
    return tmp;
}

/* A formula that gives a level ("WTP", "BB") gives its rank on the
 * indicator's scale. */
static Value level_rank(Engine *e, const Indicator *ind, Value v, int is_target, int *is_level)
{
    if (v.kind != V_STR) return v;
    const Scheme *sc = ind->scale >= 0 ? &e->plan->schemes[ind->scale] : NULL;
    int rank = sc && (is_target || sc->ordinal) ? scheme_rank(sc, v.text) : 0;
    if (!rank)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "'%s' is not a level of %s", v.text, sc ? sc->name : "a scale"));
    if (is_level) *is_level = 1;
    return value_num(rank);
}

Value figure_realisation(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return figure_not_defined(e, code);
    GroupState saved;
    if (group_step_out(e, def, &saved)) {
        Value v = figure_realisation(e, code, year);
        group_restore(e, &saved);
        return v;
    }
    Fig *f = figure_at(e, code, year);
    if (!f)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->r_state == 2) { coverage_merge(&e->cov, f->cov); return f->r; }
    if (f->r_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s refers to itself", e->plan->codes[code]));
    f->r_state = 1;
    CoverScope outer = cover_begin(e, def);
    const CompiledInd *ci = &e->cp->inds[def];
    Value none = value_na(NA_UNDEFINED, "");
    const Override *ov = figure_override(e, code, OV_REALISATION, year);
    if (ov) {
        f->r = override_value(e, ci->ind, ov, 0, NULL);
        f->basis = ov->origin;
    } else if (ci->realisation) {
        f->r = level_rank(e, ci->ind, engine_run(e, ci->realisation, year, none, none), 0, NULL);
        f->basis = "formula";
    } else {
        f->r = cells_data(e, code, year, ci->ind->rules.agg, &f->basis);
    }
    f->r_state = 2;
    cover_end(e, f, outer);
    return f->r;
}

static const char *source_list_text(Engine *e, const CompiledInd *ci)
{
    StrBuf b = {0};
    if (e->override_src != -2) strbuf_puts(&b, e->override_src == -1 ? "end-of-period" : e->src_names[e->override_src]);
    else for (int i = 0; i < ci->nsources; i++) {
        if (i) strbuf_puts(&b, " or ");
        strbuf_puts(&b, ci->sources[i] == -1 ? "end-of-period" : e->src_names[ci->sources[i]]);
    }
    const char *r = arena_strdup(&e->scratch, b.s ? b.s : "");
    strbuf_free(&b);
    return r;
}

/* The target to the evaluation date from period targets: the latest one
 * when they are cumulative, else the periods' targets made one by the
 * indicator's aggregation (a quarterly flow adds up). 0: none stored. */
static int lookup_period_target(Engine *e, int code, int yi, int s, Fig *f)
{
    const Acc *a = &e->ptgt[(code * e->nyears + yi) * e->nsrc + s];
    if (!a->n && !a->later) return 0;
    if (!a->n) {           /* period targets exist, but none has ended by the evaluation date */
        char date[16];
        if (e->opt->has_as_of) period_format(date, sizeof date, e->opt->as_of);
        else snprintf(date, sizeof date, "%d", e->opt->year_to);
        f->t = value_na(NA_NOTARGET, arena_printf(&e->scratch, "no %s period target of %s for %d ends by %s",
                                                  e->src_names[s], e->plan->codes[code], e->ymin + yi, date));
        f->source = e->src_names[s];
        return 1;
    }
    int def = e->def_of[code];
    const Rules *r = def >= 0 ? &e->plan->inds[def].rules : &e->plan->defaults;
    char p[16];
    period_format(p, sizeof p, a->last_period);
    const char *kind = period_kind_name((PeriodKind)a->last_period.kind);
    const char *plural = a->n == 1 ? "" : "s";
    f->has_hi = 0;
    if (r->targets_cumulative) {
        f->t = value_num(a->last);
        f->source = arena_printf(&e->scratch, "%s, cumulative to %s", e->src_names[s], p);
        return 1;
    }
    if (cells_mixed(a)) {
        f->t = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "period targets of %s (%s) mix periods of different lengths",
                                                   e->plan->codes[code], e->src_names[s]));
        f->source = e->src_names[s];
        return 1;
    }
    double v;
    const char *how;
    switch (r->agg) {
    case AGG_SUM: v = a->sum; how = "sum"; break;
    case AGG_AVG: v = a->sum / a->n; how = "average"; break;
    case AGG_MAX: v = a->max; how = "max"; break;
    case AGG_MIN: v = a->min; how = "min"; break;
    default: v = a->last; how = "last"; break;
    }
    f->t = value_num(v);
    f->source = arena_printf(&e->scratch, "%s, %s of %d %s%s to %s", e->src_names[s], how, a->n, kind, plural, p);
    return 1;
}

/* Looks a target up in the stored cells: one source, or "end" (-1). */
static int lookup_target(Engine *e, int code, int year, int src, Fig *f)
{
    int y = year, s = src;
    if (src == -1) {
        if (!e->plan->renstra_to || e->cp->renstra_source < 0) return 0;
        y = e->plan->renstra_to;
        s = e->cp->renstra_source;
    }
    int yi = cells_year_index(e, y);
    if (yi < 0 || s < 0) return 0;
    if (src != -1) {
        int pt = lookup_period_target(e, code, yi, s, f);
        if (pt) return pt;
    }
    const TargetCell *t = &e->tgt[(code * e->nyears + yi) * e->nsrc + s];
    if (!t->has) return 0;
    f->t = value_num(t->v);
    f->has_hi = t->has_hi;
    f->t_hi = t->hi;
    f->t_level = t->is_level;
    f->source = src == -1 ? arena_printf(&e->scratch, "renstra %d (end of period)", y) : e->src_names[s];
    return 1;
}

/* The target from the stored cells: the first of the indicator's sources
 * that has one (or the one --target names), else why there is none. */
static void target_from_data(Engine *e, const CompiledInd *ci, int code, int year, Fig *f)
{
    int found = 0;
    if (e->override_src != -2) found = lookup_target(e, code, year, e->override_src, f);
    else for (int i = 0; i < ci->nsources && !found; i++) found = lookup_target(e, code, year, ci->sources[i], f);
    if (found) return;
    int wants_end = e->override_src == -1;
    for (int i = 0; i < ci->nsources && e->override_src == -2; i++) wants_end |= ci->sources[i] == -1;
    if (wants_end && !e->plan->renstra_to)
        f->t = value_na(NA_NOTARGET, "the plan states no Renstra period ('renstra FIRST .. LAST'), so there is no end-of-period target");
    else
        f->t = value_na(NA_NOTARGET, arena_printf(&e->scratch, "no %s target for %s in %d",
                                                   source_list_text(e, ci), e->plan->codes[code],
                                                   wants_end ? e->plan->renstra_to : year));
}

Value figure_target(Engine *e, int code, int year, int only_src)
{
    int def = e->def_of[code];
    if (def < 0) return figure_not_defined(e, code);
    GroupState saved;
    if (group_step_out(e, def, &saved)) {
        Value v = figure_target(e, code, year, only_src);
        group_restore(e, &saved);
        return v;
    }
    const CompiledInd *ci = &e->cp->inds[def];
    const Override *ov = only_src == -2 ? figure_override(e, code, OV_TARGET, year) : NULL;
    if (ci->ind->rules.target.none && !ci->target && !ov && only_src == -2)
        return value_na(NA_NOTARGET, arena_printf(&e->scratch, "%s has no target ('target none')", e->plan->codes[code]));
    if (only_src != -2) {    /* target(X, year, "source") in a formula; -1: "end" */
        Fig tmp;
        memset(&tmp, 0, sizeof tmp);
        if (lookup_target(e, code, year, only_src, &tmp)) return tmp.t;
        if (only_src == -1)
            return value_na(NA_NOTARGET, e->plan->renstra_to
                ? arena_printf(&e->scratch, "no end-of-period target for %s (renstra %d)", e->plan->codes[code], e->plan->renstra_to)
                : "the plan states no Renstra period ('renstra FIRST .. LAST'), so there is no end-of-period target");
        return value_na(NA_NOTARGET, arena_printf(&e->scratch, "no %s target for %s in %d",
                                                  e->src_names[only_src], e->plan->codes[code], year));
    }
    Fig *f = figure_at(e, code, year);
    if (!f)
        return value_na(NA_NOTARGET, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->t_state == 2) { coverage_merge(&e->cov, f->cov); return f->t; }
    if (f->t_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the target of %s refers to itself", e->plan->codes[code]));
    f->t_state = 1;
    CoverScope outer = cover_begin(e, def);
    Value none = value_na(NA_UNDEFINED, "");
    if (ov) {
        f->t = override_value(e, ci->ind, ov, 1, &f->t_level);
        f->source = ov->origin;
    } else if (ci->target) {
        f->t = level_rank(e, ci->ind, engine_run(e, ci->target, year, none, none), 1, &f->t_level);
        f->source = "plan";
        if (ci->target_hi && f->t.kind == V_NUM) {
            Value hi = engine_run(e, ci->target_hi, year, none, none);
            if (hi.kind == V_NA) f->t = hi;
            else { f->has_hi = 1; f->t_hi = hi.num; }
        }
    } else {
        target_from_data(e, ci, code, year, f);
    }
    f->t_state = 2;
    cover_end(e, f, outer);
    return f->t;
}

/* Realisation over the Renstra period up to `year`: a flow (aggregate sum)
 * adds the years up, and every year must be known (missing is not zero);
 * a stock takes its latest value. */
Value figure_to_date(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return figure_not_defined(e, code);
    if (!e->plan->renstra_from)
        return value_na(NA_NODATA, "to_date() needs the plan's Renstra period ('renstra FIRST .. LAST')");
    if (e->plan->inds[def].rules.agg != AGG_SUM) return cells_latest(e, code, year, NULL);
    double sum = 0;
    for (int y = e->plan->renstra_from; y <= year; y++) {
        Value v = figure_realisation(e, code, y);
        if (v.kind == V_NA) return v;
        sum += v.num;
    }
    if (year < e->plan->renstra_from)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is before the Renstra period (%d .. %d)", year,
                                                e->plan->renstra_from, e->plan->renstra_to));
    return value_num(sum);
}

/* Capaian by the plan's formula or the polarity; a zero the formula cannot
 * divide by goes to the plan's zero rule, else it is undefined (never 0). */
/* On a scale, capaian compares ranks: the realisation's level (its band,
 * for a scheme) against the target's. */
static int to_ranks(Engine *e, const Indicator *ind, Value *r, Value *t, const Fig *f)
{
    const Scheme *sc = &e->plan->schemes[ind->scale];
    if (!sc->ordinal) {
        double v = num_round(r->num, ind->rules.value_round);
        int b = grade_find(sc, v);
        if (b < 0) {
            char why[200];
            grade_miss_text(sc, v, why, sizeof why);
            *r = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "realisation %s", why));
            return -1;
        }
        *r = value_num(scheme_band_rank(sc, b));
    }
    if (f->t_level) return 0;
    if (sc->ordinal) {
        *r = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the target of %s is a number, not a level of %s",
                                                 ind->code, sc->name));
        return -1;
    }
    int b = grade_find(sc, t->num);
    if (b < 0) {
        *r = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the target falls in no band of %s", sc->name));
        return -1;
    }
    *t = value_num(scheme_band_rank(sc, b));
    return 0;
}

static Value capaian_value(Engine *e, const CompiledInd *ci, int year, Value r, Value t, const Fig *f)
{
    const Rules *rules = &ci->ind->rules;
    if (ci->ind->scale >= 0 && to_ranks(e, ci->ind, &r, &t, f) < 0) return r;
    if (ci->capaian) return engine_run(e, ci->capaian, year, r, t);
    if (f->has_hi && rules->polarity != POL_RANGE)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "the target is a range but %s is '%s'; state 'polarity range' in the plan",
            ci->ind->code, plan_polarity_name(rules->polarity)));
    if (f->has_hi && f->t_hi < t.num)
        return value_na(NA_UNDEFINED, "the target range is empty: its upper bound is below its lower bound");
    double out;
    CapaianStatus cs = capaian_compute(rules->polarity, rules->range_above, r.num, t.num, f->has_hi, f->t_hi, &out);
    if (cs == CAP_OK) return value_num(out);
    const Program *rule = cs == CAP_ZERO_TARGET ? ci->zero_target : ci->zero_realisation;
    if (rule) return engine_run(e, rule, year, r, t);
    if (cs == CAP_ZERO_TARGET)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "target is 0 and %s divides by it; state 'zero target = ...' in the plan", plan_polarity_formula(rules->polarity)));
    return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
        "realisation is 0 and %s divides by it; state 'zero realisation = ...' in the plan", plan_polarity_formula(rules->polarity)));
}

/* Capaian of `code` in `year` as its row shows it: computed, capped by the
 * rules of that year, rounded. The one path for rows and for capaian(X)
 * in formulas (weighted composites). */
Value figure_capaian(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return figure_not_defined(e, code);
    GroupState saved;
    if (group_step_out(e, def, &saved)) {
        Value v = figure_capaian(e, code, year);
        group_restore(e, &saved);
        return v;
    }
    Fig *f = figure_at(e, code, year);
    if (!f)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->c_state == 2) return f->c;
    if (f->c_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the capaian of %s refers to itself", e->plan->codes[code]));
    f->c_state = 1;
    const CompiledInd *ci = &e->cp->inds[def];
    Value r = figure_realisation(e, code, year);
    Value t = figure_target(e, code, year, -2);
    Value c = r.kind == V_NA ? r : t.kind == V_NA ? t : capaian_value(e, ci, year, r, t, f);
    if (c.kind != V_NA) {
        Rules tmp;
        const Rules *rules = figure_rules(e, ci->ind, year, &tmp);   /* a cap by year, or a scenario's */
        int capped = 0;
        c = value_num(capaian_finish(c.num, rules, &capped));
        f->capped = (uint8_t)capped;
    }
    f->c = c;
    f->c_state = 2;
    return c;
}
