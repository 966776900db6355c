/* findings.h: what the audits share (audit.c for the achievement table,
 * budgetaudit.c for the budget; no other file includes this): the list of
 * findings, transcriptions read as CSV, and printed numbers read and shown
 * the way reports write them. */
#ifndef SKP_TOOLS_FINDINGS_H
#define SKP_TOOLS_FINDINGS_H
#include "base/arena.h"
#include "base/diag.h"
#include "base/num.h"
#include "base/vec.h"

/* ---- a transcription: a CSV file with a header row -------------------------- */

typedef struct {
    char **cells;
    int ncells;
    long line;                  /* where the row starts in the file */
} CsvRow;

typedef struct {
    VEC(CsvRow) rows;           /* rows.items[0] is the header */
    VEC(char *) cur;
    long line, row_line;
    Arena text;
} CsvFile;

/* Reads the whole file; -1 (reported through d with the file and line)
 * when it cannot be opened or is not CSV. */
int findings_read_csv(const char *path, CsvFile *f, Diag *d);
void findings_csv_free(CsvFile *f);
/* "FILE:LINE: error: reason", as import reports a bad row. */
void findings_data_error(Diag *d, const char *path, long line, const char *fmt, const char *arg);
/* The header's columns against the names a transcription may have: col[i]
 * is the column of names[i], or -1. An unknown column is an error that
 * lists the known ones. Returns 0, or -1 after reporting. */
int findings_columns(const CsvFile *f, const char *path, const char *const *names, int nnames, int *col, Diag *d);

/* ---- the findings ------------------------------------------------------------ */

enum { F_WHERE, F_ITEM, F_FIELD, F_PRINTED, F_COMPUTED, F_DIFF, F_RULE, NF };

typedef struct {
    double tolerance;           /* a printed number may differ by this much beyond its rounding */
    NumStyle numstyle;          /* --indonesian: 100,17 */
    Arena *a;                   /* the findings' text, kept until they are printed */
    VEC(const char **) found;   /* NF cells each */
    int checked;                /* printed figures compared */
} Audit;

/* One figure that disagrees: where it was printed, what it is, the printed
 * and computed values, their difference and the rule it was computed by.
 * The strings are copied. */
void findings_add(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                  const char *computed, const char *diff, const char *rule);
/* "FILE:LINE" or "FILE:LINE (WHERE)": where a transcription's row was printed. */
const char *findings_where(Audit *au, const char *path, long line, const char *printed_where);

/* ---- printed numbers ---------------------------------------------------------- */

/* A printed number as a report writes it: "90.19", "80%", "80 %", and with
 * --indonesian "90,19". Returns NUMP_OK or why not (see num_parse). */
NumParseStatus findings_number(const Audit *au, const char *printed, double *v, int *decimals, const char **why);
/* v at digits decimals (-1: as computed), in the arena. */
const char *findings_num(Arena *a, double v, int digits);
/* x - y in rupiah, or "beyond 64-bit rupiah". */
const char *findings_rupiah_diff(Arena *a, int64_t x, int64_t y);
/* How a printed percentage was rounded when not by the rule: "the exact
 * 12.345 rounded down (truncated) to 2 decimals", or NULL when no other
 * mode at the printed decimals gives it. */
const char *findings_rounded_as(Arena *a, double exact, double printed, int decimals, RoundMode rule);

#endif
