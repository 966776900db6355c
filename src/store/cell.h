/* cell.h: a CSV field converted to what its column takes (see cell.c). */
#ifndef SKP_STORE_CELL_H
#define SKP_STORE_CELL_H
#include <sqlite3.h>
#include "base/num.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "store/tablespec.h"

/* One value bound for insertion. */
typedef struct {
    int type;              /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
    int64_t i;
    double d;
    const char *s;         /* into the row buffer */
} Cell;

/* What a conversion needs to know, and where it says what is wrong. */
typedef struct {
    NumStyle numstyle;          /* plain 84.98, or Indonesian 84,98 */
    int levels;                 /* K_LEVEL may hold a level of a scale (WTP, BB) */
    const StrMap *units;        /* the unit codes K_UNIT may name */
    StrBuf *reason;             /* the row's problems, joined by "; " */
} CellContext;

/* One scalar text into a cell of its column's kind. 0, or -1 with the
 * problem added to cx->reason. */
int cell_convert(const CellContext *cx, const ColSpec *c, const char *text, Cell *out);
/* An array field ("4 4 3 ...") split in place into its cells; the count is
 * checked first, as it is the clearer problem. */
int cell_convert_array(const CellContext *cx, const ColSpec *c, char *text, Cell *out);
/* Adds one problem to a row's reason. */
void cell_problem(StrBuf *reason, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
