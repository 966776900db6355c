/* records.h: values from record tables. The tables a plan aggregates over
 * are read once, whole, at the start of an evaluation (one query per table),
 * indexed by unit; count/sum/avg/min/max then run over the rows of the unit
 * and year being evaluated, with the plan's `where` filter compiled like any
 * other formula. */
#ifndef SKP_RECORDS_H
#define SKP_RECORDS_H
#include <sqlite3.h>
#include "engine/compile.h"
#include "base/diag.h"
#include "engine/vm.h"
#include "base/arena.h"
#include "store/store.h"

typedef struct RecordStore RecordStore;

/* Reads every record table that plan->raggs uses. A table that was never
 * imported is not an error here: its aggregates are "no data". NULL only
 * when the database fails (reported through d). */
RecordStore *records_load(Store *store, const Plan *p, Diag *d);
void records_free(RecordStore *rs);

/* The group a grouped indicator is being evaluated for: rows of `record`
 * whose columns `cols` hold `vals`. */
typedef struct {
    int record;
    int ncols;
    const int *cols;
    const Value *vals;
} RecordGroup;

/* Plan.raggs[agg] for `unit` (NULL: any) and `year`, over the rows of
 * `group` when it is of the same table (NULL: no group). Runs the filter
 * and value programs with h, whose column callback must answer
 * records_column. */
Value records_aggregate(RecordStore *rs, const CompiledPlan *cp, int agg,
                        const char *unit, int year, const RecordGroup *group, VmHost *h);

/* The groups of g among the rows in scope for unit and year, in the order
 * their first rows appear: *first gets each group's first row (malloc'd).
 * Returns the number of groups; -1 when the table was never imported. */
int records_groups(RecordStore *rs, const GroupSpec *g, const char *unit, int year, int **first);
/* Data errors found while aggregating (rows that disagree); eval exits 4. */
int records_data_errors(const RecordStore *rs);
/* The cells of one row of a record table (Plan.records index). */
const Value *records_row(const RecordStore *rs, int record, int row);
/* "no rows of T for U in 2023" and the like, for a table with no row in scope. */
const char *records_scope_text(const RecordStore *rs, int record, const char *unit, int year, Arena *a);
/* Column `col` of the row the running filter is looking at. */
Value records_column(const RecordStore *rs, int col);

#endif
