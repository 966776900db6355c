/* tally.h: values -> the grade recap (`sakipc eval --report grades`).
 *
 * How many figures fell in each band of each grade scheme, per year: the
 * recap an LKIP prints under its achievement table ("18 IKU Sangat Tinggi,
 * 4 Tinggi ..."), and what the national benchmark compares with its SQL
 * baseline. A RowSink counts rows as they stream by, so a national run
 * holds one counter per scheme, band and year, never the rows. */
#ifndef SKP_TALLY_H
#define SKP_TALLY_H
#include "engine/eval.h"
#include "output/output.h"

typedef struct Tally Tally;

Tally *tally_new(const Plan *p, int year_from, int year_to);
int tally_row(const ResultRow *row, void *tally);      /* a RowSink */
/* Prints the counts: scheme, on (capaian or value), year, band, label,
 * count; a band no figure fell in counts 0, and figures a scheme grades
 * but could not place (no capaian, no band) count as band "-". */
SkpStatus tally_print(Tally *t, FILE *f, SkpFormat fmt, int color);
void tally_free(Tally *t);

#endif
