/* need.c: goal seek. See need.h.
 *
 * The input (a realisation) is a what-if change appended to the others;
 * each probe is a whole evaluation of the one unit, so the answer goes
 * through exactly the formulas, caps, rounding and bands the report uses.
 * The outcome is sampled over a range, every change between reached and
 * not reached is narrowed down by bisection, and the boundary is stated at
 * the input's precision (the value rounding, else the scheme's, else 2
 * decimals): "at least 88.31", or "above 80" where the band excludes 80. */
#include "tools/need.h"
#include "store/store.h"
#include "engine/grade.h"
#include "base/num.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "check/scheme.h"
#include "tools/seek.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLES 400

typedef struct {
    int found;               /* the goal's row was evaluated */
    int reached;
    int has_real, has_capaian, capped;
    double real, capaian;
    const Band *band;        /* of the goal's grading, or NULL */
    Status status;
} Outcome;

typedef struct {
    const CompiledPlan *cp;
    const Plan *p;
    Store *store;
    Diag *d, quiet;          /* probes report nothing: the baseline has */
    const NeedQuery *q;
    EvalOptions opt;
    Override *ovs;           /* opt's changes, then the input */
    int code, input_code, year;
    const Scheme *scheme;    /* grade goal; NULL for a capaian goal */
    int grading;             /* index among the row's grades */
    int goal_rank;
    int digits;              /* the input's precision */
    Outcome probe;           /* filled by the sink */
    int input_seen;
    double input_now;
    int has_input_now;
    const Indicator *ind;    /* the goal row's definition, from the baseline */
    int has_target;
    double target;
    int failed;              /* a run failed for the store's or memory's sake (exit 5) */
    StrBuf groups;           /* the goal indicator's groups, when it is grouped */
} Seek;

static int goal_met(const Seek *s, const Outcome *o)
{
    if (!o->found) return 0;
    if (s->scheme) return o->band && scheme_band_rank(s->scheme, (int)(o->band - s->scheme->bands)) >= s->goal_rank;
    return o->has_capaian && o->capaian >= s->q->capaian;
}

static int sink(const ResultRow *r, void *ctx)
{
    Seek *s = ctx;
    if (r->year != s->year || strcmp(r->unit, s->q->unit) != 0) return 0;
    /* with --group, the rows of that group; else the rows of no group */
    if (s->q->group ? !r->group || strcmp(r->group, s->q->group) != 0 : r->group != NULL) {
        if (r->group && r->ind->code_id == s->code) result_note_group(&s->groups, r->group);
        return 0;
    }
    if (r->ind->code_id == s->input_code && r->has_real && !s->input_seen) {
        s->input_seen = 1;
        s->input_now = r->real;
        s->has_input_now = 1;
    }
    if (r->ind->code_id != s->code) return 0;
    Outcome *o = &s->probe;
    o->found = 1;
    s->ind = r->ind;
    s->has_target = r->has_target;
    s->target = r->target;
    o->has_real = r->has_real;
    o->real = r->real;
    o->has_capaian = r->has_capaian;
    o->capaian = r->capaian;
    o->capped = r->capped;
    o->status = r->status;
    o->band = s->grading >= 0 && s->grading < r->ngrades ? r->grades[s->grading].band : NULL;
    o->reached = goal_met(s, o);
    return 0;
}

/* The outcome with the input at x. */
static Outcome probe(Seek *s, double x, int loud)
{
    s->ovs[s->opt.noverrides - 1].value = x;
    memset(&s->probe, 0, sizeof s->probe);
    if (eval_run(s->cp, s->store, &s->opt, sink, s, loud ? s->d : &s->quiet) == SKP_RUNTIME) s->failed = 1;
    return s->probe;
}

static const char *outcome_text(Seek *s, Arena *a, const Outcome *o)
{
    if (!o->found) return "no row";
    if (s->scheme) return o->band ? o->band->code : "no grade";
    if (!o->has_capaian) return result_status_name(o->status);
    return arena_printf(a, "capaian %s", num_text(a, o->capaian, 2));
}

static int reaches(void *ctx, double x)
{
    return probe(ctx, x, 0).reached;
}

/* The boundary between x_no (goal not met) and x_yes (met), found by the
 * seek both tools share, in words: the value, and what the grid point
 * next to it gives. */
static const char *boundary(Seek *s, Arena *a, double x_no, double x_yes, const char **note, const char **value)
{
    SeekEdge e = seek_edge(reaches, s, x_no, x_yes, s->digits);
    int up = x_yes > x_no;
    Outcome o = probe(s, e.before, 0);
    *value = num_text(a, e.value, s->digits);
    if (e.exclusive) {
        *note = arena_printf(a, "%s itself gives %s", *value, outcome_text(s, a, &o));
        return arena_printf(a, "%s %s", up ? "above" : "below", *value);
    }
    *note = arena_printf(a, "%s gives %s", num_text(a, e.before, s->digits), outcome_text(s, a, &o));
    return arena_printf(a, "%s %s", up ? "at least" : "at most", *value);
}

static SkpStatus resolve_goal(Seek *s, Diag *d)
{
    const NeedQuery *q = s->q;
    s->grading = -1;
    if (!q->grade) return SKP_OK;
    const Indicator *ind = s->ind;
    for (int g = 0; g < ind->ngrades; g++) {
        const Scheme *sc = &s->p->schemes[ind->grades[g].scheme];
        if (q->scheme && strcmp(sc->name, q->scheme) != 0) continue;
        int rank = scheme_rank(sc, q->grade);
        for (int b = 0; !rank && b < sc->nbands; b++)      /* a label ("Sangat Baik") names its band too */
            if (strcmp(sc->bands[b].label, q->grade) == 0) rank = scheme_band_rank(sc, b);
        if (!rank) continue;
        s->scheme = sc;
        s->grading = g;
        s->goal_rank = rank;
        return SKP_OK;
    }
    diag_plain(d, "%s is not graded by a scheme%s%s with a grade '%s'", ind->code, q->scheme ? " " : "",
               q->scheme ? q->scheme : "", q->grade);
    return SKP_USAGE;
}

/* Beyond this outcome the goal is out of the formula's reach, not against
 * its grain: no band of the scheme holds the figure, or there is none. */
static int domain_ends(const Seek *s, const Outcome *o)
{
    if (!o->found) return 1;
    int on_value = s->scheme && s->ind->grades[s->grading].on == GRADE_VALUE;
    int has = on_value ? o->has_real : o->has_capaian;
    if (!has) return 1;
    return s->scheme && !o->band;
}

static const char *domain_text(Seek *s, Arena *a, const Outcome *o, const char *at, int top)
{
    int on_value = s->scheme && s->ind->grades[s->grading].on == GRADE_VALUE;
    int has = on_value ? o->has_real : o->has_capaian;
    if (!has) return arena_printf(a, "at %s the figure is %s", at, result_status_name(o->status));
    return arena_printf(a, "the bands of %s %s at %s", s->scheme->name, top ? "end" : "start", at);
}

static int code_of(const Plan *p, const char *code, Diag *d)
{
    for (int i = 0; i < p->ncodes; i++)
        if (strcmp(p->codes[i], code) == 0) return i;
    const char *best = text_suggest(code, p->codes, p->ncodes);
    diag_plain(d, "unknown indicator '%s'%s%s%s", code, best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
    return -1;
}

/* The input's precision: its value rounding, else the grading scheme's,
 * else two decimals. */
static int input_digits(const Seek *s)
{
    for (int i = 0; i < s->p->ninds; i++) {
        const Indicator *ind = &s->p->inds[i];
        if (ind->code_id == s->input_code && ind->rules.value_round.mode != ROUND_NONE) return ind->rules.value_round.digits;
    }
    if (s->scheme && s->scheme->precision >= 0) return s->scheme->precision;
    return 2;
}

static void search_range(const Seek *s, double *lo, double *hi)
{
    double m = 1, x0 = s->has_input_now ? s->input_now : 0;
    if (fabs(x0) > m) m = fabs(x0);
    if (s->has_target && fabs(s->target) > m) m = fabs(s->target);
    if (s->has_target && !s->scheme && fabs(s->target * s->q->capaian / 100) > m) m = fabs(s->target * s->q->capaian / 100);
    for (int b = 0; s->scheme && b < s->scheme->nbands; b++) {
        const Band *band = &s->scheme->bands[b];
        if (band->has_lo && fabs(band->lo) > m) m = fabs(band->lo);
        if (band->has_hi && fabs(band->hi) > m) m = fabs(band->hi);
    }
    *lo = x0 < 0 ? x0 * 4 : 0;
    *hi = m * 4;
}

/* The best outcome seen, when nothing reaches the goal. */
static const char *unreachable(Seek *s, Arena *a, const double *xs, const Outcome *os, int n)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        if (!os[i].found) continue;
        int better;
        if (s->scheme) {
            int r = os[i].band ? scheme_band_rank(s->scheme, (int)(os[i].band - s->scheme->bands)) : 0;
            int rb = best >= 0 && os[best].band ? scheme_band_rank(s->scheme, (int)(os[best].band - s->scheme->bands)) : 0;
            better = best < 0 || r > rb;
        } else {
            better = os[i].has_capaian && (best < 0 || !os[best].has_capaian || os[i].capaian > os[best].capaian);
        }
        if (better) best = i;
    }
    if (best < 0) return "no input tried gives a figure";
    const Outcome *o = &os[best];
    if (!s->scheme && o->capped)
        return arena_printf(a, "capaian is capped at %s", num_text(a, o->capaian, 2));
    if (s->scheme && o->capped)
        return arena_printf(a, "the best is %s: capaian is capped at %s", outcome_text(s, a, o), num_text(a, o->capaian, 2));
    return arena_printf(a, "the best any input from %s to %s gives is %s (at %s)", num_text(a, xs[0], s->digits),
                        num_text(a, xs[n - 1], s->digits), outcome_text(s, a, o), num_text(a, xs[best], s->digits));
}

/* The input sampled over its search range: reached or not at each point. */
typedef struct {
    double lo, hi;
    double xs[SAMPLES + 1];
    Outcome os[SAMPLES + 1];
} Samples;

/* The answer, in words: what input is needed, and why it is stated so. */
typedef struct {
    const char *needed, *note;
} Answer;

/* The query makes sense (one year, indicators the plan has, a goal its
 * grading can reach) and the baseline is evaluated, with its messages. */
static SkpStatus need_prepare(Seek *s, const EvalOptions *opt, Diag *d)
{
    const NeedQuery *q = s->q;
    if (opt->year_from != opt->year_to) {
        diag_plain(d, "need answers for one year at a time: give --year Y");
        return SKP_USAGE;
    }
    s->year = opt->year_from;
    s->code = code_of(s->p, q->indicator, d);
    s->input_code = q->vary ? code_of(s->p, q->vary, d) : s->code;
    if (s->code < 0 || s->input_code < 0) return SKP_USAGE;
    s->opt = *opt;
    s->opt.unit = q->unit;
    s->ovs = mem_xcalloc((size_t)opt->noverrides + 1, sizeof *s->ovs);
    if (opt->noverrides) memcpy(s->ovs, opt->overrides, (size_t)opt->noverrides * sizeof *s->ovs);
    s->opt.overrides = s->ovs;
    s->grading = -1;
    SkpStatus rc = eval_run(s->cp, s->store, &s->opt, sink, s, d);
    if (!rc && !s->probe.found && s->groups.len && q->group) {
        diag_plain(d, "unit %s has no %s for group %s in %d; its groups: %s", q->unit, q->indicator, q->group, s->year, s->groups.s);
        rc = SKP_USAGE;
    } else if (!rc && !s->probe.found && s->groups.len) {
        /* a what-if realisation is one per unit and indicator, not per group */
        diag_plain(d, "%s is grouped (one figure per group: %s): give --group G", q->indicator, s->groups.s);
        rc = SKP_USAGE;
    } else if (!rc && !s->probe.found) {
        diag_plain(d, "unit %s has no indicator %s in %d", q->unit, q->indicator, s->year);
        rc = SKP_USAGE;
    }
    return rc ? rc : resolve_goal(s, d);
}

/* The baseline again, now graded for the goal, with the probes' quiet
 * diagnostics: its messages were shown the first time. */
static Outcome need_baseline(Seek *s, FILE *null)
{
    diag_init(&s->quiet, null ? null : stderr);
    s->quiet.max_errors = 1;
    memset(&s->probe, 0, sizeof s->probe);
    if (eval_run(s->cp, s->store, &s->opt, sink, s, &s->quiet) == SKP_RUNTIME) s->failed = 1;
    return s->probe;
}

/* The input as one more what-if change, after the user's: the realisation
 * of the input indicator, its value set by each probe. */
static void add_input(Seek *s, const EvalOptions *opt)
{
    Override in;
    memset(&in, 0, sizeof in);
    in.unit = s->q->unit;
    in.code = s->p->codes[s->input_code];
    in.code_id = s->input_code;
    in.field = OV_REALISATION;
    in.year = s->year;
    in.has_value = 1;
    in.origin = "need";
    in.has_period = s->q->has_period;
    in.period = s->q->period;
    in.group = s->q->group;
    s->ovs[opt->noverrides] = in;
    s->opt.noverrides = opt->noverrides + 1;
}

static void sample(Seek *s, Samples *sm)
{
    search_range(s, &sm->lo, &sm->hi);
    for (int i = 0; i <= SAMPLES; i++) {
        sm->xs[i] = sm->lo + (sm->hi - sm->lo) * i / SAMPLES;
        sm->os[i] = probe(s, sm->xs[i], 0);
    }
}

/* One range of inputs reaches the goal, from sample first to sample last:
 * its bounds, or one bound where the other is the end of the formula's
 * domain rather than of the goal. */
static Answer one_range(Seek *s, Arena *a, const Samples *sm, int first, int last)
{
    const char *lnote = "", *unote = "", *lval = NULL, *uval = NULL;
    const char *lower = first > 0 ? boundary(s, a, sm->xs[first - 1], sm->xs[first], &lnote, &lval) : NULL;
    const char *upper = last < SAMPLES ? boundary(s, a, sm->xs[last + 1], sm->xs[last], &unote, &uval) : NULL;
    /* past the last band of a scheme there is no grade, and past a division by zero no
     * figure: the domain ends there, the formula is still monotone */
    if (!lower && !upper)
        return (Answer){ arena_printf(a, "any (from %s to %s tried)", num_text(a, sm->lo, s->digits), num_text(a, sm->hi, s->digits)), "" };
    if (!upper) return (Answer){ lower, lnote };
    if (!lower) return (Answer){ upper, unote };
    if (domain_ends(s, &sm->os[last + 1]))
        return (Answer){ lower, arena_printf(a, "%s; %s", lnote, domain_text(s, a, &sm->os[last + 1], uval, 1)) };
    if (domain_ends(s, &sm->os[first - 1]))
        return (Answer){ upper, arena_printf(a, "%s; %s", unote, domain_text(s, a, &sm->os[first - 1], lval, 0)) };
    return (Answer){ arena_printf(a, "%s and %s", lower, upper),
                     "not monotone: above and below this range the goal is not reached" };
}

/* Not monotone: every range that reaches the goal. */
static Answer many_ranges(Seek *s, Arena *a, const Samples *sm)
{
    StrBuf b = {0};
    for (int i = 0; i <= SAMPLES; i++) {
        if (!sm->os[i].reached || (i && sm->os[i - 1].reached)) continue;
        int j = i;
        while (j < SAMPLES && sm->os[j + 1].reached) j++;
        const char *n1 = "", *v1 = NULL;
        const char *from = i == 0 ? arena_printf(a, "from %s", num_text(a, sm->lo, s->digits))
                                  : boundary(s, a, sm->xs[i - 1], sm->xs[i], &n1, &v1);
        const char *to = j == SAMPLES ? arena_printf(a, "to %s", num_text(a, sm->hi, s->digits))
                                      : boundary(s, a, sm->xs[j + 1], sm->xs[j], &n1, &v1);
        strbuf_printf(&b, "%s%s and %s", b.len ? "; " : "", from, to);
    }
    Answer ans = { arena_strdup(a, b.s), "not monotone: only these ranges reach it" };
    strbuf_free(&b);
    return ans;
}

static Answer answer(Seek *s, Arena *a, const Samples *sm)
{
    int runs = 0, first = -1, last = -1;
    for (int i = 0; i <= SAMPLES; i++)
        if (sm->os[i].reached && (i == 0 || !sm->os[i - 1].reached)) { runs++; if (first < 0) first = i; }
    for (int i = SAMPLES; i >= 0 && last < 0; i--) if (sm->os[i].reached) last = i;
    if (!runs)
        return (Answer){ "none", arena_printf(a, "no input reaches it: %s", unreachable(s, a, sm->xs, sm->os, SAMPLES + 1)) };
    return runs == 1 ? one_range(s, a, sm, first, last) : many_ranges(s, a, sm);
}

static SkpStatus print_answer(Seek *s, Arena *a, const Outcome *now, Answer ans, SkpFormat fmt, FILE *out)
{
    const NeedQuery *q = s->q;
    const char *goal = s->scheme ? arena_printf(a, "grade %s (%s, %s)", q->grade, s->scheme->name,
                                                s->ind->grades[s->grading].on == GRADE_VALUE ? "value" : "capaian")
                                 : arena_printf(a, "capaian %s", num_text(a, q->capaian, -1));
    char per[16] = "";
    if (q->has_period) period_format(per, sizeof per, q->period);
    const char *input = arena_printf(a, "realisation of %s%s%s", s->p->codes[s->input_code], *per ? " in " : "", per);
    const char *nowtext = s->has_input_now ? arena_printf(a, "%s (%s)", num_text(a, s->input_now, -1), outcome_text(s, a, now))
                                           : arena_printf(a, "none (%s)", outcome_text(s, a, now));
    const char *item = q->group ? arena_printf(a, "%s (group %s)", q->indicator, q->group) : q->indicator;
    const char *cells[8] = { q->unit, item, arena_printf(a, "%d", s->year), goal, input, nowtext, ans.needed, ans.note };
    const char **rows[1] = { cells };
    static const char *const names[8] = { "unit", "indicator", "year", "goal", "input", "now", "needed", "note" };
    static const unsigned char flags[8] = { [2] = CELL_NUMBER };
    return output_cells(out, fmt, 0, names, 8, flags, rows, 1);
}

SkpStatus need_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const NeedQuery *q,
             SkpFormat fmt, FILE *out, Diag *d)
{
    Seek s;
    memset(&s, 0, sizeof s);
    s.cp = cp;
    s.p = cp->plan;
    s.store = store;
    s.d = d;
    s.q = q;
    SkpStatus rc = need_prepare(&s, opt, d);
    if (rc) { free(s.ovs); strbuf_free(&s.groups); return rc; }
    FILE *null = fopen("/dev/null", "w");
    Outcome now = need_baseline(&s, null);
    s.digits = input_digits(&s);
    add_input(&s, opt);
    Samples *sm = mem_xcalloc(1, sizeof *sm);
    sample(&s, sm);
    Arena a = {0};
    Answer ans = answer(&s, &a, sm);
    if (s.failed) {          /* a probe's message went to the quiet diagnostics: say it here */
        store_read_failed(d, s.store);
        rc = SKP_RUNTIME;
    } else {
        rc = print_answer(&s, &a, &now, ans, fmt, out);
    }
    arena_free(&a);
    free(sm);
    if (null) fclose(null);
    free(s.ovs);
    strbuf_free(&s.groups);
    return rc;
}
