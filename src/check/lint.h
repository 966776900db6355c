/* lint.h: warnings about a plan that is valid but most likely not what
 * its writer meant (`sakipc check --lint`): a division by a constant zero,
 * a band no figure can reach under the indicator's cap and rounding, a
 * scheme of the plan's own files that grades nothing. */
#ifndef SKP_CHECK_LINT_H
#define SKP_CHECK_LINT_H
#include "base/diag.h"
#include "check/plan.h"

/* Reports each finding through d as `file:line:col: warning: ...`; returns
 * how many. The plan is not changed. */
int lint_plan(const Plan *p, Diag *d);

#endif
