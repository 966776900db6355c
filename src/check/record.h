/* record.h: record tables declared in a plan (survey answers, lists of
 * regulations). The checker builds these from `record` blocks; the importer
 * uses them to create and load the table; formulas read them (issue 3). */
#ifndef SKP_RECORD_H
#define SKP_RECORD_H

typedef enum { COL_TEXT, COL_INT, COL_NUM } ColType;

typedef struct {
    const char *name;
    ColType type;
    int array_len;        /* 0: one CSV field. N > 0: one CSV field holding N
                             space-separated values, stored as name_1..name_N */
    int has_range;        /* values must lie in [lo, hi] */
    double lo, hi;
    int optional;         /* empty field allowed (stored as NULL) */
} RecordColumn;

typedef struct {
    const char *name;     /* SQLite table name: rec_<name> */
    const char *title;    /* may be NULL */
    RecordColumn *cols;
    int ncols;
    int *key;             /* indexes into cols; nkey == 0: no key */
    int nkey;
    /* `per unit, year`: the columns (flat indexes) that place a row in a
     * unit and a year; formulas then see only the rows of the unit and year
     * being evaluated. -1: the table is not split that way. */
    int unit_col, year_col;
} RecordDecl;

/* Flat columns: a scalar column is one, an array column `scores int[9]` is
 * nine (scores_1 .. scores_9), as the table stores them. */
int record_flat_count(const RecordDecl *r);
/* Flat index of `name` ("u1", "scores_3"), or -1; *type gets its type. */
int record_flat_find(const RecordDecl *r, const char *name, ColType *type);
/* The stored name of flat column i, into buf. */
const char *record_flat_name(const RecordDecl *r, int i, char *buf, unsigned n);

#endif
