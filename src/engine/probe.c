/* probe.c: rows again with one realisation changed (probe.h). The change
 * is one more what-if change after the evaluation's own (the last that
 * matches wins, as for --set), so a probe gives what `--set` would.
 *
 * Only the figures a change can reach are made again: those of the
 * indicator changed and of every indicator whose formulas use it, however
 * far round (found once per indicator from the plan's formulas, every
 * definition of a code counted). The others keep their values, and all
 * are put back after the probe. */
#include "engine/probe.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/expr.h"
#include "engine/figure.h"
#include "engine/row.h"
#include "engine/state.h"

typedef struct ProbeMemo {
    int **reach;            /* [code]: the codes a change to it reaches, -1 ended; NULL: not yet known */
    int **users;            /* [code]: the codes whose formulas use it, -1 ended */
    Fig *kept;              /* the reached figures, kept during a probe */
    Override *ovs;          /* the evaluation's changes and the probe's */
} ProbeMemo;

static void add_user(int **users, int *nusers, int used, int user)
{
    for (int k = 0; k < nusers[used]; k++)
        if (users[used][k] == user) return;
    users[used] = mem_xrealloc(users[used], (size_t)(nusers[used] + 2) * sizeof **users);
    users[used][nusers[used]++] = user;
    users[used][nusers[used]] = -1;
}

/* For every code, the codes whose formulas (realisation, target, capaian)
 * name it. */
static int **users_of(const Engine *e)
{
    int **users = mem_xcalloc((size_t)e->ncodes, sizeof *users);
    int *nusers = mem_xcalloc((size_t)e->ncodes, sizeof *nusers);
    int *codes = mem_xarray(e->ncodes ? e->ncodes : 1, sizeof *codes);
    for (int i = 0; i < e->plan->ninds; i++) {
        const Indicator *ind = &e->plan->inds[i];
        const Expr *f[4] = { ind->realisation, ind->target_expr, ind->target_hi, ind->capaian };
        for (int k = 0; k < 4; k++) {
            int n = 0;
            expr_uses(e->plan, f[k], codes, &n, e->ncodes);
            for (int j = 0; j < n; j++) add_user(users, nusers, codes[j], ind->code_id);
        }
    }
    free(codes);
    free(nusers);
    return users;
}

/* The codes a change to `code` reaches: it, its users, theirs, ... */
static int *reach_of(Engine *e, ProbeMemo *m, int code)
{
    unsigned char *in = mem_xcalloc((size_t)e->ncodes, 1);
    int *list = mem_xarray(e->ncodes + 1, sizeof *list);
    int n = 0;
    list[n++] = code;
    in[code] = 1;
    for (int i = 0; i < n; i++)
        for (const int *u = m->users[list[i]]; u && *u >= 0; u++)
            if (!in[*u]) { in[*u] = 1; list[n++] = *u; }
    list[n] = -1;
    free(in);
    return list;
}

static ProbeMemo *memo_of(Engine *e)
{
    if (e->probe) return e->probe;
    ProbeMemo *m = mem_xcalloc(1, sizeof *m);
    m->reach = mem_xcalloc((size_t)e->ncodes, sizeof *m->reach);
    m->users = users_of(e);
    m->kept = mem_xarray(e->ncodes ? e->ncodes : 1, (size_t)e->nyears * sizeof *m->kept);
    m->ovs = mem_xarray(e->opt->noverrides + 1, sizeof *m->ovs);
    e->probe = m;
    return m;
}

void probe_free(Engine *e)
{
    ProbeMemo *m = e->probe;
    if (!m) return;
    for (int c = 0; c < e->ncodes; c++) {
        free(m->reach[c]);
        free(m->users[c]);
    }
    free(m->reach);
    free(m->users);
    free(m->kept);
    free(m->ovs);
    free(m);
    e->probe = NULL;
}

/* Keeps the reached figures and empties them (keep), or puts them back. */
static void swap_reached(Engine *e, const int *reach, Fig *kept, int keep)
{
    size_t ny = (size_t)e->nyears, k = 0;
    for (const int *c = reach; *c >= 0; c++, k += ny) {
        Fig *f = &e->fig[(size_t)*c * ny];
        if (keep) {
            memcpy(&kept[k], f, ny * sizeof *f);
            memset(f, 0, ny * sizeof *f);
        } else {
            memcpy(f, &kept[k], ny * sizeof *f);
        }
    }
}

static void set_change(Override *in, const ResultRow *row, const char *code, int code_id, double x)
{
    memset(in, 0, sizeof *in);
    in->unit = row->unit;
    in->code = code;
    in->code_id = code_id;
    in->field = OV_REALISATION;
    in->year = row->year;
    in->has_value = 1;
    in->value = x;
    in->origin = "probe";
    in->group = row->group;
}

/* The evaluator still on the row's unit, with `code` one of its indicators; NULL otherwise. */
static Engine *engine_on(const ResultRow *row, int code)
{
    Engine *e = row->engine;
    if (!e || !e->unit || strcmp(e->unit->code, row->unit) != 0 || code < 0 || code >= e->ncodes) return NULL;
    return e;
}

int probe_row(const ResultRow *row, int input_code, double x, ResultRow *out)
{
    Engine *e = engine_on(row, input_code);
    if (!e) return -1;
    ProbeMemo *m = memo_of(e);
    if (!m->reach[input_code]) m->reach[input_code] = reach_of(e, m, input_code);
    const EvalOptions *given = e->opt;
    if (given->noverrides) memcpy(m->ovs, given->overrides, (size_t)given->noverrides * sizeof *m->ovs);
    set_change(&m->ovs[given->noverrides], row, e->plan->codes[input_code], input_code, x);
    EvalOptions opt = *given;
    opt.overrides = m->ovs;
    opt.noverrides = given->noverrides + 1;
    opt.trace = NULL;
    swap_reached(e, m->reach[input_code], m->kept, 1);
    e->opt = &opt;
    row_eval_one(e, (int)(row->ind - e->plan->inds), row->year, out);
    e->opt = given;
    swap_reached(e, m->reach[input_code], m->kept, 0);
    return 0;
}

int probe_realisation(const ResultRow *row, int code, double *v)
{
    Engine *e = engine_on(row, code);
    if (!e) return 0;
    Value r = figure_realisation(e, code, row->year);
    if (r.kind != V_NUM) return 0;
    *v = r.num;
    return 1;
}
