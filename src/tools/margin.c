/* margin.c: how safe each grade is. See margin.h.
 *
 * The evaluation runs once. For each graded row the sink is handed, the
 * boundaries are found by probing the row in memory (engine/probe.h): the
 * band the row would get with its realisation at x, through the same
 * figures, cap, rounding and bands as the row itself. A first guess comes
 * from the band's bound (a value grade) or from the bound turned back
 * through the polarity's formula (a capaian grade); the probes then confirm
 * it on the input's grid, a step or two either side. Where there is no
 * guess (a capaian formula of the plan's own, a scale, a range target) or
 * it does not hold, the input is stepped out from the realisation now until
 * the band changes and the change is narrowed by the seek `need` uses. */
#include "tools/margin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "check/expr.h"
#include "check/scheme.h"
#include "engine/probe.h"
#include "tools/seek.h"

#define WALK 3          /* grid steps a guess may be off by */
#define DOUBLINGS 64    /* step-outs: from one grid step to beyond any figure */
#define MAX_INPUTS 64

/* One way the grade can move: to a band (or out of every band, falling). */
typedef struct {
    int found;
    double at;              /* the first realisation on the grid with the new grade */
    const Band *band;       /* that grade, NULL: no grade */
} Move;

typedef struct {
    const char *unit, *code, *group, *scheme, *grade;
    int year;
    double real;
    int digits;             /* the input's grid */
    int shown;              /* the realisation's digits: the value rounding's, else all (-1) */
    int top, bottom;        /* the best band (nothing to rise to), the lowest */
    Move rise, fall;
    const char *sensitive;  /* a composite's inputs, most moving first */
} Margin;

typedef struct {
    const CompiledPlan *cp;
    const MarginQuery *q;
    Arena text;
    Margin *rows;
    size_t n, cap;
    long skipped;           /* rows without a grade: no data, no target, ... */
} Collect;

/* A row probed for one move: met when its band is better (want +1) or
 * worse (want -1) than the band now. */
typedef struct {
    const ResultRow *row;
    int grading;
    const Scheme *sc;
    int rank_now, want, digits;
    const Band *band;       /* the band at the last probe that met */
} Try;

static int band_index(const Scheme *sc, const Band *b)
{
    return b ? (int)(b - sc->bands) : -1;
}

static int met(void *ctx, double x)
{
    Try *t = ctx;
    ResultRow out;
    if (probe_row(t->row, t->row->ind->code_id, x, &out) != 0) return 0;
    const Band *b = out.grades[t->grading].band;
    int rank = b ? scheme_band_rank(t->sc, band_index(t->sc, b)) : 0;
    int ok = t->want > 0 ? rank > t->rank_now : rank < t->rank_now;
    if (ok) t->band = b;
    return ok;
}

static int band_of_rank(const Scheme *sc, int rank)
{
    for (int b = 0; b < sc->nbands; b++)
        if (scheme_band_rank(sc, b) == rank) return b;
    return -1;
}

/* The realisation that gives graded quantity q (a capaian) by the
 * polarity's formula against target t; 0 when it cannot be turned back. */
static int realisation_for_capaian(Polarity pol, double q, double t, double *x)
{
    switch (pol) {
    case POL_HIGHER: *x = q * t / 100; break;
    case POL_LOWER_A: *x = t * (2 - q / 100); break;
    case POL_LOWER_B: if (q <= 0) return 0; *x = t * 100 / q; break;
    case POL_LOWER_C: *x = t * (1 - q / 100); break;
    default: return 0;
    }
    return isfinite(*x);
}

/* Where the next band starts, as a first guess: the bound of the band
 * moved to that faces the band now, as a realisation. */
static int guess(const Try *t, double *x)
{
    const ResultRow *r = t->row;
    const GradeResult *g = &r->grades[t->grading];
    int to = band_of_rank(t->sc, t->rank_now + t->want);
    if (to < 0 || !g->band) return 0;
    const Band *dst = &t->sc->bands[to], *now = g->band;
    double dst_lo = dst->has_lo ? dst->lo : -INFINITY, now_lo = now->has_lo ? now->lo : -INFINITY;
    int above = dst_lo > now_lo;
    if (above ? !dst->has_lo : !dst->has_hi) return 0;
    double q = above ? dst->lo : dst->hi;
    if (g->on == GRADE_VALUE) { *x = q; return 1; }
    const Indicator *ind = r->ind;
    if (ind->capaian || ind->scale >= 0 || !r->has_target || r->has_target_hi) return 0;
    return realisation_for_capaian(ind->rules.polarity, q, r->target, x);
}

/* The guess confirmed on the grid: the first point that meets, with the
 * one before it (towards now) not meeting. t->band keeps the band of the
 * last point that met, which is the answer's. */
static int confirm(Try *t, double g, double now, double *at)
{
    if (g == now) return 0;
    double step = pow(10, -t->digits), dir = g > now ? 1 : -1;
    double x = seek_snap(g, t->digits, dir > 0);
    if (met(t, x)) {
        for (int k = 0; k < WALK; k++) {
            double before = x - dir * step;
            if ((before - now) * dir <= 0 || !met(t, before)) { *at = x; return 1; }
            x = before;
        }
        return 0;
    }
    for (int k = 0; k < WALK; k++) {
        x += dir * step;
        if (met(t, x)) { *at = x; return 1; }
    }
    return 0;
}

/* Stepping out from now, doubling, on both sides; the first change found
 * is narrowed by the shared seek. */
static int search(Try *t, double now, double *at)
{
    double step = pow(10, -t->digits), d = step, prev_up = now, prev_dn = now;
    for (int k = 0; k < DOUBLINGS; k++, d *= 2) {
        double up = now + d, dn = now - d;
        if (met(t, up)) {
            SeekEdge e = seek_edge(met, t, prev_up, up, t->digits);
            *at = e.exclusive ? e.value + step : e.value;
            return met(t, *at);
        }
        if (met(t, dn)) {
            SeekEdge e = seek_edge(met, t, prev_dn, dn, t->digits);
            *at = e.exclusive ? e.value - step : e.value;
            return met(t, *at);
        }
        prev_up = up;
        prev_dn = dn;
    }
    return 0;
}

static Move find_move(Try *t, double now)
{
    Move m = { 0, 0, NULL };
    double g, at;
    if ((guess(t, &g) && confirm(t, g, now, &at)) || search(t, now, &at)) {
        m.found = 1;
        m.at = at;
        m.band = t->band;
    }
    return m;
}

/* The input's grid: its value rounding, else the scheme's precision for a
 * value grade, else two decimals (as `need` states its answers). */
static int input_digits(const ResultRow *r, const GradeResult *g)
{
    if (r->ind->rules.value_round.mode != ROUND_NONE) return r->ind->rules.value_round.digits;
    if (g->on == GRADE_VALUE && g->scheme->precision >= 0) return g->scheme->precision;
    return 2;
}

typedef struct { int code; double delta; } Input;

static int by_delta(const void *a, const void *b)
{
    double x = fabs(((const Input *)a)->delta), y = fabs(((const Input *)b)->delta);
    return x < y ? 1 : x > y ? -1 : ((const Input *)a)->code - ((const Input *)b)->code;
}

/* A composite's inputs by how much one more point of each moves it:
 * "I04 +0.19, I12 +0.19, I16 +0.19" (the three that move it most). */
static const char *sensitivity(Collect *c, const ResultRow *r)
{
    int codes[MAX_INPUTS], n = 0, m = 0;
    expr_codes(r->ind->realisation, codes, &n, MAX_INPUTS);
    Input in[MAX_INPUTS];
    for (int i = 0; i < n; i++) {
        double v;
        ResultRow out;
        if (codes[i] == r->ind->code_id || !probe_realisation(r, codes[i], &v)) continue;
        if (probe_row(r, codes[i], v + 1, &out) != 0 || !out.has_real) continue;
        in[m++] = (Input){ codes[i], out.real - r->real };
    }
    if (m < 2) return NULL;
    qsort(in, (size_t)m, sizeof *in, by_delta);
    StrBuf b = {0};
    for (int i = 0; i < m && i < 3; i++) {
        char num[64];
        num_format(num, sizeof num, in[i].delta, -1);
        strbuf_printf(&b, "%s%s %s%s", i ? ", " : "", c->cp->plan->codes[in[i].code], in[i].delta >= 0 ? "+" : "", num);
    }
    const char *s = arena_strdup(&c->text, b.s);
    strbuf_free(&b);
    return s;
}

static int grading_of(const Collect *c, const ResultRow *r)
{
    for (int g = 0; g < r->ngrades; g++)
        if (!c->q->scheme || strcmp(r->grades[g].scheme->name, c->q->scheme) == 0) return g;
    return -1;
}

static Margin *next_row(Collect *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->rows = mem_xrealloc(c->rows, c->cap * sizeof *c->rows);
    }
    Margin *m = &c->rows[c->n++];
    memset(m, 0, sizeof *m);
    return m;
}

static int sink(const ResultRow *r, void *ctx)
{
    Collect *c = ctx;
    int g = grading_of(c, r);
    if (g < 0) return 0;
    const GradeResult *gr = &r->grades[g];
    if (!gr->band) { c->skipped++; return 0; }
    const Scheme *sc = gr->scheme;
    Try t = { r, g, sc, scheme_band_rank(sc, band_index(sc, gr->band)), 0, input_digits(r, gr), NULL };
    double now = gr->on == GRADE_VALUE ? r->real_shown : r->real;
    Margin *m = next_row(c);
    m->unit = arena_strdup(&c->text, r->unit);
    m->code = r->ind->code;
    m->group = r->group ? arena_strdup(&c->text, r->group) : NULL;
    m->scheme = sc->name;
    m->grade = gr->band->code;
    m->year = r->year;
    m->real = now;
    m->digits = t.digits;
    m->shown = r->ind->rules.value_round.mode != ROUND_NONE ? t.digits : -1;
    m->top = t.rank_now == sc->nbands;
    m->bottom = t.rank_now == 1;
    t.want = 1;
    if (!m->top) m->rise = find_move(&t, now);
    t.want = -1;
    m->fall = find_move(&t, now);
    m->sensitive = r->ind->realisation ? sensitivity(c, r) : NULL;
    return 0;
}

/* ---- the table ------------------------------------------------------------------------ */

static double fall_percent(const Margin *m)
{
    if (!m->fall.found) return INFINITY;
    double by = fabs(m->fall.at - m->real);
    return m->real != 0 ? by / fabs(m->real) * 100 : by;
}

/* The nearest fall first: the figures at risk; those that cannot fall last. */
static int by_risk(const void *a, const void *b)
{
    const Margin *x = a, *y = b;
    double fx = fall_percent(x), fy = fall_percent(y);
    if (fx != fy) return fx < fy ? -1 : 1;
    int u = strcmp(x->unit, y->unit);
    if (u) return u;
    int k = strcmp(x->code, y->code);
    return k ? k : x->year - y->year;
}

enum { NCOLS = 15 };

static void move_cells(Arena *a, const Margin *m, const Move *mv, int can, const char **cells)
{
    if (!can) { cells[0] = "-"; cells[1] = cells[2] = cells[3] = ""; return; }
    if (!mv->found) { cells[0] = "none found"; cells[1] = cells[2] = cells[3] = ""; return; }
    double by = mv->at - m->real;
    cells[0] = mv->band ? mv->band->code : "no grade";
    cells[1] = num_text(a, mv->at, m->digits);
    cells[2] = num_text(a, by, m->shown);
    cells[3] = m->real != 0 ? num_text(a, by / fabs(m->real) * 100, 2) : "";
}

static const char **row_cells(Arena *a, const Margin *m)
{
    const char **cells = arena_alloc(a, NCOLS * sizeof *cells);
    cells[0] = m->unit;
    cells[1] = m->group ? arena_printf(a, "%s (%s)", m->code, m->group) : m->code;
    cells[2] = arena_printf(a, "%d", m->year);
    cells[3] = m->scheme;
    cells[4] = m->grade;
    cells[5] = num_text(a, m->real, m->shown);
    move_cells(a, m, &m->rise, !m->top, &cells[6]);
    move_cells(a, m, &m->fall, 1, &cells[10]);
    cells[14] = m->sensitive ? m->sensitive : "";
    if (m->bottom && !m->fall.found) cells[10] = "-";
    return cells;
}

static int wanted(const MarginQuery *q, const Margin *m)
{
    return !q->has_at_risk || (m->fall.found && fall_percent(m) <= q->at_risk);
}

static SkpStatus print_margins(Collect *c, SkpFormat fmt, FILE *out)
{
    static const char *const names[NCOLS] = { "unit", "indicator", "year", "scheme", "grade", "realisation",
        "rise_to", "rise_at", "rise_by", "rise_pct", "fall_to", "fall_at", "fall_by", "fall_pct", "sensitive_to" };
    static const unsigned char flags[NCOLS] = { [2] = CELL_NUMBER, [5] = CELL_NUMBER, [7] = CELL_NUMBER | CELL_OPTIONAL,
        [8] = CELL_NUMBER | CELL_OPTIONAL, [9] = CELL_NUMBER | CELL_OPTIONAL, [11] = CELL_NUMBER | CELL_OPTIONAL,
        [12] = CELL_NUMBER | CELL_OPTIONAL, [13] = CELL_NUMBER | CELL_OPTIONAL, [14] = CELL_OPTIONAL };
    qsort(c->rows, c->n, sizeof *c->rows, by_risk);
    Arena a = {0};
    const char ***rows = mem_xcalloc(c->n ? c->n : 1, sizeof *rows);
    size_t n = 0;
    for (size_t i = 0; i < c->n && (!c->q->limit || (long)n < c->q->limit); i++)
        if (wanted(c->q, &c->rows[i])) rows[n++] = row_cells(&a, &c->rows[i]);
    SkpStatus st = output_cells(out, fmt, 0, names, NCOLS, flags, rows, (int)n);
    if (fmt == SKP_TABLE && c->skipped)
        fprintf(out, "\n%ld figure%s without a grade (no data, no target, undefined) not listed.\n", c->skipped,
                c->skipped == 1 ? "" : "s");
    free(rows);
    arena_free(&a);
    return st;
}

SkpStatus margin_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const MarginQuery *q,
                     SkpFormat fmt, FILE *out, Diag *d)
{
    if (q->scheme && plan_scheme_index(cp->plan, q->scheme) < 0) {
        diag_plain(d, "--scheme: the plan has no scheme '%s'", q->scheme);
        return SKP_USAGE;
    }
    Collect c;
    memset(&c, 0, sizeof c);
    c.cp = cp;
    c.q = q;
    SkpStatus rc = eval_run(cp, store, opt, sink, &c, d);
    if (!rc) rc = print_margins(&c, fmt, out);
    free(c.rows);
    arena_free(&c.text);
    return rc;
}
