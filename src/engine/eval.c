/* eval.c: compiled plan + store -> values.
 *
 * The store is read in streams, each once and in unit order (the tables'
 * primary keys start with the unit, so SQLite needs no sort):
 *
 *     units (whole, small)   targets, period_targets, realisasi (by unit)
 *
 * plus each record table a plan uses, read whole once (records.c). For each
 * unit the target and realisation rows are folded into small
 * per-(indicator, year) cells; then every (indicator, year) the plan
 * defines for the unit is evaluated, lazily and memoised, so a formula may
 * refer to another indicator or another year in any order the plan likes.
 * A grouped indicator (`per T.col`) gives a row per group; rows that roll
 * up from the units below wait for them (rollup.c). No query is run per
 * indicator or per unit. */
#include "engine/engine.h"
#include "engine/capaian.h"
#include "check/check.h"
#include "store/store.h"
#include "engine/grade.h"
#include "engine/vm.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LOOKBACK_YEARS 10   /* earlier years kept for lagged references */

const char *eval_status_name(Status s)
{
    static const char *const n[] = { "ok", "no data", "no target", "undefined" };
    return n[s];
}

/* ---- cells ---------------------------------------------------------------- */

static int year_index(const Engine *e, int year)
{
    return year >= e->ymin && year <= e->ymax ? year - e->ymin : -1;
}

static void acc_add(Acc *a, Period p, int32_t end, double v)
{
    if (a->n == 0) {
        a->sum = a->min = a->max = v;
    } else {
        a->sum += v;
        if (v < a->min) a->min = v;
        if (v > a->max) a->max = v;
    }
    a->n++;
    a->kinds |= (uint8_t)(1u << p.kind);
    /* latest-ending period wins; at equal ends the shorter period (more specific) */
    if (end > a->last_end || (end == a->last_end && p.kind > a->last_period.kind)) {
        a->last = v;
        a->last_end = end;
        a->last_period = p;
    }
}

static void fold_realisation(Engine *e, int code, Period p, double v)
{
    int32_t end = period_end(p);
    if (end > e->cutoff) return;
    int yi = year_index(e, p.year);
    if (p.year > e->ymax) return;
    acc_add(yi >= 0 ? &e->acc[code * e->nyears + yi] : &e->before[code], p, end, v);
}

/* Period targets ending by the evaluation date, per (code, year, source). */
static void fold_period_target(Engine *e, int code, int src, Period p, double v)
{
    int32_t end = period_end(p);
    int yi = year_index(e, p.year);
    if (yi < 0) return;
    Acc *a = &e->ptgt[(code * e->nyears + yi) * e->nsrc + src];
    if (end > e->cutoff) { a->later++; return; }   /* known to exist: the yearly target does not apply */
    acc_add(a, p, end, v);
}

static void store_target(Engine *e, int code, int year, int src, double v, int has_hi, double hi, int is_level)
{
    int yi = year_index(e, year);
    if (yi < 0) return;
    TargetCell *t = &e->tgt[(code * e->nyears + yi) * e->nsrc + src];
    t->v = v;
    t->has = 1;
    t->has_hi = (uint8_t)has_hi;
    t->hi = hi;
    t->is_level = (uint8_t)is_level;
}

static void reset_unit(Engine *e)
{
    size_t cy = (size_t)e->ncodes * (size_t)e->nyears;
    memset(e->acc, 0, cy * sizeof *e->acc);
    memset(e->before, 0, (size_t)e->ncodes * sizeof *e->before);
    memset(e->tgt, 0, cy * (size_t)e->nsrc * sizeof *e->tgt);
    memset(e->ptgt, 0, cy * (size_t)e->nsrc * sizeof *e->ptgt);
    memset(e->fig, 0, cy * sizeof *e->fig);
    arena_free(&e->scratch);
}

/* ---- figures -------------------------------------------------------------- */

static const char *as_of_text(Engine *e, int year)
{
    char buf[16];
    if (e->opt->has_as_of) {
        period_format(buf, sizeof buf, e->opt->as_of);
        return arena_printf(&e->scratch, " as of %s", buf);
    }
    (void)year;
    return "";
}

static int popcount8(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n;
}

/* The latest value known as of `year`'s evaluation date, from any year. */
static Value latest_value(Engine *e, int code, int year, const char **basis)
{
    /* known by the end of `year`, and never past --as-of (rows after it were not read) */
    int bound = e->opt->has_as_of && e->opt->as_of.year < year ? e->opt->as_of.year : year;
    for (int y = bound < e->ymax ? bound : e->ymax; y >= e->ymin; y--) {
        const Acc *a = &e->acc[code * e->nyears + (y - e->ymin)];
        if (a->n) {
            char p[16];
            period_format(p, sizeof p, a->last_period);
            if (basis) *basis = arena_printf(&e->scratch, "latest: %s", p);
            return value_num(a->last);
        }
    }
    const Acc *b = &e->before[code];
    if (b->n) {
        char p[16];
        period_format(p, sizeof p, b->last_period);
        if (basis) *basis = arena_printf(&e->scratch, "latest: %s", p);
        return value_num(b->last);
    }
    return value_na(NA_NODATA, arena_printf(&e->scratch, "no realisation of %s up to %d%s",
                                            e->plan->codes[code], year, as_of_text(e, year)));
}

/* The year's realisation from data, by the indicator's aggregation. */

/* "sum of 4 quarters", "last: 2023-Q4": how a realisation was made, for
 * every row of the table; written by hand, as printf cost more than the
 * figure itself over a national run. n < 0: how, then what. */
static const char *basis_text(Engine *e, const char *how, int n, const char *what)
{
    char buf[96], num[16];
    size_t k = 0, hl = strlen(how), wl = strlen(what);
    if (hl + wl + 20 > sizeof buf) return arena_printf(&e->scratch, "%s%d %s", how, n, what);
    memcpy(buf, how, hl);
    k = hl;
    if (n >= 0) {
        int d = 0, v = n;
        do { num[d++] = (char)('0' + v % 10); v /= 10; } while (v);
        while (d) buf[k++] = num[--d];
        buf[k++] = ' ';
    }
    memcpy(buf + k, what, wl);
    k += wl;
    if (n >= 0 && n != 1) buf[k++] = 's';
    char *out = arena_alloc(&e->scratch, k + 1);
    memcpy(out, buf, k);
    out[k] = '\0';
    return out;
}

static Value data_value(Engine *e, int code, int year, Aggregate agg, const char **basis)
{
    if (agg == AGG_LATEST) return latest_value(e, code, year, basis);
    int yi = year_index(e, year);
    if (yi < 0)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    const Acc *a = &e->acc[code * e->nyears + yi];
    const char *name = e->plan->codes[code];
    if (a->n == 0)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "no realisation of %s for %d%s", name, year, as_of_text(e, year)));
    if ((agg == AGG_SUM || agg == AGG_AVG) && popcount8(a->kinds) > 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "realisations of %s for %d mix periods of different lengths; %s needs one kind", name, year, aggregate_name(agg)));
    char p[16];
    period_format(p, sizeof p, a->last_period);
    const char *kind = period_kind_name((PeriodKind)a->last_period.kind);
    switch (agg) {
    case AGG_SUM:
        *basis = basis_text(e, "sum of ", a->n, kind);
        return value_num(a->sum);
    case AGG_AVG:
        *basis = basis_text(e, "average of ", a->n, kind);
        return value_num(a->sum / a->n);
    case AGG_MAX:
        *basis = basis_text(e, "max of ", a->n, kind);
        return value_num(a->max);
    case AGG_MIN:
        *basis = basis_text(e, "min of ", a->n, kind);
        return value_num(a->min);
    default:
        *basis = basis_text(e, "last: ", -1, p);
        return value_num(a->last);
    }
}

static Fig *fig_at(Engine *e, int code, int year)
{
    int yi = year_index(e, year);
    return yi < 0 ? NULL : &e->fig[code * e->nyears + yi];
}

static Value not_defined(Engine *e, int code)
{
    return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "indicator %s is not defined for unit %s",
                                               e->plan->codes[code], e->unit->code));
}

static Value run(Engine *e, const Program *p, int year, Value self_r, Value self_t)
{
    VmHost saved = e->host;
    e->host.year = year;
    e->host.self_r = self_r;
    e->host.self_t = self_t;
    Value v = vm_run(p, &e->host);
    e->host = saved;
    return v;
}

/* ---- groups ------------------------------------------------------------------ */

/* Figures of grouped indicators are memoised for the current group only. */
static void forget_grouped(Engine *e)
{
    for (int i = 0; i < e->ngrouped; i++)
        for (int y = 0; y < e->nyears; y++) {
            Fig *f = &e->fig[e->grouped_codes[i] * e->nyears + y];
            f->r_state = f->t_state = f->c_state = 0;
        }
}

static GroupState group_save(const Engine *e)
{
    GroupState s;
    s.active = e->group_active;
    s.group = e->group;
    memcpy(s.vals, e->group_vals, sizeof s.vals);
    s.label = e->group_label;
    return s;
}

static void group_restore(Engine *e, const GroupState *s)
{
    int changed = s->active || e->group_active;
    e->group_active = s->active;
    e->group = s->group;
    memcpy(e->group_vals, s->vals, sizeof e->group_vals);
    e->group.vals = e->group_vals;
    e->group_label = s->label;
    if (changed) forget_grouped(e);
}

/* Makes `row` of the grouping table the current group: "Keuangan", or
 * "2023 / Keuangan" for a group of two columns. */
static void group_enter(Engine *e, const GroupSpec *g, int row)
{
    const Value *cells = records_row(e->rs, g->record, row);
    StrBuf b = {0};
    for (int i = 0; i < g->ncols; i++) {
        e->group_vals[i] = cells[g->cols[i]];
        if (i) strbuf_puts(&b, " / ");
        const Value *v = &e->group_vals[i];
        if (v->kind == V_STR) strbuf_puts(&b, v->text);
        else if (v->kind == V_NUM) { char n[40]; num_format(n, sizeof n, v->num, -1); strbuf_puts(&b, n); }
        else strbuf_puts(&b, "(empty)");
    }
    e->group_label = arena_strdup(&e->scratch, b.s ? b.s : "");
    strbuf_free(&b);
    e->group.record = g->record;
    e->group.ncols = g->ncols;
    e->group.cols = g->cols;
    e->group.vals = e->group_vals;
    e->group_active = 1;
    forget_grouped(e);
}


/* An ungrouped figure sees every row, whatever group is current: the
 * figure functions step out of the group for it, and back after. */
static int outside_group(Engine *e, int def, GroupState *saved)
{
    if (!e->group_active || e->plan->inds[def].group.record >= 0) return 0;
    *saved = group_save(e);
    e->group_active = 0;
    forget_grouped(e);
    return 1;
}

/* sum(X), avg(X), ... over the groups of grouped indicator X. A group
 * whose value is missing makes a sum or mean missing (missing is not 0);
 * count counts the groups that have a value. */
static Value group_aggregate(Engine *e, int agg, int year)
{
    static const char *const names[] = { "count", "count_distinct", "sum", "avg", "min", "max" };
    const GroupAgg *ga = &e->plan->gaggs[agg];
    const GroupSpec *g = &e->plan->inds[ga->group_of].group;
    int *first = NULL;
    int n = records_groups(e->rs, g, e->unit->code, year, &first);
    if (n <= 0) {
        free(first);
        return value_na(NA_NODATA, records_scope_text(e->rs, g->record, e->unit->code, year, &e->scratch));
    }
    GroupState saved = group_save(e);
    Value out = value_num(0);
    double sum = 0, best = 0;
    int have = 0;
    for (int i = 0; i < n; i++) {
        group_enter(e, g, first[i]);
        Value none = value_na(NA_UNDEFINED, "");
        Value v = run(e, e->cp->gagg_values[agg], year, none, none);
        if (v.kind == V_NA) {
            if (ga->fn == RAGG_COUNT) continue;
            out = value_na((NaKind)v.na, arena_printf(&e->scratch, "%s(): %s: %s", names[ga->fn], e->group_label, v.text));
            break;
        }
        if (ga->fn == RAGG_COUNT) { have++; continue; }
        if (!have || (ga->fn == RAGG_MIN ? v.num < best : v.num > best)) best = v.num;
        sum += v.num;
        have++;
    }
    free(first);
    group_restore(e, &saved);
    if (out.kind == V_NA) return out;
    if (ga->fn == RAGG_COUNT) return value_num(have);
    if (ga->fn == RAGG_SUM) return value_num(sum);
    if (ga->fn == RAGG_AVG) return value_num(sum / have);
    return value_num(best);
}

/* ---- what-if changes ---------------------------------------------------------- */

/* The change a scenario or --set makes to a figure of the current unit in
 * `year`, or NULL; of several, the last one given. */
static const Override *override_of(const Engine *e, int code, OverrideField field, int year)
{
    const Override *hit = NULL;
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (o->code_id != code || o->field != field || o->has_period) continue;
        if (o->year && o->year != year) continue;
        if (o->unit && strcmp(o->unit, e->unit->code) != 0) continue;
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
static const Rules *rules_for(Engine *e, const Indicator *ind, int year, Rules *tmp)
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
            e->rules_memo[at] = rules_in_year(&ind->rules, year);
            e->rules_known[at] = 1;
        }
        r = &e->rules_memo[at];
    } else {
        *tmp = rules_in_year(&ind->rules, year);
        r = tmp;
    }
    const Override *o = e->opt->noverrides ? override_of(e, ind->code_id, OV_CAP, year) : NULL;
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
    int rank = sc && (is_target || sc->ordinal) ? scale_rank(sc, v.text) : 0;
    if (!rank)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "'%s' is not a level of %s", v.text, sc ? sc->name : "a scale"));
    if (is_level) *is_level = 1;
    return value_num(rank);
}

Value fig_realisation(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return not_defined(e, code);
    GroupState saved;
    if (outside_group(e, def, &saved)) {
        Value v = fig_realisation(e, code, year);
        group_restore(e, &saved);
        return v;
    }
    Fig *f = fig_at(e, code, year);
    if (!f)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->r_state == 2) return f->r;
    if (f->r_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s refers to itself", e->plan->codes[code]));
    f->r_state = 1;
    const CompiledInd *ci = &e->cp->inds[def];
    Value none = value_na(NA_UNDEFINED, "");
    const Override *ov = override_of(e, code, OV_REALISATION, year);
    if (ov) {
        f->r = override_value(e, ci->ind, ov, 0, NULL);
        f->basis = ov->origin;
    } else if (ci->realisation) {
        f->r = level_rank(e, ci->ind, run(e, ci->realisation, year, none, none), 0, NULL);
        f->basis = "formula";
    } else {
        f->r = data_value(e, code, year, ci->ind->rules.agg, &f->basis);
    }
    f->r_state = 2;
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
    if (popcount8(a->kinds) > 1) {
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
    int yi = year_index(e, y);
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

Value fig_target(Engine *e, int code, int year, int only_src)
{
    int def = e->def_of[code];
    if (def < 0) return not_defined(e, code);
    GroupState saved;
    if (outside_group(e, def, &saved)) {
        Value v = fig_target(e, code, year, only_src);
        group_restore(e, &saved);
        return v;
    }
    const CompiledInd *ci = &e->cp->inds[def];
    const Override *ov = only_src == -2 ? override_of(e, code, OV_TARGET, year) : NULL;
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
    Fig *f = fig_at(e, code, year);
    if (!f)
        return value_na(NA_NOTARGET, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->t_state == 2) return f->t;
    if (f->t_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the target of %s refers to itself", e->plan->codes[code]));
    f->t_state = 1;
    Value none = value_na(NA_UNDEFINED, "");
    if (ov) {
        f->t = override_value(e, ci->ind, ov, 1, &f->t_level);
        f->source = ov->origin;
    } else if (ci->target) {
        f->t = level_rank(e, ci->ind, run(e, ci->target, year, none, none), 1, &f->t_level);
        f->source = "plan";
        if (ci->target_hi && f->t.kind == V_NUM) {
            Value hi = run(e, ci->target_hi, year, none, none);
            if (hi.kind == V_NA) f->t = hi;
            else { f->has_hi = 1; f->t_hi = hi.num; }
        }
    } else {
        int found = 0;
        if (e->override_src != -2) found = lookup_target(e, code, year, e->override_src, f);
        else for (int i = 0; i < ci->nsources && !found; i++) found = lookup_target(e, code, year, ci->sources[i], f);
        if (!found) {
            int wants_end = e->override_src == -1;
            for (int i = 0; i < ci->nsources && e->override_src == -2; i++) wants_end |= ci->sources[i] == -1;
            if (wants_end && !e->plan->renstra_to)
                f->t = value_na(NA_NOTARGET, "the plan states no Renstra period ('renstra FIRST .. LAST'), so there is no end-of-period target");
            else
                f->t = value_na(NA_NOTARGET, arena_printf(&e->scratch, "no %s target for %s in %d",
                                                           source_list_text(e, ci), e->plan->codes[code],
                                                           wants_end ? e->plan->renstra_to : year));
        }
    }
    f->t_state = 2;
    return f->t;
}

/* ---- VM host callbacks ---------------------------------------------------- */

static Value host_realisation(VmHost *h, int code, int year) { return fig_realisation((Engine *)h, code, year); }
static Value host_target(VmHost *h, int code, int year, int src) { return fig_target((Engine *)h, code, year, src); }

static Value host_data(VmHost *h, int code, int year)
{
    Engine *e = (Engine *)h;
    int def = e->def_of[code];
    const char *basis = NULL;
    return data_value(e, code, year, def >= 0 ? e->plan->inds[def].rules.agg : AGG_LAST, &basis);
}

static Value host_record_agg(VmHost *h, int agg)
{
    Engine *e = (Engine *)h;
    return records_aggregate(e->rs, e->cp, agg, e->unit ? e->unit->code : NULL, h->year,
                             e->group_active ? &e->group : NULL, h);
}

static Value host_group_agg(VmHost *h, int agg)
{
    return group_aggregate((Engine *)h, agg, h->year);
}

static Value host_column(VmHost *h, int col)
{
    return records_column(((Engine *)h)->rs, col);
}

static Value host_capaian(VmHost *h, int code, int year) { return fig_capaian((Engine *)h, code, year); }

static Value host_weight(VmHost *h, int code)
{
    Engine *e = (Engine *)h;
    int def = e->def_of[code];
    if (def < 0) return not_defined(e, code);
    const Override *o = override_of(e, code, OV_WEIGHT, h->year);
    return value_num(o ? o->value : e->plan->inds[def].weight);
}

/* Realisation over the Renstra period up to `year`: a flow (aggregate sum)
 * adds the years up, and every year must be known (missing is not zero);
 * a stock takes its latest value. */
static Value fig_to_date(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return not_defined(e, code);
    if (!e->plan->renstra_from)
        return value_na(NA_NODATA, "to_date() needs the plan's Renstra period ('renstra FIRST .. LAST')");
    if (e->plan->inds[def].rules.agg != AGG_SUM) return latest_value(e, code, year, NULL);
    double sum = 0;
    for (int y = e->plan->renstra_from; y <= year; y++) {
        Value v = fig_realisation(e, code, y);
        if (v.kind == V_NA) return v;
        sum += v.num;
    }
    if (year < e->plan->renstra_from)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is before the Renstra period (%d .. %d)", year,
                                                e->plan->renstra_from, e->plan->renstra_to));
    return value_num(sum);
}

static Value host_to_date(VmHost *h, int code, int year) { return fig_to_date((Engine *)h, code, year); }

static void host_trace(VmHost *h, const Expr *at, Value v)
{
    Engine *e = (Engine *)h;
    e->opt->trace(e->opt->trace_ctx, e->unit->code, e->group_active ? e->group_label : NULL, h->year, at, v);
}

/* A function of a Lua module, called with the figures it takes; a missing
 * argument makes it missing without a call. A Lua error stops the run. */
static Value host_lua_call(VmHost *h, int fi, const Value *args, int n)
{
    Engine *e = (Engine *)h;
    const Func *f = &e->plan->funcs[fi];
    for (int i = 0; i < n; i++)
        if (args[i].kind == V_NA) return args[i];
    if (e->lua_failed || !e->lua[fi]) return value_na(NA_UNDEFINED, "a Lua function failed");
    lua_State *L = sandbox_lua(e->lua[fi]);
    for (int i = 0; i < n; i++) {
        if (args[i].kind == V_STR) lua_pushstring(L, args[i].text);
        else if (args[i].kind == V_BOOL) lua_pushboolean(L, args[i].num != 0);
        else lua_pushnumber(L, args[i].num);
    }
    if (sandbox_call_value(e->lua[fi], f->name, n, e->d) <= 0) {
        e->lua_failed = 1;
        return value_na(NA_UNDEFINED, "a Lua function failed");
    }
    Value v;
    int t = lua_type(L, -1);
    if (t == LUA_TNIL)
        v = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave nil", f->name));
    else if (f->ret_type == T_NUM && t == LUA_TNUMBER)
        v = isfinite(lua_tonumber(L, -1)) ? value_num(lua_tonumber(L, -1))
          : value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave a number that is not finite", f->name));
    else if (f->ret_type == T_BOOL && t == LUA_TBOOLEAN) v = value_bool(lua_toboolean(L, -1));
    else if (f->ret_type == T_STR && t == LUA_TSTRING) {
        v.kind = V_STR;
        v.na = 0;
        v.num = 0;
        v.text = arena_strdup(&e->scratch, lua_tostring(L, -1));
    } else
        v = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave a %s, but is declared to give %s", f->name,
                                               lua_typename(L, t), f->ret_type == T_NUM ? "a number" : f->ret_type == T_STR ? "text" : "true/false"));
    lua_pop(L, 1);
    return v;
}

/* One sandbox per Lua file, for every function it gives. */
static int open_lua(Engine *e)
{
    const Plan *p = e->plan;
    if (!p->nfuncs) return 0;
    e->lua = mem_xcalloc((size_t)p->nfuncs, sizeof *e->lua);
    for (int i = 0; i < p->nfuncs; i++) {
        if (!p->funcs[i].lua_file) continue;
        for (int j = 0; j < i && !e->lua[i]; j++)
            if (p->funcs[j].lua_file && !strcmp(p->funcs[j].lua_file, p->funcs[i].lua_file)) e->lua[i] = e->lua[j];
        if (e->lua[i]) continue;
        e->lua[i] = sandbox_new(NULL);
        if (!e->lua[i] || sandbox_load(e->lua[i], p->funcs[i].lua_file, NULL, e->d) != 0) return EXIT_HOOK;
    }
    return 0;
}

static void close_lua(Engine *e)
{
    const Plan *p = e->plan;
    for (int i = 0; e->lua && i < p->nfuncs; i++) {
        int shared = 0;
        for (int j = 0; j < i; j++) shared |= e->lua[j] == e->lua[i];
        if (!shared) sandbox_free(e->lua[i]);
    }
    free(e->lua);
}

static Value host_latest(VmHost *h, int code, int year)
{
    return latest_value((Engine *)h, code, year, NULL);
}

/* ---- one row ------------------------------------------------------------ */

static Status status_of(Value v)
{
    return v.na == NA_NODATA ? ST_NODATA : v.na == NA_NOTARGET ? ST_NOTARGET : ST_UNDEFINED;
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
        *r = value_num(scale_band_rank(sc, b));
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
    *t = value_num(scale_band_rank(sc, b));
    return 0;
}

static Value capaian_value(Engine *e, const CompiledInd *ci, int year, Value r, Value t, const Fig *f)
{
    const Rules *rules = &ci->ind->rules;
    if (ci->ind->scale >= 0 && to_ranks(e, ci->ind, &r, &t, f) < 0) return r;
    if (ci->capaian) return run(e, ci->capaian, year, r, t);
    if (f->has_hi && rules->polarity != POL_RANGE)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "the target is a range but %s is '%s'; state 'polarity range' in the plan",
            ci->ind->code, polarity_name(rules->polarity)));
    if (f->has_hi && f->t_hi < t.num)
        return value_na(NA_UNDEFINED, "the target range is empty: its upper bound is below its lower bound");
    double out;
    CapaianStatus cs = capaian_compute(rules->polarity, rules->range_above, r.num, t.num, f->has_hi, f->t_hi, &out);
    if (cs == CAP_OK) return value_num(out);
    const Program *rule = cs == CAP_ZERO_TARGET ? ci->zero_target : ci->zero_realisation;
    if (rule) return run(e, rule, year, r, t);
    if (cs == CAP_ZERO_TARGET)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "target is 0 and %s divides by it; state 'zero target = ...' in the plan", polarity_formula(rules->polarity)));
    return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
        "realisation is 0 and %s divides by it; state 'zero realisation = ...' in the plan", polarity_formula(rules->polarity)));
}

/* Capaian of `code` in `year` as its row shows it: computed, capped by the
 * rules of that year, rounded. The one path for rows and for capaian(X)
 * in formulas (weighted composites). */
Value fig_capaian(Engine *e, int code, int year)
{
    int def = e->def_of[code];
    if (def < 0) return not_defined(e, code);
    GroupState saved;
    if (outside_group(e, def, &saved)) {
        Value v = fig_capaian(e, code, year);
        group_restore(e, &saved);
        return v;
    }
    Fig *f = fig_at(e, code, year);
    if (!f)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    if (f->c_state == 2) return f->c;
    if (f->c_state == 1)
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch, "the capaian of %s refers to itself", e->plan->codes[code]));
    f->c_state = 1;
    const CompiledInd *ci = &e->cp->inds[def];
    Value r = fig_realisation(e, code, year);
    Value t = fig_target(e, code, year, -2);
    Value c = r.kind == V_NA ? r : t.kind == V_NA ? t : capaian_value(e, ci, year, r, t, f);
    if (c.kind != V_NA) {
        Rules tmp;
        const Rules *rules = rules_for(e, ci->ind, year, &tmp);   /* a cap by year, or a scenario's */
        int capped = 0;
        c = value_num(capaian_finish(c.num, rules, &capped));
        f->capped = (uint8_t)capped;
    }
    f->c = c;
    f->c_state = 2;
    return c;
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
        double v = gr->on == GRADE_VALUE ? num_round(row->real, ind->rules.value_round) : row->capaian;
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
    if (row->has_target && f->t_level) row->target_level = scale_code(sc, (int)row->target);
    if (row->has_real && sc->ordinal) row->real_level = scale_code(sc, (int)row->real);
    row->rule = arena_printf(&e->scratch, "on the ranks of %s (%s = 1 .. %s = %d): %s", sc->name, scale_code(sc, 1),
                             scale_code(sc, sc->nbands), sc->nbands, row->rule);
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

static void eval_row(Engine *e, int def, int year, ResultRow *row)
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
    Rules tmp;
    const Rules *rules = rules_for(e, ind, year, &tmp);    /* a cap by year, or a scenario's */
    row->rule = rule_text(e, def, year, rules, ind->capaian);
    Value r = fig_realisation(e, code, year);
    int no_target = ind->rules.target.none && !ci->target && !override_of(e, code, OV_TARGET, year);
    Value t = no_target ? value_num(0) : fig_target(e, code, year, -2);
    Value c = no_target ? value_num(0) : fig_capaian(e, code, year);
    Fig *f = fig_at(e, code, year);
    if (no_target) {            /* a figure without a target: no capaian either */
        if (r.kind == V_NUM) { row->has_real = 1; row->real = r.num; row->basis = f->basis; }
        else { row->status = status_of(r); row->reason = r.text; }
        row->rule = "";
        grade_row(e, ind, row);
        return;
    }
    if (r.kind == V_NUM) { row->has_real = 1; row->real = r.num; row->basis = f->basis; }
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

/* ---- which indicators a unit has ------------------------------------------ */

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
int engine_choose_defs(Engine *e)
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

/* ---- streams ---------------------------------------------------------------- */

static int load_units(Engine *e, sqlite3 *db)
{
    sqlite3_stmt *st = store_prepare(db, "SELECT code, parent, name, level FROM units ORDER BY code", e->d);
    if (!st) return 5;
    VEC(UnitInfo) v = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        UnitInfo u = { 0 };
        const char *cols[4];
        for (int i = 0; i < 4; i++) {
            const unsigned char *t = sqlite3_column_text(st, i);
            cols[i] = t ? arena_strdup(&e->unit_arena, (const char *)t) : NULL;
        }
        u.code = cols[0];
        u.parent = cols[1] && *cols[1] ? cols[1] : NULL;
        u.name = cols[2];
        u.level = cols[3];
        VEC_PUSH(v, u);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        diag_plain(e->d, "reading units: %s", sqlite3_errmsg(db));
        VEC_FREE(v);
        return 5;
    }
    e->units = v.items;
    e->nunits = v.len;
    for (int i = 0; i < e->nunits; i++) {
        strmap_put(&e->unit_map, e->units[i].code, i);
        e->units[i].leaf = 1;
    }
    for (int i = 0; i < e->nunits; i++) {
        int p = e->units[i].parent ? strmap_get(&e->unit_map, e->units[i].parent) : -1;
        if (p >= 0) e->units[p].leaf = 0;
    }
    return 0;
}

/* Every unit a plan names must exist in the store: a typo here would
 * otherwise silently drop the unit from the report. */
static int check_plan_units(Engine *e)
{
    int bad = 0;
    const char **names = mem_xarray(e->nunits, sizeof *names);
    for (int i = 0; i < e->nunits; i++) names[i] = e->units[i].code;
    for (int i = 0; i < e->plan->ninds; i++) {
        const UnitSel *sel = &e->plan->inds[i].units;
        if (sel->kind == SEL_ALL || sel->kind == SEL_LEVEL || sel->kind == SEL_LEAVES) continue;
        for (int k = 0; k < sel->ncodes; k++) {
            const char *code = sel->codes[k];
            if (strmap_get(&e->unit_map, code) >= 0) continue;
            int seen = 0;
            for (int j = 0; j < i && !seen; j++)
                for (int m = 0; m < e->plan->inds[j].units.ncodes; m++)
                    seen |= e->plan->inds[j].units.kind == SEL_LIST && strcmp(e->plan->inds[j].units.codes[m], code) == 0;
            if (seen) continue;
            const char *best = text_suggest(code, names, e->nunits);
            Loc at = sel->locs ? sel->locs[k] : sel->loc;
            diag_error(e->d, at, "unit '%s' is not in the database's units table%s%s%s", code,
                       best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
            bad++;
        }
    }
    free(names);
    return bad ? 4 : 0;
}

/* A what-if change for a unit the store does not have would change
 * nothing, silently: it is an error like a plan's unknown unit. */
static int check_override_units(Engine *e)
{
    int bad = 0;
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (!o->unit || strmap_get(&e->unit_map, o->unit) >= 0) continue;
        if (o->loc.src) diag_error(e->d, o->loc, "unit '%s' in %s is not in the database's units table", o->unit, o->origin);
        else diag_plain(e->d, "--set: unit '%s' is not in the database's units table", o->unit);
        bad++;
    }
    return bad ? 4 : 0;
}

typedef struct {
    sqlite3_stmt *st;
    int live;            /* a row is current */
    int failed;          /* a step failed (out of memory, I/O, a damaged page): not the end of the rows */
} Cursor;

static void cursor_step(Cursor *c)
{
    int r = sqlite3_step(c->st);
    c->live = r == SQLITE_ROW;
    if (r != SQLITE_ROW && r != SQLITE_DONE) c->failed = 1;
}

static int cursor_open(Cursor *c, sqlite3 *db, const char *sql, const char *unit, Diag *d)
{
    c->st = store_prepare(db, sql, d);
    if (!c->st) return 5;
    if (unit) sqlite3_bind_text(c->st, 1, unit, -1, SQLITE_STATIC);
    cursor_step(c);
    return 0;
}

static int cursor_next(Cursor *c)
{
    cursor_step(c);
    return c->live;
}

/* Advances c past rows of units before `unit`; returns 1 while its row is
 * for `unit`. */
static int cursor_at(Cursor *c, const char *unit)
{
    while (c->live) {
        const char *u = (const char *)sqlite3_column_text(c->st, 0);
        if (!u) {                    /* the column is NOT NULL: no text is no memory */
            c->failed = 1;
            c->live = 0;
            return 0;
        }
        int cmp = strcmp(u, unit);
        if (cmp == 0) return 1;
        if (cmp > 0) return 0;
        cursor_next(c);
    }
    return 0;
}

/* A stored value: a number, or a level (WTP, BB) of the indicator's scale,
 * which becomes its rank. Returns 1 for a level, 0 for a number, -1 for a
 * data error (reported with the row's file and line; the row is skipped). */
/* Where the current row of a cursor over `table` came from (file, line).
 * Looked up by its key only for a message: the streams do not read the
 * src columns, which would cost every row of a national run. */
static const char *row_source(Engine *e, sqlite3_stmt *st, const char *table, int *line)
{
    int with_source = strcmp(table, "realisasi") != 0;
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT " STORE_SRC_PATH ", src_line FROM %s WHERE unit = ?1 AND indicator = ?2 AND %s = ?3%s",
             table, strcmp(table, "targets") ? "period" : "year", with_source ? " AND source = ?4" : "");
    sqlite3_stmt *q = NULL;
    const char *file = "?";
    *line = 0;
    if (sqlite3_prepare_v2(sqlite3_db_handle(st), sql, -1, &q, NULL) == SQLITE_OK) {
        for (int i = 0; i < 3 + with_source; i++) sqlite3_bind_value(q, i + 1, sqlite3_column_value(st, i));
        if (sqlite3_step(q) == SQLITE_ROW) {
            const unsigned char *f = sqlite3_column_text(q, 0);
            if (f) file = arena_strdup(&e->scratch, (const char *)f);
            *line = sqlite3_column_int(q, 1);
        }
    }
    sqlite3_finalize(q);
    return file;
}

static int stored_level(Engine *e, sqlite3_stmt *st, int code, int col, const char *table, int is_target, double *out)
{
    if (sqlite3_column_type(st, col) != SQLITE_TEXT) { *out = sqlite3_column_double(st, col); return 0; }
    const char *text = (const char *)sqlite3_column_text(st, col);
    int def = e->def_of[code];
    const Scheme *scale = def >= 0 && e->plan->inds[def].scale >= 0 ? &e->plan->schemes[e->plan->inds[def].scale] : NULL;
    int rank = scale && (is_target || scale->ordinal) ? scale_rank(scale, text) : 0;
    if (rank) { *out = rank; return 1; }
    if (def < 0) return -1;                         /* not this unit's indicator: ignored */
    int line;
    const char *file = row_source(e, st, table, &line);
    char levels[256] = "";
    if (scale) scale_levels_text(scale, levels, sizeof levels);
    fprintf(e->d->out, "%s:%d: error: %s of %s for %s is '%s', which is %s\n", file ? file : "?", line,
            is_target ? "the target" : "the realisation", e->plan->codes[code], e->unit->code, text,
            !scale ? "not a number, and the plan gives the indicator no scale"
            : !is_target && !scale->ordinal ? "a level; a realisation graded by a scheme must be a number"
            : arena_printf(&e->scratch, "not a level of %s (%s)", scale->name, levels));
    e->d->errors++;
    e->data_errors++;
    return -1;
}

static void read_targets(Engine *e, Cursor *c)
{
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        int code = strmap_getn(&e->code_map, (const char *)sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
        if (code < 0) continue;
        int src = strmap_getn(&e->src_map, (const char *)sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3));
        if (src < 0) continue;
        int has_hi = sqlite3_column_type(st, 5) != SQLITE_NULL;
        double v;
        int level = stored_level(e, st, code, 4, "targets", 1, &v);
        if (level < 0) continue;
        store_target(e, code, sqlite3_column_int(st, 2), src, v, has_hi, has_hi ? sqlite3_column_double(st, 5) : 0, level);
    }
}

static void read_period_targets(Engine *e, Cursor *c)
{
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        int code = strmap_getn(&e->code_map, (const char *)sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
        if (code < 0) continue;
        int src = strmap_getn(&e->src_map, (const char *)sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3));
        if (src < 0) continue;
        Period p;
        const char *ptext = (const char *)sqlite3_column_text(st, 2);
        if (period_parse(ptext, (size_t)sqlite3_column_bytes(st, 2), &p) != 0) {
            diag_plain(e->d, "period_targets row (%s, %s, %s) has an unknown period (expected " PERIOD_FORMS ")",
                       e->unit->code, e->plan->codes[code], ptext);
            e->data_errors++;
            continue;
        }
        double v;
        if (stored_level(e, st, code, 4, "period_targets", 1, &v) < 0) continue;
        fold_period_target(e, code, src, p, v);
    }
}

static int override_in_unit(const Engine *e, const Override *o)
{
    return !o->unit || strcmp(o->unit, e->unit->code) == 0;
}

static int same_period(Period a, Period b)
{
    return a.year == b.year && a.kind == b.kind && a.index == b.index;
}

/* A what-if change gives this period's realisation: the stored one is left out. */
static int period_overridden(const Engine *e, int code, Period p)
{
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (o->has_period && o->code_id == code && same_period(o->period, p) && override_in_unit(e, o)) return 1;
    }
    return 0;
}

/* Of several changes to one period, the last counts. */
static int period_overridden_after(const Engine *e, const Override *o)
{
    for (const Override *n = o + 1; n < e->opt->overrides + e->opt->noverrides; n++)
        if (n->has_period && n->code_id == o->code_id && same_period(n->period, o->period) && override_in_unit(e, n)) return 1;
    return 0;
}

static void read_realisations(Engine *e, Cursor *c)
{
    /* rows come by unit, then indicator: most have the previous row's code */
    char last[64];
    size_t last_len = SIZE_MAX;
    int last_code = -1;
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        const char *itext = (const char *)sqlite3_column_text(st, 1);
        size_t ilen = (size_t)sqlite3_column_bytes(st, 1);
        int code;
        if (itext && ilen == last_len && memcmp(itext, last, ilen) == 0) code = last_code;
        else {
            code = strmap_getn(&e->code_map, itext, ilen);
            if (itext && ilen < sizeof last) { memcpy(last, itext, ilen); last_len = ilen; last_code = code; }
        }
        if (code < 0) continue;
        Period p;
        const char *ptext = (const char *)sqlite3_column_text(st, 2);
        if (period_parse(ptext, (size_t)sqlite3_column_bytes(st, 2), &p) != 0) {
            diag_plain(e->d, "realisasi row (%s, %s, %s) has an unknown period (expected " PERIOD_FORMS ")",
                       e->unit->code, e->plan->codes[code], ptext);
            e->data_errors++;
            continue;
        }
        if (period_overridden(e, code, p)) continue;
        double v;
        if (stored_level(e, st, code, 3, "realisasi", 0, &v) < 0) continue;
        fold_realisation(e, code, p, v);
    }
    for (int i = 0; i < e->opt->noverrides; i++) {     /* what-if periods, in place of the data's */
        const Override *o = &e->opt->overrides[i];
        if (!o->has_period || !override_in_unit(e, o) || period_overridden_after(e, o)) continue;
        fold_realisation(e, o->code_id, o->period, o->value);
    }
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
        eval_row(e, def, year, &row);
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
int engine_eval_unit(Engine *e, int rollup, RowSink sink, void *ctx)
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
            eval_row(e, i, y, &row);
            int rc = sink(&row, ctx);
            if (rc) return rc;
        }
    }
    return 0;
}

/* ---- set-up ------------------------------------------------------------------ */

static void setup_window(Engine *e)
{
    const EvalOptions *o = e->opt;
    e->ymin = o->year_from - LOOKBACK_YEARS;
    e->ymax = o->year_to;
    if (e->plan->renstra_from && e->plan->renstra_from < e->ymin) e->ymin = e->plan->renstra_from;
    if (e->plan->renstra_to > e->ymax) e->ymax = e->plan->renstra_to;
    if (o->has_as_of && o->as_of.year > e->ymax) e->ymax = o->as_of.year;
    e->nyears = e->ymax - e->ymin + 1;
    e->cutoff = o->has_as_of ? period_end(o->as_of) : o->year_to * 12 + 12;
}

static void setup_sources(Engine *e)
{
    const Plan *p = e->plan;
    e->src_names = mem_xcalloc((size_t)p->nsources + 1, sizeof *e->src_names);
    for (int i = 0; i < p->nsources; i++) {
        e->src_names[i] = p->sources[i];
        strmap_put(&e->src_map, p->sources[i], i);
    }
    e->nsrc = p->nsources;
    e->override_src = -2;
    const char *ov = e->opt->target_override;
    if (!ov) return;
    if (strcmp(ov, "end") == 0) { e->override_src = -1; return; }
    int id = strmap_get(&e->src_map, ov);
    if (id < 0) {
        id = e->nsrc++;
        e->src_names[id] = ov;
        strmap_put(&e->src_map, ov, id);
    }
    e->override_src = id;
}

static void engine_init(Engine *e, const CompiledPlan *cp, const EvalOptions *opt, Diag *d)
{
    memset(e, 0, sizeof *e);
    e->cp = cp;
    e->plan = cp->plan;
    e->opt = opt;
    e->d = d;
    e->ncodes = cp->ncodes;
    for (int i = 0; i < e->plan->ncodes; i++) strmap_put(&e->code_map, e->plan->codes[i], i);
    setup_window(e);
    setup_sources(e);
    size_t cy = (size_t)(e->ncodes ? e->ncodes : 1) * (size_t)e->nyears;
    e->acc = mem_xcalloc(cy, sizeof *e->acc);
    e->before = mem_xarray(e->ncodes, sizeof *e->before);
    e->tgt = mem_xcalloc(cy * (size_t)(e->nsrc ? e->nsrc : 1), sizeof *e->tgt);
    e->ptgt = mem_xcalloc(cy * (size_t)(e->nsrc ? e->nsrc : 1), sizeof *e->ptgt);
    e->fig = mem_xcalloc(cy, sizeof *e->fig);
    e->def_of = mem_xarray(e->ncodes, sizeof *e->def_of);
    e->host.realisation = host_realisation;
    e->host.target = host_target;
    e->host.data = host_data;
    e->host.latest = host_latest;
    e->host.record_agg = host_record_agg;
    e->host.column = host_column;
    e->host.group_agg = host_group_agg;
    e->host.capaian = host_capaian;
    e->host.weight = host_weight;
    e->host.to_date = host_to_date;
    e->host.unit_agg = rollup_host_agg;
    e->host.trace = opt->trace ? host_trace : NULL;
    e->host.lua_call = host_lua_call;
    e->grouped_codes = mem_xarray(e->ncodes, sizeof *e->grouped_codes);
    for (int c = 0; c < e->ncodes; c++)
        for (int i = 0; i < e->plan->ninds; i++)
            if (e->plan->inds[i].code_id == c && e->plan->inds[i].group.record >= 0) {
                e->grouped_codes[e->ngrouped++] = c;
                break;
            }
    e->host.scratch = &e->scratch;
    e->host.cp = cp;
}

static void engine_free(Engine *e)
{
    free(e->acc);
    free(e->before);
    free(e->tgt);
    free(e->ptgt);
    free(e->fig);
    free(e->def_of);
    free(e->grouped_codes);
    close_lua(e);
    for (int u = 0; e->snaps && u < e->nunits; u++) rollup_snapshot_free(e->snaps[u]);
    free(e->snaps);
    free(e->store);
    free(e->export_of);
    free(e->first_child);
    free(e->next_sibling);
    arena_free(&e->store_text);
    free(e->units);
    free(e->src_names);
    strmap_free(&e->code_map);
    strmap_free(&e->src_map);
    strmap_free(&e->unit_map);
    arena_free(&e->scratch);
    arena_free(&e->unit_arena);
    free(e->rule_memo);
    free(e->rules_memo);
    free(e->rules_known);
    records_free(e->rs);
}

int eval_run(const CompiledPlan *cp, sqlite3 *db, const EvalOptions *opt,
             RowSink sink, void *ctx, Diag *d)
{
    Engine e;
    engine_init(&e, cp, opt, d);
    int rc = load_units(&e, db);
    if (!rc) rc = check_plan_units(&e);
    if (!rc) rc = check_override_units(&e);
    if (!rc && !(e.rs = records_load(db, cp->plan, d))) rc = 5;
    if (!rc) rc = open_lua(&e);
    if (!rc && opt->unit && strmap_get(&e.unit_map, opt->unit) < 0) {
        diag_plain(d, "unit '%s' is not in the database's units table", opt->unit);
        rc = 4;
    }
    Cursor tc = {0}, rcur = {0}, pc = {0};
    if (!rc) rollup_setup(&e);
    const char *unit_only = e.store ? NULL : opt->unit;     /* roll-ups need the units below */
    const char *filter = unit_only ? " WHERE unit = ?1" : "";
    char tsql[200], rsql[200], psql[200];
    snprintf(tsql, sizeof tsql, "SELECT unit, indicator, year, source, value, upper FROM targets%s ORDER BY unit", filter);
    snprintf(psql, sizeof psql, "SELECT unit, indicator, period, source, value FROM period_targets%s ORDER BY unit", filter);
    snprintf(rsql, sizeof rsql, "SELECT unit, indicator, period, value FROM realisasi%s ORDER BY unit", filter);
    if (!rc) rc = cursor_open(&tc, db, tsql, unit_only, d);
    if (!rc) rc = cursor_open(&rcur, db, rsql, unit_only, d);
    if (!rc) rc = cursor_open(&pc, db, psql, unit_only, d);
    for (int u = 0; !rc && u < e.nunits; u++) {
        if (opt->progress && (u % 200 == 0 || u == e.nunits - 1))     /* a terminal is watching */
            fprintf(stderr, "\rsakipc: unit %d of %d", u + 1, e.nunits);
        e.unit = &e.units[u];
        int wanted = !opt->unit || strcmp(opt->unit, e.unit->code) == 0;
        if (!wanted && !e.store) continue;      /* with roll-ups, the units below are read too */
        if (!engine_choose_defs(&e)) continue;
        reset_unit(&e);
        read_targets(&e, &tc);
        read_period_targets(&e, &pc);
        read_realisations(&e, &rcur);
        /* a failed read is not the end of the rows: nothing is evaluated
         * from what was read before it, and nothing more is printed */
        if (tc.failed || pc.failed || rcur.failed) {
            store_read_failed(d, db);
            rc = 5;
            break;
        }
        rc = engine_eval_unit(&e, 0, wanted ? sink : NULL, ctx);
        if (e.store) {
            rollup_store(&e, u, 0);
            if (rollup_has_rows(&e)) e.snaps[u] = rollup_snapshot(&e);
        }
    }
    if (!rc && e.store) rc = rollup_pass(&e, sink, ctx);
    if (opt->progress) fputs("\r\033[K", stderr);
    if (tc.st) sqlite3_finalize(tc.st);
    if (rcur.st) sqlite3_finalize(rcur.st);
    if (pc.st) sqlite3_finalize(pc.st);
    if (!rc && e.lua_failed) rc = EXIT_HOOK;
    if (!rc && (e.data_errors || records_data_errors(e.rs))) rc = 4;
    engine_free(&e);
    return rc;
}
