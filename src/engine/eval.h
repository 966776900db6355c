/* eval.h: compiled plan + store -> values. Each table is read once, in
 * unit order, and merged; a unit is evaluated as soon as its rows are in,
 * so memory holds one unit's data at a time, whatever the country's size. */
#ifndef SKP_ENGINE_EVAL_H
#define SKP_ENGINE_EVAL_H
#include <sqlite3.h>
#include "base/diag.h"
#include "engine/result.h"
#include "store/store.h"

/* Evaluates; returns 0, 4 (data error: unknown unit in the plan, ...) or 5
 * (database failure), with messages through d. */
int eval_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt,
             RowSink sink, void *ctx, Diag *d);

#endif
