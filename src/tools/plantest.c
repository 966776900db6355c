/* plantest.c: the stores plan tests run on, and their verdicts
 * (plantest.h). A test never sees the user's database: its store is made
 * in memory, loaded by the import code with the test file's rows (so a bad
 * row is reported as `FILE.skptest:LINE` as import reports a CSV file's),
 * and dropped after the test. */
#include "tools/plantest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/vec.h"
#include "output/output.h"
#include "store/import.h"
#include "store/rectable.h"

/* ---- stores ------------------------------------------------------------------------ */

/* Loads one block of data; SKP_OK or its failure (reported). */
static SkpStatus load_data(Store *s, const TestFile *f, const TestData *td, const Plan *p, Diag *d)
{
    ImportOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.numstyle = NUM_PLAIN;
    opt.table = td->table;
    opt.records = p->records;
    opt.nrecords = p->nrecords;
    opt.append = 1;             /* the blocks of one test file add up */
    for (int i = 0; i < p->ninds; i++) opt.levels |= p->inds[i].scale_name != NULL;
    ImportResult res;
    SkpStatus st;
    if (td->path) {
        st = import_csv(s, td->path, &opt, &res, d->out);
    } else {
        FILE *in = fmemopen((void *)td->text, td->len, "r");
        if (!in) {
            diag_plain(d, "%s: out of memory", f->path);
            return SKP_RUNTIME;
        }
        st = import_stream(s, in, f->path, td->line0, &opt, &res, d->out);
        fclose(in);
        if (st == SKP_DATA) st = SKP_PLAN;       /* the rows are the test file's: it is wrong */
    }
    d->errors += res.errors;
    return st;
}

/* Every record table of the plan, empty, as `import --plan` makes them:
 * a formula over one the test loads nothing into reads no rows. */
static int record_tables(Store *s, const Plan *p, Diag *d)
{
    for (int i = 0; i < p->nrecords; i++)
        if (rectable_ensure(s, &p->records[i], d) != 0) return -1;
    return 0;
}

static SkpStatus load_all(Store *s, const TestFile *f, const TestData *data, int n, const Plan *p, Diag *d)
{
    SkpStatus worst = SKP_OK;
    for (int i = 0; i < n; i++) {
        SkpStatus st = load_data(s, f, &data[i], p, d);
        if (st > worst) worst = st;
        if (st == SKP_RUNTIME) break;
    }
    return worst;
}

Store *plantest_shared_store(const TestFile *f, const Plan *p, Diag *d, SkpStatus *st)
{
    char name[STORE_PATH_MAX];
    snprintf(name, sizeof name, "%s (in memory)", f->path);
    Store *s = store_open_memory(name, d);
    *st = !s || record_tables(s, p, d) != 0 ? SKP_RUNTIME : load_all(s, f, f->data, f->ndata, p, d);
    if (*st == SKP_OK) return s;
    store_close(s);
    return NULL;
}

Store *plantest_test_store(const TestFile *f, const TestCase *t, const Plan *p, Store *shared, Diag *d, SkpStatus *st)
{
    char name[STORE_PATH_MAX];
    snprintf(name, sizeof name, "%s (in memory)", f->path);
    Store *s = store_copy_memory(shared, name, d);
    *st = s ? load_all(s, f, t->data, t->ndata, p, d) : SKP_RUNTIME;
    if (*st == SKP_OK) return s;
    store_close(s);
    return NULL;
}

/* The unit codes of s's units table, in the arena. */
static const char **unit_codes(Store *s, Arena *a, int *n, Diag *d)
{
    VEC(const char *) v = {0};
    sqlite3_stmt *st = store_prepare(s, "SELECT code FROM units ORDER BY code", d);
    while (st && store_step(s, st) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        if (code) VEC_PUSH(v, arena_strdup(a, code));
    }
    sqlite3_finalize(st);
    const char **out = arena_array(a, v.len + 1, sizeof *out);
    if (v.len) memcpy(out, v.items, (size_t)v.len * sizeof *out);
    *n = v.len;
    VEC_FREE(v);
    return out;
}

int plantest_check_units(const TestCase *t, Store *s, Diag *d)
{
    Arena a = {0};
    int n, bad = 0;
    const char **codes = unit_codes(s, &a, &n, d);
    for (int i = 0; i < t->nexpects; i++) {
        const Expect *e = &t->expects[i];
        int k = 0;
        while (k < n && strcmp(codes[k], e->unit) != 0) k++;
        if (k < n) continue;
        const char *best = text_suggest(e->unit, codes, n);
        diag_error(d, e->unit_loc, "unknown unit '%s': not in the units of this test's data%s%s%s", e->unit,
                   best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
        bad++;
    }
    arena_free(&a);
    return bad;
}

/* ---- verdicts ------------------------------------------------------------------------ */

int plantest_matches(const Expect *e, const SkpRow *row)
{
    if (row->year != e->year || strcmp(row->unit, e->unit) != 0 || strcmp(row->indicator, e->indicator) != 0) return 0;
    if (!e->group || !row->group) return !e->group && !row->group;
    return strcmp(row->group, e->group) == 0;
}

/* The grade an expectation is about: of its scheme, else the first. */
static const SkpGrade *grade_of(const Expect *e, const SkpRow *row)
{
    for (int g = 0; g < row->ngrades; g++)
        if (!e->scheme || strcmp(row->grades[g].scheme, e->scheme) == 0) return &row->grades[g];
    return NULL;
}

static void take_number(Outcome *o, int has, double x)
{
    o->has = has;
    o->number = x;
    if (has) num_format(o->actual, sizeof o->actual, x, -1);
}

static void take_text(Outcome *o, const char *s)
{
    o->has = s != NULL;
    if (s) snprintf(o->actual, sizeof o->actual, "%s", s);
}

void plantest_take(Outcome *o, const SkpRow *row)
{
    const Expect *e = o->e;
    const SkpGrade *g;
    o->seen = 1;
    switch (e->field) {
    case EF_CAPAIAN: take_number(o, row->has_capaian, row->capaian); break;
    case EF_REALISATION: take_number(o, row->has_realisation, row->realisation_shown); break;
    case EF_TARGET: take_number(o, row->has_target, row->target); break;
    case EF_STATUS: take_text(o, row->status); break;
    case EF_SOURCE: take_text(o, row->has_target ? row->source : NULL); break;
    case EF_COVERAGE:           /* a rolled-up figure's; none for the others */
        o->has = row->coverage_expected > 0;
        if (o->has) snprintf(o->actual, sizeof o->actual, "%d/%d", row->coverage_present, row->coverage_expected);
        break;
    case EF_GRADE:
        g = grade_of(e, row);
        take_text(o, g ? g->code : NULL);
        /* a label is as good as its code (audit takes either, too) */
        if (g && g->label && e->text && strcmp(e->text, g->label) == 0) take_text(o, g->label);
        break;
    }
    if (!o->has) snprintf(o->why, sizeof o->why, "%s%s%s", row->status, row->reason ? ": " : "", row->reason ? row->reason : "");
}

/* Equal as the plan rounds them: within 1e-9 of their size, or of X. */
static int close_enough(const Expect *e, double x)
{
    double slack = 1e-9 * fmax(fabs(x), fabs(e->number));
    return fabs(x - e->number) <= (e->has_within ? e->within : 0) + slack;
}

void plantest_judge(Outcome *o)
{
    const Expect *e = o->e;
    if (!o->seen) o->pass = 0;
    else if (e->missing) o->pass = !o->has;
    else if (!o->has) o->pass = 0;
    else if (e->numeric) o->pass = close_enough(e, o->number);
    else o->pass = strcmp(o->actual, e->text) == 0;
}

/* What an expectation is about: "SETWAN IKM[Umum] 2023 grade AKIP". */
static void subject(const Expect *e, char *buf, size_t n)
{
    snprintf(buf, n, "%s %s%s%s%s %d %s%s%s", e->unit, e->indicator, e->group ? "[" : "", e->group ? e->group : "",
             e->group ? "]" : "", e->year, testfile_field_name(e->field), e->scheme ? " " : "", e->scheme ? e->scheme : "");
}

/* A value as a message shows it: text in quotes, numbers as they are. */
static void shown(const Expect *e, const char *v, char *buf, size_t n)
{
    snprintf(buf, n, e->numeric ? "%s" : "\"%s\"", v);
}

void plantest_report(const Outcome *o, Diag *d)
{
    const Expect *e = o->e;
    char what[512], want[160], got[400];
    subject(e, what, sizeof what);
    if (e->missing) snprintf(want, sizeof want, "no figure");
    else if (e->has_within) snprintf(want, sizeof want, "%s within %.10g", e->written, e->within);
    else shown(e, e->written, want, sizeof want);
    if (!o->seen) snprintf(got, sizeof got, "no row (the evaluation of %d has no %s %s)", e->year, e->unit, e->indicator);
    else if (!o->has) snprintf(got, sizeof got, "no figure (%s)", o->why);
    else shown(e, o->actual, got, sizeof got);
    diag_fail(d, e->value_loc, "%s: expected %s, got %s", what, want, got);
}

/* ---- the results table ----------------------------------------------------------------- */

enum { C_TEST, C_UNIT, C_INDICATOR, C_GROUP, C_YEAR, C_FIELD, C_EXPECTED, C_ACTUAL, C_RESULT, C_WHERE, NCOLS };

static const char **result_cells(const Outcome *o, Arena *a)
{
    const Expect *e = o->e;
    const char **c = arena_array(a, NCOLS, sizeof *c);
    c[C_TEST] = o->test;
    c[C_UNIT] = e->unit;
    c[C_INDICATOR] = e->indicator;
    c[C_GROUP] = e->group ? e->group : "";
    c[C_YEAR] = arena_printf(a, "%d", e->year);
    c[C_FIELD] = e->scheme ? arena_printf(a, "%s %s", testfile_field_name(e->field), e->scheme) : testfile_field_name(e->field);
    c[C_EXPECTED] = e->missing ? "missing" : e->has_within ? arena_printf(a, "%s within %.10g", e->written, e->within) : e->written;
    c[C_ACTUAL] = !o->seen ? "no row" : !o->has ? "missing" : arena_strdup(a, o->actual);
    c[C_RESULT] = o->pass ? "pass" : "fail";
    c[C_WHERE] = arena_printf(a, "%s:%d", e->loc.src->path, e->loc.line);
    return c;
}

SkpStatus plantest_print(const Outcome *os, int n, int failed_only, SkpFormat fmt, int color, FILE *out)
{
    static const char *const names[NCOLS] = {
        "test", "unit", "indicator", "group", "year", "field", "expected", "actual", "result", "where",
    };
    static const unsigned char flags[NCOLS] = { [C_GROUP] = CELL_OPTIONAL, [C_YEAR] = CELL_NUMBER };
    Arena a = {0};
    const char ***rows = arena_array(&a, n + 1, sizeof *rows);
    int nrows = 0;
    for (int i = 0; i < n; i++)
        if (!failed_only || !os[i].pass) rows[nrows++] = result_cells(&os[i], &a);
    SkpStatus st = output_cells(out, fmt, color, names, NCOLS, flags, rows, nrows);
    arena_free(&a);
    return st;
}
