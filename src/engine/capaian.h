/* capaian.h: achievement. The one code path that turns a realisation and a
 * target into capaian, then caps and rounds it, in the stated order:
 *
 *     compute  ->  cap  ->  round  ->  grade
 */
#ifndef SKP_CAPAIAN_H
#define SKP_CAPAIAN_H
#include "check/plan.h"

typedef enum {
    CAP_OK,
    CAP_ZERO_TARGET,        /* the formula divides by T and T = 0 */
    CAP_ZERO_REALISATION    /* the formula divides by R and R = 0 (lower B) */
} CapaianStatus;

/* Capaian in percent by the indicator's polarity. For a range target
 * [t, t_hi]: 100 inside; below, R/t x 100; above, the range_above formula
 * against t_hi. *out is untouched unless CAP_OK. */
CapaianStatus capaian_compute(Polarity pol, Polarity range_above, double r,
                              double t, int has_hi, double t_hi, double *out);

/* Cap then round, per the rules. Returns the figure that is shown and graded. */
double capaian_finish(double raw, const Rules *rules, int *capped);

/* The rule in words, for reports: "R/T x 100, cap 120, half-up to 2 decimals". */
void capaian_rule_text(const Rules *rules, const Expr *custom, char *buf, size_t n);

#endif
