/* harness.c: see harness.h. The calls `sakipc check` and `sakipc eval`
 * make, through sakip.h: skp_plan_parse, a session (which compiles),
 * skp_eval_print and skp_budget_print; everything they print goes to
 * /dev/null (to stdout and stderr when SAKIPC_FUZZ_VERBOSE is set). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sakip.h"

#ifndef SAKIPC_SOURCE_DIR
#error "SAKIPC_SOURCE_DIR: the source tree, for stdlib/ and examples/"
#endif

static char tmpdir[64];
static char plan_name[128], db_file[128];
static char *confine[2];          /* real paths of tmpdir and stdlib/ */
static FILE *devnull;
static FILE *out, *err;           /* devnull, or with SAKIPC_FUZZ_VERBOSE set stdout and stderr */
static SkpStore *db;              /* the store the check and eval targets use, read-only */

static void cleanup(void)
{
    skp_store_close(db);
    db = NULL;
    if (devnull) fclose(devnull);
    devnull = NULL;
    if (tmpdir[0]) {
        unlink(db_file);
        rmdir(tmpdir);
        tmpdir[0] = '\0';
    }
    skp_confine_files(NULL, 0);
    free(confine[0]);
    free(confine[1]);
    confine[0] = confine[1] = NULL;
}

/* The store: the Balangan example's units, indicators, targets,
 * realisations, budget lines and record tables, imported as `sakipc
 * import --plan records.skp` would. */
static int build_db(void)
{
    static const char *const names[] = {
        "units.csv", "indicators.csv", "targets.csv", "realisasi.csv", "budget.csv",
        "ikm_responses.csv", "propemperda.csv", "akip_components.csv",
    };
    enum { N = sizeof names / sizeof *names };
    static char paths[N][512];
    const char *files[N];
    for (int i = 0; i < N; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/examples/balangan-2023/%s", SAKIPC_SOURCE_DIR, names[i]);
        files[i] = paths[i];
    }
    SkpDiag d;
    skp_diag_init(&d, stderr);
    SkpPlan *records = skp_plan_load(SAKIPC_SOURCE_DIR "/examples/balangan-2023/records.skp", &d);
    if (!records) return -1;
    SkpStore *w = skp_store_open(db_file, SKP_STORE_CREATE, &d);
    SkpImport req = { files, N, NULL, NULL, 0, records, NULL };
    int rc = w && skp_import(w, &req, &d) == SKP_OK ? 0 : -1;
    if (rc) fprintf(stderr, "fuzz: cannot import the example's files\n");
    skp_store_close(w);
    skp_plan_free(records);
    if (!rc && !(db = skp_store_open(db_file, SKP_STORE_READONLY, &d))) rc = -1;
    return rc;
}

int fuzz_setup(FuzzTarget t)
{
    static int done;
    if (done) return 0;
    done = 1;
    skp_startup();
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sakipc-fuzz-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("fuzz: mkdtemp");
        tmpdir[0] = '\0';
        return -1;
    }
    atexit(cleanup);
    /* the plan is never written: its name puts its includes and files in tmpdir */
    snprintf(plan_name, sizeof plan_name, "%s/plan.skp", tmpdir);
    snprintf(db_file, sizeof db_file, "%s/fuzz.db", tmpdir);
    devnull = fopen("/dev/null", "w");
    const char *verbose = getenv("SAKIPC_FUZZ_VERBOSE");   /* to see what an input does */
    out = verbose && *verbose ? stdout : devnull;
    err = verbose && *verbose ? stderr : devnull;
    confine[0] = realpath(tmpdir, NULL);
    confine[1] = realpath(SAKIPC_SOURCE_DIR "/stdlib", NULL);
    if (!devnull || !confine[0] || !confine[1]) {
        perror("fuzz: setup");
        return -1;
    }
    setenv("SAKIPC_STDLIB", confine[1], 1);
    skp_confine_files((const char *const *)confine, 2);
    return t == FUZZ_PARSE ? 0 : build_db();
}

/* A plan that parses is formatted too (sakipc fmt): formatting must not
 * fail its own same-plan check, and must be idempotent. */
static void fuzz_fmt(const uint8_t *data, size_t size)
{
    SkpDiag d;
    skp_diag_init(&d, err);
    char *once = NULL, *twice = NULL;
    size_t n1 = 0, n2 = 0;
    SkpStatus st = skp_fmt_text("fuzz.skp", (const char *)data, size, &once, &n1, &d);
    if (st == SKP_OK) st = skp_fmt_text("fuzz.skp", once, n1, &twice, &n2, &d);
    if (st != SKP_OK && !skp_out_of_memory()) {
        fprintf(stderr, "fuzz: fmt failed (status %d) on a plan that parses\n", st);
        abort();
    }
    if (st == SKP_OK && (n1 != n2 || memcmp(once, twice, n1) != 0)) {
        fprintf(stderr, "fuzz: fmt is not idempotent:\n---- once\n%s---- twice\n%s", once, twice);
        abort();
    }
    free(once);
    free(twice);
}

void fuzz_parse(const uint8_t *data, size_t size)
{
    SkpDiag d;
    skp_diag_init(&d, err);
    if (skp_syntax_errors("fuzz.skp", (const char *)data, size, &d) == 0) fuzz_fmt(data, size);
}

/* The plan, parsed from the bytes, checked; NULL when it has errors. */
static SkpPlan *load(const uint8_t *data, size_t size, SkpDiag *d)
{
    skp_diag_init(d, err);
    return skp_plan_parse(plan_name, (const char *)data, size, d);
}

void fuzz_check(const uint8_t *data, size_t size)
{
    SkpDiag d;
    SkpPlan *p = load(data, size, &d);
    if (!p) return;
    SkpRequest r;
    memset(&r, 0, sizeof r);
    r.no_years = 1;
    SkpSession *s;
    if (skp_session_new(p, db, &r, &d, &s) == SKP_OK) skp_session_close(s);   /* compiled, then freed */
    skp_plan_free(p);
}

void fuzz_eval(const uint8_t *data, size_t size)
{
    SkpDiag d;
    SkpPlan *p = load(data, size, &d);
    if (!p) return;
    SkpPlanInfo info;
    skp_plan_info(p, &info);
    SkpRequest r;
    memset(&r, 0, sizeof r);
    r.years = info.year ? NULL : "2021..2023";
    SkpSession *s;
    if (skp_session_new(p, db, &r, &d, &s) == SKP_OK) {
        SkpOutput o = { out, (SkpFormat)(size % 4), 0 };    /* each format in turn, the same for one input */
        skp_eval_print(s, NULL, 0, &o);
        if (info.has_budget) skp_budget_print(s, &o);
        skp_session_close(s);
    }
    skp_plan_free(p);
}

void fuzz_run(FuzzTarget t, const uint8_t *data, size_t size)
{
    if (t == FUZZ_PARSE) fuzz_parse(data, size);
    else if (t == FUZZ_CHECK) fuzz_check(data, size);
    else fuzz_eval(data, size);
}

int fuzz_target_named(const char *name)
{
    static const char *const names[] = { "parse", "check", "eval" };
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) return i;
    return -1;
}
