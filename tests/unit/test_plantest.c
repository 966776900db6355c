/* test_plantest.c: reading plan test files (src/tools/testfile.h) and
 * judging expectations against rows (src/tools/plantest.h), without a
 * store: the runs themselves are the golden tests test-*. */
#include "check.h"
#include "check/check.h"
#include "tools/plantest.h"
#include "tools/testfile.h"

#include <stdlib.h>
#include <unistd.h>

static const char plan_text[] =
    "plan \"t\"\n"
    "year 2023\n"
    "include \"akip\"\n"
    "unit U \"U\" {\n"
    "    indicator IKU1 \"one\" {\n"
    "        measure %\n"
    "        grade capaian by AKIP\n"
    "    }\n"
    "}\n";

/* The test file `text`, read against the plan above; errors to errs. */
static TestFile *read_text(const Plan *p, const char *text, Diag *d)
{
    char path[] = "/tmp/test_plantestXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) return NULL;
    close(fd);
    TestFile *f = testfile_read(path, p, d);
    unlink(path);
    return f;
}

static void test_reading(const Plan *p)
{
    Diag d;
    diag_init(&d, fopen(getenv("PLANTEST_DIAG") ? "/dev/stderr" : "/dev/null", "w"));
    TestFile *f = read_text(p,
        "year 2022   # a comment\n"
        "data units\ncode,parent,name\nU,,U\nend\n"
        "test \"a\" {\n"
        "  realisation U IKU1 @2022-Q1 = 10\n"
        "  target U IKU1 source renstra = 20\n"
        "  set U:IKU1.target = 30\n"
        "  expect U IKU1@2021 grade AKIP = \"B\"\n"
        "  expect U IKU1 capaian = 95.5 within 0.5\n"
        "  expect U IKU1 realisation missing\n"
        "}\n", &d);
    CHECK_INT(d.errors, 0);
    CHECK_INT(f->year, 2022);
    CHECK_INT(f->ndata, 1);
    CHECK_INT((int)f->data[0].line0, 2);
    CHECK_STR(f->data[0].table, "units");
    CHECK_INT(f->ntests, 1);
    TestCase *t = &f->tests[0];
    CHECK_INT(t->ndata, 2);
    CHECK_CONTAINS(t->data[0].text, "U,IKU1,2022-Q1,10");
    CHECK_CONTAINS(t->data[1].text, "U,IKU1,2022,renstra,20");
    CHECK_INT((int)t->data[1].line0, 6);           /* its row is line 8 of the file */
    CHECK_INT(t->nsets, 1);
    CHECK_STR(t->sets[0], "U:IKU1.target=30");
    CHECK_INT(t->nexpects, 3);
    CHECK_INT(t->expects[0].year, 2021);
    CHECK_STR(t->expects[0].scheme, "AKIP");
    CHECK_STR(t->expects[0].text, "B");
    CHECK_INT(t->expects[1].year, 2022);
    CHECK_INT(t->expects[1].has_within, 1);
    CHECK_EQ_DBL(t->expects[1].within, 0.5);
    CHECK_INT(t->expects[2].missing, 1);
    CHECK_INT(t->expects[2].value_loc.col, 29);     /* the caret of a failure: under `missing` */
    testfile_free(f);

    f = read_text(p, "test \"b\" {\n  expect U IKX capaian = 1\n  expect U IKU1 colour = 1\n  bogus\n", &d);
    CHECK_INT(d.errors, 4);                     /* IKX, colour, bogus, the test never closed */
    testfile_free(f);
    fclose(d.out);
}

/* An expectation judged against a row. */
static int judge(Expect *e, const SkpRow *row)
{
    Outcome o;
    memset(&o, 0, sizeof o);
    o.e = e;
    if (plantest_matches(e, row)) plantest_take(&o, row);
    plantest_judge(&o);
    return o.pass;
}

static void test_verdicts(void)
{
    SkpRow row;
    memset(&row, 0, sizeof row);
    row.unit = "U";
    row.indicator = "IKU1";
    row.year = 2023;
    row.status = "ok";
    row.has_capaian = 1;
    row.capaian = 94.93;
    row.ngrades = 1;
    row.grades[0].scheme = "AKIP";
    row.grades[0].code = "AA";
    row.grades[0].label = "Sangat Memuaskan";
    Expect e;
    memset(&e, 0, sizeof e);
    e.unit = "U";
    e.indicator = "IKU1";
    e.year = 2023;
    e.field = EF_CAPAIAN;
    e.numeric = 1;
    e.number = 94.93;
    CHECK_INT(judge(&e, &row), 1);
    e.number = 94.9300000001;                   /* within 1e-9 of its size */
    CHECK_INT(judge(&e, &row), 1);
    e.number = 94.94;
    CHECK_INT(judge(&e, &row), 0);
    e.has_within = 1;
    e.within = 0.01;
    CHECK_INT(judge(&e, &row), 1);
    e.year = 2022;                              /* no such row: a failure */
    CHECK_INT(judge(&e, &row), 0);
    e.year = 2023;
    e.missing = 1;
    CHECK_INT(judge(&e, &row), 0);
    row.has_capaian = 0;
    CHECK_INT(judge(&e, &row), 1);
    memset(&e, 0, sizeof e);
    e.unit = "U";
    e.indicator = "IKU1";
    e.year = 2023;
    e.field = EF_GRADE;
    e.text = "Sangat Memuaskan";                /* a label is as good as its code */
    CHECK_INT(judge(&e, &row), 1);
    e.text = "AA";
    e.scheme = "AKIP";
    CHECK_INT(judge(&e, &row), 1);
    e.text = "A";
    CHECK_INT(judge(&e, &row), 0);
}

int main(void)
{
    Diag d;
    diag_init(&d, stderr);
    Plan *p = check_load_string("t.skp", plan_text, sizeof plan_text - 1, &d);
    CHECK(p != NULL);
    if (p) test_reading(p);
    test_verdicts();
    plan_free(p);
    return CHECK_DONE();
}
