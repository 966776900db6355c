/* diff.h: a plan's baseline against a what-if scenario, only what changed. */
#ifndef SKP_DIFF_H
#define SKP_DIFF_H
#include "engine/eval.h"
#include "output/output.h"
#include "store/store.h"

/* Evaluates twice (base, then what) and prints every figure that differs:
 * target, realisation, capaian, grade or status, with both values. Returns
 * 0, or eval_run's code (4, 5) when an evaluation fails. */
SkpStatus diff_run(const CompiledPlan *cp, Store *store, const EvalOptions *base, const EvalOptions *what,
             const char *label, SkpFormat fmt, int color, FILE *out, Diag *d);

#endif
