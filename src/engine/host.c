/* host.c: the engine as the VM's host (host.h). A formula names other
 * figures, record tables, groups, the units below and Lua functions; the
 * VM asks the host for each, and the host answers from the unit being
 * evaluated. */
#include "engine/host.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "check/plan.h"
#include "engine/cells.h"
#include "engine/figure.h"
#include "engine/group.h"
#include "engine/records.h"
#include "engine/rollup.h"
#include "lua/sandbox.h"

static Value host_realisation(VmHost *h, int code, int year) { return figure_realisation((Engine *)h, code, year); }

static Value host_target(VmHost *h, int code, int year, int src) { return figure_target((Engine *)h, code, year, src); }

static Value host_data(VmHost *h, int code, int year)
{
    Engine *e = (Engine *)h;
    int def = e->def_of[code];
    const char *basis = NULL;
    return cells_data(e, code, year, def >= 0 ? e->plan->inds[def].rules.agg : AGG_LAST, &basis);
}

static Value host_record_agg(VmHost *h, int agg)
{
    Engine *e = (Engine *)h;
    return records_aggregate(e->rs, e->cp, agg, e->unit ? e->unit->code : NULL, h->year,
                             e->group_active ? &e->group : NULL, h);
}

static Value host_group_agg(VmHost *h, int agg)
{
    return group_aggregate((Engine *)h, agg, h->year);
}

static Value host_column(VmHost *h, int col)
{
    return records_column(((Engine *)h)->rs, col);
}

static Value host_capaian(VmHost *h, int code, int year) { return figure_capaian((Engine *)h, code, year); }

static Value host_weight(VmHost *h, int code)
{
    Engine *e = (Engine *)h;
    int def = e->def_of[code];
    if (def < 0) return figure_not_defined(e, code);
    const Override *o = figure_override(e, code, OV_WEIGHT, h->year);
    return value_num(o ? o->value : e->plan->inds[def].weight);
}

static Value host_to_date(VmHost *h, int code, int year) { return figure_to_date((Engine *)h, code, year); }

static void host_trace(VmHost *h, const Expr *at, Value v)
{
    Engine *e = (Engine *)h;
    e->opt->trace(e->opt->trace_ctx, e->unit->code, e->group_active ? e->group_label : NULL, h->year, at, v);
}

/* A function of a Lua module, called with the figures it takes; a missing
 * argument makes it missing without a call. A Lua error stops the run. */
static Value host_lua_call(VmHost *h, int fi, const Value *args, int n)
{
    Engine *e = (Engine *)h;
    const Func *f = &e->plan->funcs[fi];
    for (int i = 0; i < n; i++)
        if (args[i].kind == V_NA) return args[i];
    if (e->lua_failed || !e->lua[fi]) return value_na(NA_UNDEFINED, "a Lua function failed");
    lua_State *L = sandbox_lua(e->lua[fi]);
    for (int i = 0; i < n; i++) {
        if (args[i].kind == V_STR) lua_pushstring(L, args[i].text);
        else if (args[i].kind == V_BOOL) lua_pushboolean(L, args[i].num != 0);
        else lua_pushnumber(L, args[i].num);
    }
    if (sandbox_call_value(e->lua[fi], f->name, n, e->d) <= 0) {
        e->lua_failed = 1;
        return value_na(NA_UNDEFINED, "a Lua function failed");
    }
    Value v;
    int t = lua_type(L, -1);
    if (t == LUA_TNIL)
        v = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave nil", f->name));
    else if (f->ret_type == T_NUM && t == LUA_TNUMBER)
        v = isfinite(lua_tonumber(L, -1)) ? value_num(lua_tonumber(L, -1))
          : value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave a number that is not finite", f->name));
    else if (f->ret_type == T_BOOL && t == LUA_TBOOLEAN) v = value_bool(lua_toboolean(L, -1));
    else if (f->ret_type == T_STR && t == LUA_TSTRING) {
        v.kind = V_STR;
        v.na = 0;
        v.num = 0;
        v.text = arena_strdup(&e->scratch, lua_tostring(L, -1));
    } else
        v = value_na(NA_UNDEFINED, arena_printf(&e->scratch, "%s() gave a %s, but is declared to give %s", f->name,
                                               lua_typename(L, t), f->ret_type == T_NUM ? "a number" : f->ret_type == T_STR ? "text" : "true/false"));
    lua_pop(L, 1);
    return v;
}

/* One sandbox per Lua file, for every function it gives. */
int host_open_lua(Engine *e)
{
    const Plan *p = e->plan;
    if (!p->nfuncs) return 0;
    e->lua = mem_xcalloc((size_t)p->nfuncs, sizeof *e->lua);
    for (int i = 0; i < p->nfuncs; i++) {
        if (!p->funcs[i].lua_file) continue;
        for (int j = 0; j < i && !e->lua[i]; j++)
            if (p->funcs[j].lua_file && !strcmp(p->funcs[j].lua_file, p->funcs[i].lua_file)) e->lua[i] = e->lua[j];
        if (e->lua[i]) continue;
        e->lua[i] = sandbox_new(NULL);
        if (!e->lua[i] || sandbox_load(e->lua[i], p->funcs[i].lua_file, NULL, e->d) != 0) return SKP_HOOK;
    }
    return 0;
}

void host_close_lua(Engine *e)
{
    const Plan *p = e->plan;
    for (int i = 0; e->lua && i < p->nfuncs; i++) {
        int shared = 0;
        for (int j = 0; j < i; j++) shared |= e->lua[j] == e->lua[i];
        if (!shared) sandbox_free(e->lua[i]);
    }
    free(e->lua);
}

static Value host_latest(VmHost *h, int code, int year)
{
    return cells_latest((Engine *)h, code, year, NULL);
}

/* The VM asks the engine for every figure a formula names. */
void host_init(Engine *e)
{
    e->host.realisation = host_realisation;
    e->host.target = host_target;
    e->host.data = host_data;
    e->host.latest = host_latest;
    e->host.record_agg = host_record_agg;
    e->host.column = host_column;
    e->host.group_agg = host_group_agg;
    e->host.capaian = host_capaian;
    e->host.weight = host_weight;
    e->host.to_date = host_to_date;
    e->host.unit_agg = rollup_host_agg;
    e->host.trace = e->opt->trace ? host_trace : NULL;
    e->host.lua_call = host_lua_call;
    e->host.scratch = &e->scratch;
    e->host.cp = e->cp;
}
