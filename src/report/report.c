/* report.c: reports written by Lua templates. See report.h.
 *
 * The plan is evaluated first, in full; the template then reads the
 * results through one small module table, `sakip`:
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
 *   sakip.grade(S, v)       the band of v in scheme S: code, label (nil if none)
 *   sakip.format(v, d)      v at d decimals, as the reports print it (84.98)
 *   sakip.format_id(v, d)   the Indonesian way (84,98; 62.644.362.476)
 *   sakip.csv(s)            s as one CSV field
 *   sakip.json(s)           s as a JSON string
 *   sakip.write(...)        appends to the output
 *   sakip.workbook()        an Excel workbook as the output (--out FILE.xlsx)
 *
 * and returns a table whose `render` function writes the report. */
#include "report/report.h"
#include "engine/budget.h"
#include "check/plan.h"
#include "store/store.h"
#include "tools/explain.h"
#include "engine/grade.h"
#include "base/install.h"
#include "report/luaapi.h"
#include "base/num.h"
#include "base/period.h"
#include "output/output.h"
#include "engine/scenario.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "check/scheme.h"
#include "check/expr.h"

#include <errno.h>
#include <lauxlib.h>
#include <xlsxwriter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the evaluated plan, kept for the template -------------------------------------- */

typedef struct {
    ResultRow row;
    GradeResult grades[MAX_GRADES];
} Kept;

typedef struct {
    const CompiledPlan *cp;
    const EvalOptions *opt;
    Store *store;
    Diag *d;
    VEC(Kept) rows;
    Arena text;
    BudgetReport budget;
    int has_budget;
    StrBuf out;
    const char *out_path;       /* --out, or NULL */
    /* a workbook (sakip.workbook()): written to a temporary file next to --out */
    lxw_workbook *wb;
    char *wb_tmp;
    lxw_format *formats[4];
} Report;

static const char *keep(Report *r, const char *s) { return s ? arena_strdup(&r->text, s) : NULL; }

/* A copy of row whose strings live as long as the report. */
static Kept kept_copy(Report *r, const ResultRow *row)
{
    Kept k;
    k.row = *row;
    memcpy(k.grades, row->grades, sizeof k.grades);
    k.row.unit = keep(r, row->unit);
    k.row.unit_name = keep(r, row->unit_name);
    k.row.group = keep(r, row->group);
    k.row.target_source = keep(r, row->target_source);
    k.row.basis = keep(r, row->basis);
    k.row.reason = keep(r, row->reason);
    k.row.rule = keep(r, row->rule);
    k.row.target_level = keep(r, row->target_level);
    k.row.real_level = keep(r, row->real_level);
    return k;
}

static int collect(const ResultRow *row, void *ctx)
{
    Report *r = ctx;
    Kept k = kept_copy(r, row);
    VEC_PUSH(r->rows, k);
    return 0;
}

static Report *report_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* ---- sakip.result userdata ---------------------------------------------------------------- */

#define RESULT_TYPE "sakip.result"

static void push_opt_number(lua_State *L, int has, double v)
{
    if (has) lua_pushnumber(L, v); else lua_pushnil(L);
}

static void push_opt_string(lua_State *L, const char *s)
{
    if (s) lua_pushstring(L, s); else lua_pushnil(L);
}

static void push_grades(lua_State *L, const Kept *k)
{
    lua_createtable(L, k->row.ngrades, 0);
    for (int g = 0; g < k->row.ngrades; g++) {
        const GradeResult *gr = &k->grades[g];
        lua_createtable(L, 0, 4);
        lua_pushstring(L, gr->scheme->name);
        lua_setfield(L, -2, "scheme");
        lua_pushstring(L, gr->on == GRADE_VALUE ? "value" : "capaian");
        lua_setfield(L, -2, "on");
        push_opt_string(L, gr->band ? gr->band->code : NULL);
        lua_setfield(L, -2, "code");
        push_opt_string(L, gr->band ? gr->band->label : NULL);
        lua_setfield(L, -2, "label");
        if (gr->band) {                        /* 1 for the lowest band .. levels for the highest */
            lua_pushinteger(L, scheme_band_rank(gr->scheme, (int)(gr->band - gr->scheme->bands)));
            lua_setfield(L, -2, "rank");
        }
        lua_pushinteger(L, gr->scheme->nbands);
        lua_setfield(L, -2, "levels");
        lua_rawseti(L, -2, g + 1);
    }
}

/* result.FIELD: unit, unit_name, indicator, name, measure, tujuan, sasaran,
 * group, year, target, target_level, source, realisation, real_level,
 * basis, capaian, capped, status, reason, rule, grades, digits. */
static int result_index(lua_State *L)
{
    const Kept *k = luaL_checkudata(L, 1, RESULT_TYPE);
    const ResultRow *r = &k->row;
    const char *f = luaL_checkstring(L, 2);
    if (!strcmp(f, "unit")) lua_pushstring(L, r->unit);
    else if (!strcmp(f, "unit_name")) push_opt_string(L, r->unit_name);
    else if (!strcmp(f, "indicator")) lua_pushstring(L, r->ind->code);
    else if (!strcmp(f, "name")) lua_pushstring(L, r->ind->name);
    else if (!strcmp(f, "measure")) push_opt_string(L, r->ind->measure);
    else if (!strcmp(f, "tujuan")) push_opt_string(L, r->ind->tujuan);
    else if (!strcmp(f, "sasaran")) push_opt_string(L, r->ind->sasaran);
    else if (!strcmp(f, "group")) push_opt_string(L, r->group);
    else if (!strcmp(f, "year")) lua_pushinteger(L, r->year);
    else if (!strcmp(f, "target")) push_opt_number(L, r->has_target, r->target);
    else if (!strcmp(f, "target_level")) push_opt_string(L, r->target_level);
    else if (!strcmp(f, "source")) push_opt_string(L, r->has_target ? r->target_source : NULL);
    else if (!strcmp(f, "realisation")) push_opt_number(L, r->has_real, r->real);
    else if (!strcmp(f, "real_level")) push_opt_string(L, r->real_level);
    else if (!strcmp(f, "basis")) push_opt_string(L, r->has_real ? r->basis : NULL);
    else if (!strcmp(f, "capaian")) push_opt_number(L, r->has_capaian, r->capaian);
    else if (!strcmp(f, "capped")) lua_pushboolean(L, r->capped);
    else if (!strcmp(f, "status")) lua_pushstring(L, result_status_name(r->status));
    else if (!strcmp(f, "reason")) push_opt_string(L, r->reason);
    else if (!strcmp(f, "rule")) push_opt_string(L, r->rule);
    else if (!strcmp(f, "grades")) push_grades(L, k);
    else if (!strcmp(f, "digits"))        /* capaian's decimals, for formatting */
        lua_pushinteger(L, r->ind->rules.round.mode == ROUND_NONE ? -1 : r->ind->rules.round.digits);
    else if (!strcmp(f, "value_digits"))
        lua_pushinteger(L, r->ind->rules.value_round.mode == ROUND_NONE ? -1 : r->ind->rules.value_round.digits);
    else return luaL_error(L, "a result has no field '%s'", f);
    return 1;
}

static int result_newindex(lua_State *L)
{
    return luaL_error(L, "results are read-only");
}

static int result_tostring(lua_State *L)
{
    const Kept *k = luaL_checkudata(L, 1, RESULT_TYPE);
    lua_pushfstring(L, "sakip.result(%s %s %d)", k->row.unit, k->row.ind->code, k->row.year);
    return 1;
}

/* ---- the API ----------------------------------------------------------------------- */

/* A result as userdata holding its own copy: the report's row list may grow
 * (sakip.evaluate) without leaving a template holding a dangling pointer. */
static void push_result(lua_State *L, const Kept *k)
{
    Kept *u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = *k;
    luaL_setmetatable(L, RESULT_TYPE);
}

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
    if (p->budget.declared) {           /* the rule behind serapan, capaian and efisiensi */
        char rnd[96];
        num_rounding_text(p->budget.round, rnd, sizeof rnd);
        lua_pushstring(L, rnd);
        lua_setfield(L, -2, "budget_round");
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
        push_result(L, &r->rows.items[i]);
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
    static const char *const kinds[] = { "list", "all", "level", "under", "leaves" };
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

/* ---- statements that a Lua error cannot leak ------------------------------------- */

/* A statement read row by row into Lua tables: any push may raise an error
 * (the memory budget) and unwind past the loop, so the statement is owned
 * by a userdata whose __gc finalizes it; it is finalized at the latest when
 * the Lua state closes, before the database does. */
#define STMT_TYPE "sakip.stmt"

static int stmt_gc(lua_State *L)
{
    sqlite3_stmt **u = luaL_checkudata(L, 1, STMT_TYPE);
    if (*u) sqlite3_finalize(*u);
    *u = NULL;
    return 0;
}

/* A malloc'd buffer owned by a userdata on the stack, freed by its __gc:
 * for text made by open_memstream and then pushed, which may raise. */
#define OWNED_TYPE "sakip.owned"

static int owned_gc(lua_State *L)
{
    char **u = luaL_checkudata(L, 1, OWNED_TYPE);
    free(*u);
    *u = NULL;
    return 0;
}

static char **owned_new(lua_State *L)
{
    char **u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = NULL;
    if (luaL_newmetatable(L, OWNED_TYPE)) {
        lua_pushcfunction(L, owned_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return u;
}

/* Prepares sql and pushes its guard; NULL (and nothing pushed) on failure. */
static sqlite3_stmt *stmt_open(lua_State *L, Store *store, const char *sql)
{
    sqlite3_stmt **u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = NULL;
    if (luaL_newmetatable(L, STMT_TYPE)) {
        lua_pushcfunction(L, stmt_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if (sqlite3_prepare_v2(store->db, sql, -1, u, NULL) != SQLITE_OK) {
        sqlite3_finalize(*u);
        *u = NULL;
        lua_pop(L, 1);
        return NULL;
    }
    return *u;
}

/* Finalizes the statement guarded at stack index idx, and removes the guard. */
static void stmt_close(lua_State *L, int idx)
{
    sqlite3_stmt **u = luaL_checkudata(L, idx, STMT_TYPE);
    sqlite3_finalize(*u);
    *u = NULL;
    lua_remove(L, idx);
}

/* sakip.units(): the units table of the database, in code order:
 * code, parent (nil at the top), name, level. */
static int api_units(lua_State *L)
{
    Report *r = report_of(L);
    sqlite3_stmt *st = stmt_open(L, r->store, "SELECT code, parent, name, level FROM units ORDER BY code");
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
    stmt_close(L, guard);
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
    sqlite3_stmt *st = stmt_open(L, r->store, "SELECT 1 FROM units WHERE code = ?1");
    if (!st) return -1;
    sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
    int rc = store_step(r->store, st);
    stmt_close(L, lua_gettop(L));
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
    sqlite3_stmt *st = stmt_open(L, r->store, sql);
    if (!st) return luaL_error(L, "cannot read the periods: %s", sqlite3_errmsg(r->store->db));
    int guard = lua_gettop(L);
    sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, year);
    lua_newtable(L);
    int n = 0;
    while (store_step(r->store, st) == SQLITE_ROW) {
        const char *period = (const char *)sqlite3_column_text(st, 0);
        /* one entry per period: the realisation and each source's target */
        int same = 0;
        if (n) {
            lua_rawgeti(L, -1, n);
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
            lua_rawseti(L, -3, ++n);
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
    stmt_close(L, guard);
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
    sqlite3_stmt *st = stmt_open(L, r->store, sql);
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
    stmt_close(L, guard);
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
    char **text = owned_new(L), **err = owned_new(L);   /* freed however this ends */
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
    a->kept = kept_copy(a->r, row);
    return 0;
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
    int nsets = 0;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        for (lua_Integer i = 1;; i++) {
            if (lua_rawgeti(L, 4, i) == LUA_TNIL) { lua_pop(L, 1); break; }
            if (nsets == 64) return luaL_error(L, "at most 64 changes, found more");
            sets[nsets++] = luaL_checkstring(L, -1);    /* the table keeps the string alive */
            lua_pop(L, 1);
        }
    }
    char **text = owned_new(L);     /* before anything C owns: pushing it may raise */
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
    push_result(L, &a.kept);
    return 1;
}

static void set_int(lua_State *L, const char *k, int has, int64_t v)
{
    if (has) lua_pushinteger(L, (lua_Integer)v); else lua_pushnil(L);
    lua_setfield(L, -2, k);
}

/* The achievement of what a linked budget line pays for, in the last year
 * evaluated: the mean capaian of the figures of its indicators (in its
 * unit, when it names one), rounded by the budget's rule. 0 with the reason
 * when any of them has no capaian: missing is never zero. */
static int link_capaian(const Report *r, const BudgetLink *l, double *mean, int *nfig, char *why, size_t whyn)
{
    double sum = 0;
    int n = 0;
    for (int i = 0; i < r->rows.len; i++) {
        const ResultRow *row = &r->rows.items[i].row;
        if (row->year != r->opt->year_to || row->group || (l->unit && strcmp(row->unit, l->unit))) continue;
        int linked = 0;
        for (int k = 0; k < l->ncodes; k++) linked |= row->ind->code_id == l->code_ids[k];
        if (!linked) continue;
        if (!row->has_capaian) {
            snprintf(why, whyn, "%s %s %d has no capaian (%s)", row->unit, row->ind->code, row->year,
                     row->reason ? row->reason : result_status_name(row->status));
            return 0;
        }
        sum += row->capaian;
        n++;
    }
    if (!n) {
        snprintf(why, whyn, "none of its indicators was evaluated for %s in %d", l->unit ? l->unit : "any unit",
                 r->opt->year_to);
        return 0;
    }
    *mean = num_round(sum / n, r->cp->plan->budget.round);
    *nfig = n;
    return 1;
}

/* A linked line's fields: supports, unit, capaian (with figures, or
 * capaian_reason) and efisiensi. */
static void push_link(lua_State *L, const Report *r, const BudgetRow *b)
{
    const Plan *p = r->cp->plan;
    const BudgetLink *l = NULL;
    for (int i = 0; i < p->budget.nlinks; i++)
        if (!strcmp(p->budget.links[i].line, b->code)) l = &p->budget.links[i];
    if (!l) return;
    push_codes(L, p, l->code_ids, l->ncodes);
    lua_setfield(L, -2, "supports");
    push_opt_string(L, l->unit);
    lua_setfield(L, -2, "unit");
    double mean, e;
    int n;
    char why[512];
    if (!link_capaian(r, l, &mean, &n, why, sizeof why)) {
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

/* ---- workbooks (lkip-xlsx) ------------------------------------------------------- */

#define SHEET_TYPE "sakip.sheet"

enum { XF_TEXT, XF_HEADER, XF_PERCENT, XF_RUPIAH };

/* ---- the output file ------------------------------------------------------------- */

/* The mode a report file gets: the mode of the file it replaces, or what
 * a new file gets under the umask (mkstemp's 0600 is not what a report needs). */
static mode_t out_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* A temporary file next to path (the rename is then atomic): its file
 * descriptor, with the name in a malloc'd *tmp; -1 when it cannot be made. */
static int temp_next_to(const char *path, char **tmp)
{
    size_t n = strlen(path) + 16;
    *tmp = mem_xmalloc(n);
    snprintf(*tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(*tmp);
    if (fd >= 0) fchmod(fd, out_mode(path));
    return fd;
}

/* --out must be writable before the evaluation and the template run:
 * otherwise the same failure is exit 5, whatever the template writes. */
static int probe_out(const char *path, Diag *d)
{
    char *tmp;
    int fd = temp_next_to(path, &tmp);
    if (fd < 0) diag_plain(d, "%s: cannot write the report here: %s", path, strerror(errno));
    else { close(fd); unlink(tmp); }
    free(tmp);
    return fd < 0 ? SKP_RUNTIME : SKP_OK;
}

/* Number formats an Indonesian reader's Excel shows as 100,17% and
 * Rp 62.644.362.476: numbers stay numbers, the locale draws the separators. */
static lxw_format *workbook_format(Report *r, int which)
{
    if (which == XF_TEXT) return NULL;
    if (!r->formats[which]) {
        lxw_format *f = workbook_add_format(r->wb);
        if (which == XF_HEADER) { format_set_bold(f); format_set_bg_color(f, 0xDDDDDD); }
        if (which == XF_PERCENT) format_set_num_format(f, "0.00\"%\"");
        if (which == XF_RUPIAH) format_set_num_format(f, "\"Rp \"#,##0");
        r->formats[which] = f;
    }
    return r->formats[which];
}

/* sakip.workbook():sheet(name) gives a sheet; sheet:write(row, col, value
 * [, "header"|"percent"|"rupiah"]), rows and columns from 1; a number is
 * stored as a number, nil leaves the cell empty; sheet:width(col, chars). */
static int api_workbook(lua_State *L)
{
    Report *r = report_of(L);
    if (!r->out_path) return luaL_error(L, "a workbook is a file: give --out FILE.xlsx");
    if (!r->wb) {
        int fd = temp_next_to(r->out_path, &r->wb_tmp);
        if (fd < 0) return luaL_error(L, "%s: %s", r->out_path, strerror(errno));
        close(fd);
        r->wb = workbook_new(r->wb_tmp);
        if (!r->wb) return luaL_error(L, "cannot start the workbook %s", r->out_path);
    }
    lua_pushvalue(L, lua_upvalueindex(2));      /* the workbook table: its sheet method */
    return 1;
}

static int wb_sheet(lua_State *L)
{
    Report *r = report_of(L);
    const char *name = luaL_checkstring(L, 2);
    if (!r->wb) return luaL_error(L, "call sakip.workbook() first");
    /* checked first: the library would print its own warning to stderr */
    lxw_error bad = workbook_validate_sheet_name(r->wb, name);
    if (bad) return luaL_error(L, "cannot add a sheet '%s': %s", name, lxw_strerror(bad));
    lxw_worksheet *ws = workbook_add_worksheet(r->wb, name);
    if (!ws) return luaL_error(L, "cannot add a sheet '%s'", name);
    lxw_worksheet **u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = ws;
    luaL_setmetatable(L, SHEET_TYPE);
    return 1;
}

static int sheet_write(lua_State *L)
{
    Report *r = report_of(L);
    lxw_worksheet *ws = *(lxw_worksheet **)luaL_checkudata(L, 1, SHEET_TYPE);
    lua_Integer row = luaL_checkinteger(L, 2), col = luaL_checkinteger(L, 3);
    if (row < 1 || row > 1048576 || col < 1 || col > 16384) return luaL_error(L, "cell (%I, %I) is outside a sheet", row, col);
    static const char *const styles[] = { "text", "header", "percent", "rupiah", NULL };
    int style = luaL_checkoption(L, 5, "text", styles);
    lxw_format *f = workbook_format(r, style);
    lxw_error e = LXW_NO_ERROR;
    switch (lua_type(L, 4)) {
    case LUA_TNIL: case LUA_TNONE: break;
    case LUA_TNUMBER: e = worksheet_write_number(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), lua_tonumber(L, 4), f); break;
    case LUA_TBOOLEAN: e = worksheet_write_boolean(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), lua_toboolean(L, 4), f); break;
    default: e = worksheet_write_string(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), luaL_checkstring(L, 4), f); break;
    }
    if (e != LXW_NO_ERROR) return luaL_error(L, "cannot write cell (%I, %I): %s", row, col, lxw_strerror(e));
    return 0;
}

static int sheet_width(lua_State *L)
{
    lxw_worksheet *ws = *(lxw_worksheet **)luaL_checkudata(L, 1, SHEET_TYPE);
    lua_Integer col = luaL_checkinteger(L, 2);
    double w = luaL_checknumber(L, 3);
    if (col < 1 || col > 16384) return luaL_error(L, "column %I is outside a sheet", col);
    worksheet_set_column(ws, (lxw_col_t)(col - 1), (lxw_col_t)(col - 1), w, NULL);
    return 0;
}

/* The workbook is complete: into place, or away. */
static int workbook_finish(Report *r, int ok, Diag *d)
{
    if (!r->wb) return 0;
    lxw_error e = workbook_close(r->wb);
    r->wb = NULL;
    int rc = 0;
    if (ok && e != LXW_NO_ERROR) { diag_plain(d, "%s: %s", r->out_path, lxw_strerror(e)); rc = SKP_RUNTIME; }
    else if (ok) {
        chmod(r->wb_tmp, out_mode(r->out_path));   /* the library wrote the file anew */
        if (rename(r->wb_tmp, r->out_path) != 0) { diag_plain(d, "%s: %s", r->out_path, strerror(errno)); rc = SKP_RUNTIME; }
    }
    if (!ok || rc) unlink(r->wb_tmp);
    free(r->wb_tmp);
    r->wb_tmp = NULL;
    return rc;
}

static void open_workbook_api(lua_State *L, Report *r)
{
    luaL_newmetatable(L, SHEET_TYPE);
    lua_newtable(L);
    lua_pushlightuserdata(L, r);
    lua_pushcclosure(L, sheet_write, 1);
    lua_setfield(L, -2, "write");
    lua_pushcfunction(L, sheet_width);
    lua_setfield(L, -2, "width");
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}

static void open_api(lua_State *L, Report *r)
{
    open_workbook_api(L, r);
    luaL_newmetatable(L, RESULT_TYPE);
    lua_pushcfunction(L, result_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, result_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, result_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, RESULT_TYPE);
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);
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
    lua_pushlightuserdata(L, r);             /* sakip.workbook, with its sheet method */
    lua_createtable(L, 0, 1);
    lua_pushlightuserdata(L, r);
    lua_pushcclosure(L, wb_sheet, 1);
    lua_setfield(L, -2, "sheet");
    lua_pushcclosure(L, api_workbook, 2);
    lua_setfield(L, -2, "workbook");
    lua_pushglobaltable(L);
    lua_pushliteral(L, "sakip");
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);                     /* past the strict-globals guard */
    lua_pop(L, 2);
}

/* ---- the command ------------------------------------------------------------------------- */

static int file_exists(const char *p)
{
    return access(p, R_OK) == 0;
}

char *report_find_template(const char *name)
{
    size_t n = strlen(name);
    if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
        return file_exists(name) ? mem_xstrdup(name) : NULL;
    const char *dirs[2] = { getenv("SAKIPC_STDLIB"), install_stdlib_dir() };
    for (int i = 0; i < 2; i++) {
        if (!dirs[i] || !*dirs[i]) continue;
        size_t len = strlen(dirs[i]) + n + 16;
        char *cand = mem_xmalloc(len);
        snprintf(cand, len, "%s/reports/%s.lua", dirs[i], name);
        if (file_exists(cand)) return cand;
        free(cand);
    }
    return NULL;
}

/* The whole output, or nothing: a temporary file next to the target, then
 * renamed over it. */
static int write_out(const char *path, const StrBuf *b, Diag *d)
{
    if (!path) {
        if (b->len) fwrite(b->s, 1, b->len, stdout);
        return ferror(stdout) ? SKP_RUNTIME : SKP_OK;
    }
    char *tmp;
    int fd = temp_next_to(path, &tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    int ok = f && (!b->len || fwrite(b->s, 1, b->len, f) == b->len);
    if (f && fclose(f) != 0) ok = 0;
    if (ok && rename(tmp, path) != 0) ok = 0;
    if (!ok) {
        diag_plain(d, "%s: %s", path, strerror(errno));
        if (fd >= 0) unlink(tmp);
    }
    free(tmp);
    return ok ? SKP_OK : SKP_RUNTIME;
}

SkpStatus report_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const ReportQuery *q, Diag *d)
{
    char *path = report_find_template(q->template_name);
    if (!path) {
        diag_plain(d, "no report template '%s' (looked in $SAKIPC_STDLIB/reports and the standard library's reports/)",
                   q->template_name);
        return SKP_USAGE;
    }
    Report r;
    memset(&r, 0, sizeof r);
    r.cp = cp;
    r.opt = opt;
    r.store = store;
    r.d = d;
    r.out_path = q->out;
    int rc = q->out ? probe_out(q->out, d) : 0;
    if (!rc) rc = eval_run(cp, store, opt, collect, &r, d);
    if (!rc && cp->plan->budget.declared) {
        rc = budget_run(cp->plan, store, &r.budget, d);
        r.has_budget = !rc;
    }
    Sandbox *h = rc ? NULL : sandbox_new(&q->limits);
    if (!rc && !h) { diag_plain(d, "cannot start Lua"); rc = SKP_RUNTIME; }
    if (!rc) {
        open_api(sandbox_lua(h), &r);
        /* templates share code through require(NAME): reports/lib/NAME.lua,
         * looked for where templates are, in the same order */
        const char *stdlibs[2] = { getenv("SAKIPC_STDLIB"), install_stdlib_dir() };
        sandbox_enable_require(h, stdlibs, 2, "reports/lib", "$SAKIPC_STDLIB, then the standard library");
        /* a bundled template by its name: its path is the installation's business */
        int bundled = strcmp(path, q->template_name) != 0;
        const char *shown = bundled ? q->template_name : NULL;
        if (sandbox_load(h, path, shown, d) != 0) rc = SKP_HOOK;
    }
    if (!rc) {
        int ran = sandbox_call(h, "render", 0, d);
        if (ran < 0) rc = SKP_HOOK;
        else if (ran == 0) {
            diag_plain(d, "hook %s: the template's table has no render function", sandbox_path(h));
            rc = SKP_HOOK;
        }
    }
    if (r.wb) {                              /* a workbook is the output */
        int wrc = workbook_finish(&r, rc == 0, d);
        if (!rc) rc = wrc;
    } else if (!rc) rc = write_out(q->out, &r.out, d);
    sandbox_free(h);
    budget_free(&r.budget);     /* also after a failed budget_run: it frees what it read */
    VEC_FREE(r.rows);
    strbuf_free(&r.out);
    arena_free(&r.text);
    free(path);
    return rc;
}
