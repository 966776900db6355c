/* commands.c: the commands of `sakipc` (commands.h), in one table: each
 * with its options, its help and the function that runs it through the
 * library's public header, sakip.h. A new command is a row here, a
 * function below, and a help text in help.c. */
#include "cli/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/help.h"
#include "sakip.h"

/* ---- what the commands share -------------------------------------------------- */

static int wants_color(FILE *f)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(fileno(f)) && !(nc && *nc);
}

static void diag_for_terminal(SkpDiag *d)
{
    skp_diag_init(d, stderr);
    d->color = wants_color(stderr);
}

/* A status the library gave with a usage problem: shown with the command's hint. */
static int library_usage(const char *cmd, const SkpDiag *d, SkpStatus st)
{
    if (st == SKP_USAGE && d->usage[0]) return args_usage_error(cmd, "%s", d->usage);
    return st;
}

/* The request of the evaluating commands, from their common options. */
static SkpRequest request_of(const Args *a)
{
    SkpRequest r;
    memset(&r, 0, sizeof r);
    r.plan = a->first;
    r.db = a->values[V_DB];
    r.years = a->values[V_YEAR];
    r.as_of = a->values[V_AS_OF];
    r.unit = a->values[V_UNIT];
    r.target = a->values[V_TARGET];
    r.scenario = a->values[V_SCENARIO];
    r.sets = a->lists[L_SET];
    r.nsets = a->nlist[L_SET];
    r.progress = isatty(fileno(stderr));
    return r;
}

/* The output format asked (table unless --format), and a session on the
 * request: SKP_OK with both, or the failure (reported). */
static int open_session(const Args *a, SkpRequest *r, SkpDiag *d, SkpOutput *o, SkpSession **s)
{
    const char *format = a->values[V_FORMAT] ? a->values[V_FORMAT] : "table";
    *s = NULL;
    o->out = stdout;
    o->color = wants_color(stdout);
    if (skp_format_parse(format, &o->format) != 0)
        return args_usage_error(a->cmd, "--format: expected table, csv, json or markdown, found '%s'", format);
    return library_usage(a->cmd, d, skp_session_open(r, d, s));
}

/* ---- init, import, check ------------------------------------------------------ */

static int cmd_init(const Args *a)
{
    if (!a->first) return args_usage_error("init", "missing DB");
    SkpDiag d;
    skp_diag_init(&d, stderr);
    SkpStore *s = skp_store_open(a->first, SKP_STORE_CREATE, &d);
    if (!s) return SKP_RUNTIME;
    int upgraded = skp_store_upgraded_from(s);
    skp_store_close(s);
    if (upgraded)
        printf("%s: sakipc database, schema version %d (upgraded from version %d)\n", a->first, skp_schema_version(), upgraded);
    else
        printf("%s: sakipc database, schema version %d\n", a->first, skp_schema_version());
    return SKP_OK;
}

static int cmd_import(const Args *a)
{
    /* progress lines and row errors interleave in file order, even in a log */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!a->first || !a->nrest) return args_usage_error("import", "usage: sakipc import DB FILE.csv...");
    SkpDiag d;
    diag_for_terminal(&d);
    SkpPlan *plan = NULL;
    if (a->values[V_PLAN] && !(plan = skp_plan_load(a->values[V_PLAN], &d))) {
        skp_diag_summary(&d);
        return SKP_PLAN;
    }
    SkpImport req = { a->rest, a->nrest, a->values[V_TABLE], a->values[V_SOURCE], a->flags[0], plan, stdout };
    SkpStatus st = SKP_RUNTIME;
    SkpStore *s = skp_store_open(a->first, SKP_STORE_CREATE, &d);
    if (s) {
        st = skp_import(s, &req, &d);
        skp_store_close(s);
    }
    skp_plan_free(plan);
    return st;
}

static int cmd_check(const Args *a)
{
    if (!a->first) return args_usage_error("check", "missing PLAN");
    int lint = a->flags[0] || a->flags[1];
    if (!lint && (a->values[V_DB] || a->values[V_YEAR]))
        return args_usage_error("check", "--db and --year are for the data checks of --lint (or --werror)");
    SkpDiag d;
    diag_for_terminal(&d);
    SkpPlan *p = skp_plan_load(a->first, &d);
    if (!p) {
        skp_diag_summary(&d);
        return SKP_PLAN;
    }
    SkpPlanInfo info;
    skp_plan_info(p, &info);
    SkpLint result = { 0, 0 };
    int st = SKP_OK;
    if (lint) {
        SkpRequest r = request_of(a);
        st = library_usage("check", &d, skp_lint(p, &r, &d, &result));
    }
    if (!st) {
        printf("%s: ok (%d indicator%s, %d scheme%s)", a->first, info.indicators, info.indicators == 1 ? "" : "s",
               info.schemes, info.schemes == 1 ? "" : "s");
        if (lint) printf(", %d warning%s%s", result.warnings, result.warnings == 1 ? "" : "s",
                         result.data_checked ? "" : " (the plan only: no database to check its data)");
        printf("\n");
    }
    skp_plan_free(p);
    if (st) return st;
    return result.warnings && a->flags[1] ? SKP_PLAN : SKP_OK;     /* --werror: a warning fails the check */
}

/* ---- eval and the evaluators' tools -------------------------------------------- */

static int cmd_eval(const Args *a)
{
    const char *report = a->values[V_REPORT] ? a->values[V_REPORT] : "achievement";
    int budget = strcmp(report, "budget") == 0, grades = strcmp(report, "grades") == 0;
    if (!budget && !grades && strcmp(report, "achievement") != 0)
        return args_usage_error("eval", "--report: expected achievement, grades or budget, found '%s'", report);
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    r.no_years = budget;                     /* the budget report has no years */
    SkpOutput o;
    SkpSession *s;
    int st = open_session(a, &r, &d, &o, &s);
    if (!st && budget) st = skp_budget_print(s, &o);
    else if (!st && grades) st = skp_grades_print(s, &o);
    else if (!st) st = skp_eval_print(s, a->lists[L_HOOK], a->nlist[L_HOOK], &o);
    skp_session_close(s);
    return st;
}

static int cmd_diff(const Args *a)
{
    if (!a->values[V_SCENARIO] && !a->nlist[L_SET])
        return args_usage_error("diff", "diff compares the plan with a scenario: give --scenario NAME and/or --set CHANGE");
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    SkpOutput o;
    SkpSession *s;
    int st = open_session(a, &r, &d, &o, &s);
    if (!st) st = skp_diff(s, &o);
    skp_session_close(s);
    return st;
}

/* need's goal and input, checked before the plan is read. */
static int need_query(const Args *a, SkpNeed *q, SkpRequest *r, char *year, size_t n)
{
    if (!a->values[V_UNIT] || !a->values[V_INDICATOR])
        return args_usage_error("need", "need asks about one figure: give --unit CODE and --indicator CODE");
    if (!a->values[V_GRADE] == !a->values[V_CAPAIAN])
        return args_usage_error("need", "give the goal: --grade CODE or --capaian N (one of them)");
    memset(q, 0, sizeof *q);
    q->unit = a->values[V_UNIT];
    q->indicator = a->values[V_INDICATOR];
    q->grade = a->values[V_GRADE];
    q->scheme = a->values[V_SCHEME];
    q->vary = a->values[V_VARY];
    q->period = a->values[V_PERIOD];
    q->group = a->values[V_GROUP];
    if (a->values[V_CAPAIAN]) {
        if (skp_number_parse(a->values[V_CAPAIAN], &q->capaian) != 0)
            return args_usage_error("need", "--capaian: '%s' is not a number", a->values[V_CAPAIAN]);
        q->has_capaian = 1;
    }
    if (q->period) {
        int y = skp_period_year(q->period);
        if (y < 0)
            return args_usage_error("need", "--period: expected a semester, quarter or month such as 2023-Q4, found '%s'", q->period);
        if (!r->years) {                     /* the year of the period asked about */
            snprintf(year, n, "%d", y);
            r->years = year;
        }
    }
    return SKP_OK;
}

static int cmd_need(const Args *a)
{
    SkpRequest r = request_of(a);
    SkpNeed q;
    char year[16];
    int st = need_query(a, &q, &r, year, sizeof year);
    if (st) return st;
    SkpDiag d;
    diag_for_terminal(&d);
    SkpOutput o;
    SkpSession *s;
    st = open_session(a, &r, &d, &o, &s);
    if (!st) st = library_usage("need", &d, skp_need(s, &q, &o));
    skp_session_close(s);
    return st;
}

static int cmd_margin(const Args *a)
{
    SkpMargin q = { a->values[V_SCHEME], 0, 0, 0 };
    const char *risk = a->values[V_AT_RISK], *limit = a->values[V_LIMIT];
    if (risk && (skp_number_parse(risk, &q.at_risk) != 0 || q.at_risk < 0))
        return args_usage_error("margin", "--at-risk: expected a percent of 0 or more, found '%s'", risk);
    q.has_at_risk = risk != NULL;
    if (limit) {
        char *end;
        errno = 0;
        q.limit = strtol(limit, &end, 10);
        if (errno || end == limit || *end || q.limit < 1)
            return args_usage_error("margin", "--limit: expected a number of 1 or more, found '%s'", limit);
    }
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    SkpOutput o;
    SkpSession *s;
    int st = open_session(a, &r, &d, &o, &s);
    if (!st) st = library_usage("margin", &d, skp_margin(s, &q, &o));
    skp_session_close(s);
    return st;
}

static int cmd_explain(const Args *a)
{
    if (!a->values[V_UNIT] || !a->values[V_INDICATOR])
        return args_usage_error("explain", "explain shows one figure: give --unit CODE and --indicator CODE");
    SkpExplain q = { a->values[V_UNIT], a->values[V_INDICATOR], a->values[V_GROUP] };
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    SkpOutput o;
    SkpSession *s;
    int st = open_session(a, &r, &d, &o, &s);
    if (!st) st = skp_explain(s, &q, &o);
    skp_session_close(s);
    return st;
}

static int cmd_audit(const Args *a)
{
    SkpAudit q = { a->lists[L_PRINTED], a->nlist[L_PRINTED], 0, a->flags[0], a->values[V_ONLY] };
    const char *tol = a->values[V_TOLERANCE];
    if (tol && (skp_number_parse(tol, &q.tolerance) != 0 || q.tolerance < 0))
        return args_usage_error("audit", "--tolerance: expected a number of 0 or more, found '%s'", tol);
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    r.no_years = !q.nfiles;                  /* the budget checks alone have no years */
    SkpOutput o;
    SkpSession *s;
    int st = open_session(a, &r, &d, &o, &s);
    if (!st) st = library_usage("audit", &d, skp_audit(s, &q, &o));
    skp_session_close(s);
    return st;
}

/* A positive whole number option (a budget). */
static int parse_count(const char *opt, const char *v, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*end || errno || n <= 0) return args_usage_error("report", opt, v);
    *out = n;
    return 0;
}

static int cmd_report(const Args *a)
{
    if (!a->values[V_TEMPLATE]) return args_usage_error("report", "report needs --template NAME (json, lkip-md, lkip-csv, ...)");
    SkpReport q = { a->values[V_TEMPLATE], a->values[V_OUT], 0, 0 };
    long n = 0;      /* set by parse_count when it returns 0; gcc -O3 cannot see that */
    int st;
    if (a->values[V_MEMORY]) {
        if ((st = parse_count("--memory: expected a number of bytes above 0, found '%s'", a->values[V_MEMORY], &n))) return st;
        q.memory = (size_t)n;
    }
    if (a->values[V_INSTRUCTIONS]) {
        if ((st = parse_count("--instructions: expected a number above 0, found '%s'", a->values[V_INSTRUCTIONS], &n))) return st;
        q.instructions = n;
    }
    SkpDiag d;
    diag_for_terminal(&d);
    SkpRequest r = request_of(a);
    SkpOutput o;
    SkpSession *s;
    st = open_session(a, &r, &d, &o, &s);
    if (!st) st = library_usage("report", &d, skp_report(s, &q));
    skp_session_close(s);
    return st;
}

static int cmd_test(const Args *a)
{
    SkpTest q = { a->first, a->rest, a->nrest, a->flags[0] };
    SkpDiag d;
    diag_for_terminal(&d);
    SkpOutput o = { stdout, SKP_TABLE, wants_color(stdout) };
    const char *format = a->values[V_FORMAT];
    if (format && skp_format_parse(format, &o.format) != 0)
        return args_usage_error("test", "--format: expected table, csv, json or markdown, found '%s'", format);
    return library_usage("test", &d, skp_test(&q, &o, &d));
}

/* ---- fmt ---------------------------------------------------------------------- */

static int cmd_fmt(const Args *a)
{
    if (!a->first) return args_usage_error("fmt", "missing PLAN");
    const char **files = malloc((size_t)(a->nrest + 1) * sizeof *files);
    if (!files) { fputs("sakipc: error: out of memory\n", stderr); return SKP_RUNTIME; }
    files[0] = a->first;
    for (int i = 0; i < a->nrest; i++) files[i + 1] = a->rest[i];
    SkpFmt q = { files, a->nrest + 1, a->flags[0], a->flags[1], a->flags[2], stdout };
    SkpDiag d;
    diag_for_terminal(&d);
    int st = skp_fmt(&q, &d);
    if (d.errors) skp_diag_summary(&d);
    free(files);
    return st;
}

static int cmd_help(const Args *a)
{
    if (a->nraw == 0) {
        fputs(help_main, stdout);
        fputs(help_exit, stdout);
        return SKP_OK;
    }
    const Command *c = commands_find(a->raw[0]);
    if (!c) return args_usage_error(NULL, "no help for unknown command '%s'", a->raw[0]);
    fputs(c->help, stdout);
    return SKP_OK;
}

/* ---- the table ------------------------------------------------------------------- */

#define EVAL_OPTIONS \
    { "--db", OPT_VALUE, V_DB, NULL }, { "--year", OPT_VALUE, V_YEAR, NULL }, \
    { "--as-of", OPT_VALUE, V_AS_OF, NULL }, { "--unit", OPT_VALUE, V_UNIT, NULL }, \
    { "--target", OPT_VALUE, V_TARGET, NULL }, { "--format", OPT_VALUE, V_FORMAT, NULL }, \
    { "--scenario", OPT_VALUE, V_SCENARIO, NULL }, { "--set", OPT_LIST, L_SET, "changes" }

static const OptionSpec no_options[] = { { NULL, OPT_FLAG, 0, NULL } };
static const OptionSpec check_options[] = {
    { "--lint", OPT_FLAG, 0, NULL }, { "--werror", OPT_FLAG, 1, NULL }, { "--db", OPT_VALUE, V_DB, NULL },
    { "--year", OPT_VALUE, V_YEAR, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec import_options[] = {
    { "--plan", OPT_VALUE, V_PLAN, NULL }, { "--table", OPT_VALUE, V_TABLE, NULL },
    { "--source", OPT_VALUE, V_SOURCE, NULL }, { "--indonesian", OPT_FLAG, 0, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec eval_options[] = {
    EVAL_OPTIONS, { "--report", OPT_VALUE, V_REPORT, NULL }, { "--hook", OPT_LIST, L_HOOK, "files" }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec diff_options[] = { EVAL_OPTIONS, { NULL, OPT_FLAG, 0, NULL } };
static const OptionSpec need_options[] = {
    EVAL_OPTIONS, { "--indicator", OPT_VALUE, V_INDICATOR, NULL }, { "--grade", OPT_VALUE, V_GRADE, NULL },
    { "--scheme", OPT_VALUE, V_SCHEME, NULL }, { "--capaian", OPT_VALUE, V_CAPAIAN, NULL },
    { "--vary", OPT_VALUE, V_VARY, NULL }, { "--period", OPT_VALUE, V_PERIOD, NULL },
    { "--group", OPT_VALUE, V_GROUP, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec margin_options[] = {
    EVAL_OPTIONS, { "--scheme", OPT_VALUE, V_SCHEME, NULL }, { "--at-risk", OPT_VALUE, V_AT_RISK, NULL },
    { "--limit", OPT_VALUE, V_LIMIT, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec explain_options[] = {
    EVAL_OPTIONS, { "--indicator", OPT_VALUE, V_INDICATOR, NULL }, { "--group", OPT_VALUE, V_GROUP, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec audit_options[] = {
    EVAL_OPTIONS, { "--printed", OPT_LIST, L_PRINTED, "files" }, { "--tolerance", OPT_VALUE, V_TOLERANCE, NULL },
    { "--only", OPT_VALUE, V_ONLY, NULL },
    { "--indonesian", OPT_FLAG, 0, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec test_options[] = {
    { "--format", OPT_VALUE, V_FORMAT, NULL }, { "--verbose", OPT_FLAG, 0, NULL }, { "-v", OPT_FLAG, 0, NULL },
    { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec fmt_options[] = {
    { "--write", OPT_FLAG, 0, NULL }, { "-w", OPT_FLAG, 0, NULL }, { "--check", OPT_FLAG, 1, NULL },
    { "--diff", OPT_FLAG, 2, NULL }, { NULL, OPT_FLAG, 0, NULL },
};
static const OptionSpec report_options[] = {
    EVAL_OPTIONS, { "--template", OPT_VALUE, V_TEMPLATE, NULL }, { "--out", OPT_VALUE, V_OUT, NULL },
    { "--memory", OPT_VALUE, V_MEMORY, NULL }, { "--instructions", OPT_VALUE, V_INSTRUCTIONS, NULL }, { NULL, OPT_FLAG, 0, NULL },
};

static const Command commands[] = {
    { "init", help_init, no_options, POS_DB, cmd_init },
    { "import", help_import, import_options, POS_DB_FILES, cmd_import },
    { "check", help_check, check_options, POS_PLAN, cmd_check },
    { "eval", help_eval, eval_options, POS_PLAN, cmd_eval },
    { "diff", help_diff, diff_options, POS_PLAN, cmd_diff },
    { "need", help_need, need_options, POS_PLAN, cmd_need },
    { "margin", help_margin, margin_options, POS_PLAN, cmd_margin },
    { "explain", help_explain, explain_options, POS_PLAN, cmd_explain },
    { "audit", help_audit, audit_options, POS_PLAN, cmd_audit },
    { "report", help_report, report_options, POS_PLAN, cmd_report },
    { "test", help_test, test_options, POS_PLAN_FILES, cmd_test },
    { "fmt", help_fmt, fmt_options, POS_FILES, cmd_fmt },
    { "help", help_help, no_options, POS_RAW, cmd_help },
};

const Command *commands_find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

int commands_run(const Command *c, int argc, char **argv)
{
    Args a;
    ArgsResult r = args_parse(&a, c->name, c->options, c->positional, argc, argv);
    if (r == ARGS_HELP) {
        fputs(c->help, stdout);
        return SKP_OK;
    }
    int st = r == ARGS_FAILED ? SKP_USAGE
           : (c->positional == POS_PLAN || c->positional == POS_PLAN_FILES) && !a.first ? args_usage_error(c->name, "missing PLAN")
           : c->run(&a);
    args_free(&a);
    return st;
}
