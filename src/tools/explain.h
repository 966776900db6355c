/* explain.h: how one figure was derived. The formula as written and where,
 * every input with its value and where it came from (table, key, period,
 * CSV line), the cap and rounding applied, and the band that matched. */
#ifndef SKP_EXPLAIN_H
#define SKP_EXPLAIN_H
#include "engine/eval.h"
#include "output/output.h"
#include "store/store.h"

typedef struct {
    const char *unit, *indicator;
    const char *group;        /* for a grouped indicator: which group ("Keuangan") */
} ExplainQuery;

/* Evaluates opt's (single) year for the unit with tracing on, then prints
 * the derivation as text (table, markdown) or JSON. Returns SKP_OK,
 * SKP_USAGE (no such figure) or eval_run's status. */
SkpStatus explain_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const ExplainQuery *q,
                SkpFormat fmt, FILE *out, Diag *d);

#endif
