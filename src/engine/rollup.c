/* rollup.c: roll-ups through the unit tree (`sum(X over children)`).
 *
 * The first pass (eval.c) keeps, for every unit, the figures that roll-ups
 * read, and a copy of the data cells of each unit whose rows roll up. The
 * second pass evaluates those rows, the deepest units first, so that each
 * level reads the figures of the level below (eselon IV, III, II, pemda).
 * No table is read twice. */
#include "engine/rollup.h"

#include "engine/figure.h"
#include "engine/row.h"
#include "check/plan.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

/* ---- roll-ups through the unit tree ------------------------------------------- */

static Value keep_value(Engine *e, Value v)
{
    if (v.kind == V_NA && v.text) v.text = arena_strdup(&e->store_text, v.text);
    return v;
}

/* Keeps the figures of the current unit that roll-ups read, for its
 * indicators of one pass (rollup 0 or 1). */
void rollup_store(Engine *e, int unit, int rollup)
{
    int ny = e->nyears_eval;
    for (int code = 0; code < e->ncodes; code++) {
        int slot = e->export_of[code], def = e->def_of[code];
        if (slot < 0 || def < 0 || e->plan->inds[def].rollup != rollup) continue;
        const Indicator *ind = &e->plan->inds[def];
        for (int y = 0; y < ny; y++) {
            int year = e->opt->year_from + y;
            StoredFig *s = &e->kept[((size_t)unit * (size_t)e->nexport + (size_t)slot) * (size_t)ny + (size_t)y];
            s->has = 1;
            if (ind->group.record >= 0) {
                s->r = s->t = s->c = value_na(NA_UNDEFINED, arena_printf(&e->store_text,
                    "%s has one value per group, not one per unit", ind->code));
                continue;
            }
            s->r = keep_value(e, figure_realisation(e, code, year));
            int none = ind->rules.target.none && !ind->target_expr;
            s->t = none ? value_na(NA_NOTARGET, "") : keep_value(e, figure_target(e, code, year, -2));
            s->c = none ? value_na(NA_NOTARGET, "") : keep_value(e, figure_capaian(e, code, year));
            if (none) {
                s->t.text = s->c.text = arena_printf(&e->store_text, "%s has no target ('target none')", ind->code);
            }
        }
    }
}

/* The units below `unit`: its children, or all its descendants (depth first). */
static int units_below(const Engine *e, int unit, int all, int *out, int max)
{
    int n = 0;
    for (int c = e->first_child[unit]; c >= 0 && n < max; c = e->next_sibling[c]) {
        out[n++] = c;
        if (all) n += units_below(e, c, 1, out + n, max - n);
    }
    return n;
}

/* What a roll-up met below: the units that have X (expected), those with
 * a figure, their sum and extreme, and the first that had none. */
typedef struct {
    int expected, present;
    double sum, best;
    int first_missing;       /* index into below[], -1: none */
    Value missing;
} Below;

static Below gather(Engine *e, const UnitAgg *ua, const int *below, int n, int yi)
{
    Below g = { 0, 0, 0, 0, -1, { 0 } };
    int slot = e->export_of[ua->code];
    for (int i = 0; i < n; i++) {
        const StoredFig *s = &e->kept[((size_t)below[i] * (size_t)e->nexport + (size_t)slot) * (size_t)e->nyears_eval + (size_t)yi];
        if (!s->has) continue;
        g.expected++;
        Value v = ua->fig == FIG_TARGET ? s->t : ua->fig == FIG_CAPAIAN ? s->c : s->r;
        if (v.kind == V_NA) {
            if (g.first_missing < 0) { g.first_missing = i; g.missing = v; }
            continue;
        }
        if (!g.present || (ua->fn == RAGG_MIN ? v.num < g.best : v.num > g.best)) g.best = v.num;
        g.sum += v.num;
        g.present++;
    }
    return g;
}

/* sum(X over children) and the like. A unit below that has no X is not part
 * of the roll-up. One that has X but no figure makes sum, avg, min and max
 * missing under `missing fail` (the default: missing is not zero), is left
 * out under `missing skip`, and under `coverage at least P%` is left out
 * while P% of them have a figure; count counts those with one. Every
 * roll-up reports its coverage to the figure it is part of. */
static Value unit_aggregate(Engine *e, int agg, int year)
{
    static const char *const names[] = { "count", "count_distinct", "sum", "avg", "min", "max" };
    static const char *const figs[] = { "realisation", "target", "capaian" };
    const UnitAgg *ua = &e->plan->uaggs[agg];
    int yi = year - e->opt->year_from;
    if (yi < 0 || yi >= e->nyears_eval)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "roll-ups read the years evaluated only, not %d", year));
    int me = strmap_get(&e->unit_map, e->unit->code);
    int *below = mem_xmalloc((size_t)e->nunits * sizeof *below);
    int n = units_below(e, me, ua->descendants, below, e->nunits);
    Below g = gather(e, ua, below, n, yi);
    const char *missing_unit = g.first_missing >= 0 ? e->units[below[g.first_missing]].code : NULL;
    free(below);
    const char *code = e->plan->codes[ua->code], *where = ua->descendants ? "descendants" : "children";
    const char *what = ua->fig == FIG_REALISATION ? code : arena_printf(&e->scratch, "%s(%s)", figs[ua->fig], code);
    if (!g.expected)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "no unit %s %s has %s (for its %s)",
                                                ua->descendants ? "below" : "directly below", e->unit->code,
                                                code, figs[ua->fig]));
    coverage_merge(&e->cov, (Coverage){ g.present, g.expected });
    const Rules *rules = e->cur_def >= 0 ? &e->plan->inds[e->cur_def].rules : &e->plan->defaults;
    if (ua->fn != RAGG_COUNT && missing_unit && !rules->missing_skip)
        return value_na((NaKind)g.missing.na, arena_printf(&e->scratch, "%s(%s over %s): %s: %s", names[ua->fn], what,
                                                           where, missing_unit, g.missing.text));
    if (ua->fn == RAGG_COUNT) return value_num(g.present);
    if (rules->coverage_min > 0 && (double)g.present * 100 < rules->coverage_min * g.expected) {
        char pct[32];
        num_format(pct, sizeof pct, rules->coverage_min, -1);
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%s(%s over %s): %d of %d units below have a figure, "
                                                "under the coverage of at least %s%% the plan asks (first missing: %s)",
                                                names[ua->fn], what, where, g.present, g.expected, pct, missing_unit));
    }
    if (!g.present)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%s(%s over %s): none of the %d units below has a figure (first: %s: %s)",
                                                names[ua->fn], what, where, g.expected, missing_unit, g.missing.text));
    if (ua->fn == RAGG_SUM) return value_num(g.sum);
    if (ua->fn == RAGG_AVG) return value_num(g.sum / g.present);
    return value_num(g.best);
}

Value rollup_host_agg(VmHost *h, int agg)
{
    return unit_aggregate((Engine *)h, agg, h->year);
}

static size_t cells_per_unit(const Engine *e)
{
    return (size_t)(e->ncodes ? e->ncodes : 1) * (size_t)e->nyears;
}

Snapshot *rollup_snapshot(const Engine *e)
{
    size_t cy = cells_per_unit(e), nsrc = (size_t)(e->nsrc ? e->nsrc : 1);
    Snapshot *s = mem_xmalloc(sizeof *s);
    s->acc = mem_xmalloc(cy * sizeof *s->acc);
    s->before = mem_xarray(e->ncodes, sizeof *s->before);
    s->tgt = mem_xmalloc(cy * nsrc * sizeof *s->tgt);
    s->ptgt = mem_xmalloc(cy * nsrc * sizeof *s->ptgt);
    memcpy(s->acc, e->acc, cy * sizeof *s->acc);
    memcpy(s->before, e->before, (size_t)(e->ncodes ? e->ncodes : 1) * sizeof *s->before);
    memcpy(s->tgt, e->tgt, cy * nsrc * sizeof *s->tgt);
    memcpy(s->ptgt, e->ptgt, cy * nsrc * sizeof *s->ptgt);
    return s;
}

static void snapshot_restore(Engine *e, const Snapshot *s)
{
    size_t cy = cells_per_unit(e), nsrc = (size_t)(e->nsrc ? e->nsrc : 1);
    memcpy(e->acc, s->acc, cy * sizeof *s->acc);
    memcpy(e->before, s->before, (size_t)(e->ncodes ? e->ncodes : 1) * sizeof *s->before);
    memcpy(e->tgt, s->tgt, cy * nsrc * sizeof *s->tgt);
    memcpy(e->ptgt, s->ptgt, cy * nsrc * sizeof *s->ptgt);
    memset(e->fig, 0, cy * sizeof *e->fig);
    arena_free(&e->scratch);
}

void rollup_snapshot_free(Snapshot *s)
{
    if (!s) return;
    free(s->acc);
    free(s->before);
    free(s->tgt);
    free(s->ptgt);
    free(s);
}

static int unit_depth(const Engine *e, int u)
{
    int d = 0;
    for (const UnitInfo *x = &e->units[u]; x->parent && d < 64; d++) {
        int p = strmap_get(&e->unit_map, x->parent);
        if (p < 0) break;
        x = &e->units[p];
    }
    return d;
}

/* The tree as indexes, and the slots of the figures roll-ups read. */
void rollup_setup(Engine *e)
{
    if (!e->plan->nuaggs) return;
    e->export_of = mem_xarray(e->ncodes, sizeof *e->export_of);
    for (int c = 0; c < e->ncodes; c++) e->export_of[c] = -1;
    for (int i = 0; i < e->plan->nuaggs; i++)
        if (e->export_of[e->plan->uaggs[i].code] < 0) e->export_of[e->plan->uaggs[i].code] = e->nexport++;
    e->nyears_eval = e->opt->year_to - e->opt->year_from + 1;
    size_t n = (size_t)(e->nunits ? e->nunits : 1);
    e->kept = mem_xcalloc(n * (size_t)e->nexport * (size_t)e->nyears_eval, sizeof *e->kept);
    e->snaps = mem_xcalloc(n, sizeof *e->snaps);
    e->first_child = mem_xmalloc(n * sizeof *e->first_child);
    e->next_sibling = mem_xmalloc(n * sizeof *e->next_sibling);
    for (int u = 0; u < e->nunits; u++) e->first_child[u] = e->next_sibling[u] = -1;
    for (int u = e->nunits - 1; u >= 0; u--) {       /* children in code order */
        int p = e->units[u].parent ? strmap_get(&e->unit_map, e->units[u].parent) : -1;
        if (p < 0 || p == u) continue;
        e->next_sibling[u] = e->first_child[p];
        e->first_child[p] = u;
    }
}

int rollup_has_rows(const Engine *e)
{
    for (int c = 0; c < e->ncodes; c++)
        if (e->def_of[c] >= 0 && e->plan->inds[e->def_of[c]].rollup) return 1;
    return 0;
}

/* The second pass: units whose rows roll up, the deepest first, so that
 * each level reads the figures of the level below (eselon IV, III, II). */
int rollup_pass(Engine *e, RowSink sink, void *ctx)
{
    int *order = mem_xarray(e->nunits, sizeof *order);
    int *depth = mem_xarray(e->nunits, sizeof *depth);
    int n = 0, maxd = 0;
    for (int u = 0; u < e->nunits; u++) {
        depth[u] = unit_depth(e, u);
        if (depth[u] > maxd) maxd = depth[u];
    }
    for (int d = maxd; d >= 0; d--)
        for (int u = 0; u < e->nunits; u++)
            if (depth[u] == d && e->snaps[u]) order[n++] = u;
    int rc = 0;
    for (int i = 0; i < n && !rc; i++) {
        int u = order[i];
        e->unit = &e->units[u];
        row_choose_defs(e);
        snapshot_restore(e, e->snaps[u]);
        int wanted = !e->opt->unit || strcmp(e->opt->unit, e->unit->code) == 0;
        rc = row_eval_unit(e, 1, wanted ? sink : NULL, ctx);
        if (!rc) rollup_store(e, u, 1);
    }
    free(order);
    free(depth);
    return rc;
}

