/* tablespec.h: the tables a CSV file can be imported into, column by
 * column: what kind of value each takes, which make its key, what it
 * refers to (see tablespec.c). */
#ifndef SKP_STORE_TABLESPEC_H
#define SKP_STORE_TABLESPEC_H
#include <stdint.h>
#include "check/record.h"

typedef enum {
    K_TEXT,      /* any UTF-8 text */
    K_CODE,      /* non-empty text: codes, names that are keys */
    K_NUM,       /* a number (REAL) */
    K_LEVEL,     /* a number, or a level of a scale (WTP, BB): stored as text */
    K_INT,       /* an exact integer (rupiah, counts) */
    K_YEAR,      /* 1900..2999 */
    K_PERIOD,    /* 2023, 2023-S1, 2023-Q3, 2023-07 */
    K_UNIT,      /* code of a unit already in the units table */
} Kind;

typedef struct {
    const char *name;
    Kind kind;
    int in_header;   /* 1: the header must have it */
    int nullable;    /* the field may be empty (stored as NULL) */
    int key;         /* part of the table's key */
    int array_len;   /* record tables: N values in one field */
    int has_range;
    double lo, hi;
} ColSpec;

typedef struct {
    const char *name;       /* as users know it: units, realisasi, ikm_responses */
    char sqlname[80];       /* units, rec_ikm_responses */
    const ColSpec *cols;
    int ncols;
    const char *parent_col; /* checked after the load: must name a row of this table */
    const char *parent_of;  /* the column it refers to */
    const char *parent_what;/* "unit", "budget line" */
    const RecordDecl *record;
} TableSpec;

/* The place of a table in the order a batch of files is loaded in, so that
 * references resolve (units before targets and realisasi); lower first,
 * record tables last. */
int tablespec_rank(const char *table);
/* The built-in table called `name` (units, targets, ...), or NULL. */
const TableSpec *tablespec_builtin(const char *name);
/* A record declaration as a TableSpec; t->cols is allocated, caller frees. */
void tablespec_from_record(TableSpec *t, const RecordDecl *r);

#endif
