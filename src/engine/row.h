/* row.h: the unit's rows (see row.c). */
#ifndef SKP_ENGINE_ROW_H
#define SKP_ENGINE_ROW_H
#include "engine/state.h"

/* Fills e->def_of for e->unit: which definition of each indicator code the
 * unit has (an explicit unit list beats a selector). Returns how many
 * indicators the unit has. */
int row_choose_defs(Engine *e);
/* Evaluates the unit's rows that roll up (rollup 1, the second pass) or
 * the others (rollup 0) and gives them to sink in plan order, year by
 * year; sink NULL: the figures are made, the rows are not wanted (a unit
 * outside --unit whose figures the units above need). Returns sink's
 * first non-zero answer, or 0. */
/* One row: definition def (Plan.inds index) of the unit in `year`. */
void row_eval_one(Engine *e, int def, int year, ResultRow *row);
int row_eval_unit(Engine *e, int rollup, RowSink sink, void *ctx);

#endif
