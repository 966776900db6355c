/* table.h: record tables in a plan (see table.c). */
#ifndef SKP_CHECK_TABLE_H
#define SKP_CHECK_TABLE_H
#include "check/checker.h"

/* record NAME ["title"] { columns; key a, b; per unit, year } */
void table_declare(Checker *c, Stmt *s);
/* "T" or "T.column": the record table (and flat column) a name stands for.
 * Returns 1 when it names a table (reporting an unknown column, *col -2);
 * 0 when the part before the dot is not a record table. */
int table_ref(Checker *c, const Expr *e, int *rec, int *col, ColType *type);
/* "T.service, T.unsur": the columns of a grouping. */
const char *table_group_text(Checker *c, const GroupSpec *g);
int table_same_group(const GroupSpec *a, const GroupSpec *b);

#endif
