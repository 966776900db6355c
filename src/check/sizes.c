/* sizes.c: every constant and formula as compile.c will write it out,
 * within the plan's limits of parts and nesting (sizes.h). */
#include "check/sizes.h"

#include <stdlib.h>

#include "base/mem.h"
#include "base/vec.h"
#include "check/cycles.h"

static long add_parts(long a, long b)
{
    long s = a + b;
    return s > SKP_MAX_PLAN_PARTS ? SKP_MAX_PLAN_PARTS + 1 : s;
}

/* A formula's parts and depth with the constants it names written out
 * (c->const_parts, c->const_depth: per constant, by its first variant). */
static void measure(const Checker *c, const Expr *e, long *parts, int *depth)
{
    *parts = 0;
    *depth = 0;
    if (!e) return;
    if (e->kind == E_NAME && e->res == RES_CONST) {
        *parts = c->const_parts[e->res_id];
        *depth = c->const_depth[e->res_id];
        return;
    }
    const Expr *kids[4] = { e->a, e->b, e->c, e->where };
    long p = 1;
    int d = 0;
    for (int i = 0; i < 4 + e->nargs; i++) {
        long kp;
        int kd;
        measure(c, i < 4 ? kids[i] : e->args[i - 4], &kp, &kd);
        p = add_parts(p, kp);
        if (kd > d) d = kd;
    }
    *parts = p;
    *depth = d + 1;
}

/* Each constant written out: c->const_parts and c->const_depth by its
 * first variant, and an error for each past the limits (not for those
 * that only name one past them). The constants have no cycle. */
static void measure_constants(Checker *c)
{
    int n = c->consts.len;
    ConstGraph graph, *g = &graph;
    IntVec edges = {0};
    int *comp = mem_xmalloc((size_t)(2 * n) * sizeof *comp), *order = mem_xmalloc((size_t)(2 * n) * sizeof *order);
    cycles_const_graph(c, g, &edges, comp, order);
    long *vparts = mem_xcalloc((size_t)n, sizeof *vparts);
    int *vdepth = mem_xcalloc((size_t)n, sizeof *vdepth);
    c->const_parts = mem_xcalloc((size_t)n, sizeof *c->const_parts);
    c->const_depth = mem_xcalloc((size_t)n, sizeof *c->const_depth);
    for (int k = 0; k < 2 * n; k++) {
        int v = order[k];
        if (v < n) {
            const Const *k0 = &c->consts.items[v];
            measure(c, k0->value, &vparts[v], &vdepth[v]);
            int quiet = 0;
            for (int w = g->first[v]; w < g->first[v + 1]; w++) {
                int h = g->edges[w] - n;
                quiet |= c->const_depth[h] > SKP_MAX_NESTING || c->const_parts[h] > SKP_MAX_FORMULA_PARTS;
            }
            if (quiet) continue;
            if (vdepth[v] > SKP_MAX_NESTING)
                diag_error(c->d, k0->loc, "constant %s is nested deeper than %d levels once the constants it uses are written out",
                           k0->name, SKP_MAX_NESTING);
            else if (vparts[v] > SKP_MAX_FORMULA_PARTS)
                diag_error(c->d, k0->loc, "constant %s is larger than %d parts once the constants it uses are written out",
                           k0->name, SKP_MAX_FORMULA_PARTS);
            continue;
        }
        int h = v - n;
        long p = 1;               /* as compile_const writes the variants out */
        int d = 0;
        for (int w = g->first[v]; w < g->first[v + 1]; w++) {
            int var = g->edges[w];
            p = add_parts(p, add_parts(vparts[var], c->consts.items[var].by_year ? 3 : 0));
            if (vdepth[var] > d) d = vdepth[var];
        }
        c->const_parts[h] = add_parts(p, 1);
        c->const_depth[h] = d;
    }
    free(vparts);
    free(vdepth);
    free(comp);
    free(order);
    free(g->first);
    VEC_FREE(edges);
}

/* Every constant and formula of the plan as compile.c will write it out:
 * at most SKP_MAX_FORMULA_PARTS parts and SKP_MAX_NESTING levels each, at
 * most SKP_MAX_PLAN_PARTS parts in all. Only on a plan with no error. */
void sizes_check(Checker *c)
{
    int before = c->d->errors;
    if (c->consts.len) measure_constants(c);
    int quiet = c->d->errors > before;      /* a constant is past a limit: its users would repeat it */
    long total = 0;
    for (int i = 0; i < c->inds.len && !quiet; i++) {
        const Indicator *ind = &c->inds.items[i];
        const Expr *fs[] = { ind->realisation, ind->target_expr, ind->target_hi, ind->capaian,
                             ind->rules.zero_target, ind->rules.zero_realisation };
        for (int k = 0; k < 6; k++) {
            if (!fs[k]) continue;
            long p;
            int d;
            measure(c, fs[k], &p, &d);
            if (d > SKP_MAX_NESTING)
                diag_error(c->d, fs[k]->loc, "formula nested deeper than %d levels once its constants and functions are written out",
                           SKP_MAX_NESTING);
            else if (p > SKP_MAX_FORMULA_PARTS)
                diag_error(c->d, fs[k]->loc, "formula larger than %d parts once its functions and constants are written out",
                           SKP_MAX_FORMULA_PARTS);
            else if (total <= SKP_MAX_PLAN_PARTS && (total = add_parts(total, p)) > SKP_MAX_PLAN_PARTS)
                diag_error(c->d, fs[k]->loc, "the plan's formulas come to more than %d parts once their functions and constants are written out",
                           SKP_MAX_PLAN_PARTS);
        }
    }
    free(c->const_parts);
    free(c->const_depth);
    c->const_parts = NULL;
    c->const_depth = NULL;
}
