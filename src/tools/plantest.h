/* plantest.h: what `sakipc test` does besides evaluating (docs/testing.md):
 * the in-memory stores a test file's tests run on, each expectation set
 * against the row the evaluation gave, the failures and the results table.
 * The evaluation itself is the public one (skp_eval, in api/plantest.c),
 * so that a test sees the figures eval prints. */
#ifndef SKP_TOOLS_PLANTEST_H
#define SKP_TOOLS_PLANTEST_H
#include <stdio.h>
#include "sakip.h"
#include "check/plan.h"
#include "store/store.h"
#include "tools/testfile.h"

/* A database in memory with the schema, the plan's record tables and the
 * data the file's tests share; NULL when any of it failed (reported, *st
 * the status: SKP_PLAN for rows written in the test file, SKP_DATA for a
 * CSV file's, SKP_RUNTIME for the database). */
Store *plantest_shared_store(const TestFile *f, const Plan *p, Diag *d, SkpStatus *st);
/* A copy of shared with the test's own rows; NULL as above. */
Store *plantest_test_store(const TestFile *f, const TestCase *t, const Plan *p, Store *shared, Diag *d, SkpStatus *st);
/* Reports every expectation of t naming a unit the test's units table
 * lacks; how many there were. */
int plantest_check_units(const TestCase *t, Store *s, Diag *d);

/* An expectation and what the evaluation gave for it. */
typedef struct {
    const char *test;
    const Expect *e;
    int seen;               /* the evaluation gave the expectation's row */
    int has;                /* ... and the row has the figure */
    double number;
    char actual[128];       /* the figure as the results show it */
    char why[256];          /* why the row has no figure */
    int pass;
} Outcome;

/* Whether row is the one e is about (unit, indicator, group, year). */
int plantest_matches(const Expect *e, const SkpRow *row);
/* Takes o's figure from its row (strings are copied: the row's live until the sink returns). */
void plantest_take(Outcome *o, const SkpRow *row);
/* Decides o->pass from what was taken. */
void plantest_judge(Outcome *o);
/* A failure as `file:line:col: fail: UNIT IND YEAR FIELD: expected X, got Y`. */
void plantest_report(const Outcome *o, Diag *d);
/* Every expectation (or, with failed_only, the failures) in the results
 * table: test, unit, indicator, group, year, field, expected, actual,
 * result, where. */
SkpStatus plantest_print(const Outcome *os, int n, int failed_only, SkpFormat fmt, int color, FILE *out);

#endif
