/* formula.c: the checker's second half: formulas. Resolves every name
 * (columns, constants, indicators, functions), types every formula,
 * expands the plan's functions, records the aggregates over record tables,
 * groups and units, rewrites weighted composites, and finds cycles between
 * figures. Declarations are check.c's. */
#include "check/checker.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"
#include "check/scheme.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- names both halves use ------------------------------------------------ */

/* " (did you mean 'IKM'?)", or "" when nothing is close. */
const char *mean(Checker *c, const char *name, const char *const *cands, int n)
{
    const char *s = text_suggest(name, cands, n);
    return s ? arena_printf(c->A, " (did you mean '%s'?)", s) : "";
}

/* Every target source the plan names, rules and formulas alike. */
void note_source(Checker *c, const char *src)
{
    if (strmap_get(&c->source_map, src) >= 0) return;
    strmap_put(&c->source_map, src, c->sources.len);
    VEC_PUSH(c->sources, src);
}

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

typedef struct {
    const char *name;
    int min_args, max_args;   /* max -1: any number */
} BuiltinInfo;

/* ORDER BUILTINS */
static const BuiltinInfo builtins[FN_COUNT_] = {
    { "realisation", 1, 2 }, { "target", 1, 3 }, { "data", 1, 2 }, { "capaian", 1, 2 }, { "to_date", 1, 1 }, { "latest", 1, 1 },
    { "min", 1, -1 }, { "max", 1, -1 }, { "abs", 1, 1 }, { "round", 1, 2 }, { "floor", 1, 1 },
    { "ceil", 1, 1 }, { "sqrt", 1, 1 }, { "available", 1, 1 }, { "coalesce", 1, -1 },
    { "count", 1, 1 }, { "count_distinct", 1, 1 }, { "sum", 1, 1 }, { "avg", 1, 1 },
    { "weighted_sum", 1, -1 }, { "weighted_mean", 1, -1 },
    { "as_percent", 1, 1 }, { "as_fraction", 1, 1 },
};

const char *builtin_name(Builtin b) { return builtins[b].name; }

int builtin_index(const char *name)
{
    for (int i = 0; i < FN_COUNT_; i++)
        if (strcmp(builtins[i].name, name) == 0) return i;
    return -1;
}

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

const char *group_text(Checker *c, const GroupSpec *g)
{
    StrBuf b = {0};
    char name[80];
    const RecordDecl *r = &c->records.items[g->record];
    for (int i = 0; i < g->ncols; i++)
        strbuf_printf(&b, "%s%s.%s", i ? ", " : "", r->name, record_flat_name(r, g->cols[i], name, sizeof name));
    const char *t = arena_strdup(c->A, b.s ? b.s : "");
    strbuf_free(&b);
    return t;
}

int same_group(const GroupSpec *a, const GroupSpec *b)
{
    if (a->record != b->record || a->ncols != b->ncols) return 0;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i] != b->cols[i]) return 0;
    return 1;
}

/* A grouped indicator has one value per group: a formula may name it only
 * where one group is current (a formula of an indicator with the same
 * grouping, or inside sum(X), avg(X), ... over X's groups). */
static int group_ref_ok(Checker *c, ExprCtx *x, int code, Loc loc)
{
    int g = c->code_group ? c->code_group[code] : -1;
    if (g < 0) return 1;
    const GroupSpec *want = &c->inds.items[g].group;
    if (x->group >= 0 && same_group(&c->inds.items[x->group].group, want)) return 1;
    if (x->group >= 0)
        diag_error(c->d, loc, "indicator %s is grouped per %s, but this formula is evaluated per %s",
                   c->codes.items[code], group_text(c, want), group_text(c, &c->inds.items[x->group].group));
    else
        diag_error(c->d, loc, "indicator %s has one value per %s: use it in sum(%s), avg(%s), min(%s), max(%s) or count(%s)",
                   c->codes.items[code], group_text(c, want), c->codes.items[code], c->codes.items[code],
                   c->codes.items[code], c->codes.items[code], c->codes.items[code]);
    return 0;
}

static int check_name(Checker *c, Expr *e, ExprCtx *x)
{
    const char *n = e->text;
    if (x->record >= 0) {
        int t = check_column_name(c, e, x);
        if (t) return t;
        int rec, col;
        ColType type;
        if (strchr(n, '.') && record_ref(c, e, &rec, &col, &type)) {   /* an unknown column was reported */
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
    } else if (strchr(n, '.')) {
        int rec, col;
        ColType type;
        if (record_ref(c, e, &rec, &col, &type)) {
            if (col >= -1)
                diag_error(c->d, e->loc, "%s is a record table column: use it in count, sum, avg, min, max or count_distinct",
                           e->text);
            return 0;
        }
    }
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
        diag_error(c->d, a0->loc, "%s() takes an indicator code first, not a formula", builtins[fn].name);
        return 0;
    }
    int id = strmap_get(&c->code_map, a0->text);
    if (id < 0) {
        diag_error(c->d, a0->loc, "unknown indicator '%s'%s", a0->text,
                   mean(c, a0->text, c->codes.items, c->codes.len));
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
            note_source(c, strcmp(src->text, "end") == 0 ? "renstra" : src->text);
            src->type = T_STR;
        }
    }
    return ok ? (e->type = T_NUM) : 0;
}

/* ---- formulas over record tables ---------------------------------------- */

static const char *column_list_text(Checker *c, const RecordDecl *r)
{
    StrBuf b = {0};
    char name[80];
    for (int i = 0, n = record_flat_count(r); i < n && i < 24; i++)
        strbuf_printf(&b, "%s%s", i ? ", " : "", record_flat_name(r, i, name, sizeof name));
    const char *t = arena_strdup(c->A, b.s ? b.s : "");
    strbuf_free(&b);
    return t;
}

/* "T" or "T.column": the record table (and column) a name stands for.
 * Returns 1 when it names a table, reporting an unknown column; 0 when
 * the part before the dot is not a record table. */
int record_ref(Checker *c, const Expr *e, int *rec, int *col, ColType *type)
{
    if (e->kind != E_NAME) return 0;
    const char *dot = strchr(e->text, '.');
    size_t n = dot ? (size_t)(dot - e->text) : strlen(e->text);
    int r = strmap_getn(&c->record_map, e->text, n);
    if (r < 0) return 0;
    *rec = r;
    *col = -1;
    if (!dot) return 1;
    const RecordDecl *d = &c->records.items[r];
    *col = record_flat_find(d, dot + 1, type);
    if (*col < 0) {
        diag_error(c->d, e->loc, "record table %s has no column '%s' (its columns: %s)", d->name, dot + 1,
                   column_list_text(c, d));
        *col = -2;
    }
    return 1;
}

/* The record table a formula reads rows of: the first name that is a table
 * (count(T)) or a table's column (T.c). -1: none. */
static int record_in_expr(Checker *c, const Expr *e)
{
    if (!e) return -1;
    if (e->kind == E_NAME && strmap_get(&c->const_map, e->text) < 0) {
        int r = strmap_getn(&c->record_map, e->text, strcspn(e->text, "."));
        if (r >= 0) return r;
    }
    int r = record_in_expr(c, e->a);
    if (r < 0) r = record_in_expr(c, e->b);
    if (r < 0) r = record_in_expr(c, e->c);
    for (int i = 0; r < 0 && i < e->nargs; i++) r = record_in_expr(c, e->args[i]);
    return r;
}

/* The first grouped indicator a formula names (bare, or as the first
 * argument of realisation/target/data/latest/capaian): its index, or -1. */
static int group_in_expr(Checker *c, const Expr *e)
{
    if (!e || !c->code_group) return -1;
    if (e->kind == E_NAME && strmap_get(&c->const_map, e->text) < 0) {
        int id = strmap_get(&c->code_map, e->text);
        if (id >= 0 && c->code_group[id] >= 0) return c->code_group[id];
    }
    int g = group_in_expr(c, e->a);
    if (g < 0) g = group_in_expr(c, e->b);
    if (g < 0) g = group_in_expr(c, e->c);
    for (int i = 0; g < 0 && i < e->nargs; i++) g = group_in_expr(c, e->args[i]);
    return g;
}

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
    const char *fname = builtins[fn].name;
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
    const char *fname = builtins[fn].name;
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
    const char *fname = builtins[fn].name;
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

/* An indicator whose formula uses a rolled-up figure of its own unit is
 * evaluated after the units below as well. */
static int refs_rollup(const Checker *c, const Expr *e, const int *code_rollup)
{
    if (!e || e->res == RES_UNIT_AGG) return 0;
    if (e->kind == E_NAME && e->res == RES_IND && code_rollup[e->res_id]) return 1;
    if (e->kind == E_CALL && e->res == RES_CALL && e->res_id <= FN_LATEST && e->nargs && code_rollup[e->args[0]->res_id]) return 1;
    if (refs_rollup(c, e->a, code_rollup) || refs_rollup(c, e->b, code_rollup) || refs_rollup(c, e->c, code_rollup)) return 1;
    for (int i = 0; i < e->nargs; i++)
        if (refs_rollup(c, e->args[i], code_rollup)) return 1;
    if (e->res == RES_GROUP_AGG) return refs_rollup(c, c->gaggs.items[e->res_id].value, code_rollup);
    return 0;
}

void propagate_rollups(Checker *c)
{
    if (!c->uaggs.len) return;
    int *code_rollup = mem_xarray(c->codes.len, sizeof *code_rollup);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < c->inds.len; i++)
            if (c->inds.items[i].rollup) code_rollup[c->inds.items[i].code_id] = 1;
        for (int i = 0; i < c->inds.len; i++) {
            Indicator *ind = &c->inds.items[i];
            if (ind->rollup) continue;
            const Expr *fs[] = { ind->realisation, ind->target_expr, ind->target_hi, ind->capaian,
                                 ind->rules.zero_target, ind->rules.zero_realisation };
            for (int k = 0; k < 6 && !ind->rollup; k++)
                if (refs_rollup(c, fs[k], code_rollup)) ind->rollup = changed = 1;
        }
    }
    free(code_rollup);
}

/* ---- functions ------------------------------------------------------------ */

static Expr *clone_expr(Checker *c, const Expr *e, const Func *f, Expr **args, Loc call);
static Expr *new_node(Checker *c, ExprKind k, Expr *a, Expr *b, Loc loc);

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
static Expr *clone_expr(Checker *c, const Expr *e, const Func *f, Expr **args, Loc call)
{
    if (!e) return NULL;
    if (!written_out(c, call)) {                  /* reported: a stand-in, never evaluated */
        Expr *zero = new_node(c, E_NUMBER, NULL, NULL, call);
        zero->text = "0";
        return zero;
    }
    if (e->kind == E_NAME && f) {
        size_t n = strcspn(e->text, ".");
        for (int i = 0; i < f->nparams; i++) {
            if (strlen(f->params[i]) != n || strncmp(f->params[i], e->text, n) != 0) continue;
            if (!e->text[n]) return clone_expr(c, args[i], NULL, NULL, call);
            if (args[i]->kind != E_NAME) {
                diag_error(c->d, e->loc, "'%s' needs parameter %s to be a name (a record table), but the call at line %d passes a formula",
                           e->text, f->params[i], call.line);
                return clone_expr(c, args[i], NULL, NULL, call);
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
    x->a = clone_expr(c, e->a, f, args, call);
    x->b = clone_expr(c, e->b, f, args, call);
    x->c = clone_expr(c, e->c, f, args, call);
    x->where = clone_expr(c, e->where, f, args, call);
    if (e->nargs) {
        x->args = arena_alloc(c->A, (size_t)e->nargs * sizeof *x->args);
        for (int i = 0; i < e->nargs; i++) x->args[i] = clone_expr(c, e->args[i], f, args, call);
    }
    return x;
}

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
    Expr *body = clone_expr(c, f->body, f, e->args, call);
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

void codes_in_expr(const Expr *e, int *codes, int *n, int max)
{
    codes_walk(NULL, e, codes, n, max);
}

void formula_uses(const Plan *p, const Expr *e, int *codes, int *n, int max)
{
    codes_walk(p, e, codes, n, max);
}

static Expr *new_node(Checker *c, ExprKind k, Expr *a, Expr *b, Loc loc)
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

static Expr *weight_node(Checker *c, int code, Loc loc)
{
    Expr *w = new_node(c, E_NAME, NULL, NULL, loc);
    w->text = c->codes.items[code];
    w->res = RES_WEIGHT;
    w->res_id = code;
    return w;
}

/* terms[0] + terms[1] + ... added left to right, in runs of at most 16:
 * the sum of a long argument list stays a shallow tree (16 levels per
 * factor of 16 terms), and one of up to 16 terms is the plain chain. */
static Expr *fold_sum(Checker *c, Expr **terms, int n, Loc loc)
{
    enum { RUN = 16 };
    if (n <= RUN) {
        Expr *sum = terms[0];
        for (int i = 1; i < n; i++) sum = new_node(c, E_ADD, sum, terms[i], loc);
        return sum;
    }
    int size = (n + RUN - 1) / RUN;
    Expr *sum = NULL;
    for (int at = 0; at < n; at += size) {
        Expr *run = fold_sum(c, terms + at, n - at < size ? n - at : size, loc);
        sum = sum ? new_node(c, E_ADD, sum, run, loc) : run;
    }
    return sum;
}

/* weighted_sum(a, b, ...) = a x w(A) + b x w(B) + ..., weighted_mean(...) =
 * that / (w(A) + w(B) + ...), where w(X) is the `weight` of the one
 * indicator X each argument names, in the unit evaluated. Rewritten here
 * into plain arithmetic, so a missing argument makes the result missing. */
static int check_weighted(Checker *c, Expr *e, ExprCtx *x, int fn)
{
    const char *fname = builtins[fn].name;
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
        codes_in_expr(a, codes, &n, 2);
        if (n != 1) {
            diag_error(c->d, a->loc, "%s() weighs each argument by the weight of the indicator it names; this one names %s",
                       fname, n ? "more than one" : "none");
            ok = 0;
            continue;
        }
        terms[i] = new_node(c, E_MUL, a, weight_node(c, codes[0], a->loc), a->loc);
        weights[i] = weight_node(c, codes[0], a->loc);
    }
    if (!ok) return 0;
    Expr *sum = fold_sum(c, terms, e->nargs, e->loc);
    Expr *result = fn == FN_WEIGHTED_MEAN ? new_node(c, E_DIV, sum, fold_sum(c, weights, e->nargs, e->loc), e->loc) : sum;
    Loc at = e->loc;
    *e = *result;
    e->loc = at;
    return e->type = T_NUM;
}

static int check_call(Checker *c, Expr *e, ExprCtx *x)
{
    int fn = -1;
    for (int i = 0; i < FN_COUNT_; i++)
        if (strcmp(builtins[i].name, e->text) == 0) fn = i;
    if (fn < 0 && strcmp(e->text, "realisasi") == 0) fn = FN_REALISATION;
    if (fn < 0) {
        int fi = strmap_get(&c->func_map, e->text);
        if (fi >= 0 && c->funcs.items[fi].lua_file) return check_lua_call(c, e, x, fi);
        if (fi >= 0) return expand_call(c, e, x, fi);
        const char **names = arena_alloc(c->A, (size_t)(FN_COUNT_ + c->funcs.len) * sizeof *names);
        for (int i = 0; i < FN_COUNT_; i++) names[i] = builtins[i].name;
        for (int i = 0; i < c->funcs.len; i++) names[FN_COUNT_ + i] = c->funcs.items[i].name;
        diag_error(c->d, e->loc, "unknown function '%s'%s", e->text, mean(c, e->text, names, FN_COUNT_ + c->funcs.len));
        return 0;
    }
    const BuiltinInfo *b = &builtins[fn];
    if (e->nargs < b->min_args || (b->max_args >= 0 && e->nargs > b->max_args)) {
        if (b->max_args < 0)
            diag_error(c->d, e->loc, "%s() takes at least %d argument%s, found %d", b->name, b->min_args, b->min_args == 1 ? "" : "s", e->nargs);
        else if (b->min_args == b->max_args)
            diag_error(c->d, e->loc, "%s() takes %d argument%s, found %d", b->name, b->min_args, b->min_args == 1 ? "" : "s", e->nargs);
        else
            diag_error(c->d, e->loc, "%s() takes %d to %d arguments, found %d", b->name, b->min_args, b->max_args, e->nargs);
        return 0;
    }
    if (e->over) return check_unit_call(c, e, x, fn);
    if (is_aggregate_fn(fn) || ((fn == FN_MIN || fn == FN_MAX) && e->nargs == 1)) {
        int rec = record_in_expr(c, e->args[0]);
        if (rec >= 0) return check_record_call(c, e, x, fn, rec);
        int g = x->group < 0 && x->record < 0 ? group_in_expr(c, e->args[0]) : -1;
        if (g >= 0) return check_group_call(c, e, x, fn, g);
        if (is_aggregate_fn(fn)) {
            Expr *a0 = e->args[0];
            const char **names = arena_alloc(c->A, (size_t)(c->records.len + 1) * sizeof *names);
            for (int i = 0; i < c->records.len; i++) names[i] = c->records.items[i].name;
            const char *prefix = a0->kind == E_NAME ? arena_strndup(c->A, a0->text, strcspn(a0->text, ".")) : "";
            diag_error(c->d, a0->loc, "%s() takes %s, or an indicator with one value per group (per T.column)%s",
                       b->name, fn == FN_COUNT ? "a record table (count(T)) or a formula over its rows"
                                               : "a column of a record table (T.column) or a formula over its rows",
                       a0->kind == E_NAME ? mean(c, prefix, names, c->records.len) : "");
            return 0;
        }
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
    if (fn <= FN_LATEST) {
        if (x->record >= 0) {
            diag_error(c->d, e->loc, "a 'where' filter can use the table's columns, constants and year, not %s()", builtins[fn].name);
            return 0;
        }
        return check_ref_call(c, e, x, (Builtin)fn);
    }
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

static int expect_type(Checker *c, Expr *e, int got, int want, const char *op)
{
    if (!got) return 0;
    if (got != want) {
        diag_error(c->d, e->loc, "'%s' needs %s, found %s", op, type_name(want), type_name(got));
        return 0;
    }
    return 1;
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
    int t = 0, ta, tb;
    switch (e->kind) {
    case E_NUMBER: t = T_NUM; break;
    case E_STRING: t = T_STR; break;
    case E_NAME: t = check_name(c, e, x); break;
    case E_CALL: t = check_call(c, e, x); break;
    case E_IN: t = check_in(c, e, x); break;
    case E_NEG:
        ta = check_expr(c, e->a, x);
        t = expect_type(c, e->a, ta, T_NUM, "-") ? T_NUM : 0;
        break;
    case E_NOT:
        ta = check_expr(c, e->a, x);
        t = expect_type(c, e->a, ta, T_BOOL, "not") ? T_BOOL : 0;
        break;
    case E_ADD: case E_SUB: case E_MUL: case E_DIV: case E_POW:
        ta = check_expr(c, e->a, x);
        tb = check_expr(c, e->b, x);
        if (expect_type(c, e->a, ta, T_NUM, ast_op_text(e->kind)) &
            expect_type(c, e->b, tb, T_NUM, ast_op_text(e->kind)))
            t = T_NUM;
        break;
    case E_AND: case E_OR:
        ta = check_expr(c, e->a, x);
        tb = check_expr(c, e->b, x);
        if (expect_type(c, e->a, ta, T_BOOL, ast_op_text(e->kind)) &
            expect_type(c, e->b, tb, T_BOOL, ast_op_text(e->kind)))
            t = T_BOOL;
        break;
    case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
        ta = check_expr(c, e->a, x);
        tb = check_expr(c, e->b, x);
        if (ta && tb && ta != tb)
            diag_error(c->d, e->loc, "cannot compare %s with %s", type_name(ta), type_name(tb));
        else if (ta && tb && ta == T_BOOL && e->kind != E_EQ && e->kind != E_NE)
            diag_error(c->d, e->loc, "'%s' needs numbers, found true/false", ast_op_text(e->kind));
        else if (ta && tb)
            t = T_BOOL;
        break;
    case E_IF:
        ta = check_expr(c, e->a, x);
        tb = check_expr(c, e->b, x);
        {
            int tc = check_expr(c, e->c, x);
            int cond_ok = !ta || ta == T_BOOL;
            if (!cond_ok)
                diag_error(c->d, e->a->loc, "the condition of 'if' must be true/false, found %s", type_name(ta));
            if (tb && tc && tb != tc)
                diag_error(c->d, e->c->loc, "'then' gives %s but 'else' gives %s", type_name(tb), type_name(tc));
            else if (ta && cond_ok && tb && tc)
                t = tb;
        }
        break;
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

void check_formulas(Checker *c)
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

/* ---- constants and sizes ------------------------------------------------- */

/* Constants may use constants, and compile.c writes each one out in place
 * (every year's variant) wherever it is named. The graph: a node per
 * constant as declared (each variant) and one per name; a variant points at
 * the names its formula uses, a name at its variants. A variant in a strong
 * component of more than one node reaches itself: it is reported. When
 * there is none, each constant is measured as written out: its parts and
 * its depth, bounded like a formula's. */
typedef struct {
    int *first, *edges;    /* edges of node v: edges[first[v] .. first[v+1]) */
} ConstGraph;

typedef VEC(int) IntVec;

static void const_refs(const Expr *e, IntVec *out)
{
    if (!e) return;
    if (e->kind == E_NAME && e->res == RES_CONST) VEC_PUSH(*out, e->res_id);
    const_refs(e->a, out);
    const_refs(e->b, out);
    const_refs(e->c, out);
    const_refs(e->where, out);
    for (int i = 0; i < e->nargs; i++) const_refs(e->args[i], out);
}

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

/* Tarjan's strong components, without recursion (a plan may chain many
 * constants). Calls done(v) for every node, each after the nodes it
 * reaches outside its component; marks comp_size. */
static void strong_components(const ConstGraph *g, int nn, int *comp_size, int *order)
{
    int *index = mem_xmalloc((size_t)nn * sizeof *index), *low = mem_xmalloc((size_t)nn * sizeof *low);
    int *on = mem_xcalloc((size_t)nn, sizeof *on), *stack = mem_xmalloc((size_t)nn * sizeof *stack);
    int *call = mem_xmalloc((size_t)nn * sizeof *call), *next = mem_xmalloc((size_t)nn * sizeof *next);
    int counter = 0, sp = 0, norder = 0;
    for (int v = 0; v < nn; v++) index[v] = -1;
    for (int root = 0; root < nn; root++) {
        if (index[root] >= 0) continue;
        int cp = 0;
        call[cp++] = root;
        index[root] = low[root] = counter++;
        next[root] = g->first[root];
        stack[sp++] = root;
        on[root] = 1;
        while (cp > 0) {
            int v = call[cp - 1];
            if (next[v] < g->first[v + 1]) {
                int w = g->edges[next[v]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    next[w] = g->first[w];
                    stack[sp++] = w;
                    on[w] = 1;
                    call[cp++] = w;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            cp--;
            if (cp > 0 && low[v] < low[call[cp - 1]]) low[call[cp - 1]] = low[v];
            if (low[v] != index[v]) continue;
            int from = sp;
            do from--; while (stack[from] != v);
            for (int k = from; k < sp; k++) {
                on[stack[k]] = 0;
                comp_size[stack[k]] = sp - from;
                order[norder++] = stack[k];
            }
            sp = from;
        }
    }
    free(index);
    free(low);
    free(on);
    free(stack);
    free(call);
    free(next);
}

/* The graph of the constants (above), and its nodes in an order where
 * each comes after the nodes it reaches outside its component. */
static void const_graph(Checker *c, ConstGraph *g, IntVec *edges, int *comp, int *order)
{
    int n = c->consts.len;
    g->first = mem_xmalloc((size_t)(2 * n + 1) * sizeof *g->first);
    for (int i = 0; i < n; i++) {
        g->first[i] = edges->len;
        const_refs(c->consts.items[i].value, edges);
        for (int k = g->first[i]; k < edges->len; k++) edges->items[k] += n;   /* to the name node */
    }
    for (int h = 0; h < n; h++) {
        g->first[n + h] = edges->len;
        if (strmap_get(&c->const_map, c->consts.items[h].name) != h) continue;   /* not a head */
        for (int v = h; v >= 0; v = c->consts.items[v].next) VEC_PUSH(*edges, v);
    }
    g->first[2 * n] = edges->len;
    g->edges = edges->items;
    strong_components(g, 2 * n, comp, order);
}

void check_constants(Checker *c)
{
    int n = c->consts.len;
    if (!n) return;
    ConstGraph g;
    IntVec edges = {0};
    int *comp = mem_xmalloc((size_t)(2 * n) * sizeof *comp), *order = mem_xmalloc((size_t)(2 * n) * sizeof *order);
    const_graph(c, &g, &edges, comp, order);
    for (int i = 0; i < n; i++)
        if (comp[i] > 1)
            diag_error(c->d, c->consts.items[i].loc, "constant %s is defined in terms of itself", c->consts.items[i].name);
    free(comp);
    free(order);
    free(g.first);
    VEC_FREE(edges);
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
    const_graph(c, g, &edges, comp, order);
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
void check_sizes(Checker *c)
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

/* ---- cycles -------------------------------------------------------------- */

static const char *node_text(Checker *c, int node)
{
    static const char *const kinds[] = { "realisation", "target", "capaian" };
    return arena_printf(c->A, "%s %s", c->codes.items[node / 3], kinds[node % 3]);
}

/* Depth-first search over figure dependencies; a back edge closes a cycle,
 * which is printed in full: "A realisation -> B realisation -> A realisation". */
void find_cycles(Checker *c)
{
    int nn = c->codes.len * 3;
    if (!nn) return;
    /* capaian is made of the realisation and the target (capaian(X) in X's own formulas) */
    for (int i = 0; i < c->inds.len; i++) {
        const Indicator *ind = &c->inds.items[i];
        int base = ind->code_id * 3;
        Edge r = { base + NODE_C, base + NODE_R, ind->loc }, t = { base + NODE_C, base + NODE_T, ind->loc };
        VEC_PUSH(c->edges, r);
        VEC_PUSH(c->edges, t);
    }
    int *state = mem_xcalloc((size_t)nn, sizeof *state);   /* 0 new, 1 on stack, 2 done */
    int *stack = mem_xmalloc((size_t)nn * sizeof *stack);
    int *edge_at = mem_xmalloc((size_t)nn * sizeof *edge_at);
    for (int start = 0; start < nn; start++) {
        if (state[start]) continue;
        int sp = 0;
        stack[sp] = start;
        edge_at[sp] = 0;
        state[start] = 1;
        while (sp >= 0) {
            int n = stack[sp], found = 0;
            for (int e = edge_at[sp]; e < c->edges.len; e++) {
                const Edge *ed = &c->edges.items[e];
                if (ed->from_node != n) continue;
                edge_at[sp] = e + 1;
                if (state[ed->to_node] == 1) {
                    StrBuf b = {0};
                    int k = 0;
                    while (stack[k] != ed->to_node) k++;
                    for (; k <= sp; k++) strbuf_printf(&b, "%s -> ", node_text(c, stack[k]));
                    strbuf_puts(&b, node_text(c, ed->to_node));
                    diag_error(c->d, ed->loc, "cycle in formulas: %s", b.s);
                    strbuf_free(&b);
                    continue;
                }
                if (state[ed->to_node] == 0) {
                    state[ed->to_node] = 1;
                    stack[++sp] = ed->to_node;
                    edge_at[sp] = 0;
                    found = 1;
                    break;
                }
            }
            if (!found) {
                state[n] = 2;
                sp--;
            }
        }
    }
    free(state);
    free(stack);
    free(edge_at);
}
