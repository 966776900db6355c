/* context.h: what a report run holds while its template runs, shared by
 * report.c (the run), results.c (results as Lua sees them), sakipapi.c
 * (the `sakip` table) and xlsx.c (workbooks). Types and small Lua helpers
 * only. */
#ifndef SKP_REPORT_CONTEXT_H
#define SKP_REPORT_CONTEXT_H
#include <lua.h>
#include <xlsxwriter.h>
#include "base/arena.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "engine/budget.h"
#include "engine/result.h"
#include "store/store.h"

/* A result row kept for the template, with its own copy of its strings. */
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
    BudgetLinkSum *link_sums;   /* per p->budget.links, over the last year evaluated */
    StrBuf out;
    const char *out_path;       /* --out, or NULL */
    /* a workbook (sakip.workbook()): written to a temporary file next to --out */
    lxw_workbook *wb;
    char *wb_tmp;
    lxw_format *formats[4];
} Report;

/* The report a `sakip` function belongs to: its first upvalue. */
static inline Report *report_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

static inline void push_opt_number(lua_State *L, int has, double v)
{
    if (has) lua_pushnumber(L, v); else lua_pushnil(L);
}

static inline void push_opt_string(lua_State *L, const char *s)
{
    if (s) lua_pushstring(L, s); else lua_pushnil(L);
}

#endif
