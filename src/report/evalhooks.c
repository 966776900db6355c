/* evalhooks.c: event hooks during eval. See evalhooks.h. */
#include "report/evalhooks.h"
#include "report/luaapi.h"
#include "report/report.h"
#include "base/mem.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

struct EvalHooks {
    Sandbox **hooks;
    int n;
    FILE *warn_to;
    Diag *d;
    int warnings;
    int failed;
    char *unit;                 /* the unit whose rows are passing, or NULL */
    const ResultRow *row;       /* the row a warning concerns, or NULL */
};

static EvalHooks *of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* sakip.warn(text): a warning about the current row (or unit). */
static int api_warn(lua_State *L)
{
    EvalHooks *eh = of(L);
    const char *msg = luaL_checkstring(L, 1);
    lua_Debug ar;
    char where[256] = "";
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        snprintf(where, sizeof where, "%s:%d: ", ar.short_src, ar.currentline);
    if (eh->row)
        fprintf(eh->warn_to, "%swarning: %s %s%s%s %d: %s\n", where, eh->row->unit, eh->row->ind->code,
                eh->row->group ? " " : "", eh->row->group ? eh->row->group : "", eh->row->year, msg);
    else
        fprintf(eh->warn_to, "%swarning: %s: %s\n", where, eh->unit ? eh->unit : "plan", msg);
    eh->warnings++;
    return 0;
}

static void open_api(lua_State *L, EvalHooks *eh, const Plan *p)
{
    lua_createtable(L, 0, 6);
    lua_pushlightuserdata(L, eh);
    lua_pushcclosure(L, api_warn, 1);
    lua_setfield(L, -2, "warn");
    luaapi_common(L, p);
    lua_pushglobaltable(L);
    lua_pushliteral(L, "sakip");
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 2);
}

EvalHooks *evalhooks_open(const Plan *p, const char *const *paths, int n, const SandboxLimits *lim, FILE *warn_to, Diag *d)
{
    EvalHooks *eh = mem_xcalloc(1, sizeof *eh);
    eh->hooks = mem_xarray(n, sizeof *eh->hooks);
    eh->warn_to = warn_to;
    eh->d = d;
    for (int i = 0; i < n; i++) {
        Sandbox *h = sandbox_new(lim);
        if (!h) { diag_plain(d, "cannot start Lua"); evalhooks_close(eh); return NULL; }
        eh->hooks[eh->n++] = h;
        open_api(sandbox_lua(h), eh, p);
        if (sandbox_load(h, paths[i], NULL, d) != 0) { evalhooks_close(eh); return NULL; }
    }
    return eh;
}

void evalhooks_close(EvalHooks *eh)
{
    if (!eh) return;
    for (int i = 0; i < eh->n; i++) sandbox_free(eh->hooks[i]);
    free(eh->hooks);
    free(eh->unit);
    free(eh);
}

int evalhooks_warnings(const EvalHooks *eh) { return eh ? eh->warnings : 0; }

static void set_num(lua_State *L, const char *k, int has, double v)
{
    if (!has) return;
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (!v) return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

/* A row as a plain table: a hook may keep it, and nothing it does reaches
 * the evaluation. */
static void push_row(lua_State *L, const ResultRow *r)
{
    lua_createtable(L, 0, 16);
    set_str(L, "unit", r->unit);
    set_str(L, "unit_name", r->unit_name);
    set_str(L, "indicator", r->ind->code);
    set_str(L, "name", r->ind->name);
    set_str(L, "measure", r->ind->measure);
    set_str(L, "group", r->group);
    lua_pushinteger(L, r->year);
    lua_setfield(L, -2, "year");
    set_num(L, "target", r->has_target, r->target);
    set_str(L, "target_level", r->target_level);
    set_str(L, "source", r->has_target ? r->target_source : NULL);
    set_num(L, "realisation", r->has_real, r->real);
    set_num(L, "realisation_shown", r->has_real, r->real_shown);
    set_str(L, "real_level", r->real_level);
    set_str(L, "basis", r->has_real ? r->basis : NULL);
    set_num(L, "capaian", r->has_capaian, r->capaian);
    lua_pushboolean(L, r->capped);
    lua_setfield(L, -2, "capped");
    set_str(L, "status", result_status_name(r->status));
    set_str(L, "reason", r->reason);
    set_str(L, "rule", r->rule);
    if (r->coverage_expected) {         /* a rolled-up figure: how many units below it is made from */
        lua_createtable(L, 0, 2);
        lua_pushinteger(L, r->coverage_present);
        lua_setfield(L, -2, "present");
        lua_pushinteger(L, r->coverage_expected);
        lua_setfield(L, -2, "expected");
        lua_setfield(L, -2, "coverage");
    }
    lua_createtable(L, r->ngrades, 0);
    for (int g = 0; g < r->ngrades; g++) {
        lua_createtable(L, 0, 4);
        set_str(L, "scheme", r->grades[g].scheme->name);
        set_str(L, "on", r->grades[g].on == GRADE_VALUE ? "value" : "capaian");
        set_str(L, "code", r->grades[g].band ? r->grades[g].band->code : NULL);
        set_str(L, "label", r->grades[g].band ? r->grades[g].band->label : NULL);
        lua_rawseti(L, -2, g + 1);
    }
    lua_setfield(L, -2, "grades");
}

static int call_all(EvalHooks *eh, const char *name, const ResultRow *row, const char *unit)
{
    for (int i = 0; i < eh->n && !eh->failed; i++) {
        lua_State *L = sandbox_lua(eh->hooks[i]);
        if (row) push_row(L, row); else lua_pushstring(L, unit);
        if (sandbox_call(eh->hooks[i], name, 1, eh->d) < 0) eh->failed = 1;
    }
    return eh->failed ? SKP_HOOK : SKP_OK;
}

static int leave_unit(EvalHooks *eh)
{
    if (!eh->unit) return 0;
    int rc = call_all(eh, "after_unit", NULL, eh->unit);
    free(eh->unit);
    eh->unit = NULL;
    return rc;
}

int evalhooks_sink(const ResultRow *row, void *ctx)
{
    HookedSink *hs = ctx;
    EvalHooks *eh = hs->hooks;
    if (!eh->unit || strcmp(eh->unit, row->unit) != 0) {
        int rc = leave_unit(eh);
        if (rc) return rc;
        eh->unit = mem_xstrdup(row->unit);
        if ((rc = call_all(eh, "before_unit", NULL, eh->unit))) return rc;
    }
    eh->row = row;
    int rc = call_all(eh, "on_result", row, NULL);
    eh->row = NULL;
    if (rc) return rc;
    return hs->next(row, hs->next_ctx);
}

int evalhooks_finish(EvalHooks *eh)
{
    return eh ? leave_unit(eh) : 0;
}
