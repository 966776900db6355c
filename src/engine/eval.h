/* eval.h: compiled plan + store -> values. Each table is read once, in
 * unit order, and merged; a unit is evaluated as soon as its rows are in,
 * so memory holds one unit's data at a time, whatever the country's size. */
#ifndef SKP_ENGINE_EVAL_H
#define SKP_ENGINE_EVAL_H
#include <sqlite3.h>
#include "base/diag.h"
#include "engine/result.h"
#include "store/store.h"

/* Evaluates; returns SKP_OK, SKP_DATA (a unit of the plan not in the
 * store, ...), SKP_HOOK (a Lua function failed) or SKP_RUNTIME (the
 * database failed), with messages through d. */
SkpStatus eval_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt,
             RowSink sink, void *ctx, Diag *d);

#endif
