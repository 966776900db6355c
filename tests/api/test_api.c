/* test_api.c: the library through its public header alone (include/sakip.h),
 * as a program outside it uses it: plans parsed from memory, a store made
 * in a scratch directory and filled by import, sessions evaluated into a
 * sink and printed, the evaluators' tools, requests that cannot be taken,
 * and the small helpers. Nothing from src/ is included: what this needs and
 * the header lacks is a compile error.
 *
 * The expected figures are worked out by hand from the formulas
 * (docs/language.md, section 3):
 *   LAYAN   higher,  T 95, R last of (Q2 70, Q4 84.98) = 84.98:
 *           84.98 / 95 x 100 = 89.4526.. -> 89.45, band T (>= 76 < 91)
 *   KASUS   lower A, T 14, R sum of 3 + 4 + 2 + 3 = 12:
 *           (2 x 14 - 12) / 14 x 100 = 114.2857.. -> 114.29, band ST (>= 91)
 *   need ST for LAYAN: R / 95 x 100 >= 90.995 (rounds to 91.00) -> R >= 86.44525:
 *           at least 86.45; 86.44 gives 90.9894.. -> 90.99, still T
 *   need capaian 125 for KASUS: (28 - R) / 14 x 100 >= 124.995 -> R <= 10.5007:
 *           at most 10.50; 10.51 gives 124.9285.. -> 124.93 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700           /* open_memstream, mkdtemp (sakipcore sets it too) */
#endif
#include "sakip.h"

#include "../unit/check.h"          /* standard headers only */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------------ */

/* A FILE that writes to memory, for diagnostics and printed output. */
typedef struct {
    char *buf;
    size_t len;
    FILE *f;
} Mem;

static FILE *mem_open(Mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    if (!m->f) { perror("open_memstream"); exit(2); }
    return m->f;
}

/* What was written so far (the stream stays open). */
static const char *mem_text(Mem *m)
{
    fflush(m->f);
    return m->buf ? m->buf : "";
}

/* Closes the stream; the text is the caller's to free. */
static char *mem_close(Mem *m)
{
    fclose(m->f);
    m->f = NULL;
    return m->buf;
}

/* Line n (1-based) of text, without its newline; "" when there is none. */
static const char *line_n(const char *text, int n)
{
    static char line[2048];
    line[0] = '\0';
    if (!text) return line;
    for (int i = 1; i < n; i++) {
        text = strchr(text, '\n');
        if (!text) return line;
        text++;
    }
    size_t k = strcspn(text, "\n");
    if (k >= sizeof line) k = sizeof line - 1;
    memcpy(line, text, k);
    line[k] = '\0';
    return line;
}

/* The line of text that starts with prefix, without its newline; "". */
static const char *line_starting(const char *text, const char *prefix)
{
    static char line[2048];
    line[0] = '\0';
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, prefix, strlen(prefix)) != 0) continue;
        size_t k = strcspn(p, "\n");
        if (k >= sizeof line) k = sizeof line - 1;
        memcpy(line, p, k);
        line[k] = '\0';
        break;
    }
    return line;
}

static int count_lines(const char *text)
{
    int n = 0;
    for (; text && *text; text++) n += *text == '\n';
    return n;
}

static char scratch[512];           /* the scratch directory */

/* scratch/name, in a buffer of the caller's. */
static const char *path_in(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", scratch, name);
    return buf;
}

static void write_file(const char *name, const char *text)
{
    char path[600];
    FILE *f = fopen(path_in(path, sizeof path, name), "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) { perror(path); exit(2); }
}

/* Empties and removes the scratch directory: 0 when it is gone. */
static int remove_scratch(void)
{
    DIR *dir = opendir(scratch);
    if (!dir) return -1;
    struct dirent *e;
    char path[1024];
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
        unlink(path);
    }
    closedir(dir);
    return rmdir(scratch);
}

/* ---- a sink that keeps the rows ---------------------------------------------- */

/* A row as the sink saw it: its strings copied (they live only until the
 * sink returns), NULL kept as NULL. */
typedef struct {
    char *unit, *unit_name, *indicator, *name, *group, *source, *basis, *status, *reason, *rule;
    char *g_scheme, *g_on, *g_code, *g_label;
    int year, has_target, has_target_hi, has_realisation, has_capaian, capped, ngrades;
    double target, realisation, realisation_shown, capaian;
} Got;

#define MAX_ROWS 16
typedef struct {
    Got rows[MAX_ROWS];
    int n;                  /* rows seen */
    int stop_after;         /* answer stop_with after this many rows (0: never) */
    int stop_with;
} Collect;

static char *dup_or_null(const char *s)
{
    if (!s) return NULL;
    char *c = strdup(s);
    if (!c) { perror("strdup"); exit(2); }
    return c;
}

static int collect_row(const SkpRow *row, void *ctx)
{
    Collect *c = ctx;
    if (c->n < MAX_ROWS) {
        Got *g = &c->rows[c->n];
        memset(g, 0, sizeof *g);
        g->unit = dup_or_null(row->unit);
        g->unit_name = dup_or_null(row->unit_name);
        g->indicator = dup_or_null(row->indicator);
        g->name = dup_or_null(row->name);
        g->group = dup_or_null(row->group);
        g->source = dup_or_null(row->source);
        g->basis = dup_or_null(row->basis);
        g->status = dup_or_null(row->status);
        g->reason = dup_or_null(row->reason);
        g->rule = dup_or_null(row->rule);
        if (row->ngrades > 0) {
            g->g_scheme = dup_or_null(row->grades[0].scheme);
            g->g_on = dup_or_null(row->grades[0].on);
            g->g_code = dup_or_null(row->grades[0].code);
            g->g_label = dup_or_null(row->grades[0].label);
        }
        g->year = row->year;
        g->has_target = row->has_target;
        g->has_target_hi = row->has_target_hi;
        g->has_realisation = row->has_realisation;
        g->has_capaian = row->has_capaian;
        g->capped = row->capped;
        g->ngrades = row->ngrades;
        g->target = row->target;
        g->realisation = row->realisation;
        g->realisation_shown = row->realisation_shown;
        g->capaian = row->capaian;
    }
    c->n++;
    return c->stop_after && c->n == c->stop_after ? c->stop_with : 0;
}

static void collect_free(Collect *c)
{
    for (int i = 0; i < c->n && i < MAX_ROWS; i++) {
        Got *g = &c->rows[i];
        char **s[] = { &g->unit, &g->unit_name, &g->indicator, &g->name, &g->group, &g->source, &g->basis,
                       &g->status, &g->reason, &g->rule, &g->g_scheme, &g->g_on, &g->g_code, &g->g_label };
        for (size_t k = 0; k < sizeof s / sizeof s[0]; k++) { free(*s[k]); *s[k] = NULL; }
    }
    c->n = 0;
}

/* ---- the plan and the data ------------------------------------------------- */

static const char PLAN[] =
    "plan \"Dinas Uji: Perjanjian Kinerja 2023\"\n"
    "year 2023\n"
    "\n"
    "scheme NILAI \"Nilai capaian\" {\n"
    "    ST \"Sangat Tinggi\"  >= 91\n"
    "    T  \"Tinggi\"         >= 76  < 91\n"
    "    S  \"Sedang\"         >= 66  < 76\n"
    "    R  \"Rendah\"         >= 51  < 66\n"
    "    SR \"Sangat Rendah\"  < 51\n"
    "}\n"
    "\n"
    "target pk\n"
    "round half-up 2\n"
    "\n"
    "unit DINAS \"Dinas Uji\" {\n"
    "    indicator LAYAN \"Persentase layanan tepat waktu\" {\n"
    "        measure %\n"
    "        aggregate last\n"
    "        grade capaian by NILAI\n"
    "    }\n"
    "    indicator KASUS \"Jumlah kasus\" {\n"
    "        polarity lower A\n"
    "        aggregate sum\n"
    "        grade capaian by NILAI\n"
    "    }\n"
    "    indicator DOKUMEN \"Dokumen tersusun\" {\n"
    "        aggregate sum\n"
    "        grade capaian by NILAI\n"
    "    }\n"
    "}\n"
    "unit DINAS.B \"Bidang B\" {\n"
    "    indicator LAYAN \"Persentase layanan tepat waktu\" {\n"
    "        grade capaian by NILAI\n"
    "    }\n"
    "}\n";

static const char UNITS_CSV[] =
    "code,parent,name,level\n"
    "DINAS,,Dinas Uji,eselon2\n"
    "DINAS.B,DINAS,Bidang B,eselon3\n";

static const char TARGETS_CSV[] =
    "unit,indicator,year,source,value\n"
    "DINAS,LAYAN,2023,pk,95\n"
    "DINAS,KASUS,2023,pk,14\n"
    "DINAS,DOKUMEN,2023,pk,4\n"
    "DINAS.B,LAYAN,2023,pk,90\n";

static const char REALISASI_CSV[] =
    "unit,indicator,period,value,note\n"
    "DINAS,LAYAN,2023-Q2,70,\n"
    "DINAS,LAYAN,2023-Q4,84.98,triwulan IV\n"
    "DINAS,KASUS,2023-Q1,3,\n"
    "DINAS,KASUS,2023-Q2,4,\n"
    "DINAS,KASUS,2023-Q3,2,\n"
    "DINAS,KASUS,2023-Q4,3,\n";

/* A good row, then a bad one: the file must load nothing. */
static const char DOKUMEN_CSV[] =
    "unit,indicator,period,value,note\n"
    "DINAS,DOKUMEN,2023-S1,2,\n"
    "DINAS,DOKUMEN,2023-Q5,1,\n";

/* ---- 1, 2: plans from memory, syntax ------------------------------------------- */

static void test_plan_parse(void)
{
    /* '*' where an expression must start: line 3, column 38 */
    static const char broken[] =
        "plan \"Broken\"\n"
        "unit U {\n"
        "    indicator A { realisation = (1 + * 2) }\n"
        "}\n";
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    SkpPlan *p = skp_plan_parse("broken.skp", broken, strlen(broken), &d);
    CHECK(p == NULL);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 0);
    skp_diag_summary(&d);
    char *text = mem_close(&m);
    CHECK_STR(line_n(text, 1), "broken.skp:3:38: error: unexpected '*', expected an expression");
    CHECK_STR(text,
              "broken.skp:3:38: error: unexpected '*', expected an expression\n"
              "    3 |     indicator A { realisation = (1 + * 2) }\n"
              "      |                                      ^\n"
              "1 error\n");
    free(text);
    skp_plan_free(p);                   /* NULL is fine */

    /* the text need not end in NUL: len is what counts */
    skp_diag_init(&d, mem_open(&m));
    char *copy = malloc(sizeof PLAN);
    if (!copy) { perror("malloc"); exit(2); }
    memcpy(copy, PLAN, sizeof PLAN - 1);
    copy[sizeof PLAN - 1] = '#';        /* a byte past len that would break the plan if read */
    p = skp_plan_parse("api.skp", copy, sizeof PLAN - 1, &d);
    free(copy);
    text = mem_close(&m);
    CHECK(p != NULL);
    CHECK_INT(d.errors, 0);
    CHECK_STR(text ? text : "", "");
    free(text);
    if (p) {
        SkpPlanInfo info;
        skp_plan_info(p, &info);
        CHECK_STR(info.path, "api.skp");
        CHECK_STR(info.title, "Dinas Uji: Perjanjian Kinerja 2023");
        CHECK(info.database == NULL);
        CHECK_INT(info.year, 2023);
        CHECK_INT(info.indicators, 4);  /* LAYAN of DINAS and LAYAN of DINAS.B are two */
        CHECK_INT(info.schemes, 1);
        CHECK_INT(info.has_budget, 0);
        CHECK_INT(info.checks_budget, 0);
    }
    skp_plan_free(p);
}

/* Lint: a valid plan, a warning for the constant zero divisor and none for
 * the rest (AKIP-free, so no stdlib is needed). */
static void test_plan_lint(void)
{
    static const char text[] =
        "unit U {\n"
        "    indicator A { realisation = 10 / 0 }\n"
        "    indicator B { realisation = 10 / 4 }\n"
        "}\n";
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    SkpPlan *p = skp_plan_parse("lint.skp", text, sizeof text - 1, &d);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(skp_plan_lint(p, &d), 1);
        CHECK_INT(d.errors, 0);
        CHECK_INT(d.warnings, 1);
    }
    char *out = mem_close(&m);
    CHECK_STR(line_n(out, 1), "lint.skp:2:38: warning: division by zero: this divisor is always 0, so the formula is always undefined");
    free(out);
    skp_plan_free(p);
}

static void test_syntax_errors(void)
{
    static const char two[] =
        "unit X {\n"
        "    indicator A { realisation = (1 + * 2) }\n"
        "    indicator B { realisation = (* 3) }\n"
        "}\n";
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    CHECK_INT(skp_syntax_errors("two.skp", two, strlen(two), &d), 2);
    CHECK_INT(d.errors, 2);
    skp_diag_summary(&d);
    char *text = mem_close(&m);
    CHECK_STR(line_n(text, 1), "two.skp:2:38: error: unexpected '*', expected an expression");
    CHECK_STR(line_n(text, 4), "two.skp:3:34: error: unexpected '*', expected an expression");
    CHECK_STR(line_n(text, 7), "2 errors");
    free(text);

    /* only syntax: an unknown scheme is no syntax error */
    static const char meaning[] = "unit X { indicator A { grade by NOPE } }\n";
    skp_diag_init(&d, mem_open(&m));
    CHECK_INT(skp_syntax_errors("meaning.skp", meaning, strlen(meaning), &d), 0);
    CHECK_INT(d.errors, 0);
    text = mem_close(&m);
    CHECK_STR(text ? text : "", "");
    free(text);
}

/* ---- 10: values as requests write them ------------------------------------------ */

static void test_values(void)
{
    SkpFormat f = SKP_TABLE;
    CHECK_INT(skp_format_parse("csv", &f), 0);
    CHECK_INT(f, SKP_CSV);
    CHECK_INT(skp_format_parse("table", &f), 0);
    CHECK_INT(f, SKP_TABLE);
    CHECK_INT(skp_format_parse("json", &f), 0);
    CHECK_INT(f, SKP_JSON);
    CHECK_INT(skp_format_parse("markdown", &f), 0);
    CHECK_INT(f, SKP_MARKDOWN);
    f = SKP_TABLE;
    CHECK_INT(skp_format_parse("md", &f), 0);
    CHECK_INT(f, SKP_MARKDOWN);
    CHECK_INT(skp_format_parse("xml", &f), -1);
    CHECK_INT(skp_format_parse("CSV", &f), -1);     /* names are exact */

    double v = 0;
    CHECK_INT(skp_number_parse("84.98", &v), 0);
    CHECK_EQ_DBL(v, 84.98);
    CHECK_INT(skp_number_parse("-3", &v), 0);
    CHECK_EQ_DBL(v, -3.0);
    CHECK_INT(skp_number_parse("62644362476", &v), 0);
    CHECK_EQ_DBL(v, 62644362476.0);
    v = 7;
    CHECK_INT(skp_number_parse("84,98", &v), -1);   /* plain only: no Indonesian decimal comma */
    CHECK_INT(skp_number_parse("62.644.362.476", &v), -1);
    CHECK_INT(skp_number_parse("1e3", &v), -1);
    CHECK_INT(skp_number_parse(".5", &v), -1);
    CHECK_INT(skp_number_parse("", &v), -1);
    CHECK_INT(skp_number_parse("12abc", &v), -1);

    CHECK_INT(skp_period_year("2023-Q4"), 2023);
    CHECK_INT(skp_period_year("2022-S1"), 2022);
    CHECK_INT(skp_period_year("2021-12"), 2021);
    CHECK_INT(skp_period_year("2023"), -1);         /* a bare year is not a period of a year */
    CHECK_INT(skp_period_year("2023-Q5"), -1);
    CHECK_INT(skp_period_year("Q4"), -1);

    CHECK_INT(skp_schema_version(), 4);             /* docs/data.md: "now 4" */

    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    CHECK(d.out == m.f);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    CHECK_STR(d.usage, "");
    skp_diag_summary(&d);                           /* nothing when there was none */
    d.errors = 3;
    skp_diag_summary(&d);
    char *text = mem_close(&m);
    CHECK_STR(text, "3 errors\n");
    free(text);
}

/* ---- 3, 4: a store and imports ------------------------------------------------ */

static SkpStore *make_store(const char *db)
{
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));

    /* READONLY of a file that is not there: NULL, reported */
    char missing[600];
    SkpStore *none = skp_store_open(path_in(missing, sizeof missing, "missing.db"), SKP_STORE_READONLY, &d);
    CHECK(none == NULL);
    CHECK(d.errors >= 1);
    CHECK_CONTAINS(mem_text(&m), "missing.db");
    skp_store_close(none);
    char *text = mem_close(&m);
    free(text);

    skp_diag_init(&d, mem_open(&m));
    SkpStore *s = skp_store_open(db, SKP_STORE_CREATE, &d);
    CHECK(s != NULL);
    CHECK_INT(d.errors, 0);
    if (!s) { text = mem_close(&m); printf("%s", text ? text : ""); free(text); return NULL; }
    CHECK_INT(skp_store_upgraded_from(s), 0);

    char units[600], targets[600], realisasi[600];
    path_in(units, sizeof units, "units.csv");
    path_in(targets, sizeof targets, "targets.csv");
    path_in(realisasi, sizeof realisasi, "realisasi.csv");
    /* given in the wrong order: loaded units first, then targets, then realisasi */
    const char *files[] = { realisasi, targets, units };
    Mem pm;
    SkpImport req;
    memset(&req, 0, sizeof req);
    req.files = files;
    req.nfiles = 3;
    req.progress = mem_open(&pm);
    CHECK_INT(skp_import(s, &req, &d), SKP_OK);
    CHECK_INT(d.errors, 0);
    char *progress = mem_close(&pm);
    char expected[4096];
    snprintf(expected, sizeof expected,
             "%s: 2 rows into units (2 new)\n"
             "%s: 4 rows into targets (4 new)\n"
             "%s: 6 rows into realisasi (6 new)\n", units, targets, realisasi);
    CHECK_STR(progress, expected);
    free(progress);

    /* loading again changes nothing: read, not new */
    const char *again[] = { targets };
    req.files = again;
    req.nfiles = 1;
    req.progress = mem_open(&pm);
    CHECK_INT(skp_import(s, &req, &d), SKP_OK);
    progress = mem_close(&pm);
    snprintf(expected, sizeof expected, "%s: 4 rows into targets (0 new)\n", targets);
    CHECK_STR(progress, expected);
    free(progress);
    CHECK_INT(d.errors, 0);
    text = mem_close(&m);
    CHECK_STR(text ? text : "", "");
    free(text);

    /* a bad row: the whole file refused, every bad row named FILE:LINE */
    char dokumen[600];
    path_in(dokumen, sizeof dokumen, "dokumen.csv");
    const char *bad[] = { dokumen };
    skp_diag_init(&d, mem_open(&m));
    req.files = bad;
    req.nfiles = 1;
    req.table = "realisasi";
    req.progress = mem_open(&pm);
    CHECK_INT(skp_import(s, &req, &d), SKP_DATA);
    CHECK_INT(d.errors, 1);          /* counted as a plan's errors are (a regression) */
    progress = mem_close(&pm);
    CHECK_STR(progress ? progress : "", "");        /* no "N rows into" for a file refused */
    free(progress);
    text = mem_close(&m);
    snprintf(expected, sizeof expected,
             "%s:3: error: column 'period': '2023-Q5' is not a period "
             "(YYYY, YYYY-S1..S2, YYYY-Q1..Q4 or YYYY-MM, years 1900 to 2999)", dokumen);
    CHECK_STR(line_n(text, 1), expected);
    snprintf(expected, sizeof expected, "%s: nothing loaded (1 error)", dokumen);
    CHECK_STR(line_n(text, 2), expected);
    CHECK_INT(count_lines(text), 2);
    free(text);
    return s;
}

/* ---- 5, 6, 7, 8: a session on the store ---------------------------------------- */

static void test_eval_rows(SkpSession *s)
{
    Collect c;
    memset(&c, 0, sizeof c);
    CHECK_INT(skp_eval(s, collect_row, &c), SKP_OK);
    CHECK_INT(c.n, 4);
    if (c.n != 4) { collect_free(&c); return; }

    /* unit, then plan order, then year */
    const Got *g = &c.rows[0];
    CHECK_STR(g->unit, "DINAS");
    CHECK_STR(g->unit_name, "Dinas Uji");
    CHECK_STR(g->indicator, "LAYAN");
    CHECK_STR(g->name, "Persentase layanan tepat waktu");
    CHECK(g->group == NULL);
    CHECK_INT(g->year, 2023);
    CHECK_INT(g->has_target, 1);
    CHECK_INT(g->has_target_hi, 0);
    CHECK_EQ_DBL(g->target, 95.0);
    CHECK_STR(g->source, "pk");
    CHECK_INT(g->has_realisation, 1);
    CHECK_EQ_DBL(g->realisation, 84.98);
    CHECK_EQ_DBL(g->realisation_shown, 84.98);   /* no `round value`: as computed */
    CHECK_STR(g->basis, "last: 2023-Q4");
    CHECK_INT(g->has_capaian, 1);
    CHECK_INT(g->capped, 0);
    CHECK_EQ_DBL(g->capaian, 89.45);
    CHECK_INT(g->ngrades, 1);
    CHECK_STR(g->g_scheme, "NILAI");
    CHECK_STR(g->g_on, "capaian");
    CHECK_STR(g->g_code, "T");
    CHECK_STR(g->g_label, "Tinggi");
    CHECK_STR(g->status, "ok");
    CHECK(g->reason == NULL);
    CHECK_STR(g->rule, "R/T x 100; no cap; half-up to 2 decimals");

    g = &c.rows[1];
    CHECK_STR(g->unit, "DINAS");
    CHECK_STR(g->indicator, "KASUS");
    CHECK_EQ_DBL(g->target, 14.0);
    CHECK_INT(g->has_realisation, 1);
    CHECK_EQ_DBL(g->realisation, 12.0);
    CHECK_STR(g->basis, "sum of 4 quarters");
    CHECK_INT(g->has_capaian, 1);
    CHECK_EQ_DBL(g->capaian, 114.29);
    CHECK_INT(g->capped, 0);
    CHECK_STR(g->g_code, "ST");
    CHECK_STR(g->g_label, "Sangat Tinggi");
    CHECK_STR(g->status, "ok");
    CHECK(g->reason == NULL);
    CHECK_STR(g->rule, "(2T-R)/T x 100; no cap; half-up to 2 decimals");

    /* dokumen.csv was refused whole: its good row (2023-S1) is not there */
    g = &c.rows[2];
    CHECK_STR(g->unit, "DINAS");
    CHECK_STR(g->indicator, "DOKUMEN");
    CHECK_INT(g->has_target, 1);
    CHECK_EQ_DBL(g->target, 4.0);
    CHECK_INT(g->has_realisation, 0);
    CHECK_INT(g->has_capaian, 0);
    CHECK(g->basis == NULL);
    CHECK_INT(g->ngrades, 1);
    CHECK(g->g_code == NULL);
    CHECK(g->g_label == NULL);
    CHECK_STR(g->g_scheme, "NILAI");
    CHECK_STR(g->status, "no data");
    CHECK_STR(g->reason, "no realisation of DOKUMEN for 2023");

    g = &c.rows[3];
    CHECK_STR(g->unit, "DINAS.B");
    CHECK_STR(g->unit_name, "Bidang B");
    CHECK_STR(g->indicator, "LAYAN");
    CHECK_EQ_DBL(g->target, 90.0);
    CHECK_INT(g->has_realisation, 0);
    CHECK_INT(g->has_capaian, 0);
    CHECK_STR(g->status, "no data");
    CHECK_STR(g->reason, "no realisation of LAYAN for 2023");
    collect_free(&c);

    /* a sink's non-zero answer stops the evaluation and is returned */
    memset(&c, 0, sizeof c);
    c.stop_after = 2;
    c.stop_with = 42;
    CHECK_INT(skp_eval(s, collect_row, &c), 42);
    CHECK_INT(c.n, 2);
    collect_free(&c);
    memset(&c, 0, sizeof c);
    c.stop_after = 1;
    c.stop_with = 100;
    CHECK_INT(skp_eval(s, collect_row, &c), 100);
    CHECK_INT(c.n, 1);
    collect_free(&c);
    /* a negative answer comes back as it is (a regression: it came back
     * through an unsigned enum, 4294967295) */
    memset(&c, 0, sizeof c);
    c.stop_after = 3;
    c.stop_with = -1;
    CHECK_INT(skp_eval(s, collect_row, &c), -1);
    CHECK_INT(c.n, 3);
    collect_free(&c);
    /* an answer that looks like a status is still the sink's: no summary */
    memset(&c, 0, sizeof c);
    c.stop_after = 1;
    c.stop_with = SKP_DATA;
    CHECK_INT(skp_eval(s, collect_row, &c), SKP_DATA);
    collect_free(&c);
}

static void test_eval_print(SkpSession *s)
{
    Mem m;
    SkpOutput o = { mem_open(&m), SKP_CSV, 0 };
    CHECK_INT(skp_eval_print(s, NULL, 0, &o), SKP_OK);
    char *text = mem_close(&m);
    CHECK_INT(count_lines(text), 5);
    CHECK_STR(line_n(text, 1),
              "unit,indicator,group,year,target,source,realisation,basis,capaian,grade,label,scheme,status,reason,rule");
    CHECK_STR(line_n(text, 3),
              "DINAS,KASUS,,2023,14,pk,12,sum of 4 quarters,114.29,ST,Sangat Tinggi,NILAI (capaian),ok,,"
              "(2T-R)/T x 100; no cap; half-up to 2 decimals");
    CHECK_STR(line_n(text, 4),
              "DINAS,DOKUMEN,,2023,4,pk,,,,,,NILAI (capaian),no data,no realisation of DOKUMEN for 2023,"
              "R/T x 100; no cap; half-up to 2 decimals");
    free(text);
}

static void test_tools(SkpSession *s, SkpDiag *d)
{
    Mem m;
    SkpOutput o = { mem_open(&m), SKP_TABLE, 0 };
    SkpNeed q;
    memset(&q, 0, sizeof q);
    q.unit = "DINAS";
    q.indicator = "LAYAN";
    q.grade = "ST";
    CHECK_INT(skp_need(s, &q, &o), SKP_OK);
    char *text = mem_close(&m);
    CHECK_CONTAINS(text, "grade ST (NILAI, capaian)");
    CHECK_CONTAINS(text, "84.98 (T)");
    CHECK_CONTAINS(text, "at least 86.45");
    CHECK_CONTAINS(text, "86.44 gives T");
    free(text);

    memset(&q, 0, sizeof q);
    q.unit = "DINAS";
    q.indicator = "KASUS";
    q.has_capaian = 1;
    q.capaian = 125;
    o.out = mem_open(&m);
    o.format = SKP_JSON;
    CHECK_INT(skp_need(s, &q, &o), SKP_OK);
    text = mem_close(&m);
    CHECK_CONTAINS(text, "\"unit\": \"DINAS\", \"indicator\": \"KASUS\", \"year\": 2023");
    CHECK_CONTAINS(text, "\"goal\": \"capaian 125\"");
    CHECK_CONTAINS(text, "\"now\": \"12 (capaian 114.29)\"");
    CHECK_CONTAINS(text, "\"needed\": \"at most 10.50\"");
    CHECK_CONTAINS(text, "\"note\": \"10.51 gives capaian 124.93\"");
    free(text);

    /* a period that is a bare year: refused as a request */
    memset(&q, 0, sizeof q);
    q.unit = "DINAS";
    q.indicator = "LAYAN";
    q.grade = "ST";
    q.period = "2023";
    o.out = mem_open(&m);
    d->usage[0] = '\0';
    CHECK_INT(skp_need(s, &q, &o), SKP_USAGE);
    CHECK_STR(d->usage, "--period: expected a semester, quarter or month such as 2023-Q4, found '2023'");
    text = mem_close(&m);
    CHECK_STR(text ? text : "", "");
    free(text);

    SkpExplain x = { "DINAS", "LAYAN", NULL };
    o.out = mem_open(&m);
    o.format = SKP_JSON;
    CHECK_INT(skp_explain(s, &x, &o), SKP_OK);
    text = mem_close(&m);
    char from[700], realisasi[600];
    snprintf(from, sizeof from, "{\"key\": \"2023-Q4\", \"value\": \"84.98\", \"from\": \"%s:3\"}",
             path_in(realisasi, sizeof realisasi, "realisasi.csv"));
    CHECK_PREFIX(text, "{\"unit\": \"DINAS\", \"indicator\": \"LAYAN\", ");
    CHECK_CONTAINS(text, "\"status\": \"ok\"");
    CHECK_CONTAINS(text, "\"realisation\": 84.98, \"basis\": \"last: 2023-Q4\", \"aggregate\": \"last\"");
    CHECK_CONTAINS(text, from);
    CHECK_CONTAINS(text, "\"target\": 95, \"source\": \"pk\"");
    CHECK_CONTAINS(text, "\"capaian\": 89.45");
    CHECK_CONTAINS(text, "\"graded\": 89.45, \"grade\": \"T\", \"band\": \">= 76 < 91\"");
    free(text);

    /* the refused file left no realisation behind */
    SkpExplain xd = { "DINAS", "DOKUMEN", NULL };
    o.out = mem_open(&m);
    CHECK_INT(skp_explain(s, &xd, &o), SKP_OK);
    text = mem_close(&m);
    CHECK_CONTAINS(text, "\"unit\": \"DINAS\", \"indicator\": \"DOKUMEN\"");
    CHECK_CONTAINS(text, "\"status\": \"no data\", \"reason\": \"no realisation of DOKUMEN for 2023\"");
    CHECK_CONTAINS(text, "\"realisations\": []");
    CHECK_NOT_CONTAINS(text, "dokumen.csv");
    free(text);
}

/* ---- 9: requests that cannot be taken ----------------------------------------- */

static void test_bad_requests(SkpPlan *p, SkpStore *store, const char *db)
{
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    SkpSession *s = (SkpSession *)&d;   /* anything but NULL: it must be set NULL */
    SkpRequest r;
    memset(&r, 0, sizeof r);
    r.years = "20x3";
    CHECK_INT(skp_session_new(p, store, &r, &d, &s), SKP_USAGE);
    CHECK(s == NULL);
    CHECK_STR(d.usage, "--year: expected a year such as 2023 or a range 2021..2023 "
                       "(years 1900 to 2999, a range of at most 50 years), found '20x3'");
    CHECK_INT(d.errors, 0);             /* a usage problem is not counted as an error */

    r.years = "2023..2021";
    d.usage[0] = '\0';
    CHECK_INT(skp_session_new(p, store, &r, &d, &s), SKP_USAGE);
    CHECK_PREFIX(d.usage, "--year: expected a year such as 2023");

    r.years = "2023";
    r.scenario = "nope";
    d.usage[0] = '\0';
    s = (SkpSession *)&d;
    CHECK_INT(skp_session_new(p, store, &r, &d, &s), SKP_USAGE);
    CHECK(s == NULL);
    CHECK_STR(d.usage, "--scenario: the plan has no scenario 'nope'");

    /* no years: the plan's own `year 2023` */
    r.years = NULL;
    r.scenario = NULL;
    CHECK_INT(skp_session_new(p, store, &r, &d, &s), SKP_OK);
    if (s) {
        Collect c;
        memset(&c, 0, sizeof c);
        CHECK_INT(skp_eval(s, collect_row, &c), SKP_OK);
        CHECK_INT(c.n, 4);
        CHECK_INT(c.n > 0 ? c.rows[0].year : 0, 2023);
        collect_free(&c);
    }
    skp_session_close(s);
    skp_session_close(NULL);

    /* skp_session_open: the plan from a file, the store opened by the session */
    char plan[600];
    path_in(plan, sizeof plan, "plan.skp");
    write_file("plan.skp", PLAN);
    memset(&r, 0, sizeof r);
    r.plan = plan;
    r.db = db;
    r.years = "20x3";
    d.usage[0] = '\0';
    s = (SkpSession *)&d;
    CHECK_INT(skp_session_open(&r, &d, &s), SKP_USAGE);
    CHECK(s == NULL);
    CHECK_PREFIX(d.usage, "--year: expected a year such as 2023 or a range 2021..2023");
    CHECK_CONTAINS(d.usage, "found '20x3'");

    r.years = "2023";
    r.unit = "DINAS.B";
    CHECK_INT(skp_session_open(&r, &d, &s), SKP_OK);
    if (s) {
        Collect c;
        memset(&c, 0, sizeof c);
        CHECK_INT(skp_eval(s, collect_row, &c), SKP_OK);
        CHECK_INT(c.n, 1);              /* --unit: DINAS.B only */
        if (c.n == 1) {
            CHECK_STR(c.rows[0].unit, "DINAS.B");
            CHECK_STR(c.rows[0].indicator, "LAYAN");
        }
        collect_free(&c);
    }
    skp_session_close(s);
    CHECK_INT(d.errors, 0);
    char *text = mem_close(&m);
    CHECK_STR(text ? text : "", "");
    free(text);

    /* a plan with errors: SKP_PLAN, every error and the count reported */
    skp_diag_init(&d, mem_open(&m));
    write_file("bad.skp", "unit U {\n    indicator A { grade by NOPE }\n}\n");
    char badplan[600];
    r.plan = path_in(badplan, sizeof badplan, "bad.skp");
    r.unit = NULL;
    s = (SkpSession *)&d;
    CHECK_INT(skp_session_open(&r, &d, &s), SKP_PLAN);
    CHECK(s == NULL);
    CHECK_INT(d.errors, 1);
    text = mem_close(&m);
    char expected[700];
    snprintf(expected, sizeof expected, "%s:2:28: error: unknown grade scheme 'NOPE'", badplan);
    CHECK_STR(line_n(text, 1), expected);
    CHECK_STR(line_starting(text, "1 error"), "1 error");
    free(text);
}

int main(void)
{
    skp_startup();
    test_plan_parse();
    test_plan_lint();
    test_syntax_errors();
    test_values();

    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/sakipc-api-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch)) { perror("mkdtemp"); return 2; }
    write_file("units.csv", UNITS_CSV);
    write_file("targets.csv", TARGETS_CSV);
    write_file("realisasi.csv", REALISASI_CSV);
    write_file("dokumen.csv", DOKUMEN_CSV);
    char db[600];
    path_in(db, sizeof db, "store.db");

    SkpStore *store = make_store(db);
    Mem m;
    SkpDiag d;
    skp_diag_init(&d, mem_open(&m));
    SkpPlan *p = skp_plan_parse("api.skp", PLAN, sizeof PLAN - 1, &d);
    CHECK(p != NULL);
    if (store && p) {
        SkpRequest r;
        memset(&r, 0, sizeof r);
        r.years = "2023";
        SkpSession *s = NULL;
        CHECK_INT(skp_session_new(p, store, &r, &d, &s), SKP_OK);
        if (s) {
            test_eval_rows(s);
            test_eval_print(s);
            test_tools(s, &d);
        }
        skp_session_close(s);           /* the plan and the store stay the caller's */
        CHECK_INT(d.errors, 0);
        test_bad_requests(p, store, db);
    }
    char *text = mem_close(&m);
    CHECK_STR(text ? text : "", "");    /* the session reported nothing */
    free(text);
    skp_plan_free(p);
    skp_store_close(store);

    CHECK_INT(skp_out_of_memory(), 0);
    CHECK_INT(remove_scratch(), 0);
    return CHECK_DONE();
}
