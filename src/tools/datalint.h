/* datalint.h: the warnings of `check --lint` about a plan against its
 * data: an indicator with no target for a year it is evaluated in (by the
 * plan's own target sources), one that no unit of the database has, period
 * targets that contradict the annual target under the indicator's
 * aggregate (four quarters adding up to more than the year), Renstra
 * targets that move against the polarity (falling under `higher`). */
#ifndef SKP_TOOLS_DATALINT_H
#define SKP_TOOLS_DATALINT_H
#include "engine/eval.h"
#include "store/store.h"

/* Reports each finding through d as `FILE:LINE:COL: warning:` (the plan's
 * line, or the CSV line of the stored row); *warnings says how many.
 * opt's years are the ones evaluated (year_from 0: none, the targets of the
 * years are not checked). Returns SKP_OK or SKP_RUNTIME (the store failed). */
SkpStatus datalint_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, Diag *d, int *warnings);

#endif
