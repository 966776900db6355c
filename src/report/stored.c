/* stored.c: stored rows templates read as they are. See stored.h. */
#include "report/stored.h"

#include <lauxlib.h>
#include <string.h>

/* Reads one table once into a Lua table kept as upvalue 2 of the function:
 * key (the first `nkey` columns joined by "|") -> { [column nkey] = value }.
 * Values are numbers for targets, text for narratives. */
static int load_once(lua_State *L, const char *sql, int nkey, int numeric)
{
    if (lua_type(L, lua_upvalueindex(2)) == LUA_TTABLE) return 0;
    Report *r = report_of(L);
    sqlite3_stmt *st = store_prepare(r->store, sql, r->d);
    if (!st) return luaL_error(L, "the database cannot be read (%s)", sqlite3_errmsg(r->store->db));
    lua_newtable(L);
    int rc;
    while ((rc = store_step(r->store, st)) == SQLITE_ROW) {
        luaL_Buffer key;
        luaL_buffinit(L, &key);
        for (int i = 0; i < nkey; i++) {
            if (i) luaL_addchar(&key, '|');
            luaL_addstring(&key, (const char *)sqlite3_column_text(st, i));
        }
        luaL_pushresult(&key);
        lua_pushvalue(L, -1);
        if (lua_rawget(L, -3) != LUA_TTABLE) {     /* a new key: its table of values */
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -2);
            lua_rawset(L, -5);
        }
        lua_pushstring(L, (const char *)sqlite3_column_text(st, nkey));
        if (numeric) lua_pushnumber(L, sqlite3_column_double(st, nkey + 1));
        else lua_pushstring(L, (const char *)sqlite3_column_text(st, nkey + 1));
        lua_rawset(L, -3);
        lua_pop(L, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return luaL_error(L, "the database cannot be read (%s)", sqlite3_errmsg(r->store->db));
    lua_replace(L, lua_upvalueindex(2));
    return 0;
}

/* The values stored under key, copied (templates may change their copy), or nil. */
static int push_copy(lua_State *L, const char *key)
{
    if (lua_getfield(L, lua_upvalueindex(2), key) != LUA_TTABLE) {
        lua_pushnil(L);
        return 1;
    }
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    return 1;
}

/* sakip.targets(unit, code, year): { pk = 100, renstra = 90, renja = 100 },
 * every source's yearly target as the targets table holds it (a level of a
 * scale is not a number: left out), or nil when it has none. */
static int api_targets(lua_State *L)
{
    const char *unit = luaL_checkstring(L, 1), *code = luaL_checkstring(L, 2);
    lua_Integer year = luaL_checkinteger(L, 3);
    load_once(L, "SELECT unit, indicator, year, source, value FROM targets WHERE typeof(value) IN ('integer', 'real')",
              3, 1);
    lua_pushfstring(L, "%s|%s|%d", unit, code, (int)year);
    return push_copy(L, lua_tostring(L, -1));
}

/* sakip.narrative(unit, code, period): { kendala = "...", ... }, the
 * narratives table's fields for that unit, indicator and period ("2023-Q4",
 * "2023"), or nil when it has none. */
static int api_narrative(lua_State *L)
{
    const char *unit = luaL_checkstring(L, 1), *code = luaL_checkstring(L, 2), *period = luaL_checkstring(L, 3);
    load_once(L, "SELECT unit, indicator, period, field, text FROM narratives", 3, 0);
    lua_pushfstring(L, "%s|%s|%s", unit, code, period);
    return push_copy(L, lua_tostring(L, -1));
}

void stored_open(lua_State *L, Report *r)
{
    lua_pushlightuserdata(L, r);
    lua_pushnil(L);                         /* upvalue 2: the table, once read */
    lua_pushcclosure(L, api_targets, 2);
    lua_setfield(L, -2, "targets");
    lua_pushlightuserdata(L, r);
    lua_pushnil(L);
    lua_pushcclosure(L, api_narrative, 2);
    lua_setfield(L, -2, "narrative");
}
