/* lint.c: `check --lint` (sakip.h: skp_lint): the plan's warnings, then
 * its data's when there is a database to read. */
#include "api/session.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/lint.h"
#include "tools/datalint.h"

/* The data's warnings on a session over the plan and the store. */
static SkpStatus lint_data(SkpPlan *p, Store *store, const SkpRequest *r, Diag *d, int *warnings)
{
    SkpRequest req = *r;
    req.no_years = !r->years && !p->year;       /* no year: the targets of a year are not checked */
    SkpSession *s;
    SkpStatus st = skp_session_new(p, store, &req, d, &s);
    if (st) return st;
    st = skp_store_failed(s, datalint_run(s->cp, s->store, &s->opt, d, warnings));
    skp_session_close(s);
    return st;
}

SkpStatus skp_lint(SkpPlan *p, const SkpRequest *r, SkpDiag *d, SkpLint *out)
{
    memset(out, 0, sizeof *out);
    out->warnings = lint_plan(p, d);
    char *path = skp_session_database_path(r, p);
    if (!path || (!r->db && access(path, F_OK) != 0)) {     /* no data yet: the plan alone */
        free(path);
        return SKP_OK;
    }
    Store *store = store_open(path, STORE_READONLY, d);
    free(path);
    if (!store) return SKP_RUNTIME;
    int n = 0;
    SkpStatus st = lint_data(p, store, r, d, &n);
    out->warnings += n;
    out->data_checked = st == SKP_OK;
    store_close(store);
    return st;
}
