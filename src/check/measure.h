/* measure.h: measure units in formulas. An indicator's `measure` (%,
 * rupiah, indeks 25-100, dokumen, ...) gives its figures a unit; adding
 * rupiah to percent, or comparing an index with a count, is a plan error.
 * Percent and fraction are distinct: as_percent() and as_fraction()
 * convert between them explicitly. */
#ifndef SKP_MEASURE_H
#define SKP_MEASURE_H
#include "check/plan.h"

/* Checks every formula of a checked plan; errors go to d. */
void measure_check(const Plan *p, Diag *d);

#endif
