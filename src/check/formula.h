/* formula.h: the formulas of a plan (see formula.c). */
#ifndef SKP_CHECK_FORMULA_H
#define SKP_CHECK_FORMULA_H
#include "check/checker.h"

/* Checks every constant and formula: names, types, functions, aggregates;
 * draws the edges between figures that cycles_find follows. */
void formula_check_all(Checker *c);

#endif
