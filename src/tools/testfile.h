/* testfile.h: a plan test file (.skptest, docs/testing.md) read into what
 * `sakipc test` runs: the data every test of the file shares, and each
 * test's own rows, what-if changes and expected figures. Reading checks
 * everything that can be checked without the data: the syntax, the
 * indicator codes, schemes and tables against the plan, the periods,
 * numbers and changes; each error as `file:line:col: error:` with a caret. */
#ifndef SKP_TOOLS_TESTFILE_H
#define SKP_TOOLS_TESTFILE_H
#include "base/arena.h"
#include "base/diag.h"
#include "check/plan.h"

/* CSV text for one table: a file of the user's, or lines of the test file
 * (an inline block, or a row written by a shorthand such as `realisation`). */
typedef struct {
    Loc loc;                /* the statement, for messages */
    const char *table;      /* the table it goes to; NULL: from the file's name */
    const char *path;       /* a CSV file, relative to the test file made whole; NULL: text */
    const char *text;       /* the CSV (header first) */
    size_t len;
    long line0;             /* the test file's line before the text's first */
} TestData;

typedef enum { EF_CAPAIAN, EF_GRADE, EF_STATUS, EF_REALISATION, EF_TARGET, EF_SOURCE, EF_COVERAGE } ExpectField;

/* `expect UNIT IND[GROUP]@YEAR FIELD [SCHEME] = VALUE [within X]` or `... missing`. */
typedef struct {
    Loc loc;                /* the whole line */
    Loc value_loc;          /* the expected value (or `missing`): the caret of a failure */
    Loc unit_loc;
    const char *unit, *indicator, *group;   /* group NULL: an ungrouped row */
    int year;               /* filled in from the test's, the file's or the plan's year */
    ExpectField field;
    const char *scheme;     /* grade: the scheme named, or NULL: the indicator's first */
    int missing;            /* expects no figure */
    int numeric;            /* number (else text) */
    double number;
    const char *text;
    const char *written;    /* the expected value as written */
    int has_within;
    double within;
} Expect;

typedef struct {
    const char *name;
    Loc loc;
    int year;               /* `year` inside the test, 0: none */
    TestData *data; int ndata;
    const char **sets; int nsets;       /* as --set takes them: SETWAN:IKU1.target=90 */
    Expect *expects; int nexpects;
} TestCase;

typedef struct {
    Arena arena;
    Source *sources;        /* the file's text, which every Loc points into */
    const char *path;
    int year;               /* the file's `year`, 0: none */
    TestData *data; int ndata;          /* shared by every test */
    TestCase *tests; int ntests;
} TestFile;

/* Reads and checks path against plan p. NULL when it cannot be read
 * (reported); otherwise the file, with d->errors counting what was wrong. */
TestFile *testfile_read(const char *path, const Plan *p, Diag *d);
void testfile_free(TestFile *f);
/* The name of a field as written in an expectation ("capaian"). */
const char *testfile_field_name(ExpectField f);

#endif
