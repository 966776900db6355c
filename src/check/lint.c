/* lint.c: warnings about a valid plan (lint.h). Each check reads the
 * checked plan only; none needs data. */
#include "check/lint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/install.h"
#include "base/mem.h"

/* ---- a division by a constant zero ------------------------------------------------ */

/* The value of e when it is a number written out, or a constant whose
 * every variant is one; 0 when it is not known before the data. */
static int constant_value(const Plan *p, const Expr *e, double *v)
{
    if (e->kind == E_NUMBER) { *v = e->num; return 1; }
    if (e->kind == E_NEG && e->a && constant_value(p, e->a, v)) { *v = -*v; return 1; }
    if (e->res != RES_CONST || e->res_id < 0 || e->res_id >= p->nconsts) return 0;
    int have = 0;
    for (int c = e->res_id; c >= 0 && c < p->nconsts; c = p->consts[c].next) {
        double x;
        if (!p->consts[c].value || !constant_value(p, p->consts[c].value, &x)) return 0;
        if (have && x != *v) return 0;          /* variants by year that differ */
        *v = x;
        have = 1;
    }
    return have;
}

static void zero_divisions(const Plan *p, const Expr *e, Diag *d, int *n)
{
    if (!e) return;
    double v;
    if (e->kind == E_DIV && e->b && constant_value(p, e->b, &v) && v == 0) {
        diag_warning(d, e->b->loc, "division by zero: this divisor is always 0, so the formula is always undefined");
        (*n)++;
    }
    zero_divisions(p, e->a, d, n);
    zero_divisions(p, e->b, d, n);
    zero_divisions(p, e->c, d, n);
    zero_divisions(p, e->where, d, n);
    for (int i = 0; i < e->nargs; i++) zero_divisions(p, e->args[i], d, n);
}

/* ---- a band no figure can reach ------------------------------------------------------ */

/* Is there a value v <= top (when has_top) in band b on the grid of rule r
 * (every value when r rounds nothing)? */
static int reachable(const Band *b, Rounding r, int has_top, double top)
{
    double lo = b->has_lo ? b->lo : -INFINITY, hi = b->has_hi ? b->hi : INFINITY;
    int hi_incl = b->has_hi ? b->hi_incl : 1;
    if (has_top && top < hi) { hi = top; hi_incl = 1; }
    if (lo > hi || (lo == hi && !(hi_incl && (!b->has_lo || b->lo_incl)))) return 0;
    if (r.mode == ROUND_NONE || !isfinite(lo)) return 1;
    /* the first point of the grid (10^-digits) at or above lo */
    double step = pow(10, -r.digits);
    double g = ceil(lo / step - 1e-9) * step;
    if (b->has_lo && !b->lo_incl && fabs(g - lo) < step * 1e-6) g += step;
    return hi_incl ? g <= hi + step * 1e-6 : g < hi - step * 1e-6;
}

typedef struct { Loc loc; const Band *band; } Said;

static void unreachable_bands(const Plan *p, Diag *d, int *n)
{
    Said *said = NULL;
    int nsaid = 0, cap_said = 0;
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        for (int g = 0; g < ind->ngrades; g++) {
            const Grading *gr = &ind->grades[g];
            if (gr->scheme < 0 || gr->scheme >= p->nschemes) continue;
            const Scheme *sc = &p->schemes[gr->scheme];
            int on_capaian = gr->on == GRADE_CAPAIAN;
            Rounding r = on_capaian ? ind->rules.round : ind->rules.value_round;
            int has_cap = on_capaian && ind->rules.has_cap;
            for (int b = 0; b < sc->nbands; b++) {
                const Band *band = &sc->bands[b];
                if (reachable(band, r, has_cap, ind->rules.cap)) continue;
                int again = 0;      /* a block's default grading: one warning for its indicators */
                for (int k = 0; k < nsaid && !again; k++)
                    again = said[k].band == band && said[k].loc.src == gr->loc.src && said[k].loc.line == gr->loc.line &&
                            said[k].loc.col == gr->loc.col;
                if (again) continue;
                if (nsaid == cap_said) {
                    cap_said = cap_said ? cap_said * 2 : 16;
                    said = mem_xrealloc(said, (size_t)cap_said * sizeof *said);
                }
                said[nsaid++] = (Said){ gr->loc, band };
                char rule[64];
                num_rounding_text(r, rule, sizeof rule);
                int capped = has_cap && reachable(band, r, 0, 0);
                if (capped)
                    diag_warning(d, gr->loc, "band %s of %s can never be reached by indicator %s: its capaian is capped at %g",
                                 band->code, sc->name, ind->code, ind->rules.cap);
                else
                    diag_warning(d, gr->loc, "band %s of %s can never be reached by indicator %s: no figure %s falls in it",
                                 band->code, sc->name, ind->code, rule);
                (*n)++;
            }
        }
    }
    free(said);
}

/* ---- a scheme that grades nothing ------------------------------------------------------ */

/* Schemes of the standard library come with whatever includes them. */
static int in_stdlib(const Loc *loc)
{
    const char *dirs[2];
    install_stdlib_dirs(dirs);
    const char *path = loc->src ? loc->src->path : NULL;
    for (int i = 0; path && i < 2; i++) {
        size_t n = dirs[i] ? strlen(dirs[i]) : 0;
        if (n && strncmp(path, dirs[i], n) == 0 && path[n] == '/') return 1;
    }
    return 0;
}

static void unused_schemes(const Plan *p, Diag *d, int *n)
{
    for (int s = 0; s < p->nschemes; s++) {
        int used = 0;
        for (int i = 0; i < p->ninds && !used; i++) {
            used = p->inds[i].scale == s;
            for (int g = 0; g < p->inds[i].ngrades && !used; g++) used = p->inds[i].grades[g].scheme == s;
        }
        if (used || in_stdlib(&p->schemes[s].loc)) continue;
        diag_warning(d, p->schemes[s].loc, "scheme %s is declared but grades no indicator", p->schemes[s].name);
        (*n)++;
    }
}

/* ---- weights that do not add up --------------------------------------------------- */

/* The weight of a code when every definition of it states the same one. */
static int weight_of(const Plan *p, int code, double *w)
{
    int have = 0;
    for (int i = 0; i < p->ninds; i++) {
        if (p->inds[i].code_id != code) continue;
        if (have && p->inds[i].weight != *w) return 0;      /* per unit: not known before the data */
        *w = p->inds[i].weight;
        have = 1;
    }
    return have;
}

/* weighted_sum() adds each argument times its indicator's weight: with
 * weights in percent they add up to 100 (or to 1, as fractions); any other
 * total scales the score. weighted_mean divides by the total, so any do. */
static void weight_totals(const Plan *p, Diag *d, int *n)
{
    for (int k = 0; k < p->nwsums; k++) {
        const WeightedSum *ws = &p->wsums[k];
        int again = 0;      /* a function's body: one warning for its every call */
        for (int j = 0; j < k && !again; j++)
            again = p->wsums[j].loc.src == ws->loc.src && p->wsums[j].loc.line == ws->loc.line && p->wsums[j].loc.col == ws->loc.col;
        double total = 0, w = 0;
        int known = !again;
        for (int i = 0; i < ws->ncodes && known; i++) {
            known = weight_of(p, ws->codes[i], &w);
            total += w;
        }
        if (!known || num_near(total, 100) || num_near(total, 1)) continue;
        char num[64];
        num_format(num, sizeof num, total, -1);
        diag_warning(d, ws->loc, "the weights of weighted_sum() add up to %s, not 100: the score is scaled by %s/100 "
                     "(state each indicator's weight, or use weighted_mean)", num, num);
        (*n)++;
    }
}

/* ---- a constant no formula uses ---------------------------------------------------------- */

static void mark_consts(const Plan *p, const Expr *e, unsigned char *used)
{
    if (!e) return;
    if (e->res == RES_CONST && e->res_id >= 0 && e->res_id < p->nconsts && !used[e->res_id]) {
        for (int c = e->res_id; c >= 0 && c < p->nconsts; c = p->consts[c].next) {
            used[c] = 1;
            mark_consts(p, p->consts[c].value, used);
        }
    }
    mark_consts(p, e->a, used);
    mark_consts(p, e->b, used);
    mark_consts(p, e->c, used);
    mark_consts(p, e->where, used);
    for (int i = 0; i < e->nargs; i++) mark_consts(p, e->args[i], used);
}

static void mark_rules(const Plan *p, const Rules *r, unsigned char *used)
{
    mark_consts(p, r->zero_target, used);
    mark_consts(p, r->zero_realisation, used);
}

static int in_stdlib(const Loc *loc);

static void unused_consts(const Plan *p, Diag *d, int *n)
{
    unsigned char *used = mem_xcalloc((size_t)(p->nconsts ? p->nconsts : 1), 1);
    mark_rules(p, &p->defaults, used);
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        const Expr *f[4] = { ind->realisation, ind->target_expr, ind->target_hi, ind->capaian };
        for (int k = 0; k < 4; k++) mark_consts(p, f[k], used);
        mark_rules(p, &ind->rules, used);
    }
    for (int c = 0; c < p->nconsts; c++) {
        int first = 1;      /* one warning per name, at its first variant */
        for (int k = 0; k < c && first; k++) first = strcmp(p->consts[k].name, p->consts[c].name) != 0;
        if (used[c] || !first || in_stdlib(&p->consts[c].loc)) continue;
        diag_warning(d, p->consts[c].loc, "constant %s is declared but no formula uses it", p->consts[c].name);
        (*n)++;
    }
    free(used);
}

int lint_plan(const Plan *p, Diag *d)
{
    int n = 0;
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        zero_divisions(p, ind->realisation, d, &n);
        zero_divisions(p, ind->target_expr, d, &n);
        zero_divisions(p, ind->target_hi, d, &n);
        zero_divisions(p, ind->capaian, d, &n);
    }
    unreachable_bands(p, d, &n);
    weight_totals(p, d, &n);
    if (p->ninds) {         /* a file of schemes and constants alone is a library for others */
        unused_schemes(p, d, &n);
        unused_consts(p, d, &n);
    }
    return n;
}
