/* report.h: reports written by Lua templates (stdlib/reports/NAME.lua)
 * from the evaluated plan, through the `sakip` API, in the sandbox of
 * lua/sandbox.c. The output is kept until the template has finished, then
 * written whole: a template that fails leaves no half-written file. */
#ifndef SKP_REPORT_H
#define SKP_REPORT_H
#include <sqlite3.h>
#include "engine/eval.h"
#include "lua/sandbox.h"
#include "store/store.h"

typedef struct {
    const char *template_name;  /* "lkip-md", or a path to a .lua file */
    const char *out;            /* NULL: standard output */
    SandboxLimits limits;
} ReportQuery;


/* Returns SKP_OK, SKP_USAGE (no such template), SKP_HOOK, or eval_run's status. */
SkpStatus report_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const ReportQuery *q, Diag *d);

/* The template file for a name: NAME.lua in $SAKIPC_STDLIB/reports, then in
 * the standard library's reports/ (install_stdlib_dir); a name with a '/' or
 * ending in .lua is a path. Caller frees; NULL when there is none. */
char *report_find_template(const char *name);

#endif
