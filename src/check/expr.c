/* expr.c: formula trees, built and walked (expr.h): copies with a
 * function's parameters replaced, new nodes for rewritten composites, the
 * indicators and record tables a formula names. */
#include "check/expr.h"

#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"

/* Counts one node written out by a function call against the formula's
 * and the plan's budgets (SKP_MAX_FORMULA_PARTS, SKP_MAX_PLAN_PARTS):
 * functions calling functions double a formula at every level, and the
 * checker must not build what no evaluation could hold. 0 past either. */
static int written_out(Checker *c, Loc call)
{
    if (c->parts >= SKP_MAX_FORMULA_PARTS || c->plan_parts >= SKP_MAX_PLAN_PARTS) {
        if (!c->parts_reported) {
            if (c->parts >= SKP_MAX_FORMULA_PARTS)
                diag_error(c->d, call, "formula larger than %d parts once its functions are written out", SKP_MAX_FORMULA_PARTS);
            else
                diag_error(c->d, call, "the plan's formulas come to more than %d parts once their functions are written out",
                           SKP_MAX_PLAN_PARTS);
        }
        c->parts_reported = 1;
        return 0;
    }
    c->parts++;
    c->plan_parts++;
    return 1;
}

/* A copy of e with the function's parameters replaced by the call's
 * arguments; `t.u1` with t bound to a table name T becomes T.u1. */
Expr *expr_clone(Checker *c, const Expr *e, const Func *f, Expr **args, Loc call)
{
    if (!e) return NULL;
    if (!written_out(c, call)) {                  /* reported: a stand-in, never evaluated */
        Expr *zero = expr_node(c, E_NUMBER, NULL, NULL, call);
        zero->text = "0";
        return zero;
    }
    if (e->kind == E_NAME && f) {
        size_t n = strcspn(e->text, ".");
        for (int i = 0; i < f->nparams; i++) {
            if (strlen(f->params[i]) != n || strncmp(f->params[i], e->text, n) != 0) continue;
            if (!e->text[n]) return expr_clone(c, args[i], NULL, NULL, call);
            if (args[i]->kind != E_NAME) {
                diag_error(c->d, e->loc, "'%s' needs parameter %s to be a name (a record table), but the call at line %d passes a formula",
                           e->text, f->params[i], call.line);
                return expr_clone(c, args[i], NULL, NULL, call);
            }
            Expr *x = arena_alloc(c->A, sizeof *x);
            *x = *e;
            x->text = arena_printf(c->A, "%s%s", args[i]->text, e->text + n);
            x->loc = args[i]->loc;
            x->res = x->res_id = x->type = 0;
            return x;
        }
    }
    Expr *x = arena_alloc(c->A, sizeof *x);
    *x = *e;
    x->res = x->res_id = x->type = 0;
    x->a = expr_clone(c, e->a, f, args, call);
    x->b = expr_clone(c, e->b, f, args, call);
    x->c = expr_clone(c, e->c, f, args, call);
    x->where = expr_clone(c, e->where, f, args, call);
    if (e->nargs) {
        x->args = arena_alloc(c->A, (size_t)e->nargs * sizeof *x->args);
        for (int i = 0; i < e->nargs; i++) x->args[i] = expr_clone(c, e->args[i], f, args, call);
    }
    return x;
}

/* The record table a formula reads rows of: the first name that is a table
 * (count(T)) or a table's column (T.c). -1: none. */
int expr_record_in(Checker *c, const Expr *e)
{
    if (!e) return -1;
    if (e->kind == E_NAME && strmap_get(&c->const_map, e->text) < 0) {
        int r = strmap_getn(&c->record_map, e->text, strcspn(e->text, "."));
        if (r >= 0) return r;
    }
    int r = expr_record_in(c, e->a);
    if (r < 0) r = expr_record_in(c, e->b);
    if (r < 0) r = expr_record_in(c, e->c);
    for (int i = 0; r < 0 && i < e->nargs; i++) r = expr_record_in(c, e->args[i]);
    return r;
}

/* The first grouped indicator a formula names (bare, or as the first
 * argument of realisation/target/data/latest/capaian): its index, or -1. */
int expr_group_in(Checker *c, const Expr *e)
{
    if (!e || !c->code_group) return -1;
    if (e->kind == E_NAME && strmap_get(&c->const_map, e->text) < 0) {
        int id = strmap_get(&c->code_map, e->text);
        if (id >= 0 && c->code_group[id] >= 0) return c->code_group[id];
    }
    int g = expr_group_in(c, e->a);
    if (g < 0) g = expr_group_in(c, e->b);
    if (g < 0) g = expr_group_in(c, e->c);
    for (int i = 0; g < 0 && i < e->nargs; i++) g = expr_group_in(c, e->args[i]);
    return g;
}

/* The indicator codes a formula names (bare, or first in realisation(),
 * target(), data(), capaian(), latest()); record aggregates not entered. */
static void add_code(int code, int *codes, int *n, int max)
{
    int seen = 0;
    for (int i = 0; i < *n; i++) seen |= codes[i] == code;
    if (!seen && *n < max) codes[(*n)++] = code;
}

/* p NULL: record and group aggregates are not entered (what weighted_sum
 * needs); else they are, and a group aggregate names its indicator. */
static void codes_walk(const Plan *p, const Expr *e, int *codes, int *n, int max)
{
    if (!e || e->res == RES_RECORD_AGG || (!p && e->res == RES_GROUP_AGG)) return;
    if (e->kind == E_NAME && e->res == RES_IND) add_code(e->res_id, codes, n, max);
    if (e->kind == E_CALL && e->res == RES_CALL && e->res_id <= FN_LATEST && e->nargs)
        add_code(e->args[0]->res_id, codes, n, max);
    if (p && e->res == RES_GROUP_AGG) add_code(p->inds[p->gaggs[e->res_id].group_of].code_id, codes, n, max);
    if (p && e->res == RES_UNIT_AGG) add_code(p->uaggs[e->res_id].code, codes, n, max);
    codes_walk(p, e->a, codes, n, max);
    codes_walk(p, e->b, codes, n, max);
    codes_walk(p, e->c, codes, n, max);
    for (int i = 0; i < e->nargs; i++) codes_walk(p, e->args[i], codes, n, max);
}

void expr_codes(const Expr *e, int *codes, int *n, int max)
{
    codes_walk(NULL, e, codes, n, max);
}

void expr_uses(const Plan *p, const Expr *e, int *codes, int *n, int max)
{
    codes_walk(p, e, codes, n, max);
}

Expr *expr_node(Checker *c, ExprKind k, Expr *a, Expr *b, Loc loc)
{
    Expr *x = arena_alloc(c->A, sizeof *x);
    memset(x, 0, sizeof *x);
    x->kind = k;
    x->a = a;
    x->b = b;
    x->loc = loc;
    x->type = T_NUM;
    return x;
}

Expr *expr_weight(Checker *c, int code, Loc loc)
{
    Expr *w = expr_node(c, E_NAME, NULL, NULL, loc);
    w->text = c->codes.items[code];
    w->res = RES_WEIGHT;
    w->res_id = code;
    return w;
}

/* terms[0] + terms[1] + ... added left to right, in runs of at most 16:
 * the sum of a long argument list stays a shallow tree (16 levels per
 * factor of 16 terms), and one of up to 16 terms is the plain chain. */
Expr *expr_fold_sum(Checker *c, Expr **terms, int n, Loc loc)
{
    enum { RUN = 16 };
    if (n <= RUN) {
        Expr *sum = terms[0];
        for (int i = 1; i < n; i++) sum = expr_node(c, E_ADD, sum, terms[i], loc);
        return sum;
    }
    int size = (n + RUN - 1) / RUN;
    Expr *sum = NULL;
    for (int at = 0; at < n; at += size) {
        Expr *run = expr_fold_sum(c, terms + at, n - at < size ? n - at : size, loc);
        sum = sum ? expr_node(c, E_ADD, sum, run, loc) : run;
    }
    return sum;
}
