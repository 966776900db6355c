/* results.c: the evaluated rows a template reads (results.h): kept with
 * their own strings, and shown to Lua as read-only `sakip.result`
 * userdata. */
#include "report/results.h"

#include <lauxlib.h>
#include <string.h>

#include "check/scheme.h"

#define RESULT_TYPE "sakip.result"

static const char *keep(Report *r, const char *s) { return s ? arena_strdup(&r->text, s) : NULL; }

/* A copy of row whose strings live as long as the report. */
Kept results_keep(Report *r, const ResultRow *row)
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

int results_collect(const ResultRow *row, void *ctx)
{
    Report *r = ctx;
    Kept k = results_keep(r, row);
    VEC_PUSH(r->rows, k);
    return 0;
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
/* A rolled-up figure's { present = N, expected = M }, else nil. */
static void push_coverage(lua_State *L, const ResultRow *r)
{
    if (!r->coverage_expected) { lua_pushnil(L); return; }
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, r->coverage_present);
    lua_setfield(L, -2, "present");
    lua_pushinteger(L, r->coverage_expected);
    lua_setfield(L, -2, "expected");
}

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
    else if (!strcmp(f, "realisation_shown")) push_opt_number(L, r->has_real, r->real_shown);
    else if (!strcmp(f, "real_level")) push_opt_string(L, r->real_level);
    else if (!strcmp(f, "basis")) push_opt_string(L, r->has_real ? r->basis : NULL);
    else if (!strcmp(f, "capaian")) push_opt_number(L, r->has_capaian, r->capaian);
    else if (!strcmp(f, "capped")) lua_pushboolean(L, r->capped);
    else if (!strcmp(f, "status")) lua_pushstring(L, result_status_name(r->status));
    else if (!strcmp(f, "reason")) push_opt_string(L, r->reason);
    else if (!strcmp(f, "rule")) push_opt_string(L, r->rule);
    else if (!strcmp(f, "grades")) push_grades(L, k);
    else if (!strcmp(f, "coverage")) push_coverage(L, r);
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

/* A result as userdata holding its own copy: the report's row list may grow
 * (sakip.evaluate) without leaving a template holding a dangling pointer. */
void results_push(lua_State *L, const Kept *k)
{
    Kept *u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = *k;
    luaL_setmetatable(L, RESULT_TYPE);
}

void results_open_type(lua_State *L)
{
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
}
