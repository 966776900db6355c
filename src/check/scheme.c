/* scheme.c: band schemes and scales, as a checked plan holds them: their
 * gaps and overlaps (scheme_check), their bounds in words, and their
 * levels in order (a scale's WTP > WDP > TW > TMP, a scheme's bands by
 * their bounds). Where a value gets its grade is engine/grade.c. */
#include "check/scheme.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scheme_band_text(const Band *b, char *buf, size_t n)
{
    char lo[32] = "", hi[32] = "";
    if (b->has_lo) num_format(lo, sizeof lo, b->lo, -1);
    if (b->has_hi) num_format(hi, sizeof hi, b->hi, -1);
    if (b->has_lo && b->has_hi)
        snprintf(buf, n, "%s %s %s %s", b->lo_incl ? ">=" : ">", lo, b->hi_incl ? "<=" : "<", hi);
    else if (b->has_lo)
        snprintf(buf, n, "%s %s", b->lo_incl ? ">=" : ">", lo);
    else if (b->has_hi)
        snprintf(buf, n, "%s %s", b->hi_incl ? "<=" : "<", hi);
    else
        snprintf(buf, n, "any value");
}

/* Bands ordered by lower bound (no lower bound first); ties: inclusive first. */
static int cmp_band(const Band *a, const Band *b)
{
    if (a->has_lo != b->has_lo) return a->has_lo ? 1 : -1;
    if (a->has_lo && a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    if (a->has_lo && a->lo_incl != b->lo_incl) return a->lo_incl ? -1 : 1;
    return 0;
}

/* Is there a value at `precision` decimals strictly inside the open or
 * half-open gap between hi (of the lower band) and lo (of the upper one)? */
static int gap_has_value(double hi, int hi_incl, double lo, int lo_incl, int precision)
{
    if (precision < 0) return 1;
    double scale = pow(10, precision);
    double a = round(hi * scale), b = round(lo * scale);  /* bounds on the grid */
    double first = hi_incl ? a + 1 : a;    /* smallest grid value not in the lower band */
    if (fabs(hi * scale - a) > 1e-6) first = ceil(hi * scale);
    double last = lo_incl ? b - 1 : b;     /* largest grid value not in the upper band */
    if (fabs(lo * scale - b) > 1e-6) last = floor(lo * scale);
    return first <= last;
}

static void report_pair(const Scheme *s, Diag *d, const Band *lower, const Band *upper, int overlap)
{
    char lt[64], ut[64], at[32], at2[32];
    scheme_band_text(lower, lt, sizeof lt);
    scheme_band_text(upper, ut, sizeof ut);
    if (overlap) {
        /* the shared stretch runs from the upper band's start to the lower
         * of the two ends */
        int hi_from_lower = lower->has_hi && (!upper->has_hi || lower->hi < upper->hi ||
                                              (lower->hi == upper->hi && !lower->hi_incl));
        const Band *end = hi_from_lower ? lower : upper;
        char shared[96];
        if (!upper->has_lo) snprintf(shared, sizeof shared, "both are open downward");
        else if (end->has_hi && end->hi == upper->lo) {
            num_format(at, sizeof at, upper->lo, -1);
            snprintf(shared, sizeof shared, "%s is in both", at);
        } else {
            num_format(at, sizeof at, upper->lo, -1);
            if (end->has_hi) {
                num_format(at2, sizeof at2, end->hi, -1);
                snprintf(shared, sizeof shared, "values %s %s and %s %s are in both",
                         upper->lo_incl ? ">=" : ">", at, end->hi_incl ? "<=" : "<", at2);
            } else {
                snprintf(shared, sizeof shared, "values %s %s are in both", upper->lo_incl ? ">=" : ">", at);
            }
        }
        diag_error(d, upper->loc, "bands '%s' (%s) and '%s' (%s) of scheme '%s' overlap: %s",
                   lower->code, lt, upper->code, ut, s->name, shared);
    } else {
        num_format(at, sizeof at, lower->hi, -1);
        num_format(at2, sizeof at2, upper->lo, -1);
        diag_error(d, upper->loc, "gap in scheme '%s' between '%s' (%s) and '%s' (%s): values %s %s and %s %s get no grade",
                   s->name, lower->code, lt, upper->code, ut,
                   lower->hi_incl ? ">" : ">=", at, upper->lo_incl ? "<" : "<=", at2);
    }
}

/* Do sorted bands a (starting first) and b share a value? */
static int bands_overlap(const Band *a, const Band *b)
{
    if (!b->has_lo || !a->has_hi) return 1;    /* both open downward, or a open upward */
    return b->lo < a->hi || (b->lo == a->hi && b->lo_incl && a->hi_incl);
}

/* Does a reach further up than b? */
static int reaches_further(const Band *a, const Band *b)
{
    if (!b->has_hi) return 0;
    if (!a->has_hi) return 1;
    return a->hi > b->hi || (a->hi == b->hi && a->hi_incl && !b->hi_incl);
}

/* Every pair of bands is compared for overlap (a catch-all band overlaps
 * all the others, not just its neighbour). Gaps are found by walking the
 * bands in order of lower bound while remembering the band that reaches
 * furthest up: a value is ungraded only when the next band starts beyond
 * everything seen so far. */
int scheme_check(const Scheme *s, Diag *d)
{
    int problems = 0;
    int *order = malloc((size_t)(s->nbands ? s->nbands : 1) * sizeof *order);
    if (!order) return 0;
    for (int i = 0; i < s->nbands; i++) order[i] = i;
    for (int i = 1; i < s->nbands; i++)      /* insertion sort: schemes are short */
        for (int j = i; j > 0 && cmp_band(&s->bands[order[j]], &s->bands[order[j - 1]]) < 0; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (int i = 0; i < s->nbands; i++)
        for (int j = i + 1; j < s->nbands; j++) {
            const Band *a = &s->bands[order[i]], *b = &s->bands[order[j]];
            if (bands_overlap(a, b)) { report_pair(s, d, a, b, 1); problems++; }
        }
    const Band *reach = s->nbands ? &s->bands[order[0]] : NULL;
    for (int k = 1; k < s->nbands; k++) {
        const Band *next = &s->bands[order[k]];
        if (reach->has_hi && next->has_lo && !bands_overlap(reach, next) &&
            (next->lo > reach->hi || (!next->lo_incl && !reach->hi_incl)) &&
            gap_has_value(reach->hi, reach->hi_incl, next->lo, next->lo_incl, s->precision)) {
            report_pair(s, d, reach, next, 0);
            problems++;
        }
        if (reaches_further(next, reach)) reach = next;
    }
    free(order);
    return problems;
}
/* ---- ordered levels ------------------------------------------------------- */

/* A band's place among the bands by its lower bound (a band without one is
 * lowest), then by its upper bound. */
static int band_below(const Band *a, const Band *b)
{
    if (a->has_lo != b->has_lo) return !a->has_lo;
    if (a->has_lo && a->lo != b->lo) return a->lo < b->lo;
    if (a->has_hi != b->has_hi) return a->has_hi;
    return a->has_hi && a->hi < b->hi;
}

int scheme_band_rank(const Scheme *s, int band)
{
    if (band < 0 || band >= s->nbands) return 0;
    if (s->ordinal) return s->nbands - band;
    int rank = 1;
    for (int i = 0; i < s->nbands; i++)
        if (i != band && band_below(&s->bands[i], &s->bands[band])) rank++;
    return rank;
}

int scheme_rank(const Scheme *s, const char *code)
{
    for (int i = 0; i < s->nbands; i++)
        if (strcmp(s->bands[i].code, code) == 0) return scheme_band_rank(s, i);
    return 0;
}

const char *scheme_code(const Scheme *s, int rank)
{
    for (int i = 0; i < s->nbands; i++)
        if (scheme_band_rank(s, i) == rank) return s->bands[i].code;
    return NULL;
}

void scheme_levels_text(const Scheme *s, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int r = 1; r <= s->nbands && k < n; r++) {
        const char *c = scheme_code(s, r);
        k += (size_t)snprintf(buf + k, n - k, "%s%s", r > 1 ? ", " : "", c ? c : "?");
    }
}

