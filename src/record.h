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
} RecordDecl;

#endif
