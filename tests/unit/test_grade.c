/* test_grade.c: grade_find, scheme_check, scheme_band_text and grade_miss_text
 * (src/engine/grade.h, src/check/scheme.h) on schemes built by hand. */
#include "check.h"
#include "engine/grade.h"
#include "base/num.h"
#include "check/scheme.h"

#include <stdlib.h>

/* A band as written: band("A", ">", 80, "<=", 90) is `> 80 <= 90`;
 * NULL for a missing bound. */
static Band band(const char *code, const char *lo_op, double lo, const char *hi_op, double hi)
{
    Band b;
    memset(&b, 0, sizeof b);
    b.code = b.label = code;
    if (lo_op) { b.has_lo = 1; b.lo_incl = strcmp(lo_op, ">=") == 0; b.lo = lo; }
    if (hi_op) { b.has_hi = 1; b.hi_incl = strcmp(hi_op, "<=") == 0; b.hi = hi; }
    return b;
}

static Scheme scheme(const char *name, Band *bands, int nbands, int precision)
{
    Scheme s;
    memset(&s, 0, sizeof s);
    s.name = s.title = name;
    s.bands = bands;
    s.nbands = nbands;
    s.precision = precision;
    return s;
}
#define SCHEME(name, bands, precision) scheme((name), (bands), (int)(sizeof (bands) / sizeof (bands)[0]), (precision))

/* The line of text that contains needle (without its newline), or "". */
static const char *line_with(const char *text, const char *needle)
{
    static char line[1024];
    const char *p = strstr(text, needle);
    line[0] = '\0';
    if (!p) return line;
    const char *b = p, *e = p;
    while (b > text && b[-1] != '\n') b--;
    while (*e && *e != '\n') e++;
    size_t n = (size_t)(e - b) < sizeof line - 1 ? (size_t)(e - b) : sizeof line - 1;
    memcpy(line, b, n);
    line[n] = '\0';
    return line;
}

/* Runs scheme_check with its Diag writing to a tmpfile; returns the number
 * of problems, the text in out and the Diag's error count in *errors. */
static int run_check(const Scheme *s, char *out, size_t n, int *errors)
{
    FILE *f = tmpfile();
    if (!f) { perror("tmpfile"); exit(2); }
    Diag d;
    diag_init(&d, f);
    int problems = scheme_check(s, &d);
    *errors = d.errors;
    rewind(f);
    size_t k = fread(out, 1, n - 1, f);
    out[k] = '\0';
    fclose(f);
    return problems;
}

/* AKIP (PermenPAN-RB 88/2021): AA > 90, A > 80..<= 90, ..., D <= 30. */
#define AKIP_BANDS { \
    band("AA", ">", 90, NULL, 0), \
    band("A", ">", 80, "<=", 90), \
    band("BB", ">", 70, "<=", 80), \
    band("B", ">", 60, "<=", 70), \
    band("CC", ">", 50, "<=", 60), \
    band("C", ">", 30, "<=", 50), \
    band("D", NULL, 0, "<=", 30) }
enum { AA, A, BB, B, CC, C, D };

/* IKM (PermenPAN-RB 14/2017, converted scale): written with >= bounds at
 * two decimals, leaving 88.30 .. 88.31 and the like between bands. */
#define IKM_BANDS { \
    band("A", ">=", 88.31, "<=", 100), \
    band("B", ">=", 76.61, "<=", 88.30), \
    band("C", ">=", 65.00, "<=", 76.60), \
    band("D", ">=", 25.00, "<=", 64.99) }
enum { IKM_A, IKM_B, IKM_C, IKM_D };

static void test_find_akip(void)
{
    Band bands[] = AKIP_BANDS;
    Scheme s = SCHEME("AKIP", bands, 2);
    CHECK_INT(grade_find(&s, 90), A);            /* > 90 is AA: 90 itself is A */
    CHECK_INT(grade_find(&s, 90.01), AA);
    CHECK_INT(grade_find(&s, 89.99), A);
    CHECK_INT(grade_find(&s, 100), AA);
    CHECK_INT(grade_find(&s, 1000), AA);         /* AA has no upper bound */
    CHECK_INT(grade_find(&s, 88.31), A);
    CHECK_INT(grade_find(&s, 80.01), A);
    CHECK_INT(grade_find(&s, 80), BB);
    CHECK_INT(grade_find(&s, 70.5), BB);
    CHECK_INT(grade_find(&s, 70), B);
    CHECK_INT(grade_find(&s, 60), CC);
    CHECK_INT(grade_find(&s, 50.01), CC);
    CHECK_INT(grade_find(&s, 50), C);
    CHECK_INT(grade_find(&s, 30.01), C);
    CHECK_INT(grade_find(&s, 30), D);
    CHECK_INT(grade_find(&s, 0), D);
    CHECK_INT(grade_find(&s, -5), D);
    CHECK_INT(grade_find(&s, NAN), -1);
    /* the capaian that motivated num_round: 90.004 is A at 2 decimals */
    CHECK_INT(grade_find(&s, num_round(90.004, (Rounding){ ROUND_HALF_UP, 2 })), A);
    CHECK_INT(grade_find(&s, num_round(90.005, (Rounding){ ROUND_HALF_UP, 2 })), AA);
}

/* Unrounded capaian that are exactly on a boundary in decimals but a bit
 * short of it in binary: graded as the decimal they are, as printed. */
static void test_find_decimal_ties(void)
{
    Band bands[] = AKIP_BANDS;
    Scheme s = SCHEME("AKIP", bands, 2);
    volatile double t = 53.5, r = 40.66, t2 = 62.5, r2 = 37.5;
    double c = r / t * 100;                     /* 75.99999999999998 in binary, 76 in decimals */
    CHECK(c < 76);
    Band five[] = { band("ST", ">=", 91, NULL, 0), band("T", ">=", 76, "<", 91), band("S", NULL, 0, "<", 76) };
    Scheme c5 = SCHEME("CAPAIAN", five, 2);
    CHECK_INT(grade_find(&c5, c), 1);           /* Tinggi, >= 76 */
    double h = (2 * t2 - r2) / t2 * 100;        /* (125 - 37.5) / 62.5 x 100 = 140, exactly */
    CHECK_INT(grade_find(&c5, h), 0);
    CHECK_INT(grade_find(&s, 90 + 1e-13), AA);  /* a real difference at 15 digits still counts */
    CHECK_INT(grade_find(&s, 90 + 1e-15), A);   /* noise beyond them does not */
    char miss[256];
    Band gap[] = { band("HI", ">=", 76, NULL, 0), band("LO", NULL, 0, "<", 70) };
    Scheme g = SCHEME("GAP", gap, 2);
    CHECK_INT(grade_find(&g, c), 0);
    grade_miss_text(&g, 70 + 1e-15, miss, sizeof miss);   /* 70 is in no band: said as 70 */
    CHECK_STR(miss, "70 lies between LO (< 70) and HI (>= 76) of scheme GAP");
}

static void test_find_ikm(void)
{
    Band bands[] = IKM_BANDS;
    Scheme s = SCHEME("IKM", bands, 2);
    CHECK_INT(grade_find(&s, 88.31), IKM_A);
    CHECK_INT(grade_find(&s, 100), IKM_A);
    CHECK_INT(grade_find(&s, 88.30), IKM_B);
    CHECK_INT(grade_find(&s, 88.3), IKM_B);
    CHECK_INT(grade_find(&s, 88.305), -1);       /* between B and A as written */
    CHECK_INT(grade_find(&s, 88.3099), -1);
    /* 88.305 rounded half-up to 2 decimals is 88.31, which is A */
    CHECK_INT(grade_find(&s, num_round(88.305, (Rounding){ ROUND_HALF_UP, 2 })), IKM_A);
    CHECK_INT(grade_find(&s, num_round(88.305, (Rounding){ ROUND_DOWN, 2 })), IKM_B);
    CHECK_INT(grade_find(&s, 76.61), IKM_B);
    CHECK_INT(grade_find(&s, 76.60), IKM_C);
    CHECK_INT(grade_find(&s, 76.605), -1);
    CHECK_INT(grade_find(&s, 65), IKM_C);
    CHECK_INT(grade_find(&s, 64.99), IKM_D);
    CHECK_INT(grade_find(&s, 64.995), -1);
    CHECK_INT(grade_find(&s, 25), IKM_D);
    CHECK_INT(grade_find(&s, 24.99), -1);        /* below every band */
    CHECK_INT(grade_find(&s, 100.01), -1);       /* above every band */
}

/* Bands are tested in written order with their own inclusivity. */
static void test_find_written_order(void)
{
    Band bands[] = { band("LOW", NULL, 0, "<=", 50), band("HIGH", ">=", 50, NULL, 0) };
    Scheme s = SCHEME("OV", bands, -1);
    CHECK_INT(grade_find(&s, 50), 0);            /* both contain 50: the first written */
    CHECK_INT(grade_find(&s, 50.5), 1);
    Band any[] = { band("ANY", NULL, 0, NULL, 0) };
    Scheme t = SCHEME("ANY", any, -1);
    CHECK_INT(grade_find(&t, -1e300), 0);
    CHECK_INT(grade_find(&t, 1e300), 0);
    Scheme empty = scheme("EMPTY", NULL, 0, -1);
    CHECK_INT(grade_find(&empty, 50), -1);
}

static void test_band_text(void)
{
    char buf[64];
    Band b = band("AA", ">", 90, NULL, 0);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, "> 90");
    b = band("A", ">", 80, "<=", 90);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, "> 80 <= 90");
    b = band("A", ">=", 88.31, "<=", 100);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, ">= 88.31 <= 100");
    b = band("B", ">=", 76.61, "<=", 88.30);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, ">= 76.61 <= 88.3");
    b = band("X", NULL, 0, "<", 51);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, "< 51");
    b = band("D", NULL, 0, "<=", 30);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, "<= 30");
    b = band("Z", NULL, 0, NULL, 0);
    scheme_band_text(&b, buf, sizeof buf);
    CHECK_STR(buf, "any value");
}

static void test_check_clean(void)
{
    char out[4096];
    int errors = -1;
    Band akip[] = AKIP_BANDS;
    Scheme s = SCHEME("AKIP", akip, 2);
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 0);
    CHECK_INT(errors, 0);
    CHECK_STR(out, "");
    s.precision = -1;                            /* no gap at any precision */
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 0);
    CHECK_STR(out, "");

    /* written lowest first: the same scheme, the same answer */
    Band rev[] = AKIP_BANDS;
    for (int i = 0, j = 6; i < j; i++, j--) { Band t = rev[i]; rev[i] = rev[j]; rev[j] = t; }
    Scheme r = SCHEME("AKIP", rev, 2);
    CHECK_INT(run_check(&r, out, sizeof out, &errors), 0);
    CHECK_STR(out, "");

    /* IKM at its stated 2 decimals: 88.30 .. 88.31 holds no 2-decimal value */
    Band ikm[] = IKM_BANDS;
    Scheme k = SCHEME("IKM", ikm, 2);
    CHECK_INT(run_check(&k, out, sizeof out, &errors), 0);
    CHECK_INT(errors, 0);
    CHECK_STR(out, "");

    /* a shared bound in exactly one band is no problem, either way round */
    Band half[] = { band("L", NULL, 0, "<", 50), band("H", ">=", 50, NULL, 0) };
    Scheme h = SCHEME("HALF", half, -1);
    CHECK_INT(run_check(&h, out, sizeof out, &errors), 0);
    CHECK_STR(out, "");
}

static void test_check_ikm_unstated_precision(void)
{
    char out[4096];
    int errors = -1;
    Band ikm[] = IKM_BANDS;
    Scheme k = SCHEME("IKM", ikm, -1);
    /* without a precision each of the three seams is a gap */
    CHECK_INT(run_check(&k, out, sizeof out, &errors), 3);
    CHECK_INT(errors, 3);
    CHECK_CONTAINS(out, "gap in scheme 'IKM' between 'B' (>= 76.61 <= 88.3) and 'A' (>= 88.31 <= 100): "
                        "values > 88.3 and < 88.31 get no grade");
    CHECK_CONTAINS(out, "between 'C' (>= 65 <= 76.6) and 'B' (>= 76.61 <= 88.3): values > 76.6 and < 76.61");
    CHECK_CONTAINS(out, "between 'D' (>= 25 <= 64.99) and 'C' (>= 65 <= 76.6): values > 64.99 and < 65");
    /* at 3 decimals 88.305 exists, so they are gaps again */
    k.precision = 3;
    CHECK_INT(run_check(&k, out, sizeof out, &errors), 3);
    CHECK_CONTAINS(out, "values > 88.3 and < 88.31 get no grade");
}

static void test_check_gap(void)
{
    char out[4096];
    int errors = -1;
    Band g[] = { band("A", ">", 75, NULL, 0), band("B", ">", 60, "<=", 70) };
    Scheme s = SCHEME("G", g, -1);
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 1);
    CHECK_INT(errors, 1);
    CHECK_PREFIX(out, "sakipc: error: ");
    CHECK_CONTAINS(out, "gap in scheme 'G' between 'B' (> 60 <= 70) and 'A' (> 75): values > 70 and <= 75 get no grade");
    CHECK_INT(grade_find(&s, 72), -1);
    CHECK_INT(grade_find(&s, 75), -1);
    CHECK_INT(grade_find(&s, 70), 1);
    CHECK_INT(grade_find(&s, 75.01), 0);

    /* a stated precision only forgives gaps with no value at it */
    Band p[] = { band("A", ">=", 88.31, NULL, 0), band("B", NULL, 0, "<=", 88.29) };
    Scheme t = SCHEME("P", p, 2);                /* 88.30 falls between */
    CHECK_INT(run_check(&t, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "gap in scheme 'P' between 'B' (<= 88.29) and 'A' (>= 88.31): values > 88.29 and < 88.31 get no grade");
    t.precision = 1;                             /* 88.3 falls between */
    CHECK_INT(run_check(&t, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "values > 88.29 and < 88.31 get no grade");
    t.precision = 0;                             /* no whole number between */
    CHECK_INT(run_check(&t, out, sizeof out, &errors), 0);
    CHECK_STR(out, "");

    /* both bands exclude the shared bound: 90 itself gets no grade */
    Band e[] = { band("A", ">", 90, NULL, 0), band("B", ">", 80, "<", 90) };
    Scheme x = SCHEME("E", e, 2);
    CHECK_INT(run_check(&x, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "gap in scheme 'E' between 'B' (> 80 < 90) and 'A' (> 90)");
    CHECK_INT(grade_find(&x, 90), -1);
}

static void test_check_overlap(void)
{
    char out[4096];
    int errors = -1;
    Band o[] = { band("A", ">=", 80, NULL, 0), band("B", ">", 60, "<=", 85) };
    Scheme s = SCHEME("O", o, 2);
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 1);
    CHECK_INT(errors, 1);
    CHECK_PREFIX(out, "sakipc: error: ");
    CHECK_CONTAINS(out, "bands 'B' (> 60 <= 85) and 'A' (>= 80) of scheme 'O' overlap: values >= 80 and <= 85 are in both");
    CHECK_INT(grade_find(&s, 82), 0);            /* the first written of the two */

    /* one shared value, inclusive on both sides: the AKIP mistake */
    Band one[] = { band("AA", ">=", 90, NULL, 0), band("A", ">", 80, "<=", 90) };
    Scheme t = SCHEME("S", one, 2);
    CHECK_INT(run_check(&t, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "bands 'A' (> 80 <= 90) and 'AA' (>= 90) of scheme 'S' overlap: 90 is in both");

    /* two bands open downward */
    Band down[] = { band("D", NULL, 0, "<=", 30), band("E", NULL, 0, "<", 20) };
    Scheme w = SCHEME("W", down, -1);
    CHECK_INT(run_check(&w, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "of scheme 'W' overlap: both are open downward");
    CHECK_CONTAINS(out, "'D' (<= 30)");
    CHECK_CONTAINS(out, "'E' (< 20)");

    /* two bands open upward */
    Band up[] = { band("A", ">", 90, NULL, 0), band("B", ">", 80, NULL, 0) };
    Scheme u = SCHEME("U", up, -1);
    CHECK_INT(run_check(&u, out, sizeof out, &errors), 1);
    CHECK_CONTAINS(out, "bands 'B' (> 80) and 'A' (> 90) of scheme 'U' overlap: values > 90 are in both");
}

static void test_check_gap_and_overlap(void)
{
    char out[4096];
    int errors = -1;
    /* C < 60, then nothing until B >= 70, and B runs past A's start */
    Band m[] = { band("A", ">", 90, NULL, 0), band("B", ">=", 70, "<=", 92), band("C", NULL, 0, "<", 60) };
    Scheme s = SCHEME("M", m, 2);
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 2);
    CHECK_INT(errors, 2);
    CHECK_CONTAINS(out, "gap in scheme 'M' between 'C' (< 60) and 'B' (>= 70 <= 92): values >= 60 and < 70 get no grade");
    CHECK_CONTAINS(out, "bands 'B' (>= 70 <= 92) and 'A' (> 90) of scheme 'M' overlap: values > 90 and <= 92 are in both");
}

/* A band that contains others: every value 0..100 has a grade (A), so
 * there is no gap, and C overlaps A just as B does. */
static void test_check_nested(void)
{
    char out[4096];
    int errors = -1;
    Band n[] = { band("A", ">=", 0, "<=", 100), band("B", ">=", 10, "<=", 20), band("C", ">=", 30, "<=", 40) };
    Scheme s = SCHEME("NEST", n, 2);
    CHECK_INT(grade_find(&s, 25), 0);            /* 25 gets a grade */
    CHECK_INT(run_check(&s, out, sizeof out, &errors), 2);
    CHECK_CONTAINS(line_with(out, "'B' ("), "overlap");   /* A/B overlap */
    CHECK_CONTAINS(line_with(out, "'B' ("), "'A' (>= 0 <= 100)");
    CHECK_CONTAINS(line_with(out, "'C' ("), "overlap");   /* A/C overlap */
    CHECK_CONTAINS(line_with(out, "'C' ("), "'A' (>= 0 <= 100)");
    CHECK_NOT_CONTAINS(out, "get no grade");     /* 20 .. 30 is inside A */
}

static void test_miss_text(void)
{
    char buf[256];
    Band ikm[] = IKM_BANDS;
    Scheme k = SCHEME("IKM", ikm, 2);
    grade_miss_text(&k, 88.305, buf, sizeof buf);
    CHECK_CONTAINS(buf, "88.305 lies between B (>= 76.61 <= 88.3) and A (>= 88.31 <= 100)");
    CHECK_CONTAINS(buf, "IKM");
    grade_miss_text(&k, 24.99, buf, sizeof buf);
    CHECK_CONTAINS(buf, "24.99 is below every band");
    CHECK_CONTAINS(buf, "D >= 25 <= 64.99");
    grade_miss_text(&k, 100.5, buf, sizeof buf);
    CHECK_CONTAINS(buf, "100.5 is above every band");
    CHECK_CONTAINS(buf, "A >= 88.31 <= 100");
    Band g[] = { band("A", ">", 75, NULL, 0), band("B", ">", 60, "<=", 70) };
    Scheme s = SCHEME("G", g, -1);
    grade_miss_text(&s, 72, buf, sizeof buf);
    CHECK_CONTAINS(buf, "72 lies between B (> 60 <= 70) and A (> 75)");
}

int main(void)
{
    test_find_akip();
    test_find_decimal_ties();
    test_find_ikm();
    test_find_written_order();
    test_band_text();
    test_check_clean();
    test_check_ikm_unstated_precision();
    test_check_gap();
    test_check_overlap();
    test_check_gap_and_overlap();
    test_check_nested();
    test_miss_text();
    return CHECK_DONE();
}
