/* tools.c: the evaluators' tools and report templates on a session
 * (sakip.h): diff, need, explain, audit, report. */
#include "api/session.h"

#include <stdio.h>
#include <string.h>

#include "base/num.h"
#include "base/period.h"
#include "report/report.h"
#include "tools/audit.h"
#include "tools/diff.h"
#include "tools/explain.h"
#include "tools/need.h"
#include "tools/margin.h"

/* Each tool's last word: a store failure it did not notice fails it, and
 * data errors are counted. */
static SkpStatus finish(SkpSession *s, SkpStatus st)
{
    st = skp_store_failed(s, st);
    if (st == SKP_DATA) diag_summary(s->d);
    return st;
}

SkpStatus skp_diff(SkpSession *s, const SkpOutput *o)
{
    if (!s->scenario && !s->nsets) {
        diag_usage(s->d, "diff compares the plan with a scenario: give --scenario NAME and/or --set CHANGE");
        return SKP_USAGE;
    }
    EvalOptions base = s->opt;
    base.overrides = NULL;
    base.noverrides = 0;
    char label[256];
    snprintf(label, sizeof label, "%s%s%s", s->scenario ? "scenario " : "", s->scenario ? s->scenario : "",
             s->nsets ? (s->scenario ? " with --set" : "--set") : "");
    return finish(s, diff_run(s->cp, s->store, &base, &s->opt, label, o->format, o->color, o->out, s->d));
}

SkpStatus skp_need(SkpSession *s, const SkpNeed *q, const SkpOutput *o)
{
    NeedQuery n;
    memset(&n, 0, sizeof n);
    n.unit = q->unit;
    n.indicator = q->indicator;
    n.grade = q->grade;
    n.scheme = q->scheme;
    n.vary = q->vary;
    n.has_capaian = q->has_capaian;
    n.capaian = q->capaian;
    n.group = q->group;
    if (q->group && q->vary && strcmp(q->vary, q->indicator) != 0) {
        diag_usage(s->d, "--group varies the realisation of %s in group %s: --vary names another indicator", q->indicator, q->group);
        return SKP_USAGE;
    }
    if (q->group && q->period) {
        diag_usage(s->d, "--group and --period together are not supported: a group's realisation varies for the whole year");
        return SKP_USAGE;
    }
    if (q->period) {
        if (period_parse(q->period, strlen(q->period), &n.period) != 0 || n.period.kind == PER_YEAR) {
            diag_usage(s->d, "--period: expected a semester, quarter or month such as 2023-Q4, found '%s'", q->period);
            return SKP_USAGE;
        }
        n.has_period = 1;
    }
    return finish(s, need_run(s->cp, s->store, &s->opt, &n, o->format, o->out, s->d));
}

SkpStatus skp_margin(SkpSession *s, const SkpMargin *q, const SkpOutput *o)
{
    MarginQuery m = { q->scheme, q->has_at_risk, q->at_risk, q->limit };
    return finish(s, margin_run(s->cp, s->store, &s->opt, &m, o->format, o->out, s->d));
}

SkpStatus skp_explain(SkpSession *s, const SkpExplain *q, const SkpOutput *o)
{
    ExplainQuery x = { q->unit, q->indicator, q->group };
    return finish(s, explain_run(s->cp, s->store, &s->opt, &x, o->format, o->out, s->d));
}

SkpStatus skp_audit(SkpSession *s, const SkpAudit *q, const SkpOutput *o)
{
    AuditQuery a;
    memset(&a, 0, sizeof a);
    if (q->only && strcmp(q->only, "indicators") == 0) a.only = AUDIT_INDICATORS;
    else if (q->only && strcmp(q->only, "budget") == 0) a.only = AUDIT_BUDGET;
    else if (q->only) {
        diag_usage(s->d, "--only: expected indicators or budget, found '%s'", q->only);
        return SKP_USAGE;
    }
    if (!q->nfiles && (!s->p->budget.declared || a.only == AUDIT_INDICATORS)) {
        diag_usage(s->d, "nothing to audit: give --printed FILE.csv (the report's figures), or a plan with a budget block (its table's printed figures and checks)");
        return SKP_USAGE;
    }
    a.files = q->files;
    a.nfiles = q->nfiles;
    a.tolerance = q->tolerance;
    a.numstyle = q->indonesian ? NUM_INDONESIAN : NUM_PLAIN;
    return finish(s, audit_run(s->cp, s->store, &s->opt, &a, o->format, o->color, o->out, s->d));
}

SkpStatus skp_report(SkpSession *s, const SkpReport *q)
{
    ReportQuery r;
    memset(&r, 0, sizeof r);
    r.template_name = q->template_name;
    r.out = q->out;
    r.limits.memory = q->memory;
    r.limits.instructions = q->instructions;
    return finish(s, report_run(s->cp, s->store, &s->opt, &r, s->d));
}
