/* sakipapi.h: the `sakip` table of report templates (see sakipapi.c). */
#ifndef SKP_REPORT_SAKIPAPI_H
#define SKP_REPORT_SAKIPAPI_H
#include "report/context.h"

/* Sets the global `sakip` in L, its functions bound to the report r. */
void sakipapi_open(lua_State *L, Report *r);

#endif
