/* plantest.c: plan tests through the public header (sakip.h): skp_test.
 * Each test's figures come from skp_eval on a session over the test's own
 * store in memory, the one code path `sakipc eval` prints from; what
 * tools/plantest.c adds is the stores and the verdicts. */
#include "sakip.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/vec.h"
#include "check/check.h"
#include "tools/plantest.h"
#include "tools/testfile.h"

typedef VEC(Outcome) Outcomes;

typedef struct {
    Outcome *os;
    int n;
} Taker;

/* A sink: each row goes to the expectations about it. */
static int take_row(const SkpRow *row, void *ctx)
{
    Taker *k = ctx;
    for (int i = 0; i < k->n; i++)
        if (!k->os[i].seen && plantest_matches(k->os[i].e, row)) plantest_take(&k->os[i], row);
    return 0;
}

/* Evaluates each year t's expectations name, with t's changes. */
static SkpStatus evaluate(Plan *p, Store *s, const TestCase *t, Outcome *os, Diag *d)
{
    for (int i = 0; i < t->nexpects; i++) {
        int year = t->expects[i].year, done = 0;
        for (int j = 0; j < i && !done; j++) done = t->expects[j].year == year;
        if (done) continue;
        char years[16];
        snprintf(years, sizeof years, "%d", year);
        SkpRequest r;
        memset(&r, 0, sizeof r);
        r.years = years;
        r.sets = t->sets;
        r.nsets = t->nsets;
        SkpSession *session;
        SkpStatus st = skp_session_new(p, s, &r, d, &session);
        Taker k = { os, t->nexpects };
        int rc = st ? (int)st : skp_eval(session, take_row, &k);
        skp_session_close(session);
        if (rc) return (SkpStatus)rc;
    }
    return SKP_OK;
}

static SkpStatus run_test(Plan *p, const TestFile *f, const TestCase *t, Store *shared, Outcomes *out, Diag *d)
{
    SkpStatus st;
    Store *s = plantest_test_store(f, t, p, shared, d, &st);
    if (!s) return st;
    if (plantest_check_units(t, s, d)) {
        store_close(s);
        return SKP_PLAN;
    }
    int first = out->len;
    for (int i = 0; i < t->nexpects; i++) {
        Outcome o;
        memset(&o, 0, sizeof o);
        o.test = t->name;
        o.e = &t->expects[i];
        VEC_PUSH(*out, o);
    }
    st = evaluate(p, s, t, out->items + first, d);
    for (int i = first; i < out->len; i++) plantest_judge(&out->items[i]);
    store_close(s);
    return st;
}

/* Every test of f; the worst failure of the run. */
static SkpStatus run_file(Plan *p, const TestFile *f, Outcomes *out, Diag *d)
{
    SkpStatus worst;
    Store *shared = plantest_shared_store(f, p, d, &worst);
    for (int i = 0; shared && i < f->ntests; i++) {
        SkpStatus st = run_test(p, f, &f->tests[i], shared, out, d);
        if (st > worst) worst = st;
    }
    store_close(shared);
    return worst;
}

/* The failures, the results table and the summary. */
static SkpStatus verdict(const Outcomes *os, int ntests, int verbose, const SkpOutput *o, Diag *d)
{
    int failed = 0, table = o->format == SKP_TABLE;
    for (int i = 0; i < os->len; i++) {
        if (os->items[i].pass) continue;
        failed++;
        if (table) plantest_report(&os->items[i], d);
    }
    SkpStatus st = SKP_OK;
    if (!table || verbose) st = plantest_print(os->items, os->len, 0, o->format, o->color, o->out);
    /* csv and json are the table alone: the summary goes with the diagnostics */
    fprintf(table ? o->out : d->out, "%d test%s, %d expectation%s: %d failed\n", ntests, ntests == 1 ? "" : "s",
            os->len, os->len == 1 ? "" : "s", failed);
    return st ? st : failed ? SKP_DISAGREES : SKP_OK;
}

/* The test files asked for, else those of the folder tests/ next to the
 * plan: the plan's own (for plan.skp, plan.skptest and plan-*.skptest,
 * so that plans sharing a folder keep their tests apart), or when it has
 * none, every *.skptest there. */
static SkpStatus test_files(const SkpTest *q, const Plan *p, glob_t *g, Diag *d)
{
    memset(g, 0, sizeof *g);
    if (q->nfiles) return SKP_OK;
    const char *base = strrchr(p->path, '/');
    base = base ? base + 1 : p->path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".skp") == 0) n -= 4;
    /* "tests/x", not "./tests/x", for a plan in the working directory */
    const char *dir = strcmp(p->dir, ".") == 0 ? "" : p->dir, *sep = *dir ? "/" : "";
    char pattern[4200];
    snprintf(pattern, sizeof pattern, "%s%stests/%.*s.skptest", dir, sep, (int)n, base);
    glob(pattern, 0, NULL, g);
    snprintf(pattern, sizeof pattern, "%s%stests/%.*s-*.skptest", dir, sep, (int)n, base);
    glob(pattern, g->gl_pathc ? GLOB_APPEND : 0, NULL, g);
    snprintf(pattern, sizeof pattern, "%s%stests/*.skptest", dir, sep);
    if (g->gl_pathc || (glob(pattern, 0, NULL, g) == 0 && g->gl_pathc)) return SKP_OK;
    diag_usage(d, "no test files: give TESTFILE.skptest, or put *.skptest files in %s%stests/", dir, sep);
    return SKP_USAGE;
}

static SkpStatus run_all(Plan *p, TestFile **files, int n, const SkpTest *q, const SkpOutput *o, Diag *d)
{
    Outcomes os = {0};
    SkpStatus worst = SKP_OK;
    int ntests = 0;
    for (int i = 0; i < n; i++) {
        SkpStatus st = run_file(p, files[i], &os, d);
        if (st > worst) worst = st;
        ntests += files[i]->ntests;
    }
    if (worst) diag_summary(d);
    else worst = verdict(&os, ntests, q->verbose, o, d);
    VEC_FREE(os);
    return worst;
}

SkpStatus skp_test(const SkpTest *q, const SkpOutput *o, SkpDiag *d)
{
    Plan *p = check_load(q->plan, d);
    if (!p) {
        diag_summary(d);
        return SKP_PLAN;
    }
    glob_t g;
    SkpStatus st = test_files(q, p, &g, d);
    int n = st ? 0 : q->nfiles ? q->nfiles : (int)g.gl_pathc;
    TestFile **files = mem_xarray(n + 1, sizeof *files);
    for (int i = 0; i < n; i++) {
        files[i] = testfile_read(q->nfiles ? q->files[i] : g.gl_pathv[i], p, d);
        if (!files[i]) st = SKP_RUNTIME;
    }
    if (!st && d->errors) {
        diag_summary(d);
        st = SKP_PLAN;
    }
    if (!st) st = run_all(p, files, n, q, o, d);
    for (int i = 0; i < n; i++) testfile_free(files[i]);
    free(files);
    globfree(&g);
    plan_free(p);
    return st;
}
