/* formula.c: the checker's formulas (formula.h). Resolves every name
 * (columns, constants, indicators, functions), types every formula,
 * expands the plan's functions where they are called, records the
 * aggregates over record tables, groups and units, rewrites weighted
 * composites, and draws the dependencies between figures for cycles.c. */
#include "check/formula.h"

#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"
#include "check/builtin.h"
#include "check/expr.h"
#include "check/table.h"
#include "check/scheme.h"

/* ---- formulas ------------------------------------------------------------ */

/* What a formula may refer to depends on where it is written. */
typedef enum { CTX_CONST, CTX_REALISATION, CTX_TARGET, CTX_CAPAIAN } FormulaCtx;

typedef struct {
    FormulaCtx ctx;
    int node;              /* graph node of the figure being defined, or -1 */
    int record;            /* over the rows of this record table (where, sum(T.a * T.b)), else -1 */
    int group;             /* a formula of a grouped indicator (or inside sum(X) over
                              X's groups): the index of an indicator with that GroupSpec, else -1 */
    int ind;               /* the indicator whose formula this is, or -1 */
} ExprCtx;

static const char *type_name(int t)
{
    return t == T_NUM ? "number" : t == T_BOOL ? "true/false" : t == T_STR ? "text" : "unknown";
}

static int check_expr(Checker *c, Expr *e, ExprCtx *x);
static int check_column_name(Checker *c, Expr *e, ExprCtx *x);

static void add_edge(Checker *c, ExprCtx *x, int code_id, int kind, Loc loc)
{
    if (x->node < 0) return;
    Edge ed = { x->node, code_id * 3 + kind, loc };
    VEC_PUSH(c->edges, ed);
}

/* Names known in formulas, for "did you mean". */
/* "unknown indicator 'IKN' (did you mean 'IKM'?)" when the closest known
 * name is an indicator, "unknown name 'x'" otherwise. */
static void unknown_name(Checker *c, Loc loc, const char *name)
{
    VEC(const char *) cands = {0};
    static const char *const fixed[] = { "year", "undefined", "true", "false" };
    for (int i = 0; i < 4; i++) VEC_PUSH(cands, fixed[i]);
    for (int i = 0; i < c->codes.len; i++) VEC_PUSH(cands, c->codes.items[i]);
    for (int i = 0; i < c->consts.len; i++) VEC_PUSH(cands, c->consts.items[i].name);
    const char *best = text_suggest(name, cands.items, cands.len);
    VEC_FREE(cands);
    const char *what = best && strmap_get(&c->code_map, best) >= 0 ? "indicator" : "name";
    if (best) diag_error(c->d, loc, "unknown %s '%s' (did you mean '%s'?)", what, name, best);
    else diag_error(c->d, loc, "unknown name '%s'", name);
}

/* A grouped indicator has one value per group: a formula may name it only
 * where one group is current (a formula of an indicator with the same
 * grouping, or inside sum(X), avg(X), ... over X's groups). */
static int group_ref_ok(Checker *c, ExprCtx *x, int code, Loc loc)
{
    int g = c->code_group ? c->code_group[code] : -1;
    if (g < 0) return 1;
    const GroupSpec *want = &c->inds.items[g].group;
    if (x->group >= 0 && table_same_group(&c->inds.items[x->group].group, want)) return 1;
    if (x->group >= 0)
        diag_error(c->d, loc, "indicator %s is grouped per %s, but this formula is evaluated per %s",
                   c->codes.items[code], table_group_text(c, want), table_group_text(c, &c->inds.items[x->group].group));
    else
        diag_error(c->d, loc, "indicator %s has one value per %s: use it in sum(%s), avg(%s), min(%s), max(%s) or count(%s)",
                   c->codes.items[code], table_group_text(c, want), c->codes.items[code], c->codes.items[code],
                   c->codes.items[code], c->codes.items[code], c->codes.items[code]);
    return 0;
}

/* Inside a formula over a table's rows a name is first a column of that
 * table, and another table's column or an indicator is an error there; a
 * table's column outside one is an error too. Returns the type of a
 * column, 0 for a name rejected (reported), -1 for one check_name resolves. */
static int table_name(Checker *c, Expr *e, ExprCtx *x)
{
    const char *n = e->text;
    int rec, col;
    ColType type;
    if (x->record >= 0) {
        int t = check_column_name(c, e, x);
        if (t) return t;
        if (strchr(n, '.') && table_ref(c, e, &rec, &col, &type)) {   /* an unknown column was reported */
            if (col >= -1)
                diag_error(c->d, e->loc, "a formula over the rows of %s cannot use another table's column %s",
                           c->records.items[x->record].name, n);
            return 0;
        }
        if (strmap_get(&c->code_map, n) >= 0 && strmap_get(&c->const_map, n) < 0) {
            diag_error(c->d, e->loc, "a formula over the rows of %s can use its columns, constants and year, not indicator %s",
                       c->records.items[x->record].name, n);
            return 0;
        }
    } else if (strchr(n, '.') && table_ref(c, e, &rec, &col, &type)) {
        if (col >= -1)
            diag_error(c->d, e->loc, "%s is a record table column: use it in count, sum, avg, min, max or count_distinct",
                       e->text);
        return 0;
    }
    return -1;
}

static int check_name(Checker *c, Expr *e, ExprCtx *x)
{
    const char *n = e->text;
    int tt = table_name(c, e, x);
    if (tt >= 0) return tt;
    int self_ok = x->ctx == CTX_CAPAIAN;
    if (self_ok && (strcmp(n, "R") == 0 || strcmp(n, "realisation") == 0 || strcmp(n, "realisasi") == 0)) {
        e->res = RES_SELF_R;
        return e->type = T_NUM;
    }
    if (self_ok && (strcmp(n, "T") == 0 || strcmp(n, "target") == 0)) {
        e->res = RES_SELF_T;
        return e->type = T_NUM;
    }
    if (strcmp(n, "year") == 0) { e->res = RES_YEAR; return e->type = T_NUM; }
    if (strcmp(n, "undefined") == 0) { e->res = RES_UNDEFINED; return e->type = T_NUM; }
    if (strcmp(n, "true") == 0) { e->res = RES_TRUE; return e->type = T_BOOL; }
    if (strcmp(n, "false") == 0) { e->res = RES_FALSE; return e->type = T_BOOL; }
    int k = strmap_get(&c->const_map, n);
    if (k >= 0) {
        e->res = RES_CONST;
        e->res_id = k;
        return e->type = T_NUM;
    }
    int id = strmap_get(&c->code_map, n);
    if (id >= 0 && x->ctx != CTX_CONST) {
        if (!group_ref_ok(c, x, id, e->loc)) return 0;
        e->res = RES_IND;
        e->res_id = id;
        add_edge(c, x, id, NODE_R, e->loc);
        return e->type = T_NUM;
    }
    if ((strcmp(n, "R") == 0 || strcmp(n, "T") == 0) && !self_ok)
        diag_error(c->d, e->loc, "'%s' is only known in 'capaian = ...' (the indicator's own realisation and target)", n);
    else if (id >= 0)
        diag_error(c->d, e->loc, "constant formulas cannot refer to indicator %s", n);
    else
        unknown_name(c, e->loc, n);
    return 0;
}

/* realisation(X [, year]), target(X [, year [, "source"]]), data(X [, year]), latest(X) */
static int check_ref_call(Checker *c, Expr *e, ExprCtx *x, Builtin fn)
{
    Expr *a0 = e->args[0];
    if (a0->kind != E_NAME) {
        diag_error(c->d, a0->loc, "%s() takes an indicator code first, not a formula", builtin_name((Builtin)fn));
        return 0;
    }
    int id = strmap_get(&c->code_map, a0->text);
    if (id < 0) {
        diag_error(c->d, a0->loc, "unknown indicator '%s'%s", a0->text,
                   checker_mean(c, a0->text, c->codes.items, c->codes.len));
        return 0;
    }
    if (x->ctx == CTX_CONST) {
        diag_error(c->d, e->loc, "constant formulas cannot refer to indicator %s", a0->text);
        return 0;
    }
    if (!group_ref_ok(c, x, id, a0->loc)) return 0;
    a0->res = RES_IND;
    a0->res_id = id;
    /* Only a reference to the same year can close a cycle: realisation(X,
     * year - 1) reads an earlier figure, which is how running totals and
     * growth rates are written. A year that only the data can tell is
     * guarded at evaluation ("refers to itself"). */
    const Expr *yr = e->nargs >= 2 ? e->args[1] : NULL;
    int same_year = !yr || (yr->kind == E_NAME && strcmp(yr->text, "year") == 0);
    if (same_year && fn == FN_REALISATION) add_edge(c, x, id, NODE_R, a0->loc);
    if (same_year && fn == FN_TARGET) add_edge(c, x, id, NODE_T, a0->loc);
    if (same_year && fn == FN_CAPAIAN) add_edge(c, x, id, NODE_C, a0->loc);
    if (fn == FN_TO_DATE) add_edge(c, x, id, NODE_R, a0->loc);
    if (fn == FN_CAPAIAN && e->nargs > 2) {
        diag_error(c->d, e->loc, "capaian() takes an indicator and a year");
        return 0;
    }
    int ok = 1;
    if (e->nargs >= 2 && check_expr(c, e->args[1], x) != T_NUM) {
        if (e->args[1]->type) diag_error(c->d, e->args[1]->loc, "the year must be a number, not %s", type_name(e->args[1]->type));
        ok = 0;
    }
    if (e->nargs == 3) {
        Expr *src = e->args[2];
        if (src->kind != E_STRING) {
            diag_error(c->d, src->loc, "the target source must be a \"string\" such as \"renstra\"");
            ok = 0;
        } else {
            checker_note_source(c, strcmp(src->text, "end") == 0 ? "renstra" : src->text);
            src->type = T_STR;
        }
    }
    return ok ? (e->type = T_NUM) : 0;
}

/* ---- formulas over record tables ---------------------------------------- */

static int is_aggregate_fn(int fn)
{
    return fn == FN_COUNT || fn == FN_COUNT_DISTINCT || fn == FN_SUM || fn == FN_AVG;
}

/* count(T [where C]), count_distinct(F ...), sum/avg/min/max(F ...) where
 * F is a column T.c or a formula over the columns of one row of T. */
static int check_record_call(Checker *c, Expr *e, ExprCtx *x, int fn, int rec)
{
    static const RecordAggFn map[FN_COUNT_] = {
        [FN_COUNT] = RAGG_COUNT, [FN_COUNT_DISTINCT] = RAGG_COUNT_DISTINCT, [FN_SUM] = RAGG_SUM,
        [FN_AVG] = RAGG_AVG, [FN_MIN] = RAGG_MIN, [FN_MAX] = RAGG_MAX,
    };
    const char *fname = builtin_name((Builtin)fn);
    if (x->record >= 0) {
        diag_error(c->d, e->loc, "%s() cannot be used inside a formula over the rows of a table", fname);
        return 0;
    }
    if (x->ctx == CTX_CONST) {
        diag_error(c->d, e->loc, "constant formulas cannot read record tables");
        return 0;
    }
    const RecordDecl *r = &c->records.items[rec];
    Expr *a0 = e->args[0];
    int col = -1;
    const Expr *value = NULL;
    ExprCtx sub = *x;
    sub.record = rec;
    sub.node = -1;
    if (a0->kind == E_NAME && strcmp(a0->text, r->name) == 0) {      /* the rows themselves */
        if (fn != FN_COUNT) {
            diag_error(c->d, a0->loc, "%s() needs a column: %s.COLUMN", fname, r->name);
            return 0;
        }
    } else {
        int t = check_expr(c, a0, &sub);
        if (!t) return 0;
        if (t != T_NUM && fn != FN_COUNT && fn != FN_COUNT_DISTINCT) {
            if (a0->kind == E_NAME)
                diag_error(c->d, a0->loc, "%s() needs a number column, and %s is text", fname, a0->text);
            else
                diag_error(c->d, a0->loc, "%s() needs numbers, and this formula gives %s", fname, type_name(t));
            return 0;
        }
        if (a0->kind == E_NAME && a0->res == RES_COLUMN) col = a0->res_id;
        else value = a0;
    }
    int ok = 1;
    if (e->where) {
        int t = check_expr(c, e->where, &sub);
        if (t && t != T_BOOL) {
            diag_error(c->d, e->where->loc, "a 'where' filter must be true/false, found %s", type_name(t));
            ok = 0;
        } else if (!t) ok = 0;
    }
    if (!ok) return 0;
    RecordAgg ra = { map[fn], rec, col, value, e->where, e->loc };
    e->res = RES_RECORD_AGG;
    e->res_id = c->raggs.len;
    VEC_PUSH(c->raggs, ra);
    return e->type = T_NUM;
}

/* sum(X), avg(X), min(X), max(X), count(X): X (or a formula naming it) is
 * computed for each group of the grouped indicator X. */
static int check_group_call(Checker *c, Expr *e, ExprCtx *x, int fn, int g)
{
    const char *fname = builtin_name((Builtin)fn);
    if (fn == FN_COUNT_DISTINCT) {
        diag_error(c->d, e->loc, "count_distinct() counts the values of a record table's column, not of an indicator");
        return 0;
    }
    if (e->where) {
        diag_error(c->d, e->where->loc, "'where' filters the rows of a record table; over the groups of an indicator, write the condition with if");
        return 0;
    }
    if (x->group >= 0) {
        diag_error(c->d, e->loc, "%s() over groups cannot be used in a formula that is itself evaluated per group", fname);
        return 0;
    }
    ExprCtx sub = *x;
    sub.group = g;
    int t = check_expr(c, e->args[0], &sub);
    if (!t) return 0;
    if (t != T_NUM && fn != FN_COUNT) {
        diag_error(c->d, e->args[0]->loc, "%s() needs numbers, found %s", fname, type_name(t));
        return 0;
    }
    RecordAggFn rf = fn == FN_COUNT ? RAGG_COUNT : fn == FN_SUM ? RAGG_SUM : fn == FN_AVG ? RAGG_AVG
                   : fn == FN_MIN ? RAGG_MIN : RAGG_MAX;
    GroupAgg ga = { rf, g, e->args[0], e->loc };
    e->res = RES_GROUP_AGG;
    e->res_id = c->gaggs.len;
    VEC_PUSH(c->gaggs, ga);
    return e->type = T_NUM;
}

/* sum(X over children), avg(capaian(X) over descendants), ...: a figure of
 * X in the units below. X may be the indicator being defined (a roll-up
 * level by level), so no dependency edge is drawn. */
static int check_unit_call(Checker *c, Expr *e, ExprCtx *x, int fn)
{
    const char *fname = builtin_name((Builtin)fn);
    if (fn != FN_SUM && fn != FN_AVG && fn != FN_MIN && fn != FN_MAX && fn != FN_COUNT) {
        diag_error(c->d, e->loc, "'over' rolls up with sum, avg, min, max or count, not %s()", fname);
        return 0;
    }
    int desc = strcmp(e->over, "descendants") == 0;
    if (!desc && strcmp(e->over, "children") != 0) {
        diag_error(c->d, e->over_loc, "expected 'over children' (the units directly below) or 'over descendants' (every unit below), found '%s'",
                   e->over);
        return 0;
    }
    if (x->ctx == CTX_CONST || x->record >= 0 || x->group >= 0 || x->ind < 0) {
        diag_error(c->d, e->loc, "%s(... over %s) belongs in an indicator's formula", fname, e->over);
        return 0;
    }
    ExprCtx sub = *x;
    sub.node = -1;                 /* other units' figures: no cycle within this unit */
    Expr *a0 = e->args[0];
    if (!check_expr(c, a0, &sub)) return 0;
    int code = -1;
    FigureKind fig = FIG_REALISATION;
    if (a0->kind == E_NAME && a0->res == RES_IND) code = a0->res_id;
    else if (a0->kind == E_CALL && a0->res == RES_CALL && a0->nargs == 1 &&
             (a0->res_id == FN_REALISATION || a0->res_id == FN_TARGET || a0->res_id == FN_CAPAIAN)) {
        code = a0->args[0]->res_id;
        fig = a0->res_id == FN_TARGET ? FIG_TARGET : a0->res_id == FN_CAPAIAN ? FIG_CAPAIAN : FIG_REALISATION;
    }
    if (code < 0) {
        diag_error(c->d, a0->loc, "%s(... over %s) takes an indicator's figure of the same year: X, realisation(X), target(X) or capaian(X)",
                   fname, e->over);
        return 0;
    }
    RecordAggFn rf = fn == FN_COUNT ? RAGG_COUNT : fn == FN_SUM ? RAGG_SUM : fn == FN_AVG ? RAGG_AVG
                   : fn == FN_MIN ? RAGG_MIN : RAGG_MAX;
    UnitAgg ua = { rf, code, fig, desc, e->loc };
    e->res = RES_UNIT_AGG;
    e->res_id = c->uaggs.len;
    VEC_PUSH(c->uaggs, ua);
    c->inds.items[x->ind].rollup = 1;
    return e->type = T_NUM;
}

/* ---- functions ------------------------------------------------------------ */


/* A call of a function a Lua module defines: as many arguments as it
 * declares, each of the declared type; it gives the declared type. */
static int check_lua_call(Checker *c, Expr *e, ExprCtx *x, int fi)
{
    const Func *f = &c->funcs.items[fi];
    if (e->nargs != f->nparams) {
        diag_error(c->d, e->loc, "%s() takes %d argument%s, found %d", f->name, f->nparams, f->nparams == 1 ? "" : "s", e->nargs);
        return 0;
    }
    if (e->where || e->over) {
        diag_error(c->d, e->loc, "%s() is a Lua function: no 'where' or 'over'", f->name);
        return 0;
    }
    int ok = 1;
    for (int i = 0; i < e->nargs; i++) {
        int t = check_expr(c, e->args[i], x);
        if (!t) { ok = 0; continue; }
        if (t != f->param_types[i]) {
            diag_error(c->d, e->args[i]->loc, "argument %d of %s() (%s) must be %s, found %s", i + 1, f->name, f->params[i],
                       type_name(f->param_types[i]), type_name(t));
            ok = 0;
        }
    }
    if (!ok) return 0;
    e->res = RES_LUA_CALL;
    e->res_id = fi;
    return e->type = f->ret_type;
}

/* A call of a plan function is replaced by its body, with the arguments in
 * place of the parameters, and checked where it stands. */
static int expand_call(Checker *c, Expr *e, ExprCtx *x, int fi)
{
    const Func *f = &c->funcs.items[fi];
    if (e->nargs != f->nparams) {
        diag_error(c->d, e->loc, "%s() takes %d argument%s, found %d", f->name, f->nparams, f->nparams == 1 ? "" : "s", e->nargs);
        return 0;
    }
    if (e->where) {
        diag_error(c->d, e->where->loc, "'where' filters the rows of a record table; %s() is a plan function", f->name);
        return 0;
    }
    for (int i = 0; i < c->nexpanding; i++)
        if (strcmp(c->expanding[i], f->name) == 0) {
            diag_error(c->d, e->loc, "function %s calls itself", f->name);
            return 0;
        }
    if (c->nexpanding >= SKP_MAX_CALL_DEPTH) {
        if (!c->calls_reported)         /* once a formula: each call would say it again */
            diag_error(c->d, e->loc, "functions call each other deeper than %d levels", SKP_MAX_CALL_DEPTH);
        c->calls_reported = 1;
        return 0;
    }
    Loc call = e->loc;
    if (c->parts_reported || c->calls_reported) return 0;
    int before = c->d->errors;
    Expr *body = expr_clone(c, f->body, f, e->args, call);
    *e = *body;
    e->loc = call;
    c->expanding[c->nexpanding++] = f->name;
    int t = check_expr(c, e, x);
    c->nexpanding--;
    if (c->d->errors > before) diag_note(c->d, call, "in function %s, called here", f->name);
    return t;
}

/* A name inside `where`: a column of the filtered table first. */
static int check_column_name(Checker *c, Expr *e, ExprCtx *x)
{
    const RecordDecl *r = &c->records.items[x->record];
    const char *n = e->text;
    size_t len = strlen(r->name);
    if (strncmp(n, r->name, len) == 0 && n[len] == '.') n += len + 1;   /* T.column */
    ColType t;
    int col = record_flat_find(r, n, &t);
    if (col < 0) return 0;
    e->res = RES_COLUMN;
    e->res_id = col;
    return e->type = t == COL_TEXT ? T_STR : T_NUM;
}

static int check_in(Checker *c, Expr *e, ExprCtx *x)
{
    int ta = check_expr(c, e->a, x), ok = ta != 0;
    for (int i = 0; i < e->nargs; i++) {
        int t = check_expr(c, e->args[i], x);
        if (t && ta && t != ta) {
            diag_error(c->d, e->args[i]->loc, "'in' compares %s with %s", type_name(ta), type_name(t));
            ok = 0;
        } else if (!t) ok = 0;
    }
    if (ok && ta == T_BOOL) {
        diag_error(c->d, e->loc, "'in' needs numbers or text, found true/false");
        ok = 0;
    }
    return ok ? T_BOOL : 0;
}

/* weighted_sum(a, b, ...) = a x w(A) + b x w(B) + ..., weighted_mean(...) =
 * that / (w(A) + w(B) + ...), where w(X) is the `weight` of the one
 * indicator X each argument names, in the unit evaluated. Rewritten here
 * into plain arithmetic, so a missing argument makes the result missing. */
static int check_weighted(Checker *c, Expr *e, ExprCtx *x, int fn)
{
    const char *fname = builtin_name((Builtin)fn);
    Expr **terms = arena_alloc(c->A, (size_t)e->nargs * sizeof *terms);
    Expr **weights = arena_alloc(c->A, (size_t)e->nargs * sizeof *weights);
    int ok = 1;
    for (int i = 0; i < e->nargs; i++) {
        Expr *a = e->args[i];
        int t = check_expr(c, a, x);
        if (!t) { ok = 0; continue; }
        if (t != T_NUM) {
            diag_error(c->d, a->loc, "%s() needs numbers, found %s", fname, type_name(t));
            ok = 0;
            continue;
        }
        int codes[2], n = 0;
        expr_codes(a, codes, &n, 2);
        if (n != 1) {
            diag_error(c->d, a->loc, "%s() weighs each argument by the weight of the indicator it names; this one names %s",
                       fname, n ? "more than one" : "none");
            ok = 0;
            continue;
        }
        terms[i] = expr_node(c, E_MUL, a, expr_weight(c, codes[0], a->loc), a->loc);
        weights[i] = expr_weight(c, codes[0], a->loc);
    }
    if (!ok) return 0;
    if (fn == FN_WEIGHTED_SUM) {
        WeightedSum w = { e->loc, arena_alloc(c->A, (size_t)e->nargs * sizeof(int)), e->nargs };
        for (int i = 0; i < e->nargs; i++) w.codes[i] = weights[i]->res_id;
        VEC_PUSH(c->wsums, w);
    }
    Expr *sum = expr_fold_sum(c, terms, e->nargs, e->loc);
    Expr *result = fn == FN_WEIGHTED_MEAN ? expr_node(c, E_DIV, sum, expr_fold_sum(c, weights, e->nargs, e->loc), e->loc) : sum;
    Loc at = e->loc;
    *e = *result;
    e->loc = at;
    return e->type = T_NUM;
}

/* A call of no built-in: a Lua function, a plan function expanded in
 * place, or an unknown name (with the nearest known one). */
static int check_function_call(Checker *c, Expr *e, ExprCtx *x)
{
    int fi = strmap_get(&c->func_map, e->text);
    if (fi >= 0 && c->funcs.items[fi].lua_file) return check_lua_call(c, e, x, fi);
    if (fi >= 0) return expand_call(c, e, x, fi);
    const char **names = arena_alloc(c->A, (size_t)(FN_COUNT_ + c->funcs.len) * sizeof *names);
    for (int i = 0; i < FN_COUNT_; i++) names[i] = builtin_name((Builtin)i);
    for (int i = 0; i < c->funcs.len; i++) names[FN_COUNT_ + i] = c->funcs.items[i].name;
    diag_error(c->d, e->loc, "unknown function '%s'%s", e->text, checker_mean(c, e->text, names, FN_COUNT_ + c->funcs.len));
    return 0;
}

static int arity_ok(Checker *c, const Expr *e, const BuiltinInfo *b)
{
    if (e->nargs >= b->min_args && (b->max_args < 0 || e->nargs <= b->max_args)) return 1;
    if (b->max_args < 0)
        diag_error(c->d, e->loc, "%s() takes at least %d argument%s, found %d", b->name, b->min_args, b->min_args == 1 ? "" : "s", e->nargs);
    else if (b->min_args == b->max_args)
        diag_error(c->d, e->loc, "%s() takes %d argument%s, found %d", b->name, b->min_args, b->min_args == 1 ? "" : "s", e->nargs);
    else
        diag_error(c->d, e->loc, "%s() takes %d to %d arguments, found %d", b->name, b->min_args, b->max_args, e->nargs);
    return 0;
}

/* count, count_distinct, sum, avg (and min, max of one argument): over a
 * record table's rows, or over a grouped indicator's groups. Returns -1
 * when it is neither and min/max of plain numbers is meant. */
static int check_aggregate_call(Checker *c, Expr *e, ExprCtx *x, int fn, const BuiltinInfo *b)
{
    int rec = expr_record_in(c, e->args[0]);
    if (rec >= 0) return check_record_call(c, e, x, fn, rec);
    int g = x->group < 0 && x->record < 0 ? expr_group_in(c, e->args[0]) : -1;
    if (g >= 0) return check_group_call(c, e, x, fn, g);
    if (!is_aggregate_fn(fn)) return -1;
    Expr *a0 = e->args[0];
    const char **names = arena_alloc(c->A, (size_t)(c->records.len + 1) * sizeof *names);
    for (int i = 0; i < c->records.len; i++) names[i] = c->records.items[i].name;
    const char *prefix = a0->kind == E_NAME ? arena_strndup(c->A, a0->text, strcspn(a0->text, ".")) : "";
    diag_error(c->d, a0->loc, "%s() takes %s, or an indicator with one value per group (per T.column)%s",
               b->name, fn == FN_COUNT ? "a record table (count(T)) or a formula over its rows"
                                       : "a column of a record table (T.column) or a formula over its rows",
               a0->kind == E_NAME ? checker_mean(c, prefix, names, c->records.len) : "");
    return 0;
}

/* min, max, abs, round, ...: numbers in, a number out (available: true/false). */
static int check_plain_call(Checker *c, Expr *e, ExprCtx *x, int fn, const BuiltinInfo *b)
{
    int ok = 1;
    for (int i = 0; i < e->nargs; i++) {
        int t = check_expr(c, e->args[i], x);
        if (!t) { ok = 0; continue; }
        if (t != T_NUM && fn != FN_AVAILABLE) {
            diag_error(c->d, e->args[i]->loc, "%s() needs numbers, found %s", b->name, type_name(t));
            ok = 0;
        }
    }
    if (fn == FN_ROUND && e->nargs == 2 && e->args[1]->kind != E_NUMBER) {
        diag_error(c->d, e->args[1]->loc, "round()'s decimals must be a number written in the plan");
        ok = 0;
    }
    if (!ok) return 0;
    return e->type = fn == FN_AVAILABLE ? T_BOOL : T_NUM;
}

static int check_call(Checker *c, Expr *e, ExprCtx *x)
{
    int fn = builtin_index(e->text);
    if (fn < 0 && strcmp(e->text, "realisasi") == 0) fn = FN_REALISATION;
    if (fn < 0) return check_function_call(c, e, x);
    const BuiltinInfo *b = builtin_info((Builtin)fn);
    if (!arity_ok(c, e, b)) return 0;
    if (e->over) return check_unit_call(c, e, x, fn);
    if (is_aggregate_fn(fn) || ((fn == FN_MIN || fn == FN_MAX) && e->nargs == 1)) {
        int t = check_aggregate_call(c, e, x, fn, b);
        if (t >= 0) return t;
    }
    if (e->where) {
        diag_error(c->d, e->where->loc, "'where' filters the rows of a record table: count(T where ...), sum(T.column where ...), ...");
        return 0;
    }
    if (fn == FN_WEIGHTED_SUM || fn == FN_WEIGHTED_MEAN) {
        if (x->record >= 0) {
            diag_error(c->d, e->loc, "%s() cannot be used inside a formula over the rows of a table", b->name);
            return 0;
        }
        return check_weighted(c, e, x, fn);
    }
    e->res = RES_CALL;
    e->res_id = fn;
    if (fn > FN_LATEST) return check_plain_call(c, e, x, fn, b);
    if (x->record >= 0) {
        diag_error(c->d, e->loc, "a 'where' filter can use the table's columns, constants and year, not %s()", builtin_name((Builtin)fn));
        return 0;
    }
    return check_ref_call(c, e, x, (Builtin)fn);
}

static int expect_type(Checker *c, Expr *e, int got, int want, const char *op)
{
    if (!got) return 0;
    if (got != want) {
        diag_error(c->d, e->loc, "'%s' needs %s, found %s", op, type_name(want), type_name(got));
        return 0;
    }
    return 1;
}

/* a + b, a and b, ...: both sides of the type the operator takes. */
static int check_binary(Checker *c, Expr *e, ExprCtx *x, int want)
{
    int ta = check_expr(c, e->a, x);
    int tb = check_expr(c, e->b, x);
    if (expect_type(c, e->a, ta, want, ast_op_text(e->kind)) & expect_type(c, e->b, tb, want, ast_op_text(e->kind)))
        return want;
    return 0;
}

/* a = b, a < b, ...: sides of one type; only = and != for true/false. */
static int check_compare(Checker *c, Expr *e, ExprCtx *x)
{
    int ta = check_expr(c, e->a, x);
    int tb = check_expr(c, e->b, x);
    if (ta && tb && ta != tb)
        diag_error(c->d, e->loc, "cannot compare %s with %s", type_name(ta), type_name(tb));
    else if (ta && tb && ta == T_BOOL && e->kind != E_EQ && e->kind != E_NE)
        diag_error(c->d, e->loc, "'%s' needs numbers, found true/false", ast_op_text(e->kind));
    else if (ta && tb)
        return T_BOOL;
    return 0;
}

/* if C then A else B: C true/false, A and B of one type, which it gives. */
static int check_if(Checker *c, Expr *e, ExprCtx *x)
{
    int ta = check_expr(c, e->a, x);
    int tb = check_expr(c, e->b, x);
    int tc = check_expr(c, e->c, x);
    int cond_ok = !ta || ta == T_BOOL;
    if (!cond_ok)
        diag_error(c->d, e->a->loc, "the condition of 'if' must be true/false, found %s", type_name(ta));
    if (tb && tc && tb != tc)
        diag_error(c->d, e->c->loc, "'then' gives %s but 'else' gives %s", type_name(tb), type_name(tc));
    else if (ta && cond_ok && tb && tc)
        return tb;
    return 0;
}

/* Types a formula (number, true/false or text), resolves its names and
 * records the figures it depends on. Returns the type, 0 after an error. */
static int check_expr(Checker *c, Expr *e, ExprCtx *x)
{
    /* The parser bounds what is written; functions written out in place
     * can nest deeper, and are bounded here. */
    if (++c->expr_depth > SKP_MAX_NESTING) {
        if (!c->depth_reported)
            diag_error(c->d, e->loc, "formula nested deeper than %d levels once its functions are written out", SKP_MAX_NESTING);
        c->depth_reported = 1;
        c->expr_depth--;
        return 0;
    }
    int t = 0;
    switch (e->kind) {
    case E_NUMBER: t = T_NUM; break;
    case E_STRING: t = T_STR; break;
    case E_NAME: t = check_name(c, e, x); break;
    case E_CALL: t = check_call(c, e, x); break;
    case E_IN: t = check_in(c, e, x); break;
    case E_NEG: t = expect_type(c, e->a, check_expr(c, e->a, x), T_NUM, "-") ? T_NUM : 0; break;
    case E_NOT: t = expect_type(c, e->a, check_expr(c, e->a, x), T_BOOL, "not") ? T_BOOL : 0; break;
    case E_ADD: case E_SUB: case E_MUL: case E_DIV: case E_POW: t = check_binary(c, e, x, T_NUM); break;
    case E_AND: case E_OR: t = check_binary(c, e, x, T_BOOL); break;
    case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: t = check_compare(c, e, x); break;
    case E_IF: t = check_if(c, e, x); break;
    }
    c->expr_depth--;
    return e->type = t;
}

/* A formula that defines a figure must give a number. */
static void check_formula(Checker *c, Expr *e, FormulaCtx ctx, int node, int group, int ind, const char *what)
{
    if (!e) return;
    ExprCtx x = { ctx, node, -1, group, ind };
    c->depth_reported = c->parts_reported = c->calls_reported = 0;
    c->parts = 0;
    int t = check_expr(c, e, &x);
    const Indicator *in = ind >= 0 ? &c->inds.items[ind] : NULL;
    const Scheme *scale = in && in->scale >= 0 ? &c->schemes.items[in->scale] : NULL;
    /* on a scale, a target (and, on a scale of levels, a realisation) may be a level: "WTP", "BB" */
    int level_ok = scale && (ctx == CTX_TARGET || (ctx == CTX_REALISATION && scale->ordinal));
    if (t == T_STR && level_ok) {
        if (e->kind == E_STRING && !scheme_rank(scale, e->text)) {
            char levels[256];
            scheme_levels_text(scale, levels, sizeof levels);
            diag_error(c->d, e->loc, "'%s' is not a level of %s (its levels, lowest first: %s)", e->text, scale->name, levels);
        }
        return;
    }
    if (t && t != T_NUM)
        diag_error(c->d, e->loc, "%s must be a number, but this formula gives %s", what, type_name(t));
}

void formula_check_all(Checker *c)
{
    for (int i = 0; i < c->consts.len; i++)
        check_formula(c, c->consts.items[i].value, CTX_CONST, -1, -1, -1, "a constant");
    for (int i = 0; i < c->inds.len; i++) {
        Indicator *ind = &c->inds.items[i];
        int base = ind->code_id * 3;
        int g = ind->group.record >= 0 ? i : -1;
        check_formula(c, ind->realisation, CTX_REALISATION, base + NODE_R, g, i, "a realisation");
        check_formula(c, ind->target_expr, CTX_TARGET, base + NODE_T, g, i, "a target");
        check_formula(c, ind->target_hi, CTX_TARGET, base + NODE_T, g, i, "a target");
        check_formula(c, ind->capaian, CTX_CAPAIAN, base + NODE_C, g, i, "capaian");
        check_formula(c, ind->rules.zero_target, CTX_CAPAIAN, base + NODE_C, g, i, "the zero-target rule");
        check_formula(c, ind->rules.zero_realisation, CTX_CAPAIAN, base + NODE_C, g, i, "the zero-realisation rule");
    }
}
