/* main.c: the command line. Parses arguments, runs one command, maps every
 * outcome to a documented exit status:
 *
 *   0 success   2 usage error   3 plan error   4 data error
 *   5 runtime error (database, I/O, out of memory)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tools/audit.h"
#include "engine/compile.h"
#include "store/store.h"
#include "tools/diff.h"
#include "engine/eval.h"
#include "report/evalhooks.h"
#include "tools/explain.h"
#include "store/import.h"
#include "base/install.h"
#include "output/output.h"
#include "tools/need.h"
#include "base/num.h"
#include "check/plan.h"
#include "base/period.h"
#include "report/report.h"
#include "engine/scenario.h"
#include "output/tally.h"
#include "base/mem.h"
#include "base/vec.h"
#include "check/check.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_PLAN = 3, EXIT_DATA = 4, EXIT_RUNTIME = 5 };

static const char *const exit_text =
    "Exit status:\n"
    "  0  success\n"
    "  1  audit: a printed figure disagrees with the data\n"
    "  2  usage error (unknown command or option, missing argument)\n"
    "  3  plan error (syntax, names, types, cycles, grade bands)\n"
    "  4  data error (bad CSV rows, unknown units, import refused)\n"
    "  5  runtime error (database, I/O, out of memory)\n"
    "  6  a Lua hook or report template failed (its error and traceback are shown)\n";

static const char *const main_help =
    "usage: sakipc COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "sakipc evaluates the performance indicators of Indonesian government\n"
    "agencies (SAKIP): targets, realisations, capaian and grades, from a plan\n"
    "written in a .skp file and data kept in a SQLite file.\n"
    "\n"
    "Commands:\n"
    "  init DB                 create a database with the sakipc schema\n"
    "  import DB FILE.csv...   load CSV files into the database, each file whole or not at all\n"
    "  check PLAN              check a plan and report every error in it\n"
    "  eval PLAN               evaluate a plan: one row per unit, indicator and year\n"
    "  diff PLAN --scenario S  what a scenario (or --set CHANGE) changes: only the figures that differ\n"
    "  need PLAN --unit U --indicator I --grade G|--capaian N\n"
    "                          the realisation that reaches a grade or a capaian (goal seek)\n"
    "  explain PLAN --unit U --indicator I\n"
    "                          how one figure was derived: formula, inputs, sources, cap, rounding, band\n"
    "  audit PLAN --printed FILE.csv\n"
    "                          the figures a printed report gets wrong (exit 1 when any does)\n"
    "  report PLAN --template NAME [--out FILE]\n"
    "                          a report written by a Lua template (json, lkip-md, lkip-csv,\n"
    "                          lkip-budget-csv, lkip-html, lkip-xlsx)\n"
    "  help [COMMAND]          this text, or a command's\n"
    "\n"
    "Options:\n"
    "  -h, --help              show help (also after a command: sakipc eval --help)\n"
    "  --version               show the version, the git revision, the SQLite and Lua in use\n"
    "\n"
    "Environment:\n"
    "  NO_COLOR                when set, never colour output\n"
    "  SAKIPC_STDLIB           extra directory searched by 'include' and 'report --template'\n"
    "                          before the standard library (sakipc --version names it)\n"
    "\n";

static const char *const init_help =
    "usage: sakipc init DB\n"
    "\n"
    "Creates DB with the sakipc schema (units, indicators, targets, realisasi,\n"
    "budget, record tables; see src/schema.sql). An existing sakipc database is\n"
    "left as it is; any other existing file is refused.\n";

static const char *const import_help =
    "usage: sakipc import DB [--plan PLAN] [--table NAME] [--source NAME] [--indonesian] FILE.csv...\n"
    "\n"
    "Loads each CSV file (RFC 4180, with a header row) in one transaction: the\n"
    "whole file or nothing. Every bad row is reported as FILE:LINE: error: REASON,\n"
    "all of them, and then nothing of that file is written. Files are loaded in\n"
    "dependency order (units first). DB is created if it does not exist.\n"
    "\n"
    "The table comes from the file name (units.csv -> units): units, indicators,\n"
    "targets, period_targets, realisasi, budget, or a record table declared in the plan.\n"
    "\n"
    "Options:\n"
    "  --plan PLAN        read record table declarations ('record NAME { ... }') from PLAN\n"
    "  --table NAME       load every FILE into table NAME\n"
    "  --source NAME      the source (pk, renstra, ...) of the targets in a file without a\n"
    "                     'source' column\n"
    "  --indonesian       numbers in Indonesian format: 84,98 and 62.644.362.476\n"
    "                     (default: plain 84.98; ambiguous values are refused, never guessed)\n";

static const char *const check_help =
    "usage: sakipc check PLAN\n"
    "\n"
    "Parses PLAN and its includes and checks names, types, formula cycles and\n"
    "grade schemes (gaps and overlaps). Every error is reported, then a count.\n"
    "Prints 'PLAN: ok (N indicators, M schemes)' when there is none.\n";

static const char *const eval_help =
    "usage: sakipc eval PLAN [--db DB] [--year Y|Y1..Y2] [--as-of PERIOD] [--unit CODE]\n"
    "                        [--target SOURCE] [--scenario NAME] [--set CHANGE]... [--hook FILE]...\n"
    "                        [--report achievement|grades|budget]\n"
    "                        [--format table|csv|json|markdown]\n"
    "\n"
    "Evaluates PLAN against the database: one row per unit, indicator and year\n"
    "with the target and its source, the realisation, capaian, grades and a\n"
    "status (ok, no data, no target, undefined) with its reason.\n"
    "\n"
    "Options:\n"
    "  --db DB            the database (default: the plan's 'database', relative to the plan)\n"
    "  --year Y           the year to evaluate, or a range 2021..2023 (default: the plan's 'year')\n"
    "  --as-of PERIOD     count only periods ending by PERIOD: 2023, 2023-S1, 2023-Q3, 2023-07\n"
    "                     (default: the end of each evaluated year; the wall clock never counts)\n"
    "  --unit CODE        only this unit\n"
    "  --target SOURCE    measure every indicator against SOURCE (renstra, pk, pk-perubahan, ...)\n"
    "                     or 'end' (the Renstra target of the plan's last Renstra year)\n"
    "  --scenario NAME    evaluate with the plan's scenario NAME (and those it extends)\n"
    "  --set CHANGE       a what-if change, repeatable: [UNIT:]CODE.FIELD[@YEAR]=VALUE with FIELD\n"
    "                     target, realisation, weight or cap (IKM.target=86, SETWAN:SAKIP.realisation=72)\n"
    "  --hook FILE.lua    event hooks (before_unit, on_result, after_unit) that may add\n"
    "                     warnings with sakip.warn; repeatable, after the plan's own 'hook' files\n"
    "  --report R         achievement (default): the indicator rows; grades: how many figures\n"
    "                     fell in each band, per scheme and year; budget: the plan's\n"
    "                     'budget' block over the budget table (serapan, sisa, roll-ups)\n"
    "  --format F         table (default), csv, json or markdown (md)\n";

static const char *const diff_help =
    "usage: sakipc diff PLAN [--scenario NAME] [--set CHANGE]... [--db DB] [--year Y|Y1..Y2]\n"
    "                        [--as-of PERIOD] [--unit CODE] [--target SOURCE] [--format F]\n"
    "\n"
    "Evaluates PLAN twice, as it is and with the what-if changes of a scenario\n"
    "(the plan's 'scenario NAME { ... }', with the scenarios it extends) and\n"
    "of --set, and prints every figure that differs: target, realisation,\n"
    "capaian, grade or status, baseline and scenario side by side. Composites\n"
    "and roll-ups that depend on a changed figure change with it. The data is\n"
    "only read: the database is opened read-only.\n"
    "\n"
    "Options: as for eval (sakipc eval --help), at least one of --scenario and --set.\n";

static const char *const need_help =
    "usage: sakipc need PLAN --unit CODE --indicator CODE (--grade G [--scheme S] | --capaian N)\n"
    "                        [--vary CODE] [--period PERIOD] [--year Y] [--as-of PERIOD]\n"
    "                        [--scenario NAME] [--set CHANGE]... [--db DB] [--format F]\n"
    "\n"
    "Goal seek: the realisation that brings the indicator's row to grade G (or\n"
    "a better one) of its grading scheme S, or to a capaian of at least N. The\n"
    "input is the indicator's own realisation, or with --vary the realisation\n"
    "of another indicator of the unit (a part of a composite), or with --period\n"
    "the realisation of one period alone (the quarter still to come). Every\n"
    "try is a full evaluation with the plan's rules, so the answer is exact at\n"
    "the input's precision: 'at least 88.31', or 'above 80' where the band\n"
    "excludes 80 itself. Where the outcome is not monotone in the input, the\n"
    "ranges that reach the goal are listed; where none does, it says why.\n"
    "The database is only read.\n";

static const char *const explain_help =
    "usage: sakipc explain PLAN --unit CODE --indicator CODE [--group G] [--year Y] [--as-of PERIOD]\n"
    "                           [--target SOURCE] [--scenario NAME] [--set CHANGE]... [--db DB]\n"
    "                           [--format table|markdown|json]\n"
    "\n"
    "Shows how one row's figures were derived: each formula as the checker\n"
    "reads it with its place in the plan, the value of every input in it,\n"
    "the stored rows behind a realisation or target (period, source, CSV\n"
    "file and line), the capaian formula with its numbers, the cap and\n"
    "rounding, and the band each grade came from and why. --format json gives\n"
    "the same trace for other tools. The database is only read.\n";

static const char *const audit_help =
    "usage: sakipc audit PLAN [--printed FILE.csv]... [--tolerance X] [--indonesian] [--year Y]\n"
    "                         [--scenario NAME] [--set CHANGE]... [--db DB] [--format F]\n"
    "\n"
    "Checks a printed report against the data. FILE.csv is a transcription of\n"
    "the figures the report prints, with a header: unit, indicator, and any\n"
    "of group, year (default: the year evaluated), target, realisation,\n"
    "capaian, grade, where (a page or table, for the findings); an empty field\n"
    "was not printed. A printed number agrees when the computed one, rounded\n"
    "half-up to the decimals printed, is the same (100.17 printed as 100\n"
    "agrees; as 101 it does not), give or take --tolerance X. A printed grade\n"
    "agrees when it is the code or the label of one of the row's grades. When\n"
    "the plan has a budget block, its checks (roll-ups, left-overs) are part of\n"
    "the audit. Every figure that disagrees is listed with where it was\n"
    "printed, both values, the difference and the rule; then a summary.\n"
    "\n"
    "Exit status: 0 when everything agrees, 1 when anything disagrees; 2, 3,\n"
    "4 and 5 as for the other commands. The database is only read.\n"
    "\n"
    "Options:\n"
    "  --printed FILE.csv  a transcription (repeatable)\n"
    "  --tolerance X       a printed number may differ by X beyond its rounding\n"
    "  --indonesian        the transcription's numbers are written 100,17\n";

static const char *const report_help =
    "usage: sakipc report PLAN --template NAME [--out FILE] [--memory BYTES] [--instructions N]\n"
    "                          [--year Y|Y1..Y2] [--as-of PERIOD] [--unit CODE] [--target SOURCE]\n"
    "                          [--scenario NAME] [--set CHANGE]... [--db DB]\n"
    "\n"
    "Evaluates PLAN and has the Lua template NAME write a report from the\n"
    "results: NAME is a file of stdlib/reports/ (json: every result for other\n"
    "systems; lkip-md, lkip-csv, lkip-budget-csv, lkip-html and lkip-xlsx: the\n"
    "LKIP chapter III tables) or a path to a .lua file. Templates run in a\n"
    "sandbox: no files, processes or modules,\n"
    "and budgets of memory (--memory, default 64 MiB) and VM instructions\n"
    "(--instructions, default 200 million). The report goes to FILE whole, or\n"
    "nowhere: a template that fails is reported with a traceback, exit 6, and\n"
    "FILE is left as it was. The database is only read.\n";

static const char *const help_help =
    "usage: sakipc help [COMMAND]\n"
    "\n"
    "Shows the program's help, or COMMAND's (init, import, check, eval, diff, need, explain,\n"
    "audit, report, help).\n"
    "'sakipc COMMAND --help' does the same.\n";

typedef struct {
    const char *name;
    const char *help;
} CommandHelp;

static const CommandHelp helps[] = {
    { "init", init_help }, { "import", import_help }, { "check", check_help }, { "eval", eval_help },
    { "diff", diff_help }, { "need", need_help }, { "explain", explain_help }, { "audit", audit_help }, { "report", report_help },
    { "help", help_help },
};

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fputs("sakipc: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'sakipc %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

/* A database failure that the evaluation took for the end of the rows
 * (store_failure: out of memory, I/O error, corrupt page, lock) fails the run
 * before anything is printed from it. */
static int unnoticed_db_failure(const Store *store, int rc)
{
    char why[STORE_FAILURE_MAX];
    if (rc != EXIT_OK || !store || !store_failure(store, why, sizeof why)) return rc;
    fprintf(stderr, "sakipc: error: %s\n", why);
    return EXIT_RUNTIME;
}

static int wants_color(FILE *f)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(fileno(f)) && !(nc && *nc);
}

static int is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

/* Option parsing shared by the commands: "--opt VALUE" or "--opt=VALUE". */
typedef struct {
    int argc;
    char **argv;
    int i;
    const char *cmd;
} Args;

static int take_value(Args *a, const char *name, const char **out)
{
    const char *arg = a->argv[a->i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0) return 0;
    if (arg[n] == '=') { *out = arg + n + 1; return 1; }
    if (arg[n] != '\0') return 0;
    if (a->i + 1 >= a->argc) { *out = NULL; return -1; }
    *out = a->argv[++a->i];
    return 1;
}

/* ---- init ---- */

static int cmd_init(Args *a)
{
    const char *path = NULL;
    for (a->i = 0; a->i < a->argc; a->i++) {
        const char *arg = a->argv[a->i];
        if (is_help(arg)) { fputs(init_help, stdout); return EXIT_OK; }
        if (arg[0] == '-' && arg[1]) return usage_error("init", "unknown option '%s'", arg);
        if (path) return usage_error("init", "unexpected argument '%s'", arg);
        path = arg;
    }
    if (!path) return usage_error("init", "missing DB%s", "");
    Diag d;
    diag_init(&d, stderr);
    Store *store = store_open(path, STORE_CREATE, &d);
    if (!store) return EXIT_RUNTIME;
    int upgraded = store->upgraded_from;
    store_close(store);
    if (upgraded)
        printf("%s: sakipc database, schema version %d (upgraded from version %d)\n", path, STORE_SCHEMA_VERSION, upgraded);
    else
        printf("%s: sakipc database, schema version %d\n", path, STORE_SCHEMA_VERSION);
    return EXIT_OK;
}

/* ---- import ---- */

typedef struct { const char *path; char *table; int rank; } ImportFile;

static int by_rank(const void *x, const void *y)
{
    const ImportFile *a = x, *b = y;
    return a->rank != b->rank ? a->rank - b->rank : (a < b ? -1 : a > b);
}

static int import_files(Store *store, ImportFile *files, int n, ImportOptions *opts)
{
    int worst = EXIT_OK;
    for (int i = 0; i < n; i++) {
        ImportResult res;
        memset(&res, 0, sizeof res);
        opts->table = files[i].table;
        int rc = import_csv(store, files[i].path, opts, &res, stderr);
        if (rc == 0)
            printf("%s: %ld row%s into %s (%ld new)\n", files[i].path, res.rows_read,
                   res.rows_read == 1 ? "" : "s", files[i].table, res.rows_written);
        if (rc > worst) worst = rc;
        if (res.db_failed && i + 1 < n) {        /* the next files would fail the same way */
            fprintf(stderr, "sakipc: error: not loaded, as the database failed:");
            for (int k = i + 1; k < n; k++) fprintf(stderr, " %s", files[k].path);
            fputc('\n', stderr);
            break;
        }
    }
    return worst;
}

static int cmd_import(Args *a)
{
    const char *dbpath = NULL, *planpath = NULL, *table = NULL;
    ImportOptions opts;
    memset(&opts, 0, sizeof opts);
    VEC(const char *) paths = {0};
    for (a->i = 0; a->i < a->argc; a->i++) {
        const char *arg = a->argv[a->i], *v;
        int r;
        if (is_help(arg)) { fputs(import_help, stdout); VEC_FREE(paths); return EXIT_OK; }
        if ((r = take_value(a, "--plan", &v))) { if (r < 0) goto missing; planpath = v; }
        else if ((r = take_value(a, "--table", &v))) { if (r < 0) goto missing; table = v; }
        else if ((r = take_value(a, "--source", &v))) { if (r < 0) goto missing; opts.source = v; }
        else if (strcmp(arg, "--indonesian") == 0) opts.numstyle = NUM_INDONESIAN;
        else if (arg[0] == '-' && arg[1]) { VEC_FREE(paths); return usage_error("import", "unknown option '%s'", arg); }
        else if (!dbpath) dbpath = arg;
        else VEC_PUSH(paths, arg);
        continue;
    missing:
        VEC_FREE(paths);
        return usage_error("import", "option '%s' needs a value", arg);
    }
    /* progress lines and row errors interleave in file order, even in a log */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!dbpath || !paths.len) { VEC_FREE(paths); return usage_error("import", "usage: sakipc import DB FILE.csv...%s", ""); }
    Diag d;
    diag_init(&d, stderr);
    d.color = wants_color(stderr);
    Plan *plan = NULL;
    if (planpath && !(plan = check_load(planpath, &d))) {
        diag_summary(&d);
        VEC_FREE(paths);
        return EXIT_PLAN;
    }
    if (plan) { opts.records = plan->records; opts.nrecords = plan->nrecords; }
    for (int i = 0; plan && i < plan->ninds; i++) opts.levels |= plan->inds[i].scale_name != NULL;
    int rc = EXIT_RUNTIME;
    Store *store = store_open(dbpath, STORE_CREATE, &d);
    if (store) {
        ImportFile *files = mem_xcalloc((size_t)paths.len, sizeof *files);
        for (int i = 0; i < paths.len; i++) {
            files[i].path = paths.items[i];
            files[i].table = table ? mem_xstrdup(table) : import_table_for_file(paths.items[i]);
            files[i].rank = import_table_rank(files[i].table);
        }
        qsort(files, (size_t)paths.len, sizeof *files, by_rank);
        rc = import_files(store, files, paths.len, &opts);
        for (int i = 0; i < paths.len; i++) free(files[i].table);
        free(files);
        rc = unnoticed_db_failure(store, rc);
        store_close(store);
    }
    plan_free(plan);
    VEC_FREE(paths);
    return rc;
}

/* ---- check ---- */

static int cmd_check(Args *a)
{
    const char *path = NULL;
    for (a->i = 0; a->i < a->argc; a->i++) {
        const char *arg = a->argv[a->i];
        if (is_help(arg)) { fputs(check_help, stdout); return EXIT_OK; }
        if (arg[0] == '-' && arg[1]) return usage_error("check", "unknown option '%s'", arg);
        if (path) return usage_error("check", "unexpected argument '%s'", arg);
        path = arg;
    }
    if (!path) return usage_error("check", "missing PLAN%s", "");
    Diag d;
    diag_init(&d, stderr);
    d.color = wants_color(stderr);
    Plan *p = check_load(path, &d);
    if (!p) {
        diag_summary(&d);
        return EXIT_PLAN;
    }
    printf("%s: ok (%d indicator%s, %d scheme%s)\n", path, p->ninds, p->ninds == 1 ? "" : "s",
           p->nschemes, p->nschemes == 1 ? "" : "s");
    plan_free(p);
    return EXIT_OK;
}

/* ---- eval, diff: an evaluation session ---- */

#define MAX_SETS 64

/* The options eval and the evaluators' tools share, and each one's own. */
typedef struct {
    const char *cmd;
    const char *plan, *db, *year, *as_of, *unit, *target, *format, *report, *scenario;
    const char *sets[MAX_SETS];
    int nsets;
    const char *indicator, *grade, *scheme, *capaian, *vary, *period;   /* need, explain */
    const char *group;                                                  /* explain */
    const char *printed[MAX_SETS];                                      /* audit */
    int nprinted;
    const char *tolerance;
    int indonesian;
    const char *template_name, *out, *memory, *instructions;   /* report */
    const char *hooks[MAX_SETS];                                      /* eval --hook */
    int nhooks;
} EvalArgs;

static int parse_eval_args(Args *a, EvalArgs *ea, const char *cmd)
{
    memset(ea, 0, sizeof *ea);
    ea->cmd = cmd;
    ea->format = "table";
    ea->report = "achievement";
    for (a->i = 0; a->i < a->argc; a->i++) {
        const char *arg = a->argv[a->i], *v;
        int r = 0;
        if (is_help(arg)) return -1;
        if ((r = take_value(a, "--db", &v)) > 0) ea->db = v;
        else if (!r && (r = take_value(a, "--year", &v)) > 0) ea->year = v;
        else if (!r && (r = take_value(a, "--as-of", &v)) > 0) ea->as_of = v;
        else if (!r && (r = take_value(a, "--unit", &v)) > 0) ea->unit = v;
        else if (!r && (r = take_value(a, "--target", &v)) > 0) ea->target = v;
        else if (!r && (r = take_value(a, "--format", &v)) > 0) ea->format = v;
        else if (!r && (r = take_value(a, "--report", &v)) > 0 && strcmp(cmd, "eval") == 0) ea->report = v;
        else if (!r && (r = take_value(a, "--scenario", &v)) > 0) ea->scenario = v;
        else if (!r && !strcmp(cmd, "need") && (r = take_value(a, "--grade", &v)) > 0) ea->grade = v;
        else if (!r && !strcmp(cmd, "need") && (r = take_value(a, "--scheme", &v)) > 0) ea->scheme = v;
        else if (!r && !strcmp(cmd, "need") && (r = take_value(a, "--capaian", &v)) > 0) ea->capaian = v;
        else if (!r && !strcmp(cmd, "need") && (r = take_value(a, "--vary", &v)) > 0) ea->vary = v;
        else if (!r && !strcmp(cmd, "need") && (r = take_value(a, "--period", &v)) > 0) ea->period = v;
        else if (!r && strcmp(cmd, "eval") && strcmp(cmd, "diff") && (r = take_value(a, "--indicator", &v)) > 0) ea->indicator = v;
        else if (!r && !strcmp(cmd, "explain") && (r = take_value(a, "--group", &v)) > 0) ea->group = v;
        else if (!r && !strcmp(cmd, "audit") && (r = take_value(a, "--tolerance", &v)) > 0) ea->tolerance = v;
        else if (!r && !strcmp(cmd, "audit") && (r = take_value(a, "--printed", &v)) > 0) {
            if (ea->nprinted == MAX_SETS) return usage_error(cmd, "at most 64 --printed files, found more%s", "");
            ea->printed[ea->nprinted++] = v;
        } else if (!r && !strcmp(cmd, "audit") && !strcmp(arg, "--indonesian")) { ea->indonesian = 1; continue; }
        else if (!r && !strcmp(cmd, "report") && (r = take_value(a, "--template", &v)) > 0) ea->template_name = v;
        else if (!r && !strcmp(cmd, "eval") && (r = take_value(a, "--hook", &v)) > 0) {
            if (ea->nhooks == MAX_SETS) return usage_error(cmd, "at most 64 --hook files, found more%s", "");
            ea->hooks[ea->nhooks++] = v;
        }
        else if (!r && !strcmp(cmd, "report") && (r = take_value(a, "--out", &v)) > 0) ea->out = v;
        else if (!r && !strcmp(cmd, "report") && (r = take_value(a, "--memory", &v)) > 0) ea->memory = v;
        else if (!r && !strcmp(cmd, "report") && (r = take_value(a, "--instructions", &v)) > 0) ea->instructions = v;
        else if (!r && (r = take_value(a, "--set", &v)) > 0) {
            if (ea->nsets == MAX_SETS) return usage_error(cmd, "at most 64 --set changes, found more%s", "");
            ea->sets[ea->nsets++] = v;
        }
        if (r < 0) return usage_error(cmd, "option '%s' needs a value", arg);
        if (r > 0) continue;
        if (arg[0] == '-' && arg[1]) return usage_error(cmd, "unknown option '%s'", arg);
        if (ea->plan) return usage_error(cmd, "unexpected argument '%s'", arg);
        ea->plan = arg;
    }
    if (!ea->plan) return usage_error(cmd, "missing PLAN%s", "");
    return 0;
}

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

static int parse_year(const char *s, int *out)
{
    char *end;
    long y = strtol(s, &end, 10);
    if (end == s || y < PERIOD_YEAR_MIN || y > PERIOD_YEAR_MAX) return -1;
    *out = (int)y;
    return (int)(end - s);
}

/* "2023" or "2021..2023" */
static int parse_years(const char *s, EvalOptions *o)
{
    int n = parse_year(s, &o->year_from);
    if (n < 0) return -1;
    o->year_to = o->year_from;
    if (s[n] == '\0') return 0;
    if (strncmp(s + n, "..", 2) != 0) return -1;
    int m = parse_year(s + n + 2, &o->year_to);
    if (m < 0 || s[n + 2 + m] != '\0' || o->year_to < o->year_from || o->year_to - o->year_from >= SKP_MAX_YEARS) return -1;
    return 0;
}

static int eval_options(const EvalArgs *ea, const Plan *p, EvalOptions *o)
{
    memset(o, 0, sizeof *o);
    if (ea->as_of) {
        if (period_parse(ea->as_of, strlen(ea->as_of), &o->as_of) != 0)
            return usage_error(ea->cmd, "--as-of: unknown period '%s' (expected " PERIOD_FORMS ")", ea->as_of);
        o->has_as_of = 1;
    }
    if (ea->year) {
        if (parse_years(ea->year, o) != 0)
            return usage_error(ea->cmd, "--year: expected a year such as 2023 or a range 2021..2023 (years "
                               STRINGIFY(PERIOD_YEAR_MIN) " to " STRINGIFY(PERIOD_YEAR_MAX) ", a range of at most "
                               STRINGIFY(SKP_MAX_YEARS) " years), found '%s'", ea->year);
    } else if (p->year) {
        o->year_from = o->year_to = p->year;
    } else if (o->has_as_of) {
        o->year_from = o->year_to = o->as_of.year;
    } else {
        return usage_error(ea->cmd, "no year to evaluate: give --year or state 'year 2023' in the plan%s", "");
    }
    o->unit = ea->unit;
    o->target_override = ea->target;
    return 0;
}

static char *database_path(const EvalArgs *ea, const Plan *p)
{
    if (ea->db) return mem_xstrdup(ea->db);
    if (!p->database) return NULL;
    if (p->database[0] == '/' || strcmp(p->dir, ".") == 0) return mem_xstrdup(p->database);
    size_t n = strlen(p->dir) + strlen(p->database) + 2;
    char *s = mem_xmalloc(n);
    snprintf(s, n, "%s/%s", p->dir, p->database);
    return s;
}

/* What eval and the evaluators' tools share: the checked plan, the
 * options, the what-if changes and the store, opened read-only (they never
 * write it). */
typedef struct {
    Diag d;
    Plan *p;
    CompiledPlan *cp;
    EvalOptions opt;
    OverrideList changes;
    OutFormat fmt;
    Store *store;
    char *dbpath;
} Session;

/* with_years: the command evaluates years (the budget report does not). */
static int session_open(Session *s, const EvalArgs *ea, int with_years)
{
    memset(s, 0, sizeof *s);
    diag_init(&s->d, stderr);
    s->d.color = wants_color(stderr);
    if (output_format_parse(ea->format, &s->fmt) != 0)
        return usage_error(ea->cmd, "--format: expected table, csv, json or markdown, found '%s'", ea->format);
    s->p = check_load(ea->plan, &s->d);
    if (!s->p) { diag_summary(&s->d); return EXIT_PLAN; }
    int rc = with_years ? eval_options(ea, s->p, &s->opt) : 0;
    if (rc) return rc;
    char err[512];
    if (scenario_build(s->p, ea->scenario, ea->sets, ea->nsets, &s->changes, err, sizeof err) != 0)
        return usage_error(ea->cmd, "%s", err);
    s->opt.progress = isatty(fileno(stderr)) && !ea->unit;   /* long runs tell a terminal where they are */
    s->opt.overrides = s->changes.items;
    s->opt.noverrides = s->changes.n;
    s->dbpath = database_path(ea, s->p);
    if (!s->dbpath) return usage_error(ea->cmd, "no database: give --db or state 'database \"FILE.db\"' in the plan%s", "");
    s->store = store_open(s->dbpath, STORE_READONLY, &s->d);
    if (!s->store) return EXIT_RUNTIME;
    s->cp = compile_plan(s->p);
    return 0;
}

/* Ends the session; rc, the command's status, becomes a failure when the
 * store failed in a way the command took for the end of the rows. */
static int session_close(Session *s, int rc)
{
    rc = unnoticed_db_failure(s->store, rc);
    compile_free(s->cp);
    store_close(s->store);
    free(s->dbpath);
    scenario_free(&s->changes);
    plan_free(s->p);
    return rc;
}


/* --report budget: the plan's budget block over the budget table. */
static int eval_budget(Session *s)
{
    if (!s->p->budget.declared) {
        diag_plain(&s->d, "%s: --report budget needs a 'budget { ... }' block in the plan", s->p->path);
        return EXIT_PLAN;
    }
    BudgetReport r;
    int rc = unnoticed_db_failure(s->store, budget_run(s->p, s->store, &r, &s->d));
    if (!rc) rc = output_budget(stdout, s->fmt, wants_color(stdout), s->p, &r);
    if (rc == EXIT_DATA) diag_summary(&s->d);
    budget_free(&r);
    return rc;
}

/* The grade recap: counts per scheme, year and band, the rows never held. */
static int eval_grades(Session *s)
{
    Tally *t = tally_new(s->p, s->opt.year_from, s->opt.year_to);
    int rc = unnoticed_db_failure(s->store, eval_run(s->cp, s->store, &s->opt, tally_row, t, &s->d));
    if (!rc) rc = tally_print(t, stdout, s->fmt, wants_color(stdout));
    tally_free(t);
    if (rc == EXIT_DATA) diag_summary(&s->d);
    return rc;
}

/* The achievement table, through the plan's hooks and --hook files. */
static int eval_achievement(Session *s, const EvalArgs *ea)
{
    const char *paths[2 * MAX_SETS];
    int n = 0;
    for (int i = 0; i < s->p->nhooks && n < 2 * MAX_SETS; i++) paths[n++] = s->p->hooks[i];
    for (int i = 0; i < ea->nhooks; i++) paths[n++] = ea->hooks[i];
    EvalHooks *eh = n ? evalhooks_open(s->p, paths, n, NULL, stderr, &s->d) : NULL;
    if (n && !eh) return EXIT_HOOK;
    /* With Lua in play a run may fail half-way: keep even csv and json
     * back until it has succeeded, so that a failure prints no rows. */
    int lua = n > 0;
    for (int i = 0; i < s->p->nfuncs; i++) lua |= s->p->funcs[i].lua_file != NULL;
    char *held = NULL;
    size_t held_len = 0;
    FILE *to = lua ? open_memstream(&held, &held_len) : stdout;
    if (!to) to = stdout;
    Output *out = output_open(to, s->fmt, wants_color(stdout), s->opt.year_from != s->opt.year_to);
    HookedSink hs = { eh, output_row, out };
    int rc = eval_run(s->cp, s->store, &s->opt, eh ? evalhooks_sink : output_row, eh ? (void *)&hs : (void *)out, &s->d);
    if (!rc && eh) rc = evalhooks_finish(eh);
    rc = unnoticed_db_failure(s->store, rc);
    if (rc == EXIT_HOOK || rc == EXIT_RUNTIME) output_discard(out);    /* a failed hook, a failed store: no table */
    else output_close(out, rc == 0);
    if (to != stdout) {
        fclose(to);
        if (rc != EXIT_HOOK && rc != EXIT_RUNTIME && held_len) fwrite(held, 1, held_len, stdout);
        free(held);
    }
    fflush(stdout);
    if (eh && evalhooks_warnings(eh))
        fprintf(stderr, "%d warning%s from hooks\n", evalhooks_warnings(eh), evalhooks_warnings(eh) == 1 ? "" : "s");
    evalhooks_close(eh);

    if (rc == EXIT_DATA) diag_summary(&s->d);
    return rc;
}

static int cmd_eval(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "eval");
    if (rc < 0) { fputs(eval_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    int budget = strcmp(ea.report, "budget") == 0, grades = strcmp(ea.report, "grades") == 0;
    if (!budget && !grades && strcmp(ea.report, "achievement") != 0)
        return usage_error("eval", "--report: expected achievement, grades or budget, found '%s'", ea.report);
    Session s;
    rc = session_open(&s, &ea, !budget);    /* the budget report has no years */
    if (!rc && budget) rc = eval_budget(&s);
    else if (!rc && grades) rc = eval_grades(&s);
    else if (!rc) rc = eval_achievement(&s, &ea);
    return session_close(&s, rc);
}

/* diff: the baseline against --scenario and --set, only what changed. */
static int cmd_diff(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "diff");
    if (rc < 0) { fputs(diff_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    if (!ea.scenario && !ea.nsets)
        return usage_error("diff", "diff compares the plan with a scenario: give --scenario NAME and/or --set CHANGE%s", "");
    Session s;
    rc = session_open(&s, &ea, 1);
    if (!rc) {
        EvalOptions base = s.opt;
        base.overrides = NULL;
        base.noverrides = 0;
        char label[256];
        snprintf(label, sizeof label, "%s%s%s", ea.scenario ? "scenario " : "", ea.scenario ? ea.scenario : "",
                 ea.nsets ? (ea.scenario ? " with --set" : "--set") : "");
        rc = diff_run(s.cp, s.store, &base, &s.opt, label, s.fmt, wants_color(stdout), stdout, &s.d);
        if (rc == EXIT_DATA) diag_summary(&s.d);
    }
    return session_close(&s, rc);
}

/* need: the input that reaches a grade or a capaian. */
static int cmd_need(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "need");
    if (rc < 0) { fputs(need_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    if (!ea.unit || !ea.indicator) return usage_error("need", "need asks about one figure: give --unit CODE and --indicator CODE%s", "");
    if (!ea.grade == !ea.capaian) return usage_error("need", "give the goal: --grade CODE or --capaian N (one of them)%s", "");
    NeedQuery q;
    memset(&q, 0, sizeof q);
    q.unit = ea.unit;
    q.indicator = ea.indicator;
    q.grade = ea.grade;
    q.scheme = ea.scheme;
    q.vary = ea.vary;
    if (ea.capaian) {
        const char *why = NULL;
        if (num_parse(ea.capaian, NUM_PLAIN, &q.capaian, &why) != NUMP_OK)
            return usage_error("need", "--capaian: '%s' is not a number", ea.capaian);
        q.has_capaian = 1;
    }
    if (ea.period) {
        if (period_parse(ea.period, strlen(ea.period), &q.period) != 0 || q.period.kind == PER_YEAR)
            return usage_error("need", "--period: expected a semester, quarter or month such as 2023-Q4, found '%s'", ea.period);
        q.has_period = 1;
        if (!ea.year) {
            static char y[8];
            snprintf(y, sizeof y, "%d", q.period.year);
            ea.year = y;
        }
    }
    Session s;
    rc = session_open(&s, &ea, 1);
    if (!rc) {
        rc = need_run(s.cp, s.store, &s.opt, &q, s.fmt, stdout, &s.d);
        if (rc == EXIT_DATA) diag_summary(&s.d);
    }
    return session_close(&s, rc);
}

/* explain: how one figure was derived. */
static int cmd_explain(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "explain");
    if (rc < 0) { fputs(explain_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    if (!ea.unit || !ea.indicator) return usage_error("explain", "explain shows one figure: give --unit CODE and --indicator CODE%s", "");
    ExplainQuery q = { ea.unit, ea.indicator, ea.group };
    Session s;
    rc = session_open(&s, &ea, 1);
    if (!rc) {
        rc = explain_run(s.cp, s.store, &s.opt, &q, s.fmt, stdout, &s.d);
        if (rc == EXIT_DATA) diag_summary(&s.d);
    }
    return session_close(&s, rc);
}

/* audit: a printed report's figures against the computation. */
static int cmd_audit(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "audit");
    if (rc < 0) { fputs(audit_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    AuditQuery q;
    memset(&q, 0, sizeof q);
    q.files = ea.printed;
    q.nfiles = ea.nprinted;
    q.numstyle = ea.indonesian ? NUM_INDONESIAN : NUM_PLAIN;
    if (ea.tolerance) {
        const char *why = NULL;
        if (num_parse(ea.tolerance, NUM_PLAIN, &q.tolerance, &why) != NUMP_OK || q.tolerance < 0)
            return usage_error("audit", "--tolerance: expected a number of 0 or more, found '%s'", ea.tolerance);
    }
    Session s;
    rc = session_open(&s, &ea, ea.nprinted > 0);
    const BudgetSpec *bs = s.p ? &s.p->budget : NULL;
    if (!rc && !ea.nprinted && !(bs->check_rollup || bs->check_sisa))
        rc = usage_error("audit", "nothing to audit: give --printed FILE.csv (the report's figures), or a plan whose budget block checks the table (check rollup, sisa)%s", "");
    if (!rc) {
        rc = audit_run(s.cp, s.store, &s.opt, &q, s.fmt, wants_color(stdout), stdout, &s.d);
        if (rc == EXIT_DATA) diag_summary(&s.d);
    }
    return session_close(&s, rc);
}

/* A positive whole number option (a budget). */
static int parse_count(const char *cmd, const char *opt, const char *v, long *out)
{
    char *end;
    errno = 0;
    long n = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || errno || n <= 0) return usage_error(cmd, opt, v ? v : "");
    *out = n;
    return 0;
}

/* report: a Lua template writes a report from the evaluated plan. */
static int cmd_report(Args *a)
{
    EvalArgs ea;
    int rc = parse_eval_args(a, &ea, "report");
    if (rc < 0) { fputs(report_help, stdout); return EXIT_OK; }
    if (rc) return rc;
    if (!ea.template_name) return usage_error("report", "report needs --template NAME (json, lkip-md, lkip-csv, ...)%s", "");
    ReportQuery q;
    memset(&q, 0, sizeof q);
    q.template_name = ea.template_name;
    q.out = ea.out;
    long n;
    if (ea.memory) {
        if ((rc = parse_count("report", "--memory: expected a number of bytes above 0, found '%s'", ea.memory, &n))) return rc;
        q.limits.memory = (size_t)n;
    }
    if (ea.instructions) {
        if ((rc = parse_count("report", "--instructions: expected a number above 0, found '%s'", ea.instructions, &n))) return rc;
        q.limits.instructions = n;
    }
    Session s;
    rc = session_open(&s, &ea, 1);
    if (!rc) {
        rc = report_run(s.cp, s.store, &s.opt, &q, &s.d);
        if (rc == EXIT_DATA) diag_summary(&s.d);
    }
    return session_close(&s, rc);
}

/* ---- main ---- */

typedef int (*CommandFn)(Args *);

static int cmd_help(Args *a)
{
    if (a->argc == 0) { fputs(main_help, stdout); fputs(exit_text, stdout); return EXIT_OK; }
    for (size_t i = 0; i < sizeof helps / sizeof *helps; i++)
        if (strcmp(helps[i].name, a->argv[0]) == 0) { fputs(helps[i].help, stdout); return EXIT_OK; }
    return usage_error(NULL, "no help for unknown command '%s'", a->argv[0]);
}

int main(int argc, char **argv)
{
    static const struct { const char *name; CommandFn fn; } commands[] = {
        { "init", cmd_init }, { "import", cmd_import }, { "check", cmd_check },
        { "eval", cmd_eval }, { "diff", cmd_diff }, { "need", cmd_need }, { "explain", cmd_explain },
        { "audit", cmd_audit }, { "report", cmd_report },
        { "help", cmd_help },
    };
    mem_fault_init();          /* SAKIPC_FAIL_ALLOC: a testing aid, off unless set */
    store_startup();
    /* A file size limit (ulimit -f) must fail a write with EFBIG, which
     * SQLite reports and import rolls back, not kill the process half-way. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        fputs(main_help, stderr);
        return EXIT_USAGE;
    }
    if (is_help(argv[1])) { fputs(main_help, stdout); fputs(exit_text, stdout); return EXIT_OK; }
    if (strcmp(argv[1], "--version") == 0) { install_print_version(stdout); return EXIT_OK; }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        if (strcmp(argv[1], commands[i].name) != 0) continue;
        Args a = { argc - 2, argv + 2, 0, commands[i].name };
        int rc = commands[i].fn(&a);
        /* A database failure the command did not stop on still fails it;
         * SQLite and Lua report running out of memory as errors of their
         * own (SQLITE_NOMEM, a Lua memory error): whatever the command
         * made of one (a hook failed, a data error), the cause is memory. */
        if (rc != EXIT_OK && rc != EXIT_RUNTIME && mem_out_of_memory()) {
            fputs("sakipc: error: out of memory\n", stderr);
            rc = EXIT_RUNTIME;
        }
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "sakipc: error: writing output: %s\n", strerror(errno));
            return EXIT_RUNTIME;
        }
        return rc;
    }
    return usage_error(NULL, "unknown command '%s'", argv[1]);
}
