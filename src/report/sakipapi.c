/* sakipapi.c: the `sakip` table a report template reads (sakipapi.h).
 *
 *   sakip.plan()            the plan: title, path, years evaluated, Renstra period
 *   sakip.results()         every row, as read-only `sakip.result` userdata
 *   sakip.units()           the units: code, parent, name, level
 *   sakip.indicators()      the plan's indicator definitions, with the parts of composites
 *   sakip.periods(U, I [, Y])  a figure's data period by period (quarters, semesters)
 *   sakip.records(T)        the rows of record table T (copies)
 *   sakip.explain(U, I, Y)  the derivation of a figure, as `sakipc explain` prints it
 *   sakip.evaluate(U, I [, Y [, CHANGES]])  one figure recomputed by the plan, with what-if changes
 *   sakip.budget()          the budget lines (nil without a budget block)
 *   sakip.write(...)        appends to the output
 *   sakip.workbook()        an Excel workbook as the output (--out FILE.xlsx, xlsx.c)
 *
 * and the functions shared with eval hooks (luaapi.c): grade, format,
 * format_id, csv, json. */
#include "report/sakipapi.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/num.h"
#include "base/period.h"
#include "check/expr.h"
#include "engine/eval.h"
#include "engine/scenario.h"
#include "report/guard.h"
#include "report/luaapi.h"
#include "report/results.h"
#include "report/xlsx.h"
#include "tools/explain.h"
#include "report/stored.h"

static int api_plan(lua_State *L)
{
    Report *r = report_of(L);
    const Plan *p = r->cp->plan;
    lua_createtable(L, 0, 6);
    push_opt_string(L, p->title);
    lua_setfield(L, -2, "title");
    lua_pushstring(L, p->path);
    lua_setfield(L, -2, "path");
    lua_pushinteger(L, r->opt->year_from);
    lua_setfield(L, -2, "year_from");
    lua_pushinteger(L, r->opt->year_to);
    lua_setfield(L, -2, "year_to");
    if (r->opt->has_as_of) {            /* --as-of: the period the figures are to ("2023-Q4") */
        char as_of[16];
        period_format(as_of, sizeof as_of, r->opt->as_of);
        lua_pushstring(L, as_of);
        lua_setfield(L, -2, "as_of");
    }
    if (p->budget.declared) {           /* the rule behind serapan, capaian and efisiensi */
        char rnd[96];
        num_rounding_text(p->budget.round, rnd, sizeof rnd);
        lua_pushstring(L, rnd);
        lua_setfield(L, -2, "budget_round");
        lua_pushstring(L, p->budget.revised ? "revised" : "original");
        lua_setfield(L, -2, "budget_pagu");
    }
    if (p->renstra_from) {
        lua_pushinteger(L, p->renstra_from);
        lua_setfield(L, -2, "renstra_from");
        lua_pushinteger(L, p->renstra_to);
        lua_setfield(L, -2, "renstra_to");
    }
    return 1;
}

static int api_results(lua_State *L)
{
    Report *r = report_of(L);
    lua_createtable(L, r->rows.len, 0);
    for (int i = 0; i < r->rows.len; i++) {
        results_push(L, &r->rows.items[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* sakip.indicators(): the plan's indicator definitions. */
static void push_codes(lua_State *L, const Plan *p, const int *codes, int n)
{
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, p->codes[codes[i]]);
        lua_rawseti(L, -2, i + 1);
    }
}

/* The codes whose weights a formula multiplies by: the parts of a
 * weighted_sum / weighted_mean, which the checker rewrote into arithmetic. */
static void weighted_codes(const Expr *e, int *codes, int *n, int max)
{
    if (!e) return;
    if (e->res == RES_WEIGHT) {
        int seen = 0;
        for (int i = 0; i < *n; i++) seen |= codes[i] == e->res_id;
        if (!seen && *n < max) codes[(*n)++] = e->res_id;
    }
    weighted_codes(e->a, codes, n, max);
    weighted_codes(e->b, codes, n, max);
    weighted_codes(e->c, codes, n, max);
    for (int i = 0; i < e->nargs; i++) weighted_codes(e->args[i], codes, n, max);
}

/* A formula made from the units below: sum(X over children), ... (not a
 * formula that merely uses such a figure, which Indicator.rollup also marks
 * to order the evaluation). */
static int unit_agg_in(const Expr *e)
{
    if (!e) return 0;
    if (e->res == RES_UNIT_AGG) return 1;
    if (unit_agg_in(e->a) || unit_agg_in(e->b) || unit_agg_in(e->c) || unit_agg_in(e->where)) return 1;
    for (int i = 0; i < e->nargs; i++) if (unit_agg_in(e->args[i])) return 1;
    return 0;
}

static void push_units_of(lua_State *L, const UnitSel *u)
{
    static const char *const kinds[] = { "list", "all", "level", "under", "leaves", "roots" };
    lua_createtable(L, 0, 2);
    lua_pushstring(L, kinds[u->kind]);
    lua_setfield(L, -2, "kind");
    lua_createtable(L, u->ncodes, 0);
    for (int i = 0; i < u->ncodes; i++) {
        lua_pushstring(L, u->codes[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "codes");
}

/* sakip.indicators(): the plan's indicator definitions, with what their
 * formulas are made of: `uses` (every indicator named), `parts` (those a
 * weighted_sum / weighted_mean weighs: a composite), `rollup` (made from
 * the units below). */
static int api_indicators(lua_State *L)
{
    const Plan *p = report_of(L)->cp->plan;
    lua_createtable(L, p->ninds, 0);
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        lua_createtable(L, 0, 16);
        lua_pushstring(L, ind->code); lua_setfield(L, -2, "code");
        lua_pushstring(L, ind->name); lua_setfield(L, -2, "name");
        push_opt_string(L, ind->measure); lua_setfield(L, -2, "measure");
        push_opt_string(L, ind->tujuan); lua_setfield(L, -2, "tujuan");
        push_opt_string(L, ind->sasaran); lua_setfield(L, -2, "sasaran");
        if (ind->rules.polarity == POL_RANGE)       /* "range B": the formula above the range too */
            lua_pushfstring(L, "range %s", plan_polarity_name(ind->rules.range_above) + strlen("lower "));
        else
            lua_pushstring(L, plan_polarity_name(ind->rules.polarity));
        lua_setfield(L, -2, "polarity");
        lua_pushstring(L, plan_aggregate_name(ind->rules.agg)); lua_setfield(L, -2, "aggregate");
        lua_pushnumber(L, ind->weight); lua_setfield(L, -2, "weight");
        lua_pushboolean(L, ind->group.record >= 0); lua_setfield(L, -2, "grouped");
        lua_pushboolean(L, ind->realisation != NULL); lua_setfield(L, -2, "formula");
        push_units_of(L, &ind->units); lua_setfield(L, -2, "units");
        int codes[64], n = 0;
        expr_uses(p, ind->realisation, codes, &n, 64);
        expr_uses(p, ind->target_expr, codes, &n, 64);
        push_codes(L, p, codes, n); lua_setfield(L, -2, "uses");
        n = 0;
        weighted_codes(ind->realisation, codes, &n, 64);
        push_codes(L, p, codes, n); lua_setfield(L, -2, "parts");
        lua_pushboolean(L, n > 0); lua_setfield(L, -2, "composite");
        lua_pushboolean(L, unit_agg_in(ind->realisation) || unit_agg_in(ind->target_expr));
        lua_setfield(L, -2, "rollup");
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* sakip.units(): the units table of the database, in code order:
 * code, parent (nil at the top), name, level. */
static int api_units(lua_State *L)
{
    Report *r = report_of(L);
    sqlite3_stmt *st = guard_stmt_open(L, r->store, "SELECT code, parent, name, level FROM units ORDER BY code");
    if (!st) return luaL_error(L, "cannot read the units: %s", sqlite3_errmsg(r->store->db));
    int guard = lua_gettop(L);
    lua_newtable(L);
    int n = 0;
    while (store_step(r->store, st) == SQLITE_ROW) {
        lua_createtable(L, 0, 4);
        static const char *const names[] = { "code", "parent", "name", "level" };
        for (int c = 0; c < 4; c++) {
            push_opt_string(L, (const char *)sqlite3_column_text(st, c));
            lua_setfield(L, -2, names[c]);
        }
        lua_rawseti(L, -2, ++n);
    }
    guard_stmt_close(L, guard);
    return 1;
}

/* A lookup the plan cannot answer is the template's mistake: an error. One
 * the data cannot answer (a unit, a year without figures) is nil and why. */
static void check_code(lua_State *L, const Plan *p, const char *code)
{
    for (int i = 0; i < p->ncodes; i++)
        if (!strcmp(p->codes[i], code)) return;
    luaL_error(L, "the plan has no indicator '%s'", code);
}

/* 1 when the database has the unit, 0 when not, -1 when it cannot say. */
static int unit_known(lua_State *L, Report *r, const char *unit)
{
    sqlite3_stmt *st = guard_stmt_open(L, r->store, "SELECT 1 FROM units WHERE code = ?1");
    if (!st) return -1;
    sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
    int rc = store_step(r->store, st);
    guard_stmt_close(L, lua_gettop(L));
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Periods in the order they end; of those that end together, the shorter
 * first: 2024-02, 2024-Q1, 2024-S1, 2024-11, 2024-12, 2024-Q4, 2024-S2, 2024. */
typedef struct { int end, span, at; } PeriodKey;

static int period_key_cmp(const void *a, const void *b)
{
    const PeriodKey *x = a, *y = b;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    if (x->span != y->span) return x->span < y->span ? -1 : 1;
    return x->at - y->at;
}

/* Reorders the list on top of the stack (entries with a `period` field).
 * The keys live in a userdata: a Lua error here frees them too. */
static void sort_periods(lua_State *L, int n)
{
    int list = lua_gettop(L);
    PeriodKey *keys = lua_newuserdatauv(L, sizeof *keys * (size_t)(n ? n : 1), 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        lua_getfield(L, -1, "period");
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        Period per;
        int ok = text && period_parse(text, len, &per) == 0;
        keys[i].end = ok ? period_end(per) : INT32_MAX;      /* the store holds only valid periods */
        keys[i].span = ok ? period_last_month(per) - period_first_month(per) : 0;
        keys[i].at = i + 1;
        lua_pop(L, 2);
    }
    qsort(keys, (size_t)n, sizeof *keys, period_key_cmp);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, keys[i].at);
        lua_rawseti(L, -2, i + 1);
    }
    lua_replace(L, list);
    lua_pop(L, 1);                           /* the keys */
}

/* One stored row into the list on top of the stack: the entry of its
 * period (a new one when the period changes; rows come by period), its
 * realisation or its source's target, and where it came from (file:line). */
static void add_period_row(lua_State *L, sqlite3_stmt *st, int *n)
{
    const char *period = (const char *)sqlite3_column_text(st, 0);
    int same = 0;
    if (*n) {
        lua_rawgeti(L, -1, *n);
        lua_getfield(L, -1, "period");
        same = !strcmp(lua_tostring(L, -1), period);
        lua_pop(L, 1);
        if (!same) lua_pop(L, 1);
    }
    if (!same) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, period);
        lua_setfield(L, -2, "period");
        lua_newtable(L);
        lua_setfield(L, -2, "targets");
        lua_newtable(L);
        lua_setfield(L, -2, "from");
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, ++*n);
    }
    const char *source = (const char *)sqlite3_column_text(st, 2);
    const char *file = (const char *)sqlite3_column_text(st, 3);
    char where[512];
    snprintf(where, sizeof where, "%s:%d", file ? file : "?", sqlite3_column_int(st, 4));
    lua_getfield(L, -1, "from");
    lua_pushstring(L, where);
    lua_setfield(L, -2, source ? source : "realisation");
    lua_pop(L, 1);
    lua_pushnumber(L, sqlite3_column_double(st, 1));
    if (source) {
        lua_getfield(L, -2, "targets");
        lua_insert(L, -2);
        lua_setfield(L, -2, source);
        lua_pop(L, 1);
    } else {
        lua_setfield(L, -2, "realisation");
    }
    lua_pop(L, 1);
}

/* sakip.periods(UNIT, INDICATOR [, YEAR]): the figure's data period by
 * period, as the database holds it, in period order: period, realisation
 * and target per source (both nil where the data has none), and where each
 * came from (file:line). Within a year only when YEAR is given. */
static int api_periods(lua_State *L)
{
    Report *r = report_of(L);
    const char *unit = luaL_checkstring(L, 1), *ind = luaL_checkstring(L, 2);
    lua_Integer year = luaL_optinteger(L, 3, 0);
    check_code(L, r->cp->plan, ind);
    int known = unit_known(L, r, unit);
    if (known <= 0) {
        lua_pushnil(L);
        if (known < 0) lua_pushfstring(L, "cannot read the units: %s", sqlite3_errmsg(r->store->db));
        else lua_pushfstring(L, "unit '%s' is not in the database's units table", unit);
        return 2;
    }
    static const char sql[] =
        "SELECT period, value, NULL, " STORE_SRC_PATH ", src_line FROM realisasi WHERE unit = ?1 AND indicator = ?2"
        " AND (?3 = 0 OR period = ?3 OR period LIKE ?3 || '-%')"
        " UNION ALL SELECT period, value, source, " STORE_SRC_PATH ", src_line FROM period_targets WHERE unit = ?1"
        " AND indicator = ?2 AND (?3 = 0 OR period LIKE ?3 || '-%')"
        " ORDER BY 1, 3";
    sqlite3_stmt *st = guard_stmt_open(L, r->store, sql);
    if (!st) return luaL_error(L, "cannot read the periods: %s", sqlite3_errmsg(r->store->db));
    int guard = lua_gettop(L);
    sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, year);
    lua_newtable(L);
    int n = 0;
    while (store_step(r->store, st) == SQLITE_ROW) add_period_row(L, st, &n);
    guard_stmt_close(L, guard);
    sort_periods(L, n);
    return 1;
}

/* sakip.records(NAME): the rows of a record table the plan declares, as
 * tables of their columns (an empty field is absent); nil when the table
 * was never imported. Copies: nothing a template does reaches the store. */
static int api_records(lua_State *L)
{
    Report *r = report_of(L);
    const char *name = luaL_checkstring(L, 1);
    const Plan *p = r->cp->plan;
    const RecordDecl *rd = NULL;
    for (int i = 0; i < p->nrecords; i++) if (!strcmp(p->records[i].name, name)) rd = &p->records[i];
    if (!rd) return luaL_error(L, "the plan declares no record table '%s'", name);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT * FROM \"rec_%s\" ORDER BY rowid", name);
    sqlite3_stmt *st = guard_stmt_open(L, r->store, sql);
    if (!st) { lua_pushnil(L); return 1; }      /* the table was never imported */
    int guard = lua_gettop(L);
    lua_newtable(L);
    int n = 0, cols = sqlite3_column_count(st);
    while (store_step(r->store, st) == SQLITE_ROW) {
        lua_createtable(L, 0, cols);
        for (int c = 0; c < cols; c++) {
            const char *col = sqlite3_column_name(st, c);
            if (!strcmp(col, "src_file") || !strcmp(col, "src_line")) continue;
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_NULL: continue;
            case SQLITE_INTEGER: lua_pushinteger(L, sqlite3_column_int64(st, c)); break;
            case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_column_double(st, c)); break;
            default: lua_pushstring(L, (const char *)sqlite3_column_text(st, c)); break;
            }
            lua_setfield(L, -2, col);
        }
        lua_rawseti(L, -2, ++n);
    }
    guard_stmt_close(L, guard);
    return 1;
}

/* sakip.explain(UNIT, INDICATOR [, YEAR [, GROUP]]): the derivation of a
 * figure as `sakipc explain` prints it; nil and the reason when there is
 * no such figure. */
static int api_explain(lua_State *L)
{
    Report *r = report_of(L);
    ExplainQuery q = { luaL_checkstring(L, 1), luaL_checkstring(L, 2), luaL_optstring(L, 4, NULL) };
    check_code(L, r->cp->plan, q.indicator);
    EvalOptions o = *r->opt;
    o.year_from = o.year_to = (int)luaL_optinteger(L, 3, r->opt->year_to);
    o.progress = 0;
    char **text = guard_owned_new(L), **err = guard_owned_new(L);   /* freed however this ends */
    size_t n = 0, en = 0;
    FILE *f = open_memstream(text, &n), *ef = open_memstream(err, &en);
    if (!f || !ef) {
        if (f) fclose(f);
        if (ef) fclose(ef);
        return luaL_error(L, "out of memory");
    }
    Diag quiet;
    diag_init(&quiet, ef);
    int rc = explain_run(r->cp, r->store, &o, &q, SKP_TABLE, f, &quiet);
    fclose(f);
    fclose(ef);
    if (rc) {
        const char *why = *err && en ? *err : "no such figure";
        if (!strncmp(why, "sakipc: error: ", 15)) why += 15;
        lua_pushnil(L);
        lua_pushlstring(L, why, strcspn(why, "\n"));
    } else {
        lua_pushlstring(L, *text, n);
        lua_pushnil(L);
    }
    return 2;
}

/* sakip.evaluate(UNIT, INDICATOR [, YEAR [, {CHANGE, ...}]]): the plan's
 * formulas run again for one figure, with what-if changes in the --set
 * form ("IKM.target=86"); the row as a read-only result, or nil and why. */
typedef struct { const char *unit; int code, year; Report *r; int found; Kept kept; } Asked;

static int asked_sink(const ResultRow *row, void *ctx)
{
    Asked *a = ctx;
    if (a->found || row->group || row->year != a->year || row->ind->code_id != a->code || strcmp(row->unit, a->unit)) return 0;
    a->found = 1;
    a->kept = results_keep(a->r, row);
    return 0;
}

/* The list of changes at stack index idx ({"IKM.target=86", ...}, or
 * none): at most 64, their strings kept alive by the table. */
static int changes_arg(lua_State *L, int idx, const char *sets[64])
{
    int nsets = 0;
    if (lua_isnoneornil(L, idx)) return 0;
    luaL_checktype(L, idx, LUA_TTABLE);
    for (lua_Integer i = 1;; i++) {
        if (lua_rawgeti(L, idx, i) == LUA_TNIL) { lua_pop(L, 1); break; }
        if (nsets == 64) return luaL_error(L, "at most 64 changes, found more");
        sets[nsets++] = luaL_checkstring(L, -1);
        lua_pop(L, 1);
    }
    return nsets;
}

static int api_evaluate(lua_State *L)
{
    Report *r = report_of(L);
    const Plan *p = r->cp->plan;
    Asked a = { .unit = luaL_checkstring(L, 1), .code = -1,
                .year = (int)luaL_optinteger(L, 3, r->opt->year_to), .r = r };
    lua_Integer year = luaL_optinteger(L, 3, r->opt->year_to);
    luaL_argcheck(L, year >= 1900 && year <= 2999, 3, "a year from 1900 to 2999");
    const char *code = luaL_checkstring(L, 2);
    check_code(L, p, code);
    for (int i = 0; i < p->ncodes; i++) if (!strcmp(p->codes[i], code)) a.code = i;
    const char *sets[64];
    int nsets = changes_arg(L, 4, sets);
    char **text = guard_owned_new(L);     /* before anything C owns: pushing it may raise */
    OverrideList changes;
    char err[512];
    if (scenario_build(p, NULL, sets, nsets, &changes, err, sizeof err) != 0) {
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    /* the report's own scenario first, then these changes on top */
    int nall = r->opt->noverrides + changes.n;
    Override *all = mem_xmalloc(sizeof *all * (size_t)(nall ? nall : 1));
    if (r->opt->noverrides) memcpy(all, r->opt->overrides, sizeof *all * (size_t)r->opt->noverrides);
    if (changes.n) memcpy(all + r->opt->noverrides, changes.items, sizeof *all * (size_t)changes.n);
    EvalOptions o = *r->opt;
    o.year_from = o.year_to = a.year;
    o.unit = p->nuaggs ? NULL : a.unit;     /* a composite needs every unit */
    o.progress = 0;
    o.overrides = all;
    o.noverrides = nall;
    size_t n = 0;
    FILE *ef = open_memstream(text, &n);
    Diag quiet;
    diag_init(&quiet, ef ? ef : stderr);
    int rc = eval_run(r->cp, r->store, &o, asked_sink, &a, &quiet);
    if (ef) fclose(ef);
    free(all);
    scenario_free(&changes);
    if (rc) {
        const char *why = *text && n ? *text : "the evaluation failed";
        if (!strncmp(why, "sakipc: error: ", 15)) why += 15;
        lua_pushnil(L);
        lua_pushlstring(L, why, strcspn(why, "\n"));
        return 2;
    }
    if (!a.found) {                             /* the words of sakip.explain */
        lua_pushnil(L);
        lua_pushfstring(L, "unit %s has no %s in %d", a.unit, code, a.year);
        return 2;
    }
    results_push(L, &a.kept);
    return 1;
}

static void set_int(lua_State *L, const char *k, int has, int64_t v)
{
    if (has) lua_pushinteger(L, (lua_Integer)v); else lua_pushnil(L);
    lua_setfield(L, -2, k);
}

/* A linked line's fields: supports, unit, capaian (with figures, or
 * capaian_reason) and efisiensi. */
static void push_link(lua_State *L, const Report *r, const BudgetRow *b)
{
    const Plan *p = r->cp->plan;
    int li = budget_link_of(p, b->code);
    if (li < 0) return;
    const BudgetLink *l = &p->budget.links[li];
    push_codes(L, p, l->code_ids, l->ncodes);
    lua_setfield(L, -2, "supports");
    push_opt_string(L, l->unit);
    lua_setfield(L, -2, "unit");
    double mean, e;
    int n;
    char why[512];
    if (!budget_link_capaian(p, r->link_sums, li, r->opt->year_to, &mean, &n, why, sizeof why)) {
        lua_pushstring(L, why);
        lua_setfield(L, -2, "capaian_reason");
        return;
    }
    lua_pushnumber(L, mean);
    lua_setfield(L, -2, "capaian");
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "figures");
    if (budget_efficiency(p, b, mean, &e)) {
        lua_pushnumber(L, e);
        lua_setfield(L, -2, "efisiensi");
    }
}

/* Both pagu of a line, where the table has them: pagu_original (pagu
 * awal), pagu_revised (pagu perubahan), pagu_change (revised - original,
 * when both are there), which one serapan is on (pagu_used), and the
 * decimals of the budget's rounding (digits, -1 under `round none`). */
static void push_pagus(lua_State *L, const Plan *p, const BudgetRow *b)
{
    set_int(L, "pagu_original", b->has_pagu_original, b->pagu_original);
    set_int(L, "pagu_revised", b->has_pagu_revised, b->pagu_revised);
    set_int(L, "pagu_change", b->has_pagu_change, b->pagu_change);
    lua_pushstring(L, b->pagu_is_revised ? "revised" : "original");
    lua_setfield(L, -2, "pagu_used");
    lua_pushinteger(L, p->budget.round.mode == ROUND_NONE ? -1 : p->budget.round.digits);
    lua_setfield(L, -2, "digits");
}

static int api_budget(lua_State *L)
{
    Report *r = report_of(L);
    if (!r->has_budget) { lua_pushnil(L); return 1; }
    lua_createtable(L, r->budget.nrows, 0);
    for (int i = 0; i < r->budget.nrows; i++) {
        const BudgetRow *b = &r->budget.rows[i];
        lua_createtable(L, 0, 12);
        lua_pushstring(L, b->code); lua_setfield(L, -2, "code");
        push_opt_string(L, b->parent); lua_setfield(L, -2, "parent");
        push_opt_string(L, b->level); lua_setfield(L, -2, "level");
        push_opt_string(L, b->name); lua_setfield(L, -2, "name");
        set_int(L, "pagu", b->has_pagu, b->pagu);
        push_pagus(L, r->cp->plan, b);
        set_int(L, "realisasi", b->has_real, b->real);
        set_int(L, "sisa", b->has_sisa, b->sisa);
        set_int(L, "printed_sisa", b->has_printed_sisa, b->printed_sisa);
        push_opt_number(L, b->has_serapan, b->serapan); lua_setfield(L, -2, "serapan");
        push_opt_number(L, b->has_children_serapan, b->children_serapan); lua_setfield(L, -2, "children_serapan");
        lua_pushstring(L, b->status); lua_setfield(L, -2, "status");
        lua_pushstring(L, b->notes); lua_setfield(L, -2, "notes");
        push_link(L, r, b);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int api_write(lua_State *L)
{
    Report *r = report_of(L);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        strbuf_putn(&r->out, s, len);
        lua_pop(L, 1);
    }
    return 0;
}

void sakipapi_open(lua_State *L, Report *r)
{
    xlsx_open_type(L, r);
    results_open_type(L);
    static const luaL_Reg api[] = {
        { "plan", api_plan }, { "results", api_results }, { "indicators", api_indicators },
        { "records", api_records }, { "explain", api_explain }, { "evaluate", api_evaluate },
        { "units", api_units }, { "periods", api_periods },
        { "budget", api_budget }, { "write", api_write }, { NULL, NULL },
    };
    luaL_newlibtable(L, api);
    lua_pushlightuserdata(L, r);
    luaL_setfuncs(L, api, 1);
    luaapi_common(L, r->cp->plan);
    stored_open(L, r);
    lua_pushlightuserdata(L, r);             /* sakip.workbook, with its sheet method */
    lua_createtable(L, 0, 1);
    lua_pushlightuserdata(L, r);
    lua_pushcclosure(L, xlsx_sheet, 1);
    lua_setfield(L, -2, "sheet");
    lua_pushcclosure(L, xlsx_workbook, 2);
    lua_setfield(L, -2, "workbook");
    lua_pushglobaltable(L);
    lua_pushliteral(L, "sakip");
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);                     /* past the strict-globals guard */
    lua_pop(L, 2);
}
