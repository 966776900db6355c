/* stored.h: rows of the store that templates read as they are, beside the
 * evaluated figures: the yearly targets of every source (PK, Renstra,
 * Renja side by side) and the narratives (what a report says in words per
 * unit, indicator and period). Each table is read once, on first use. */
#ifndef SKP_REPORT_STORED_H
#define SKP_REPORT_STORED_H
#include <lua.h>
#include "report/context.h"

/* Adds sakip.targets and sakip.narrative to the table on top of L's stack
 * (the sakip module being built for report r). */
void stored_open(lua_State *L, Report *r);

#endif
