/* capaian.c: achievement by polarity, then cap, then rounding. Every capaian
 * sakipc prints, grades or compares comes out of capaian_compute and
 * capaian_finish, so two reports can never compute it differently. */
#include "engine/capaian.h"

#include <stdio.h>
#include <string.h>

/* The lower-is-better formulas of SAKIP.md: with T = 10, R = 8 gives
 * A 120, B 125, C 20. */
static CapaianStatus lower(Polarity pol, double r, double t, double *out)
{
    switch (pol) {
    case POL_LOWER_B:
        if (r == 0) return CAP_ZERO_REALISATION;
        *out = t / r * 100;
        return CAP_OK;
    case POL_LOWER_C:
        if (t == 0) return CAP_ZERO_TARGET;
        *out = (t - r) / t * 100;
        return CAP_OK;
    default:  /* A */
        if (t == 0) return CAP_ZERO_TARGET;
        *out = (2 * t - r) / t * 100;
        return CAP_OK;
    }
}

CapaianStatus capaian_compute(Polarity pol, Polarity range_above, double r,
                              double t, int has_hi, double t_hi, double *out)
{
    if (pol == POL_RANGE || has_hi) {
        double hi = has_hi ? t_hi : t;
        if (r >= t && r <= hi) { *out = 100; return CAP_OK; }
        if (r > hi) return lower(range_above, r, hi, out);
        pol = POL_HIGHER;       /* below the range: measured against its lower bound */
    }
    if (pol == POL_HIGHER) {
        if (t == 0) return CAP_ZERO_TARGET;
        *out = r / t * 100;
        return CAP_OK;
    }
    return lower(pol, r, t, out);
}

double capaian_finish(double raw, const Rules *rules, int *capped)
{
    double v = raw;
    int c = rules->has_cap && v > rules->cap;
    if (c) v = rules->cap;
    if (capped) *capped = c;
    return num_round(v, rules->round);
}

void capaian_rule_text(const Rules *rules, const Expr *custom, char *buf, size_t n)
{
    char r[48], cap[160] = "no cap";
    num_rounding_text(rules->round, r, sizeof r);
    if (rules->has_cap) {
        char v[32];
        num_format(v, sizeof v, rules->cap, -1);
        snprintf(cap, sizeof cap, "cap %s", v);
    }
    if (rules->cap_rule_set) {          /* the regulation the cap comes from */
        size_t k = strlen(cap);
        snprintf(cap + k, sizeof cap - k, " (%s)", rules->cap_rule_set);
    }
    const char *f = custom ? "plan formula" : plan_polarity_formula(rules->polarity);
    char range[96];
    if (!custom && rules->polarity == POL_RANGE) {
        /* the formula above the range is the lower-is-better one, against the upper bound */
        static const char *const above[] = { "(2H-R)/H", "H/R", "(H-R)/H" };
        int k = rules->range_above == POL_LOWER_B ? 1 : rules->range_above == POL_LOWER_C ? 2 : 0;
        snprintf(range, sizeof range, "range L..H: 100 inside, R/L x 100 below, %s x 100 above", above[k]);
        f = range;
    }
    snprintf(buf, n, "%s; %s; %s", f, cap, r);
}
