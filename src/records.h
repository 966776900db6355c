/* records.h: values from record tables. The tables a plan aggregates over
 * are read once, whole, at the start of an evaluation (one query per table),
 * indexed by unit; count/sum/avg/min/max then run over the rows of the unit
 * and year being evaluated, with the plan's `where` filter compiled like any
 * other formula. */
#ifndef SKP_RECORDS_H
#define SKP_RECORDS_H
#include <sqlite3.h>
#include "compile.h"
#include "diag.h"
#include "vm.h"

typedef struct RecordStore RecordStore;

/* Reads every record table that plan->raggs uses. A table that was never
 * imported is not an error here: its aggregates are "no data". NULL only
 * when the database fails (reported through d). */
RecordStore *records_load(sqlite3 *db, const Plan *p, Diag *d);
void records_free(RecordStore *rs);

/* Plan.raggs[agg] for `unit` (NULL: any) and `year`. Runs the filter
 * program with h, whose column callback must answer records_column. */
Value records_aggregate(RecordStore *rs, const CompiledPlan *cp, int agg,
                        const char *unit, int year, VmHost *h);
/* Column `col` of the row the running filter is looking at. */
Value records_column(const RecordStore *rs, int col);

#endif
