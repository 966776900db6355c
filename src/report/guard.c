/* guard.c: statements and buffers a Lua error cannot leak (guard.h). A
 * `sakip` function that reads rows into Lua tables may be interrupted by
 * any push (the memory budget), so what C owns meanwhile belongs to a
 * userdata whose __gc frees it. */
#include "report/guard.h"

#include <lauxlib.h>
#include <stdlib.h>

#define STMT_TYPE "sakip.stmt"
#define OWNED_TYPE "sakip.owned"

static int stmt_gc(lua_State *L)
{
    sqlite3_stmt **u = luaL_checkudata(L, 1, STMT_TYPE);
    if (*u) sqlite3_finalize(*u);
    *u = NULL;
    return 0;
}

static int owned_gc(lua_State *L)
{
    char **u = luaL_checkudata(L, 1, OWNED_TYPE);
    free(*u);
    *u = NULL;
    return 0;
}

char **guard_owned_new(lua_State *L)
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
sqlite3_stmt *guard_stmt_open(lua_State *L, Store *store, const char *sql)
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
void guard_stmt_close(lua_State *L, int idx)
{
    sqlite3_stmt **u = luaL_checkudata(L, idx, STMT_TYPE);
    sqlite3_finalize(*u);
    *u = NULL;
    lua_remove(L, idx);
}
