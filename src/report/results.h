/* results.h: the rows a template reads (see results.c). */
#ifndef SKP_REPORT_RESULTS_H
#define SKP_REPORT_RESULTS_H
#include "report/context.h"

/* A copy of row whose strings live as long as the report. */
Kept results_keep(Report *r, const ResultRow *row);
/* A RowSink that keeps every row in the report (ctx: the Report). */
int results_collect(const ResultRow *row, void *ctx);
/* Pushes a read-only sakip.result holding its own copy of k. */
void results_push(lua_State *L, const Kept *k);
/* Registers the sakip.result type (before the first results_push). */
void results_open_type(lua_State *L);

#endif
