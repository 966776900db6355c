/* import.h: CSV (RFC 4180) into the store, one file per transaction: the
 * whole file or nothing. Every bad row is reported as
 *   FILE:LINE: error: reason
 * all of them in one run; then nothing is written. */
#ifndef SKP_IMPORT_H
#define SKP_IMPORT_H
#include <sqlite3.h>
#include <stdio.h>
#include "base/num.h"
#include "check/record.h"
#include "store/store.h"

typedef struct {
    NumStyle numstyle;            /* NUM_PLAIN unless --indonesian */
    const char *table;            /* NULL: from the file name (units.csv -> units) */
    const RecordDecl *records;    /* record tables declared by the plan, if any */
    int nrecords;
    int max_errors;               /* 0: report every bad row */
    int levels;                   /* the plan has indicators on a scale: target and realisation
                                     values may be levels (WTP, BB), checked at eval */
    const char *source;           /* --source: the source of targets in a file without a
                                     source column (NULL: the column is required) */
    int append;                   /* a keyless record table keeps the rows loaded before from
                                     the same path (the inline blocks of one test file) */
} ImportOptions;

typedef struct {
    long rows_read;               /* data rows in the file */
    long rows_written;            /* new rows (identical re-imports are not new) */
    int errors;
    const char *table;            /* table the file went to (static or from opts) */
    int db_failed;                /* the database failed (locked, full, out of memory...):
                                     the next files would fail the same way */
} ImportResult;

/* Built-in tables: units, indicators, targets, realisasi, budget. Anything
 * else must be a record table declared in opts->records.
 * Returns SKP_OK when the file was loaded, SKP_DATA when any row was bad
 * (nothing written), SKP_RUNTIME on I/O or database failure. Messages go to err. */
SkpStatus import_csv(Store *store, const char *path, const ImportOptions *opts,
               ImportResult *res, FILE *err);

/* The same for CSV text read from f (a block of a test file): messages
 * name `path`, and line line0 + 1 is f's first. f is left open. */
SkpStatus import_stream(Store *store, FILE *f, const char *path, long line0, const ImportOptions *opts,
                        ImportResult *res, FILE *err);

/* The table a file goes to by default: basename without ".csv". Caller frees. */
char *import_table_for_file(const char *path);

#endif
