/* measure.c: measure units in formulas. See measure.h.
 *
 * A unit is one of a few kinds read from the first word of `measure`:
 *
 *     %, persen                    percent
 *     fraksi, rasio, proporsi      fraction (0..1)
 *     rupiah, rp                   rupiah
 *     indeks, index                index (IKM 25-100, ...)
 *     nilai, skor, score           score (the AKIP value, ...)
 *     any other word               a count of that thing (dokumen, raperda, orang)
 *
 * A number written in the plan, a constant, a record column and a count of
 * rows have no unit and combine with anything. The rules are those of
 * quantities: + - and comparisons need one unit; * and / by a number keep
 * it; a unit divided by itself is a number; other products are not
 * followed further. */
#include "check/measure.h"
#include "check/plan.h"
#include "base/arena.h"
#include "base/mem.h"
#include "check/builtin.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { U_MIXED = -1, U_NONE = 0, U_PERCENT, U_FRACTION, U_RUPIAH, U_INDEX, U_SCORE, U_COUNT0 };

typedef struct {
    const Plan *p;
    Diag *d;
    int *code_unit;             /* code id -> unit */
    const char **code_measure;  /* code id -> the measure as written */
    const char **count_words;   /* U_COUNT0 + i -> the word */
    int ncount;
    Arena words;
} Measures;

static int unit_of_measure(Measures *m, const char *measure)
{
    if (!measure) return U_NONE;
    char w[64];
    size_t n = 0;
    while (measure[n] && !isspace((unsigned char)measure[n]) && n < sizeof w - 1) { w[n] = measure[n]; n++; }
    w[n] = '\0';
    if (!n) return U_NONE;
    static const struct { const char *word; int unit; } known[] = {
        { "%", U_PERCENT }, { "persen", U_PERCENT }, { "percent", U_PERCENT },
        { "fraksi", U_FRACTION }, { "fraction", U_FRACTION }, { "rasio", U_FRACTION }, { "ratio", U_FRACTION },
        { "proporsi", U_FRACTION }, { "rupiah", U_RUPIAH }, { "rp", U_RUPIAH }, { "rp.", U_RUPIAH },
        { "indeks", U_INDEX }, { "index", U_INDEX }, { "nilai", U_SCORE }, { "skor", U_SCORE }, { "score", U_SCORE },
    };
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcasecmp(w, known[i].word) == 0) return known[i].unit;
    for (int i = 0; i < m->ncount; i++)
        if (strcasecmp(m->count_words[i], w) == 0) return U_COUNT0 + i;
    m->count_words[m->ncount] = arena_strdup(&m->words, w);
    return U_COUNT0 + m->ncount++;
}

static const char *unit_name(const Measures *m, int u, char *buf, size_t n)
{
    static const char *const names[] = { "a number", "percent", "a fraction", "rupiah", "an index", "a score" };
    if (u >= 0 && u < U_COUNT0) return names[u];
    snprintf(buf, n, "a count of %s", m->count_words[u - U_COUNT0]);
    return buf;
}

static int unit_of(Measures *m, const Expr *e, const Indicator *self);

static int same_unit(Measures *m, const Expr *at, int a, int b, const char *what)
{
    if (a <= U_NONE || b <= U_NONE || a == b) return a > U_NONE ? a : b;
    char x[80], y[80];
    const char *hint = (a == U_PERCENT && b == U_FRACTION) || (a == U_FRACTION && b == U_PERCENT)
                     ? ": convert one with as_percent() or as_fraction()" : "";
    diag_error(m->d, at->loc, "%s %s and %s%s", what, unit_name(m, a, x, sizeof x), unit_name(m, b, y, sizeof y), hint);
    return U_MIXED;
}

static int unit_of_call(Measures *m, const Expr *e, const Indicator *self)
{
    if (e->res == RES_RECORD_AGG) return U_NONE;
    if (e->res == RES_LUA_CALL) {                /* a Lua function: its unit is its own affair */
        for (int i = 0; i < e->nargs; i++) unit_of(m, e->args[i], self);
        return U_MIXED;
    }
    if (e->res == RES_UNIT_AGG) {
        const UnitAgg *u = &m->p->uaggs[e->res_id];
        return u->fn == RAGG_COUNT ? U_NONE : u->fig == FIG_CAPAIAN ? U_PERCENT : m->code_unit[u->code];
    }
    if (e->res == RES_GROUP_AGG) {
        const GroupAgg *g = &m->p->gaggs[e->res_id];
        return g->fn == RAGG_COUNT ? U_NONE : unit_of(m, g->value, self);
    }
    switch ((Builtin)e->res_id) {
    case FN_REALISATION: case FN_TARGET: case FN_DATA: case FN_LATEST: case FN_TO_DATE:
        for (int i = 1; i < e->nargs; i++) unit_of(m, e->args[i], self);
        return m->code_unit[e->args[0]->res_id];
    case FN_CAPAIAN: return U_PERCENT;
    case FN_AS_PERCENT: case FN_AS_FRACTION: {
        int want = e->res_id == FN_AS_PERCENT ? U_FRACTION : U_PERCENT;
        int u = unit_of(m, e->args[0], self);
        if (u > U_NONE && u != want) {
            char x[80];
            diag_error(m->d, e->args[0]->loc, "%s() converts %s, not %s", e->res_id == FN_AS_PERCENT ? "as_percent" : "as_fraction",
                       want == U_FRACTION ? "a fraction" : "percent", unit_name(m, u, x, sizeof x));
        }
        return e->res_id == FN_AS_PERCENT ? U_PERCENT : U_FRACTION;
    }
    case FN_MIN: case FN_MAX: case FN_COALESCE: {
        int u = U_NONE;
        char what[48];
        snprintf(what, sizeof what, "%s() mixes", builtin_name((Builtin)e->res_id));
        for (int i = 0; i < e->nargs; i++) {
            int a = unit_of(m, e->args[i], self);
            if (u != U_MIXED && a != U_MIXED) u = same_unit(m, e->args[i], u, a, what);
        }
        return u;
    }
    case FN_ABS: case FN_ROUND: case FN_FLOOR: case FN_CEIL:
        for (int i = 1; i < e->nargs; i++) unit_of(m, e->args[i], self);
        return unit_of(m, e->args[0], self);
    case FN_AVAILABLE: unit_of(m, e->args[0], self); return U_NONE;
    default:
        for (int i = 0; i < e->nargs; i++) unit_of(m, e->args[i], self);
        return U_MIXED;
    }
}

/* The unit of a formula's value, reporting every mix on the way. */
static int unit_of(Measures *m, const Expr *e, const Indicator *self)
{
    if (!e) return U_NONE;
    int a, b;
    switch (e->kind) {
    case E_NUMBER: case E_STRING: return U_NONE;
    case E_NAME:
        if (e->res == RES_IND) return m->code_unit[e->res_id];
        if (e->res == RES_SELF_R || e->res == RES_SELF_T) return self ? unit_of_measure(m, self->measure) : U_NONE;
        if (e->res == RES_CONST) {
            int u = U_NONE;
            for (int v = e->res_id; v >= 0; v = m->p->consts[v].next) {
                int k = unit_of(m, m->p->consts[v].value, NULL);
                if (k != U_NONE) u = k;
            }
            return u;
        }
        return U_NONE;
    case E_CALL: return unit_of_call(m, e, self);
    case E_NEG: return unit_of(m, e->a, self);
    case E_NOT: unit_of(m, e->a, self); return U_NONE;
    case E_IN:
        a = unit_of(m, e->a, self);
        for (int i = 0; i < e->nargs; i++) same_unit(m, e->args[i], a, unit_of(m, e->args[i], self), "'in' compares");
        return U_NONE;
    case E_ADD: case E_SUB:
        a = unit_of(m, e->a, self);
        b = unit_of(m, e->b, self);
        if (a == U_MIXED || b == U_MIXED) return U_MIXED;
        return same_unit(m, e, a, b, e->kind == E_ADD ? "cannot add" : "cannot subtract");
    case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
        a = unit_of(m, e->a, self);
        b = unit_of(m, e->b, self);
        if (a != U_MIXED && b != U_MIXED) same_unit(m, e, a, b, "cannot compare");
        return U_NONE;
    case E_MUL:
        a = unit_of(m, e->a, self);
        b = unit_of(m, e->b, self);
        return a == U_NONE ? b : b == U_NONE ? a : U_MIXED;
    case E_DIV:
        a = unit_of(m, e->a, self);
        b = unit_of(m, e->b, self);
        return b == U_NONE ? a : a == b ? U_NONE : U_MIXED;
    case E_POW:
        a = unit_of(m, e->a, self);
        unit_of(m, e->b, self);
        return a == U_NONE ? U_NONE : U_MIXED;
    case E_AND: case E_OR:
        unit_of(m, e->a, self);
        unit_of(m, e->b, self);
        return U_NONE;
    case E_IF:
        unit_of(m, e->a, self);
        a = unit_of(m, e->b, self);
        b = unit_of(m, e->c, self);
        if (a == U_MIXED || b == U_MIXED) return U_MIXED;
        return same_unit(m, e->c, a, b, "'then' and 'else' give");
    }
    return U_MIXED;
}

/* A realisation or target formula must give the indicator's own measure
 * (or a plain number). */
static void formula_gives(Measures *m, const Indicator *ind, const Expr *e, const char *what)
{
    if (!e) return;
    int got = unit_of(m, e, ind);
    int want = unit_of_measure(m, ind->measure);
    if (got <= U_NONE || want <= U_NONE || got == want) return;
    char x[80], y[80];
    diag_error(m->d, e->loc, "%s of %s gives %s, but its measure is '%s' (%s)", what, ind->code,
               unit_name(m, got, x, sizeof x), ind->measure, unit_name(m, want, y, sizeof y));
}

void measure_check(const Plan *p, Diag *d)
{
    Measures m;
    memset(&m, 0, sizeof m);
    m.p = p;
    m.d = d;
    m.code_unit = mem_xarray(p->ncodes, sizeof *m.code_unit);
    m.code_measure = mem_xarray(p->ncodes, sizeof *m.code_measure);
    m.count_words = mem_xcalloc((size_t)p->ninds + 1, sizeof *m.count_words);
    /* a code's unit: its first definition that states a measure */
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        if (!ind->measure || m.code_measure[ind->code_id]) continue;
        m.code_measure[ind->code_id] = ind->measure;
        m.code_unit[ind->code_id] = unit_of_measure(&m, ind->measure);
    }
    for (int i = 0; i < p->nraggs; i++) {
        unit_of(&m, p->raggs[i].value, NULL);
        unit_of(&m, p->raggs[i].where, NULL);
    }
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        formula_gives(&m, ind, ind->realisation, "the realisation");
        formula_gives(&m, ind, ind->target_expr, "the target");
        formula_gives(&m, ind, ind->target_hi, "the target");
        unit_of(&m, ind->capaian, ind);
        unit_of(&m, ind->rules.zero_target, ind);
        unit_of(&m, ind->rules.zero_realisation, ind);
    }
    free(m.code_unit);
    free(m.code_measure);
    free(m.count_words);
    arena_free(&m.words);
}
