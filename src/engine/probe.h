/* probe.h: a row again, with one realisation changed, in memory. While a
 * sink holds a row of the evaluation, the unit's data is loaded; a probe
 * evaluates the row once more with the realisation of one indicator of
 * that unit and year set to x, through the same figures, caps, rounding and
 * bands (row_eval_one), and puts the unit's figures back as they were. A
 * probe reads nothing from the store: `sakipc margin` asks thousands per
 * second, where `need` re-evaluates the unit for each. */
#ifndef SKP_ENGINE_PROBE_H
#define SKP_ENGINE_PROBE_H
#include "engine/result.h"

/* The row as it would be with input_code's realisation at x (the row's
 * own indicator's code, or an indicator its formula uses). 0 with *out
 * set; -1 when the row is not the one the evaluator is on (a sink may
 * probe only the row it was handed). *out's strings live until the sink
 * returns. */
int probe_row(const ResultRow *row, int input_code, double x, ResultRow *out);

/* The realisation of `code` in the row's unit and year as evaluated: 1
 * with *v set, 0 when it has none. */
int probe_realisation(const ResultRow *row, int code, double *v);

struct Engine;
/* Frees what probes of e kept (engine_free calls it). */
void probe_free(struct Engine *e);

#endif
