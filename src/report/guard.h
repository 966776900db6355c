/* guard.h: what a Lua error cannot leak (see guard.c). */
#ifndef SKP_REPORT_GUARD_H
#define SKP_REPORT_GUARD_H
#include <lua.h>
#include "store/store.h"

/* Prepares sql on the store and pushes its guard; NULL (nothing pushed) on failure. */
sqlite3_stmt *guard_stmt_open(lua_State *L, Store *store, const char *sql);
/* Finalizes the statement guarded at stack index idx, and removes the guard. */
void guard_stmt_close(lua_State *L, int idx);
/* A malloc'd buffer owned by a userdata pushed on the stack (open_memstream text). */
char **guard_owned_new(lua_State *L);

#endif
