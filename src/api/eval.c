/* eval.c: evaluations (sakip.h): into a caller's sink, or printed as the
 * achievement table, the grade recap or the budget report. */
#include "api/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/budget.h"
#include "engine/eval.h"
#include "output/output.h"
#include "output/tally.h"
#include "report/evalhooks.h"
#include "base/mem.h"

int skp_format_parse(const char *name, SkpFormat *out)
{
    return output_format_parse(name, out);
}

/* ---- into a caller's sink ------------------------------------------------- */

typedef struct {
    SkpSink sink;
    void *ctx;
    int answer;     /* the sink's non-zero answer, which stopped the evaluation */
} PublicSink;

static const char *grading_on(GradeOn on)
{
    return on == GRADE_VALUE ? "value" : "capaian";
}

/* The engine's row as the public header shows it. */
static void public_row(const ResultRow *r, SkpRow *out)
{
    memset(out, 0, sizeof *out);
    out->unit = r->unit;
    out->unit_name = r->unit_name;
    out->indicator = r->ind->code;
    out->name = r->ind->name;
    out->group = r->group;
    out->year = r->year;
    out->has_target = r->has_target;
    out->has_target_hi = r->has_target_hi;
    out->target = r->target;
    out->target_hi = r->target_hi;
    out->source = r->target_source;
    out->target_level = r->target_level;
    out->has_realisation = r->has_real;
    out->realisation = r->real;
    out->realisation_shown = r->real_shown;
    out->coverage_present = r->coverage_present;
    out->coverage_expected = r->coverage_expected;
    out->basis = r->basis;
    out->realisation_level = r->real_level;
    out->has_capaian = r->has_capaian;
    out->capped = r->capped;
    out->capaian = r->capaian;
    for (int g = 0; g < r->ngrades && g < 4; g++) {
        const GradeResult *gr = &r->grades[g];
        SkpGrade *o = &out->grades[out->ngrades++];
        o->scheme = gr->scheme->name;
        o->on = grading_on(gr->on);
        o->code = gr->band ? gr->band->code : NULL;
        o->label = gr->band ? gr->band->label : NULL;
    }
    out->status = result_status_name(r->status);
    out->reason = r->reason;
    out->rule = r->rule;
}

static int to_public(const ResultRow *r, void *ctx)
{
    PublicSink *ps = ctx;
    SkpRow row;
    public_row(r, &row);
    ps->answer = ps->sink(&row, ps->ctx);
    return ps->answer;
}

int skp_eval(SkpSession *s, SkpSink sink, void *ctx)
{
    PublicSink ps = { sink, ctx, 0 };
    int rc = eval_run(s->cp, s->store, &s->opt, to_public, &ps, s->d);
    if (ps.answer) return ps.answer;          /* the caller's own stop, returned as it is */
    SkpStatus st = skp_store_failed(s, (SkpStatus)rc);
    if (st == SKP_DATA) diag_summary(s->d);
    return st;
}

/* ---- printed ---------------------------------------------------------------- */

/* The plan's budget block over the budget table. */
SkpStatus skp_budget_print(SkpSession *s, const SkpOutput *o)
{
    if (!s->p->budget.declared) {
        diag_plain(s->d, "%s: --report budget needs a 'budget { ... }' block in the plan", s->p->path);
        return SKP_PLAN;
    }
    BudgetReport r;
    SkpStatus st = skp_store_failed(s, budget_run(s->p, s->store, &r, s->d));
    if (!st) st = output_budget(o->out, o->format, o->color, s->p, &r);
    if (st == SKP_DATA) diag_summary(s->d);
    budget_free(&r);
    return st;
}

/* The grade recap: counts per scheme, year and band, the rows never held. */
SkpStatus skp_grades_print(SkpSession *s, const SkpOutput *o)
{
    Tally *t = tally_new(s->p, s->opt.year_from, s->opt.year_to);
    SkpStatus st = skp_store_failed(s, eval_run(s->cp, s->store, &s->opt, tally_row, t, s->d));
    if (!st) st = tally_print(t, o->out, o->format, o->color);
    tally_free(t);
    if (st == SKP_DATA) diag_summary(s->d);
    return st;
}

/* A plan whose evaluation runs Lua may fail half-way. */
static int runs_lua(const Plan *p, int nhooks)
{
    int lua = nhooks > 0;
    for (int i = 0; i < p->nfuncs; i++) lua |= p->funcs[i].lua_file != NULL;
    return lua;
}

/* The achievement table through the hooks (when there are any). */
static SkpStatus table_through_hooks(SkpSession *s, EvalHooks *eh, FILE *to, const SkpOutput *o)
{
    Output *out = output_open(to, o->format, o->color, s->opt.year_from != s->opt.year_to, s->p->nuaggs > 0);
    HookedSink hs = { eh, output_row, out };
    SkpStatus st = eval_run(s->cp, s->store, &s->opt, eh ? evalhooks_sink : output_row,
                            eh ? (void *)&hs : (void *)out, s->d);
    if (!st && eh) st = evalhooks_finish(eh);
    st = skp_store_failed(s, st);
    if (st == SKP_HOOK || st == SKP_RUNTIME) output_discard(out);    /* a failed hook, a failed store: no table */
    else output_close(out, st == SKP_OK);
    return st;
}

/* The achievement table, through the plan's hooks and these. */
SkpStatus skp_eval_print(SkpSession *s, const char *const *hooks, int nhooks, const SkpOutput *o)
{
    int n = s->p->nhooks + nhooks;
    const char **paths = mem_xarray(n, sizeof *paths);
    for (int i = 0; i < s->p->nhooks; i++) paths[i] = s->p->hooks[i];
    for (int i = 0; i < nhooks; i++) paths[s->p->nhooks + i] = hooks[i];
    EvalHooks *eh = n ? evalhooks_open(s->p, paths, n, NULL, s->d->out, s->d) : NULL;
    free(paths);
    if (n && !eh) return SKP_HOOK;
    /* With Lua in play a run may fail half-way: keep even csv and json
     * back until it has succeeded, so that a failure prints no rows. */
    char *held = NULL;
    size_t held_len = 0;
    FILE *to = runs_lua(s->p, n) ? open_memstream(&held, &held_len) : o->out;
    if (!to) to = o->out;
    SkpStatus st = table_through_hooks(s, eh, to, o);
    if (to != o->out) {
        fclose(to);
        if (st != SKP_HOOK && st != SKP_RUNTIME && held_len) fwrite(held, 1, held_len, o->out);
        free(held);
    }
    fflush(o->out);
    if (eh && evalhooks_warnings(eh))
        fprintf(s->d->out, "%d warning%s from hooks\n", evalhooks_warnings(eh), evalhooks_warnings(eh) == 1 ? "" : "s");
    evalhooks_close(eh);
    if (st == SKP_DATA) diag_summary(s->d);
    return st;
}
