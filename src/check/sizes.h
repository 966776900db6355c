/* sizes.h: formulas within the plan's limits (see sizes.c). */
#ifndef SKP_CHECK_SIZES_H
#define SKP_CHECK_SIZES_H
#include "check/checker.h"

/* Every constant and formula of the plan as compile.c will write it out:
 * at most SKP_MAX_FORMULA_PARTS parts and SKP_MAX_NESTING levels each, at
 * most SKP_MAX_PLAN_PARTS parts in all. Only on a plan with no error. */
void sizes_check(Checker *c);

#endif
