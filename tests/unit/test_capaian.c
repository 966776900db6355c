/* test_capaian.c: capaian_compute, capaian_finish and capaian_rule_text
 * (src/engine/capaian.h): every polarity, range targets with each formula
 * above the range, the zero statuses, caps and every rounding mode. The
 * expected values are worked out by hand from the definitions in
 * shared/domain/SAKIP.md and docs/language.md (section 3):
 *
 *   higher R/T x 100; lower A (2T-R)/T x 100; B T/R x 100; C (T-R)/T x 100;
 *   range [lo, hi]: 100 inside (both bounds included), R/lo x 100 below,
 *   the lower formula named for it (A by default) with T = hi above;
 *   then cap (only from above), then round.
 *
 * Where a quotient is not exact in binary, the check is on the figure
 * after rounding to 2 decimals (what a report shows), or within 1e-12. */
#include "check.h"
#include "engine/capaian.h"

/* capaian_compute with no range; *out starts at a sentinel, so that a
 * status other than CAP_OK can be checked to leave it alone. */
static double out;
static CapaianStatus compute(Polarity pol, double r, double t)
{
    out = -12345;
    return capaian_compute(pol, POL_LOWER_A, r, t, 0, 0, &out);
}

/* capaian_compute of a range target [lo, hi] under `polarity range X`. */
static CapaianStatus range(Polarity above, double r, double lo, double hi)
{
    out = -12345;
    return capaian_compute(POL_RANGE, above, r, lo, 1, hi, &out);
}

/* Rules with only what capaian_finish and capaian_rule_text read set. */
static Rules rules(Polarity pol, int has_cap, double cap, RoundMode mode, int digits)
{
    Rules r;
    memset(&r, 0, sizeof r);
    r.polarity = pol;
    r.range_above = POL_LOWER_A;
    r.has_cap = has_cap;
    r.cap = cap;
    r.round = (Rounding){ mode, digits };
    return r;
}

/* capaian_finish of x under no cap and the given rounding. */
static double rounded(double x, RoundMode mode, int digits)
{
    Rules r = rules(POL_HIGHER, 0, 0, mode, digits);
    int capped = -1;
    double v = capaian_finish(x, &r, &capped);
    CHECK_INT(capped, 0);
    return v;
}

#define SHOWN(x) rounded((x), ROUND_HALF_UP, 2)   /* as a report shows it */

/* ---- compute ------------------------------------------------------------------ */

/* SAKIP.md: with T = 10, R = 8 gives 80 / 120 / 125 / 20. */
static void test_polarities_r8(void)
{
    CHECK_INT(compute(POL_HIGHER, 8, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 80.0);
    CHECK(fabs(out - 80) < 1e-12);
    CHECK_INT(compute(POL_LOWER_A, 8, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 120.0);                  /* (20 - 8) / 10 x 100 */
    CHECK(fabs(out - 120) < 1e-12);
    CHECK_INT(compute(POL_LOWER_B, 8, 10), CAP_OK);
    CHECK_EQ_DBL(out, 125.0);                         /* 10 / 8 = 1.25: exact */
    CHECK_INT(compute(POL_LOWER_C, 8, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 20.0);                   /* (10 - 8) / 10 x 100 */
    CHECK(fabs(out - 20) < 1e-12);
}

/* R = 12 gives 120 / 80 / 83.33 / -20. */
static void test_polarities_r12(void)
{
    CHECK_INT(compute(POL_HIGHER, 12, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 120.0);
    CHECK_INT(compute(POL_LOWER_A, 12, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 80.0);
    CHECK_INT(compute(POL_LOWER_B, 12, 10), CAP_OK);
    CHECK(fabs(out - 250.0 / 3) < 1e-12);             /* 83.333... */
    CHECK_EQ_DBL(SHOWN(out), 83.33);
    CHECK_INT(compute(POL_LOWER_C, 12, 10), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), -20.0);
    CHECK(fabs(out + 20) < 1e-12);
    /* the seed report's IKM: 84.98 against 84.84 is 100.17, not 101 */
    CHECK_INT(compute(POL_HIGHER, 84.98, 84.84), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 100.17);
    CHECK(fabs(out - 100.16501650165) < 1e-9);
}

/* R = 0 gives 0 / 200 / undefined / 100. */
static void test_zero_realisation(void)
{
    CHECK_INT(compute(POL_HIGHER, 0, 10), CAP_OK);
    CHECK_EQ_DBL(out, 0.0);
    CHECK_INT(compute(POL_LOWER_A, 0, 10), CAP_OK);
    CHECK_EQ_DBL(out, 200.0);
    CHECK_INT(compute(POL_LOWER_B, 0, 10), CAP_ZERO_REALISATION);
    CHECK_EQ_DBL(out, -12345.0);                      /* untouched */
    CHECK_INT(compute(POL_LOWER_C, 0, 10), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);
    /* B with both zero: the realisation is what it divides by */
    CHECK_INT(compute(POL_LOWER_B, 0, 0), CAP_ZERO_REALISATION);
}

/* T = 0: undefined wherever the formula divides by T. */
static void test_zero_target(void)
{
    CHECK_INT(compute(POL_HIGHER, 5, 0), CAP_ZERO_TARGET);
    CHECK_EQ_DBL(out, -12345.0);
    CHECK_INT(compute(POL_LOWER_A, 5, 0), CAP_ZERO_TARGET);
    CHECK_INT(compute(POL_LOWER_C, 5, 0), CAP_ZERO_TARGET);
    CHECK_INT(compute(POL_HIGHER, 0, 0), CAP_ZERO_TARGET);
    CHECK_EQ_DBL(out, -12345.0);
    /* B divides by R: T = 0 is a capaian of 0 */
    CHECK_INT(compute(POL_LOWER_B, 5, 0), CAP_OK);
    CHECK_EQ_DBL(out, 0.0);
}

static void test_negative_values(void)
{
    CHECK_INT(compute(POL_HIGHER, -5, 10), CAP_OK);
    CHECK_EQ_DBL(out, -50.0);                         /* -0.5 x 100 */
    CHECK_INT(compute(POL_HIGHER, 5, -10), CAP_OK);
    CHECK_EQ_DBL(out, -50.0);
    CHECK_INT(compute(POL_HIGHER, -5, -10), CAP_OK);
    CHECK_EQ_DBL(out, 50.0);
    CHECK_INT(compute(POL_LOWER_A, -5, 10), CAP_OK);
    CHECK_EQ_DBL(out, 250.0);                         /* (20 + 5) / 10 = 2.5 */
    CHECK_INT(compute(POL_LOWER_B, -5, 10), CAP_OK);
    CHECK_EQ_DBL(out, -200.0);                        /* 10 / -5 = -2 */
    CHECK_INT(compute(POL_LOWER_C, 25, 10), CAP_OK);
    CHECK_EQ_DBL(out, -150.0);                        /* (10 - 25) / 10 = -1.5 */
    CHECK_INT(compute(POL_LOWER_A, 30, 10), CAP_OK);
    CHECK_EQ_DBL(out, -100.0);                        /* (20 - 30) / 10 = -1 */
}

/* A range target 2 .. 4 (the inflation example of docs/language.md). */
static void test_range(void)
{
    CHECK_INT(range(POL_LOWER_A, 3, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);                         /* inside */
    CHECK_INT(range(POL_LOWER_A, 2, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);                         /* both bounds included */
    CHECK_INT(range(POL_LOWER_B, 4, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);
    /* below: R / lo x 100 whatever the formula above */
    CHECK_INT(range(POL_LOWER_A, 1, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 50.0);
    CHECK_INT(range(POL_LOWER_B, 1, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 50.0);
    CHECK_INT(range(POL_LOWER_C, 1.5, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 75.0);
    /* above: the lower formula with T = hi = 4, R = 5 */
    CHECK_INT(range(POL_LOWER_A, 5, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, 75.0);                          /* (8 - 5) / 4 */
    CHECK_INT(range(POL_LOWER_B, 5, 2, 4), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 80.0);                   /* 4 / 5 */
    CHECK(fabs(out - 80) < 1e-12);
    CHECK_INT(range(POL_LOWER_C, 5, 2, 4), CAP_OK);
    CHECK_EQ_DBL(out, -25.0);                         /* (4 - 5) / 4 */
    /* the range of docs/language.md, 90 .. 110 */
    CHECK_INT(range(POL_LOWER_A, 121, 90, 110), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 90.0);                   /* (220 - 121) / 110 */
    CHECK_INT(range(POL_LOWER_B, 121, 90, 110), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 90.91);                  /* 110 / 121 = 0.90909... */
    CHECK_INT(range(POL_LOWER_A, 45, 90, 110), CAP_OK);
    CHECK_EQ_DBL(out, 50.0);
}

static void test_range_edges(void)
{
    /* `polarity range` without an upper bound: the range is the single value T */
    out = -12345;
    CHECK_INT(capaian_compute(POL_RANGE, POL_LOWER_A, 10, 10, 0, 0, &out), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);
    CHECK_INT(capaian_compute(POL_RANGE, POL_LOWER_C, 12, 10, 0, 0, &out), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), -20.0);                  /* above: C against T */
    CHECK_INT(capaian_compute(POL_RANGE, POL_LOWER_A, 8, 10, 0, 0, &out), CAP_OK);
    CHECK_EQ_DBL(SHOWN(out), 80.0);                   /* below: R / T */
    /* a stored target with an upper bound is a range whatever the polarity */
    CHECK_INT(capaian_compute(POL_HIGHER, POL_LOWER_A, 3, 2, 1, 4, &out), CAP_OK);
    CHECK_EQ_DBL(out, 100.0);
    CHECK_INT(capaian_compute(POL_LOWER_B, POL_LOWER_A, 5, 2, 1, 4, &out), CAP_OK);
    CHECK_EQ_DBL(out, 75.0);                          /* above: A, the range's formula */
    /* a bound of 0 that the formula divides by */
    CHECK_INT(range(POL_LOWER_A, -1, 0, 10), CAP_ZERO_TARGET);     /* below lo = 0 */
    CHECK_EQ_DBL(out, -12345.0);
    CHECK_INT(range(POL_LOWER_A, 1, -5, 0), CAP_ZERO_TARGET);      /* above hi = 0 */
    CHECK_INT(range(POL_LOWER_C, 1, -5, 0), CAP_ZERO_TARGET);
    CHECK_INT(range(POL_LOWER_B, 0, -10, -5), CAP_ZERO_REALISATION);   /* above, R = 0 */
    CHECK_INT(range(POL_LOWER_B, 1, -5, 0), CAP_OK);               /* B: 0 / 1 */
    CHECK_EQ_DBL(out, 0.0);
    CHECK_INT(range(POL_LOWER_A, 0, 0, 10), CAP_OK);               /* R = lo = 0: inside */
    CHECK_EQ_DBL(out, 100.0);
}

/* ---- cap, then round ------------------------------------------------------------ */

static void test_cap(void)
{
    Rules r = rules(POL_HIGHER, 1, 120, ROUND_HALF_UP, 2);
    int capped = -1;
    CHECK_EQ_DBL(capaian_finish(125, &r, &capped), 120.0);
    CHECK_INT(capped, 1);
    CHECK_EQ_DBL(capaian_finish(119.5, &r, &capped), 119.5);   /* below the cap */
    CHECK_INT(capped, 0);
    CHECK_EQ_DBL(capaian_finish(120, &r, &capped), 120.0);     /* at the cap: not capped */
    CHECK_INT(capped, 0);
    CHECK_EQ_DBL(capaian_finish(-20.005, &r, &capped), -20.01); /* only from above */
    CHECK_INT(capped, 0);
    CHECK_EQ_DBL(capaian_finish(125, &r, NULL), 120.0);        /* the flag is optional */
    /* no cap: nothing is capped */
    Rules none = rules(POL_HIGHER, 0, 120, ROUND_HALF_UP, 2);
    CHECK_EQ_DBL(capaian_finish(250, &none, &capped), 250.0);
    CHECK_INT(capped, 0);
    /* cap before rounding: 120.006 is capped to 120, not rounded to 120.01 first */
    CHECK_EQ_DBL(capaian_finish(120.006, &r, &capped), 120.0);
    CHECK_INT(capped, 1);
    CHECK_EQ_DBL(capaian_finish(120.006, &none, &capped), 120.01);
    /* ... so a figure just below the cap may round up to it, uncapped */
    CHECK_EQ_DBL(capaian_finish(119.996, &r, &capped), 120.0);
    CHECK_INT(capped, 0);
    /* ... and a cap with more decimals than the rounding is rounded too:
     * capped to 110.555, shown as 110.56 (the stated order, compute -> cap -> round) */
    Rules fine = rules(POL_HIGHER, 1, 110.555, ROUND_HALF_UP, 2);
    CHECK_EQ_DBL(capaian_finish(200, &fine, &capped), 110.56);
    CHECK_INT(capped, 1);
    Rules raw = rules(POL_HIGHER, 1, 120.5, ROUND_NONE, 2);
    CHECK_EQ_DBL(capaian_finish(130.123, &raw, &capped), 120.5);
    CHECK_INT(capped, 1);
    CHECK_EQ_DBL(capaian_finish(100.16501650165, &raw, &capped), 100.16501650165);
    CHECK_INT(capped, 0);
}

/* Caps by year are resolved by plan_rules_in_year; capaian_finish reads only
 * has_cap and cap. */
static void test_cap_by_year(void)
{
    Rules r = rules(POL_HIGHER, 1, 150, ROUND_HALF_UP, 2);
    YearCap y = { { "Perbup 5/2023", 2023, 0, { 0 } }, 1, 110 };
    r.year_caps[0] = y;
    r.nyear_caps = 1;
    int capped = -1;
    CHECK_EQ_DBL(capaian_finish(125, &r, &capped), 125.0);     /* the plain cap, 150 */
    CHECK_INT(capped, 0);
    Rules in2023 = plan_rules_in_year(&r, 2023);
    CHECK_EQ_DBL(capaian_finish(125, &in2023, &capped), 110.0);
    CHECK_INT(capped, 1);
    CHECK_STR(in2023.cap_rule_set, "Perbup 5/2023");
    Rules in2022 = plan_rules_in_year(&r, 2022);
    CHECK_EQ_DBL(capaian_finish(155, &in2022, &capped), 150.0);
    CHECK_INT(capped, 1);
    CHECK(in2022.cap_rule_set == NULL);
}

static void test_round_zero_digits(void)
{
    CHECK_EQ_DBL(rounded(2.5, ROUND_HALF_UP, 0), 3.0);
    CHECK_EQ_DBL(rounded(2.5, ROUND_HALF_EVEN, 0), 2.0);
    CHECK_EQ_DBL(rounded(3.5, ROUND_HALF_EVEN, 0), 4.0);
    CHECK_EQ_DBL(rounded(2.5, ROUND_DOWN, 0), 2.0);
    CHECK_EQ_DBL(rounded(2.5, ROUND_UP, 0), 3.0);
    CHECK_EQ_DBL(rounded(2.5, ROUND_NONE, 0), 2.5);
    CHECK_EQ_DBL(rounded(99.4, ROUND_HALF_UP, 0), 99.0);
    CHECK_EQ_DBL(rounded(99.01, ROUND_UP, 0), 100.0);
    CHECK_EQ_DBL(rounded(-2.5, ROUND_HALF_UP, 0), -3.0);     /* halves away from zero */
    CHECK_EQ_DBL(rounded(-2.5, ROUND_HALF_EVEN, 0), -2.0);
    CHECK_EQ_DBL(rounded(-2.7, ROUND_DOWN, 0), -2.0);        /* toward zero */
    CHECK_EQ_DBL(rounded(-2.2, ROUND_UP, 0), -3.0);          /* away from zero */
}

static void test_round_one_digit(void)
{
    CHECK_EQ_DBL(rounded(0.25, ROUND_HALF_UP, 1), 0.3);
    CHECK_EQ_DBL(rounded(0.25, ROUND_HALF_EVEN, 1), 0.2);
    CHECK_EQ_DBL(rounded(0.35, ROUND_HALF_EVEN, 1), 0.4);    /* 0.35 is 0.34999... in binary */
    CHECK_EQ_DBL(rounded(0.25, ROUND_DOWN, 1), 0.2);
    CHECK_EQ_DBL(rounded(0.29, ROUND_DOWN, 1), 0.2);
    CHECK_EQ_DBL(rounded(0.21, ROUND_UP, 1), 0.3);
    CHECK_EQ_DBL(rounded(0.25, ROUND_UP, 1), 0.3);
    CHECK_EQ_DBL(rounded(99.95, ROUND_HALF_UP, 1), 100.0);
    CHECK_EQ_DBL(rounded(-0.25, ROUND_HALF_UP, 1), -0.3);
    CHECK_EQ_DBL(rounded(-0.25, ROUND_HALF_EVEN, 1), -0.2);
}

static void test_round_two_digits(void)
{
    /* docs/language.md: 100.125 to 2 decimals */
    CHECK_EQ_DBL(rounded(100.125, ROUND_HALF_UP, 2), 100.13);
    CHECK_EQ_DBL(rounded(100.125, ROUND_HALF_EVEN, 2), 100.12);
    CHECK_EQ_DBL(rounded(100.125, ROUND_DOWN, 2), 100.12);
    CHECK_EQ_DBL(rounded(100.125, ROUND_UP, 2), 100.13);
    CHECK_EQ_DBL(rounded(100.125, ROUND_NONE, 2), 100.125);
    /* 88.305 is 88.30499999... in binary, 88.305 as a decimal */
    CHECK_EQ_DBL(rounded(88.305, ROUND_HALF_UP, 2), 88.31);
    CHECK_EQ_DBL(rounded(88.305, ROUND_HALF_EVEN, 2), 88.30);   /* 0 is even */
    CHECK_EQ_DBL(rounded(88.315, ROUND_HALF_EVEN, 2), 88.32);   /* 1 is odd */
    CHECK_EQ_DBL(rounded(88.305, ROUND_DOWN, 2), 88.30);
    CHECK_EQ_DBL(rounded(88.305, ROUND_UP, 2), 88.31);
    CHECK_EQ_DBL(rounded(88.31, ROUND_UP, 2), 88.31);           /* exact: no step up */
    CHECK_EQ_DBL(rounded(-100.125, ROUND_HALF_UP, 2), -100.13);
    CHECK_EQ_DBL(rounded(-100.125, ROUND_HALF_EVEN, 2), -100.12);
    CHECK_EQ_DBL(rounded(-100.125, ROUND_DOWN, 2), -100.12);
    CHECK_EQ_DBL(rounded(-100.125, ROUND_UP, 2), -100.13);
    CHECK_EQ_DBL(rounded(-88.305, ROUND_HALF_UP, 2), -88.31);
}

static void test_round_nine_digits(void)
{
    CHECK_EQ_DBL(rounded(1.0000000005, ROUND_HALF_UP, 9), 1.000000001);
    CHECK_EQ_DBL(rounded(1.0000000005, ROUND_HALF_EVEN, 9), 1.0);
    CHECK_EQ_DBL(rounded(1.0000000015, ROUND_HALF_EVEN, 9), 1.000000002);
    CHECK_EQ_DBL(rounded(1.0000000005, ROUND_DOWN, 9), 1.0);
    CHECK_EQ_DBL(rounded(1.0000000001, ROUND_UP, 9), 1.000000001);
    CHECK_EQ_DBL(rounded(0.1234567891, ROUND_NONE, 9), 0.1234567891);
    CHECK_EQ_DBL(rounded(100.1650165016501, ROUND_HALF_UP, 9), 100.165016502);
    CHECK_EQ_DBL(rounded(-1.0000000005, ROUND_HALF_UP, 9), -1.000000001);
    CHECK_EQ_DBL(rounded(-1.0000000005, ROUND_DOWN, 9), -1.0);
}

/* ---- the rule in words -------------------------------------------------------------- */

/* capaian_rule_text of r (and custom) into a static buffer. */
static const char *rule_text(const Rules *r, const Expr *custom)
{
    static char buf[256];
    capaian_rule_text(r, custom, buf, sizeof buf);
    return buf;
}

static void test_rule_text(void)
{
    Rules r = rules(POL_HIGHER, 0, 0, ROUND_HALF_UP, 2);
    CHECK_STR(rule_text(&r, NULL), "R/T x 100; no cap; half-up to 2 decimals");
    r = rules(POL_LOWER_A, 1, 120, ROUND_HALF_UP, 2);
    CHECK_STR(rule_text(&r, NULL), "(2T-R)/T x 100; cap 120; half-up to 2 decimals");
    r = rules(POL_LOWER_B, 1, 110.5, ROUND_HALF_EVEN, 1);
    CHECK_STR(rule_text(&r, NULL), "T/R x 100; cap 110.5; half-even to 1 decimal");
    r = rules(POL_LOWER_C, 0, 0, ROUND_DOWN, 0);
    CHECK_STR(rule_text(&r, NULL), "(T-R)/T x 100; no cap; down to 0 decimals");
    r = rules(POL_RANGE, 0, 0, ROUND_UP, 9);
    CHECK_STR(rule_text(&r, NULL), "range L..H: 100 inside, R/L x 100 below, (2H-R)/H x 100 above; "
                                   "no cap; up to 9 decimals");
    r.range_above = POL_LOWER_B;
    CHECK_STR(rule_text(&r, NULL), "range L..H: 100 inside, R/L x 100 below, H/R x 100 above; "
                                   "no cap; up to 9 decimals");
    r.range_above = POL_LOWER_C;
    r.round = (Rounding){ ROUND_NONE, 2 };
    CHECK_STR(rule_text(&r, NULL), "range L..H: 100 inside, R/L x 100 below, (H-R)/H x 100 above; "
                                   "no cap; not rounded");
    /* a plan formula replaces the polarity's, a range's too */
    Expr formula;
    memset(&formula, 0, sizeof formula);
    r = rules(POL_RANGE, 1, 100, ROUND_HALF_UP, 2);
    CHECK_STR(rule_text(&r, &formula), "plan formula; cap 100; half-up to 2 decimals");
    /* the rule set a cap came from */
    r = rules(POL_HIGHER, 1, 110, ROUND_HALF_UP, 2);
    r.cap_rule_set = "Perbup 5/2023";
    CHECK_STR(rule_text(&r, NULL), "R/T x 100; cap 110 (Perbup 5/2023); half-up to 2 decimals");
    r.has_cap = 0;
    r.cap_rule_set = "Perbup 1/2024";                 /* a rule set's `cap none` */
    CHECK_STR(rule_text(&r, NULL), "R/T x 100; no cap (Perbup 1/2024); half-up to 2 decimals");
    /* a short buffer: cut, NUL-terminated */
    char small[10];
    r = rules(POL_HIGHER, 0, 0, ROUND_HALF_UP, 2);
    capaian_rule_text(&r, NULL, small, sizeof small);
    CHECK_STR(small, "R/T x 100");
}

int main(void)
{
    test_polarities_r8();
    test_polarities_r12();
    test_zero_realisation();
    test_zero_target();
    test_negative_values();
    test_range();
    test_range_edges();
    test_cap();
    test_cap_by_year();
    test_round_zero_digits();
    test_round_one_digit();
    test_round_two_digits();
    test_round_nine_digits();
    test_rule_text();
    return CHECK_DONE();
}
