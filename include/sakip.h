/* sakip.h: the sakipc library, the one public header.
 *
 * A plan (.skp) states indicators, targets, formulas and grade bands; a
 * store (a SQLite file) holds the data; a session evaluates the plan
 * against the store for the years asked. The evaluation goes to a
 * caller's sink row by row, or is printed in one of four formats, and the
 * evaluators' tools (diff, need, explain, audit) and the report templates
 * work on the same session. The `sakipc` command is this library's first
 * user and uses nothing else (src/cli/).
 *
 * Every function reports its problems through an SkpDiag, as
 * `file:line:col: error: ...` for a plan, `file:line: error: ...` for
 * data, `sakipc: error: ...` for the rest, and returns an SkpStatus: the
 * exit status of the `sakipc` command that does the same thing.
 *
 *     SkpDiag d;
 *     skp_diag_init(&d, stderr);
 *     SkpRequest r = { .plan = "plan.skp", .years = "2023" };
 *     SkpSession *s;
 *     SkpStatus st = skp_session_open(&r, &d, &s);
 *     if (st == SKP_OK) st = skp_eval(s, my_sink, my_ctx);
 *     skp_session_close(s);
 */
#ifndef SAKIP_H
#define SAKIP_H
#include <stddef.h>
#include <stdio.h>

/* ---- status: what every operation returns ----------------------------------- */

typedef enum SkpStatus {
    SKP_OK = 0,
    SKP_DISAGREES = 1,  /* audit: a printed figure disagrees with the data; test: an expectation fails;
                           fmt --check: a plan is not formatted */
    SKP_USAGE = 2,      /* a request that cannot be taken as it is (d->usage says why) */
    SKP_PLAN = 3,       /* the plan has errors (syntax, names, types, cycles, bands) */
    SKP_DATA = 4,       /* the data has errors (bad rows, unknown units, an import refused) */
    SKP_RUNTIME = 5,    /* the database, I/O, out of memory */
    SKP_HOOK = 6        /* a Lua hook, template or function failed (its traceback is shown) */
} SkpStatus;

/* ---- diagnostics ------------------------------------------------------------ */

typedef struct SkpDiag {
    FILE *out;          /* where diagnostics go (stderr for the command) */
    int errors, warnings;
    int max_errors;     /* stop printing after this many (0: never); counting goes on */
    int color;          /* ANSI colour: a terminal, and no NO_COLOR */
    char usage[1024];   /* with SKP_USAGE: what is wrong with the request, in words */
} SkpDiag;

void skp_diag_init(SkpDiag *d, FILE *out);
/* "1 error", "3 errors"; nothing when there was none. */
void skp_diag_summary(SkpDiag *d);

/* ---- the process ------------------------------------------------------------ */

/* Once, before anything else: fault injection (SAKIPC_FAIL_ALLOC, a
 * testing aid) and SQLite's allocator. */
void skp_startup(void);
/* An allocation failed during the run (an operation may have taken it
 * for another failure; it was out of memory). */
int skp_out_of_memory(void);
/* The version, the git revision, the libraries in use, the stdlib directory. */
void skp_version(FILE *out);

/* ---- plans ------------------------------------------------------------------ */

typedef struct Plan SkpPlan;

/* Loads, parses and checks a plan and its includes; NULL when it has
 * errors, every one of them reported. */
SkpPlan *skp_plan_load(const char *path, SkpDiag *d);
/* The same for a plan held in memory (len bytes): `name` is how messages
 * name it, and what includes and hooks are relative to. */
SkpPlan *skp_plan_parse(const char *name, const char *text, size_t len, SkpDiag *d);
void skp_plan_free(SkpPlan *p);

typedef struct {
    const char *path, *title;
    const char *database;   /* as the plan states it, or NULL */
    int year;               /* the plan's year, 0 when it states none */
    int indicators, schemes;
    int has_budget;         /* a `budget` block */
    int checks_budget;      /* ... that checks the budget table (check rollup, sisa) */
} SkpPlanInfo;
void skp_plan_info(const SkpPlan *p, SkpPlanInfo *out);
/* Warnings about a valid plan that is most likely not what was meant (a
 * division by a constant zero, a band the cap or rounding puts out of
 * reach, a scheme that grades nothing), each reported through d as
 * `file:line:col: warning:`. Returns how many. */
int skp_plan_lint(const SkpPlan *p, SkpDiag *d);

/* Lexes and parses only (no meaning given): the number of syntax errors. */
int skp_syntax_errors(const char *name, const char *text, size_t len, SkpDiag *d);
/* From now on, plans may name only files (includes, hooks, Lua modules)
 * under one of dirs (real paths, kept by the caller); n 0 lifts it. For
 * services that check other people's plans, and for fuzzing. */
void skp_confine_files(const char *const *dirs, int n);

/* ---- stores ----------------------------------------------------------------- */

typedef struct Store SkpStore;
typedef enum { SKP_STORE_READONLY, SKP_STORE_READWRITE, SKP_STORE_CREATE } SkpStoreMode;

/* READONLY and READWRITE: an existing sakipc store of this schema version
 * (READWRITE upgrades an older one); CREATE: created (with the schema) when
 * missing. NULL on error (reported). */
SkpStore *skp_store_open(const char *path, SkpStoreMode mode, SkpDiag *d);
void skp_store_close(SkpStore *s);
/* The schema version this library writes, and the one opening s upgraded
 * its file from (0: none). */
int skp_schema_version(void);
int skp_store_upgraded_from(const SkpStore *s);

typedef struct {
    const char *const *files;   /* CSV files, loaded in the order references need */
    int nfiles;
    const char *table;          /* every file into this table (NULL: from each file's name) */
    const char *source;         /* the source of targets in a file without a source column */
    int indonesian;             /* numbers written 84,98 and 62.644.362.476 */
    const SkpPlan *plan;        /* for the record tables it declares (NULL: none) */
    FILE *progress;             /* "FILE: N rows into T (M new)" per file (NULL: nothing) */
} SkpImport;
/* Each file whole or not at all; every bad row reported as FILE:LINE. */
SkpStatus skp_import(SkpStore *s, const SkpImport *req, SkpDiag *d);

/* ---- sessions --------------------------------------------------------------- */

typedef struct {
    const char *plan;           /* the plan file (skp_session_open) */
    const char *db;             /* the store (NULL: the plan's `database`, next to the plan) */
    const char *years;          /* "2023" or "2021..2023" (NULL: the plan's `year`) */
    int no_years;               /* an operation without years (the budget report) */
    const char *as_of;          /* count only periods ending by this one: "2023-Q2" */
    const char *unit;           /* one unit only */
    const char *target;         /* measure every indicator against this target source */
    const char *scenario;       /* the plan's scenario of this name */
    const char *const *sets;    /* what-if changes: [UNIT:]CODE.FIELD[@YEAR]=VALUE */
    int nsets;
    int progress;               /* "unit N of M" on stderr while it runs */
} SkpRequest;

typedef struct Session SkpSession;

/* Loads the plan, opens its store read-only, takes the request's years,
 * scenario and changes. SKP_OK with *out set, or the failure (reported;
 * *out NULL). The session keeps d for everything it does. */
SkpStatus skp_session_open(const SkpRequest *r, SkpDiag *d, SkpSession **out);
/* The same on a plan and a store the caller has opened (and frees after
 * the session). */
SkpStatus skp_session_new(SkpPlan *p, SkpStore *s, const SkpRequest *r, SkpDiag *d, SkpSession **out);
void skp_session_close(SkpSession *s);

typedef struct {
    int warnings;
    int data_checked;           /* a database was there: the data was checked too */
} SkpLint;
/* `check --lint`: the plan's warnings (skp_plan_lint), then, when the
 * request names a database or the plan's own exists, the data's: an
 * indicator without a target for a year evaluated (r's years, else the
 * plan's), one no unit has, period targets against the annual target,
 * Renstra targets against the polarity. The plan stays the caller's. */
SkpStatus skp_lint(SkpPlan *p, const SkpRequest *r, SkpDiag *d, SkpLint *out);

/* ---- evaluation ------------------------------------------------------------- */

typedef struct {
    const char *scheme, *on;    /* "AKIP", "capaian" or "value" */
    const char *code, *label;   /* the band; NULL when none matched (see the row's reason) */
} SkpGrade;

/* One (unit, indicator, year): a row of the achievement table. Strings
 * live until the sink returns. A figure that is missing has its has_ flag
 * 0 and the row says why: never zero. */
typedef struct {
    const char *unit, *unit_name;
    const char *indicator, *name;
    const char *group;          /* a grouped indicator's group, or NULL */
    int year;
    int has_target, has_target_hi;
    double target, target_hi;
    const char *source;         /* where the target came from: "pk", "renstra", "plan" */
    const char *target_level;   /* on a scale: the target's level, or NULL */
    int has_realisation;
    double realisation;         /* as computed */
    double realisation_shown;   /* as the plan shows and grades it: rounded by `round value` */
    const char *basis;          /* how it was made: "sum of 4 quarters" */
    const char *realisation_level;
    int has_capaian, capped;
    double capaian;             /* capped and rounded by the plan's rules */
    SkpGrade grades[4];
    int ngrades;
    const char *status;         /* "ok", "no data", "no target", "undefined" */
    const char *reason;         /* why it is not ok, or NULL */
    const char *rule;           /* the capaian rule in words */
    int coverage_present;       /* a figure rolled up from the units below: how many of */
    int coverage_expected;      /* them had a figure, of those that have its indicator; 0 0: none */
} SkpRow;

/* Gets each row in order (unit, then plan order, then year); a non-zero
 * answer stops the evaluation. */
typedef int (*SkpSink)(const SkpRow *row, void *ctx);
/* SKP_OK when every row was given; the failure (SKP_DATA, SKP_RUNTIME,
 * SKP_HOOK; reported) when the evaluation failed; or the sink's non-zero
 * answer as it is, when the sink stopped it. An answer outside 1..6 (-1,
 * 100) cannot be taken for a failure. */
int skp_eval(SkpSession *s, SkpSink sink, void *ctx);

typedef enum { SKP_TABLE, SKP_CSV, SKP_JSON, SKP_MARKDOWN } SkpFormat;
/* "table", "csv", "json", "markdown" or "md"; -1 for anything else. */
int skp_format_parse(const char *name, SkpFormat *out);

typedef struct {
    FILE *out;
    SkpFormat format;
    int color;                  /* ANSI colour for grades and statuses (table format) */
} SkpOutput;

/* The achievement table, through the plan's hooks and these Lua hook files. */
SkpStatus skp_eval_print(SkpSession *s, const char *const *hooks, int nhooks, const SkpOutput *o);
/* How many figures fell in each band, per scheme and year. */
SkpStatus skp_grades_print(SkpSession *s, const SkpOutput *o);
/* The plan's budget block over the budget table. */
SkpStatus skp_budget_print(SkpSession *s, const SkpOutput *o);

/* ---- the evaluators' tools -------------------------------------------------- */

/* The plan as it is against the request's scenario and changes: only the
 * figures that differ. */
SkpStatus skp_diff(SkpSession *s, const SkpOutput *o);

typedef struct {
    const char *unit, *indicator;
    const char *grade, *scheme;     /* a grade (of a scheme) to reach ... */
    int has_capaian;
    double capaian;                 /* ... or a capaian of at least this */
    const char *vary;               /* the indicator whose realisation varies (default: this one) */
    const char *period;             /* only this period's realisation varies: "2023-Q4" */
    const char *group;              /* a grouped indicator's group: its figure and realisation in that group */
} SkpNeed;
/* Goal seek: the realisation that reaches a grade or a capaian. */
SkpStatus skp_need(SkpSession *s, const SkpNeed *q, const SkpOutput *o);

typedef struct {
    const char *scheme;             /* each figure's grading by this scheme (NULL: its first) */
    int has_at_risk;
    double at_risk;                 /* only figures whose grade falls within this percent */
    long limit;                     /* at most this many figures, nearest fall first (0: all) */
} SkpMargin;
/* How safe each grade is: the realisation at which it rises and falls one
 * band, nearest fall first; a composite's most moving inputs. */
SkpStatus skp_margin(SkpSession *s, const SkpMargin *q, const SkpOutput *o);

typedef struct {
    const char *unit, *indicator;
    const char *group;              /* a grouped indicator's group */
} SkpExplain;
/* How one figure was derived. */
SkpStatus skp_explain(SkpSession *s, const SkpExplain *q, const SkpOutput *o);

typedef struct {
    const char *const *files;       /* transcriptions of what a report prints */
    int nfiles;
    double tolerance;
    int indonesian;                 /* their numbers are written 100,17 */
    const char *only;               /* "indicators" or "budget": only that part; NULL: both */
} SkpAudit;
/* A printed report against the data: SKP_DISAGREES when anything differs. */
SkpStatus skp_audit(SkpSession *s, const SkpAudit *q, const SkpOutput *o);

typedef struct {
    const char *template_name;      /* "lkip-md", or a path to a .lua file */
    const char *out;                /* NULL: standard output */
    size_t memory;                  /* the template's budgets (0: the defaults) */
    long instructions;
} SkpReport;
/* A report written by a Lua template, whole or not at all. */
SkpStatus skp_report(SkpSession *s, const SkpReport *q);

typedef struct {
    const char *plan;               /* the plan file */
    const char *const *files;       /* test files (.skptest); none: every *.skptest in the
                                       folder tests/ next to the plan */
    int nfiles;
    int verbose;                    /* table format: every expectation, not only the failures */
} SkpTest;
/* Plan tests (docs/testing.md): each test of each file on a database of
 * its own in memory (the plan's store is never opened), evaluated by
 * skp_eval, every expectation checked against its row. The failures are
 * reported through d (`file:line:col: fail:`), the results table and a
 * summary go to o. SKP_OK when every expectation holds, SKP_DISAGREES
 * when any fails; SKP_PLAN for a test file with errors (rows written in
 * it included), SKP_DATA for a CSV file it names that does not load. */
SkpStatus skp_test(const SkpTest *q, const SkpOutput *o, SkpDiag *d);

/* ---- formatting ------------------------------------------------------------- */

typedef struct {
    const char *const *files;       /* plans, each formatted alone (includes are not followed) */
    int nfiles;
    int write;                      /* rewrite each file that changes, in place (atomically) */
    int check;                      /* list the files that are not formatted: SKP_DISAGREES when any */
    int diff;                       /* a unified diff of each file's change */
    FILE *out;                      /* where the formatted plans, the list or the diffs go
                                       (with none of write, check and diff: every plan, formatted) */
} SkpFmt;
/* `sakipc fmt`: each plan in the canonical layout, comments and blank
 * lines kept. A file that does not parse is reported as `check` reports
 * it (SKP_PLAN) and never rewritten; the others are still done. The status
 * is the worst of the files': SKP_RUNTIME (I/O, or the formatter's own
 * check that the result is the same plan failed), SKP_PLAN, SKP_DISAGREES
 * (check only), SKP_OK. */
SkpStatus skp_fmt(const SkpFmt *req, SkpDiag *d);
/* One plan held in memory (len bytes, `name` for messages), formatted into
 * *out (malloc'd, NUL-terminated, *outlen bytes; NULL on failure). */
SkpStatus skp_fmt_text(const char *name, const char *text, size_t len, char **out, size_t *outlen, SkpDiag *d);

/* ---- values as requests write them ------------------------------------------- */

/* A plain number ("84.98", "-3"): 0 with *out set, -1 for anything else. */
int skp_number_parse(const char *text, double *out);
/* The year of a semester, quarter or month ("2023-Q4": 2023), -1 for
 * anything else (a bare year too). */
int skp_period_year(const char *period);

#endif
