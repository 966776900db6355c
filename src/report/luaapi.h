/* luaapi.h: the functions of the `sakip` module shared by report templates
 * and eval hooks:
 *
 *   sakip.grade(S, v)       the band of v in scheme S: code, label (nil if none)
 *   sakip.format(v, d)      v at d decimals, as the reports print it (84.98)
 *   sakip.format_id(v, d)   the Indonesian way (84,98; 62.644.362.476)
 *   sakip.csv(s)            s as one CSV field
 *   sakip.json(s)           s as a JSON string
 *
 * One code path: a hook's warning and a template's table print a figure the
 * same way. */
#ifndef SKP_LUAAPI_H
#define SKP_LUAAPI_H
#include <lua.h>
#include "check/plan.h"

/* Sets those functions in the table on top of L's stack; p must outlive L. */
void luaapi_common(lua_State *L, const Plan *p);

#endif
