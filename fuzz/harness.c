/* harness.c: see harness.h. The same calls as `sakipc check` and
 * `sakipc eval` (src/main.c): check_load, compile_plan, eval_run into an
 * Output, budget_run into output_budget; everything they print goes to
 * /dev/null (to stdout and stderr when SAKIPC_FUZZ_VERBOSE is set). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/budget.h"
#include "check/checker.h"
#include "front/parser.h"
#include "engine/compile.h"
#include "store/store.h"
#include "engine/eval.h"
#include "store/import.h"
#include "output/output.h"
#include "check/check.h"

#ifndef SAKIPC_SOURCE_DIR
#error "SAKIPC_SOURCE_DIR: the source tree, for stdlib/ and examples/"
#endif

static char tmpdir[64];
static char plan_path[128], db_file[128];
static char *confine[2];          /* real paths of tmpdir and stdlib/ */
static FILE *devnull;
static FILE *out, *err;           /* devnull, or with SAKIPC_FUZZ_VERBOSE set stdout and stderr */
static Store *db;                 /* the eval target's store, read-only */

static void cleanup(void)
{
    if (db) store_close(db);
    db = NULL;
    if (devnull) fclose(devnull);
    devnull = NULL;
    if (tmpdir[0]) {
        unlink(plan_path);
        unlink(db_file);
        rmdir(tmpdir);
        tmpdir[0] = '\0';
    }
    check_confine_files(NULL, 0);
    free(confine[0]);
    free(confine[1]);
    confine[0] = confine[1] = NULL;
}

/* The store: the Balangan example's units, indicators, targets,
 * realisations, budget lines and record tables, imported as `sakipc
 * import --plan records.skp` would. */
static int build_db(void)
{
    static const char *const files[] = {     /* in the order references need */
        "units.csv", "indicators.csv", "targets.csv", "realisasi.csv", "budget.csv",
        "ikm_responses.csv", "propemperda.csv", "akip_components.csv",
    };
    const char *ex = SAKIPC_SOURCE_DIR "/examples/balangan-2023";
    Diag d;
    diag_init(&d, stderr);
    Plan *records = check_load(SAKIPC_SOURCE_DIR "/examples/balangan-2023/records.skp", &d);
    if (!records) return -1;
    Store *w = store_open(db_file, STORE_CREATE, &d);
    int rc = w ? 0 : -1;
    for (size_t i = 0; !rc && i < sizeof files / sizeof *files; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", ex, files[i]);
        ImportOptions o;
        memset(&o, 0, sizeof o);
        o.records = records->records;
        o.nrecords = records->nrecords;
        char *table = import_table_for_file(path);
        o.table = table;
        ImportResult r;
        memset(&r, 0, sizeof r);
        if (import_csv(w, path, &o, &r, stderr) != 0) {
            fprintf(stderr, "fuzz: cannot import %s\n", path);
            rc = -1;
        }
        free(table);
    }
    if (w) store_close(w);
    plan_free(records);
    if (!rc && !(db = store_open(db_file, STORE_READONLY, &d))) rc = -1;
    return rc;
}

int fuzz_setup(FuzzTarget t)
{
    static int done;
    if (done) return 0;
    done = 1;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sakipc-fuzz-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("fuzz: mkdtemp");
        tmpdir[0] = '\0';
        return -1;
    }
    atexit(cleanup);
    snprintf(plan_path, sizeof plan_path, "%s/plan.skp", tmpdir);
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
    check_confine_files((const char *const *)confine, 2);
    return t == FUZZ_EVAL ? build_db() : 0;
}

void fuzz_parse(const uint8_t *data, size_t size)
{
    Source src;
    memset(&src, 0, sizeof src);
    static char name[] = "fuzz.skp";
    src.path = name;
    src.text = malloc(size + 1);          /* the lexer wants a NUL after the text */
    if (!src.text) return;
    if (size) memcpy(src.text, data, size);
    src.text[size] = '\0';
    src.len = size;
    Tree t;
    memset(&t, 0, sizeof t);
    Diag d;
    diag_init(&d, err);
    parser_parse(&src, &t, &d);
    ast_tree_free(&t);
    free(src.text);
}

/* The plan as a file in the temporary directory: check_load reads paths. */
static Plan *load(const uint8_t *data, size_t size, Diag *d)
{
    FILE *f = fopen(plan_path, "wb");
    if (!f) return NULL;
    size_t n = size ? fwrite(data, 1, size, f) : 0;
    if (fclose(f) != 0 || n != size) return NULL;
    diag_init(d, err);
    return check_load(plan_path, d);
}

void fuzz_check(const uint8_t *data, size_t size)
{
    Diag d;
    Plan *p = load(data, size, &d);
    if (!p) return;
    CompiledPlan *cp = compile_plan(p);
    compile_free(cp);
    plan_free(p);
}

void fuzz_eval(const uint8_t *data, size_t size)
{
    Diag d;
    Plan *p = load(data, size, &d);
    if (!p) return;
    CompiledPlan *cp = compile_plan(p);
    EvalOptions o;
    memset(&o, 0, sizeof o);
    o.year_from = p->year ? p->year : 2021;
    o.year_to = p->year ? p->year : 2023;
    OutFormat fmt = (OutFormat)(size % 4);    /* each format in turn, the same for one input */
    Output *table = output_open(out, fmt, 0, o.year_from != o.year_to);
    int rc = eval_run(cp, db, &o, output_row, table, &d);
    output_close(table, rc == 0);
    if (p->budget.declared) {
        BudgetReport r;
        if (budget_run(p, db, &r, &d) == 0) output_budget(out, fmt, 0, p, &r);
        budget_free(&r);
    }
    compile_free(cp);
    plan_free(p);
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
