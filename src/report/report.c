/* report.c: reports written by Lua templates (report.h). The plan is
 * evaluated first, in full, and kept (results.c); the template then reads
 * it through the `sakip` table (sakipapi.c) in the sandbox, and its
 * output, text or a workbook (xlsx.c), is kept until it has finished,
 * then written whole. */
#include "report/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/install.h"
#include "base/mem.h"
#include "engine/eval.h"
#include "lua/sandbox.h"
#include "report/results.h"
#include "report/sakipapi.h"
#include "report/xlsx.h"

/* --out must be writable before the evaluation and the template run:
 * otherwise the same failure is exit 5, whatever the template writes. */
static int probe_out(const char *path, Diag *d)
{
    char *tmp;
    int fd = file_temp_next_to(path, &tmp);
    if (fd < 0) diag_plain(d, "%s: cannot write the report here: %s", path, strerror(errno));
    else { close(fd); unlink(tmp); }
    free(tmp);
    return fd < 0 ? SKP_RUNTIME : SKP_OK;
}

static int file_exists(const char *p)
{
    return access(p, R_OK) == 0;
}

char *report_find_template(const char *name)
{
    size_t n = strlen(name);
    if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
        return file_exists(name) ? mem_xstrdup(name) : NULL;
    const char *dirs[2];
    install_stdlib_dirs(dirs);
    for (int i = 0; i < 2; i++) {
        if (!dirs[i] || !*dirs[i]) continue;
        size_t len = strlen(dirs[i]) + n + 16;
        char *cand = mem_xmalloc(len);
        snprintf(cand, len, "%s/reports/%s.lua", dirs[i], name);
        if (file_exists(cand)) return cand;
        free(cand);
    }
    return NULL;
}

/* The whole output, or nothing: a temporary file next to the target, then
 * renamed over it. */
static int write_out(const char *path, const StrBuf *b, Diag *d)
{
    if (!path) {
        if (b->len) fwrite(b->s, 1, b->len, stdout);
        return ferror(stdout) ? SKP_RUNTIME : SKP_OK;
    }
    char *tmp;
    int fd = file_temp_next_to(path, &tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    int ok = f && (!b->len || fwrite(b->s, 1, b->len, f) == b->len);
    if (f && fclose(f) != 0) ok = 0;
    if (ok && rename(tmp, path) != 0) ok = 0;
    if (!ok) {
        diag_plain(d, "%s: %s", path, strerror(errno));
        if (fd >= 0) unlink(tmp);
    }
    free(tmp);
    return ok ? SKP_OK : SKP_RUNTIME;
}

SkpStatus report_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const ReportQuery *q, Diag *d)
{
    char *path = report_find_template(q->template_name);
    if (!path) {
        diag_plain(d, "no report template '%s' (looked in $SAKIPC_STDLIB/reports and the standard library's reports/)",
                   q->template_name);
        return SKP_USAGE;
    }
    Report r;
    memset(&r, 0, sizeof r);
    r.cp = cp;
    r.opt = opt;
    r.store = store;
    r.d = d;
    r.out_path = q->out;
    int rc = q->out ? probe_out(q->out, d) : 0;
    if (!rc) rc = eval_run(cp, store, opt, results_collect, &r, d);
    if (!rc && cp->plan->budget.declared) {
        rc = budget_run(cp->plan, store, &r.budget, d);
        r.has_budget = !rc;
        r.link_sums = mem_xarray(cp->plan->budget.nlinks, sizeof *r.link_sums);
        for (int i = 0; i < r.rows.len; i++)
            budget_link_add(cp->plan, r.link_sums, opt->year_to, &r.rows.items[i].row, &r.text);
    }
    Sandbox *h = rc ? NULL : sandbox_new(&q->limits);
    if (!rc && !h) { diag_plain(d, "cannot start Lua"); rc = SKP_RUNTIME; }
    if (!rc) {
        sakipapi_open(sandbox_lua(h), &r);
        /* templates share code through require(NAME): reports/lib/NAME.lua,
         * looked for where templates are, in the same order */
        const char *stdlibs[2];
        install_stdlib_dirs(stdlibs);
        sandbox_enable_require(h, stdlibs, 2, "reports/lib", "$SAKIPC_STDLIB, then the standard library");
        /* a bundled template by its name: its path is the installation's business */
        int bundled = strcmp(path, q->template_name) != 0;
        const char *shown = bundled ? q->template_name : NULL;
        if (sandbox_load(h, path, shown, d) != 0) rc = SKP_HOOK;
    }
    if (!rc) {
        int ran = sandbox_call(h, "render", 0, d);
        if (ran < 0) rc = SKP_HOOK;
        else if (ran == 0) {
            diag_plain(d, "hook %s: the template's table has no render function", sandbox_path(h));
            rc = SKP_HOOK;
        }
    }
    if (r.wb) {                              /* a workbook is the output */
        int wrc = xlsx_finish(&r, rc == 0, d);
        if (!rc) rc = wrc;
    } else if (!rc) rc = write_out(q->out, &r.out, d);
    sandbox_free(h);
    budget_free(&r.budget);     /* also after a failed budget_run: it frees what it read */
    free(r.link_sums);
    VEC_FREE(r.rows);
    strbuf_free(&r.out);
    arena_free(&r.text);
    free(path);
    return rc;
}
