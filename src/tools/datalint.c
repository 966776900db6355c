/* datalint.c: the checks of `check --lint` that read the data (datalint.h).
 *
 * Targets for the years evaluated come from one evaluation that reads no
 * realisation (EvalOptions.targets_only): the targets each row would be
 * measured against, by the plan's own sources and rules. Period targets
 * and Renstra targets are read once each, in key order. A finding about a
 * stored row points at the CSV line it was imported from, shown with the
 * line when the file is still there. */
#include "tools/datalint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/num.h"
#include "base/source.h"
#include "base/strbuf.h"

/* Each kind of finding is shown this many times; the rest are counted. */
#define SHOWN 20
/* A CSV file is read for its excerpts only up to this size. */
#define EXCERPT_FILE_MAX ((size_t)512 << 20)

/* The Renstra target read before, of the same unit and indicator or not. */
typedef struct {
    char *unit, *code;
    int year;
    double value;
} Previous;

typedef struct {
    const Plan *p;
    Store *store;
    Diag *d;
    int warnings;
    int shown[4], hidden[4];      /* per kind: no target, period targets, renstra, unit-less */
    Source *sources;              /* the CSV files shown */
    /* the evaluation's rows */
    int year_from, year_to;
    int *no_target;               /* [definition][year]: units without a target */
    StrBuf *first_units;          /* [definition][year]: the first few of them */
    unsigned char *seen;          /* [definition]: some unit has it */
    Previous prev;
} Lint;

enum { K_NO_TARGET, K_PERIODS, K_RENSTRA, K_NO_UNIT };

static int kind_shown(Lint *l, int kind)
{
    l->warnings++;
    if (l->shown[kind] < SHOWN) { l->shown[kind]++; return 1; }
    l->hidden[kind]++;
    return 0;
}

/* The place of a stored row: its CSV file and line (the file read once,
 * for the excerpt; only its name when it is gone). */
static Loc row_loc(Lint *l, const char *path, int line)
{
    Loc loc;
    memset(&loc, 0, sizeof loc);
    if (!path) path = "(no file)";
    Source *src = l->sources;
    while (src && strcmp(src->path, path) != 0) src = src->next;
    if (!src) src = source_load(path, EXCERPT_FILE_MAX, &l->sources);
    if (!src) src = source_from_string(path, "", &l->sources);
    loc.src = src;
    loc.line = line;
    loc.col = 1;
    return loc;
}

/* ---- targets for the years evaluated ------------------------------------------------ */

static int row_sink(const ResultRow *r, void *ctx)
{
    Lint *l = ctx;
    int def = (int)(r->ind - l->p->inds);
    l->seen[def] = 1;
    if (r->ind->rules.target.none || r->ind->target_expr || r->has_target) return 0;
    size_t k = (size_t)def * (size_t)(l->year_to - l->year_from + 1) + (size_t)(r->year - l->year_from);
    if (l->no_target[k]++ < 3) strbuf_printf(&l->first_units[k], "%s%s", l->no_target[k] > 1 ? ", " : "", r->unit);
    return 0;
}

static void report_no_targets(Lint *l)
{
    int ny = l->year_to - l->year_from + 1;
    for (int i = 0; i < l->p->ninds; i++)
        for (int y = 0; y < ny; y++) {
            size_t k = (size_t)i * (size_t)ny + (size_t)y;
            int n = l->no_target[k];
            const Indicator *ind = &l->p->inds[i];
            if (n && kind_shown(l, K_NO_TARGET))
                diag_warning(l->d, ind->loc, "indicator %s has no target for %d in %d unit%s (%s%s): its capaian cannot be computed",
                             ind->code, l->year_from + y, n, n == 1 ? "" : "s", l->first_units[k].s, n > 3 ? ", ..." : "");
            strbuf_free(&l->first_units[k]);
        }
}

static void report_no_units(Lint *l, const EvalOptions *opt)
{
    if (opt->unit) return;      /* one unit: the others may have it */
    for (int i = 0; i < l->p->ninds; i++)
        if (!l->seen[i] && kind_shown(l, K_NO_UNIT))
            diag_warning(l->d, l->p->inds[i].loc, "indicator %s is declared but no unit of the database has it", l->p->inds[i].code);
}

static SkpStatus check_targets(Lint *l, const CompiledPlan *cp, const EvalOptions *given)
{
    EvalOptions opt = *given;
    opt.targets_only = 1;
    opt.progress = 0;
    l->year_from = opt.year_from;
    l->year_to = opt.year_to;
    size_t n = (size_t)(l->p->ninds ? l->p->ninds : 1) * (size_t)(opt.year_to - opt.year_from + 1);
    l->no_target = mem_xcalloc(n, sizeof *l->no_target);
    l->first_units = mem_xcalloc(n, sizeof *l->first_units);
    l->seen = mem_xcalloc((size_t)(l->p->ninds ? l->p->ninds : 1), 1);
    SkpStatus st = eval_run(cp, l->store, &opt, row_sink, l, l->d);
    if (st == SKP_OK) {
        report_no_targets(l);
        report_no_units(l, given);
    }
    for (size_t k = 0; k < n; k++) strbuf_free(&l->first_units[k]);
    free(l->no_target);
    free(l->first_units);
    free(l->seen);
    return st;
}

/* ---- one rule per code ------------------------------------------------------------------ */

/* The definition whose rules hold for `code` in every unit: NULL when the
 * plan has none, or definitions that differ in what is asked. */
static const Indicator *rules_of(const Plan *p, const char *code, int (*same)(const Indicator *, const Indicator *))
{
    const Indicator *found = NULL;
    for (int i = 0; i < p->ninds; i++) {
        if (strcmp(p->inds[i].code, code) != 0) continue;
        if (found && !same(found, &p->inds[i])) return NULL;
        if (!found) found = &p->inds[i];
    }
    return found;
}

static int same_aggregate(const Indicator *a, const Indicator *b)
{
    return a->rules.agg == b->rules.agg && a->rules.targets_cumulative == b->rules.targets_cumulative;
}

static int same_polarity(const Indicator *a, const Indicator *b)
{
    return a->rules.polarity == b->rules.polarity;
}

static const char *fmt(char *buf, size_t n, double x)
{
    num_format(buf, n, x, -1);
    return buf;
}

/* ---- period targets against the annual target ------------------------------------ */

/* Per unit, indicator, source and year: the period targets folded every
 * way an aggregate may need, their kind (Q, S or M) and the annual target
 * with its CSV line. */
static const char period_sql[] =
    "SELECT p.unit, p.indicator, p.source, t.year, count(*), sum(p.value), avg(p.value), max(p.value), min(p.value), "
    "min(k), max(k), "
    "(SELECT q.value FROM period_targets q WHERE q.unit = p.unit AND q.indicator = p.indicator AND q.source = p.source "
    "  AND substr(q.period, 1, 4) = substr(p.period, 1, 4) ORDER BY q.period DESC LIMIT 1), "
    "t.value, (SELECT path FROM files WHERE files.id = t.src_file), t.src_line "
    "FROM (SELECT *, CASE WHEN substr(period, 6, 1) GLOB '[0-9]' THEN 'M' ELSE substr(period, 6, 1) END AS k "
    "      FROM period_targets) AS p "
    "JOIN targets t ON t.unit = p.unit AND t.indicator = p.indicator AND t.source = p.source "
    "  AND t.year = CAST(substr(p.period, 1, 4) AS INTEGER) "
    "GROUP BY p.unit, p.indicator, p.source, t.year ORDER BY p.unit, p.indicator, t.year, p.source";

typedef struct {
    const char *unit, *code, *source;
    int year, count;
    double sum, avg, max, min, last, annual;
    char kind;
} PeriodRow;

/* What the periods make of the year by the indicator's rule, in words;
 * NULL when they make nothing to compare yet (a year not complete). */
static const char *periods_make(const Indicator *ind, const PeriodRow *r, double *got)
{
    int full = r->count == (r->kind == 'Q' ? 4 : r->kind == 'S' ? 2 : 12);
    if (ind->rules.targets_cumulative) { *got = r->last; return full ? "reach, to date at the year's last period," : NULL; }
    switch (ind->rules.agg) {
    case AGG_SUM:
        *got = r->sum;
        if (!full) return r->sum > r->annual && !num_near(r->sum, r->annual) ? "already add up to" : NULL;
        return "add up to";
    case AGG_AVG: *got = r->avg; return full ? "average" : NULL;
    case AGG_MAX: *got = r->max; return full ? "peak at" : NULL;
    case AGG_MIN: *got = r->min; return full ? "bottom out at" : NULL;
    default: *got = r->last; return full ? "end at" : NULL;     /* last, latest */
    }
}

static void period_row(Lint *l, sqlite3_stmt *st)
{
    PeriodRow r;
    r.unit = (const char *)sqlite3_column_text(st, 0);
    r.code = (const char *)sqlite3_column_text(st, 1);
    r.source = (const char *)sqlite3_column_text(st, 2);
    r.year = sqlite3_column_int(st, 3);
    r.count = sqlite3_column_int(st, 4);
    r.sum = sqlite3_column_double(st, 5);
    r.avg = sqlite3_column_double(st, 6);
    r.max = sqlite3_column_double(st, 7);
    r.min = sqlite3_column_double(st, 8);
    const char *k0 = (const char *)sqlite3_column_text(st, 9), *k1 = (const char *)sqlite3_column_text(st, 10);
    r.last = sqlite3_column_double(st, 11);
    r.annual = sqlite3_column_double(st, 12);
    if (!r.unit || !r.code || !r.source || !k0 || !k1 || strcmp(k0, k1) != 0) return;    /* mixed lengths: eval says so */
    r.kind = *k0;
    const Indicator *ind = rules_of(l->p, r.code, same_aggregate);
    double got;
    const char *how = ind ? periods_make(ind, &r, &got) : NULL;
    if (!how || num_near(got, r.annual) || !kind_shown(l, K_PERIODS)) return;
    char g[64], a[64];
    diag_warning(l->d, row_loc(l, (const char *)sqlite3_column_text(st, 13), sqlite3_column_int(st, 14)),
                 "the %s period targets of %s for %s in %d %s %s, but its annual %s target is %s (aggregate %s%s)",
                 r.source, r.code, r.unit, r.year, how, fmt(g, sizeof g, got), r.source, fmt(a, sizeof a, r.annual),
                 plan_aggregate_name(ind->rules.agg), ind->rules.targets_cumulative ? ", period targets cumulative" : "");
}

static SkpStatus each_row(Lint *l, const char *sql, void (*fn)(Lint *, sqlite3_stmt *))
{
    sqlite3_stmt *st = store_prepare(l->store, sql, l->d);
    if (!st) return SKP_RUNTIME;
    int rc;
    while ((rc = store_step(l->store, st)) == SQLITE_ROW) fn(l, st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_read_failed(l->d, l->store);
        return SKP_RUNTIME;
    }
    return SKP_OK;
}

static SkpStatus check_period_targets(Lint *l)
{
    return each_row(l, period_sql, period_row);
}

/* ---- Renstra targets against the polarity ------------------------------------------------ */

static void renstra_row(Lint *l, sqlite3_stmt *st)
{
    const char *unit = (const char *)sqlite3_column_text(st, 0), *code = (const char *)sqlite3_column_text(st, 1);
    int year = sqlite3_column_int(st, 2);
    double v = sqlite3_column_double(st, 3);
    if (!unit || !code) return;
    Previous *pv = &l->prev;
    int same = pv->unit && strcmp(pv->unit, unit) == 0 && strcmp(pv->code, code) == 0;
    const Indicator *ind = same ? rules_of(l->p, code, same_polarity) : NULL;
    if (ind && ind->rules.polarity != POL_RANGE && !num_near(v, pv->value)) {
        int higher = ind->rules.polarity == POL_HIGHER;
        if ((higher ? v < pv->value : v > pv->value) && kind_shown(l, K_RENSTRA)) {
            char a[64], b[64];
            diag_warning(l->d, row_loc(l, (const char *)sqlite3_column_text(st, 4), sqlite3_column_int(st, 5)),
                         "the Renstra target of %s for %s %s from %s (%d) to %s (%d), against its polarity (%s: %s is better)",
                         code, unit, higher ? "falls" : "rises", fmt(a, sizeof a, pv->value), pv->year, fmt(b, sizeof b, v), year,
                         plan_polarity_name(ind->rules.polarity), higher ? "higher" : "lower");
        }
    }
    if (!same) {
        free(pv->unit);
        free(pv->code);
        pv->unit = mem_xstrdup(unit);
        pv->code = mem_xstrdup(code);
    }
    pv->year = year;
    pv->value = v;
}

static SkpStatus check_renstra(Lint *l)
{
    SkpStatus st = each_row(l, "SELECT unit, indicator, year, value, (SELECT path FROM files WHERE files.id = src_file), src_line "
                       "FROM targets WHERE source = 'renstra' ORDER BY unit, indicator, year", renstra_row);
    free(l->prev.unit);
    free(l->prev.code);
    return st;
}

/* ---- the whole ---------------------------------------------------------------------------- */

SkpStatus datalint_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, Diag *d, int *warnings)
{
    Lint l;
    memset(&l, 0, sizeof l);
    l.p = cp->plan;
    l.store = store;
    l.d = d;
    SkpStatus st = opt->year_from ? check_targets(&l, cp, opt) : SKP_OK;
    if (!st) st = check_period_targets(&l);
    if (!st) st = check_renstra(&l);
    static const char *const what[4] = { "indicators without a target", "period targets against the annual target",
                                         "Renstra targets against the polarity", "indicators no unit has" };
    for (int k = 0; k < 4; k++)
        if (l.hidden[k]) fprintf(d->out, "sakipc: note: %d more warning%s of %s not shown\n", l.hidden[k], l.hidden[k] == 1 ? "" : "s", what[k]);
    source_free_all(l.sources);
    *warnings = l.warnings;
    return st;
}
