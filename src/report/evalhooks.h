/* evalhooks.h: event hooks during `sakipc eval` (--hook FILE, or `hook
 * "FILE.lua"` in the plan). Each hook file returns a table with any of
 *
 *   before_unit(unit)   before the first row of a unit
 *   on_result(r)        for each row: r is a table of its figures
 *   after_unit(unit)    after the last row of a unit
 *
 * (each optional). A hook adds warnings with sakip.warn(text); they go to
 * standard error with the row they concern and are counted at the end.
 * A hook that fails stops the evaluation: exit 6, its traceback shown. */
#ifndef SKP_EVALHOOK_H
#define SKP_EVALHOOK_H
#include "engine/eval.h"
#include "lua/sandbox.h"

typedef struct EvalHooks EvalHooks;

/* Loads every hook file in its own sandbox. NULL when one fails (reported). */
EvalHooks *evalhooks_open(const Plan *p, const char *const *paths, int n, const SandboxLimits *lim, FILE *warn_to, Diag *d);
void evalhooks_close(EvalHooks *eh);

/* A RowSink that runs the hooks on each row, then passes it to next. */
typedef struct {
    EvalHooks *hooks;
    RowSink next;
    void *next_ctx;
} HookedSink;
int evalhooks_sink(const ResultRow *row, void *hooked_sink);

/* After the last row: the last unit's after_unit. Returns SKP_OK or SKP_HOOK. */
int evalhooks_finish(EvalHooks *eh);
/* Warnings the hooks gave. */
int evalhooks_warnings(const EvalHooks *eh);

#endif
