/* num.c: numbers as facts. See num.h for the contract.
 *
 * Rounding works on the decimal text of a number, not on its binary value:
 * 88.305 is stored as 88.30499999999999971578..., and a planner who writes
 * "half-up to 2 decimals" means 88.31. So we print the value with 15
 * significant digits (the precision a double carries faithfully), round that
 * digit string, and read the result back with strtod. */
#include "base/num.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of |x| as "DDDDDDDDDDDDDDD" with decimal exponent: |x| = 0.D1D2... * 10^exp10. */
typedef struct {
    char d[40];      /* digits, no dot, no sign; may grow by one on carry */
    int n;           /* number of digits */
    int exp10;       /* position of the decimal point after d[0..exp10) */
} Decimal;

static void decimal_from_double(double ax, Decimal *out)
{
    char buf[64];
    /* %.14e gives 15 significant digits: d.dddddddddddddde[+-]XX */
    snprintf(buf, sizeof buf, "%.14e", ax);
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (isdigit((unsigned char)*p)) out->d[n++] = *p;
    out->n = n;
    out->exp10 = (*p == 'e' ? atoi(p + 1) : 0) + 1;
}

/* Keeps `digits` decimals of dec, deciding the last by mode. neg: the sign
 * of the original value (half-even and up/down are defined on |x| here). */
static void decimal_round(Decimal *dec, int digits, RoundMode mode)
{
    int keep = dec->exp10 + digits;         /* digits that survive */
    if (keep >= dec->n) return;             /* already exact enough */
    int round_up = 0;
    if (keep < 0) {                         /* everything is dropped */
        round_up = (mode == ROUND_UP);      /* any non-zero digit: x > 0 */
        if (round_up) {
            int nz = 0;
            for (int i = 0; i < dec->n; i++) nz |= dec->d[i] != '0';
            round_up = nz;
        }
        dec->n = 0;
        if (round_up) { dec->d[0] = '1'; dec->n = 1; dec->exp10 = -digits + 1; }
        else { dec->d[0] = '0'; dec->n = 1; dec->exp10 = 1; }
        return;
    }
    char first = dec->d[keep];
    int rest_nonzero = 0;
    for (int i = keep + 1; i < dec->n; i++) rest_nonzero |= dec->d[i] != '0';
    switch (mode) {
    case ROUND_HALF_UP: round_up = first >= '5'; break;
    case ROUND_HALF_EVEN:
        if (first > '5' || (first == '5' && rest_nonzero)) round_up = 1;
        else if (first == '5') round_up = keep > 0 && ((dec->d[keep - 1] - '0') % 2 == 1);
        break;
    case ROUND_DOWN: round_up = 0; break;
    case ROUND_UP: round_up = first != '0' || rest_nonzero; break;
    case ROUND_NONE: return;
    }
    dec->n = keep;
    if (!round_up) {
        if (dec->n == 0) { dec->d[0] = '0'; dec->n = 1; dec->exp10 = 1; }
        return;
    }
    int i = keep - 1;
    while (i >= 0 && dec->d[i] == '9') dec->d[i--] = '0';
    if (i >= 0) dec->d[i]++;
    else {                                  /* 99.99 -> 100.0: shift right */
        memmove(dec->d + 1, dec->d, (size_t)dec->n);
        dec->d[0] = '1';
        dec->n++;
        dec->exp10++;
    }
}

static double decimal_to_double(const Decimal *dec, int neg)
{
    char buf[96];
    int k = snprintf(buf, sizeof buf, "%s0.", neg ? "-" : "");
    memcpy(buf + k, dec->d, (size_t)dec->n);
    k += dec->n;
    snprintf(buf + k, sizeof buf - (size_t)k, "e%d", dec->exp10);
    return strtod(buf, NULL);
}

double num_round(double x, Rounding r)
{
    if (r.mode == ROUND_NONE || !isfinite(x) || x == 0) return x;
    int neg = x < 0;
    Decimal dec;
    decimal_from_double(neg ? -x : x, &dec);
    decimal_round(&dec, r.digits, r.mode);
    double v = decimal_to_double(&dec, neg);
    return v == 0 ? 0.0 : v;                /* no "-0.00" in reports */
}

static const uint64_t p10[] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
    1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
};

/* ax (> 0) at 15 significant digits as an integer and a power of ten,
 * ax ~ q / 10^k with 10^14 <= q < 10^15, rounded as "%.14e" rounds
 * (half-even on the exact binary value), without printf: ax = m * 2^-shift
 * exactly, so ax * 10^k = m * 10^k / 2^shift, computed in 128 bits. Only
 * for 1e-3 <= ax < 2^19 (capaian, scores and most data), where the shift
 * stays in range and k in 0..17; 0 outside it. A profile of the national
 * benchmark spent half its time in printf before this. */
static int digits15(double ax, uint64_t *q_out, int *k_out)
{
    if (!(ax >= 1e-3 && ax < 524288.0)) return 0;
    int E = -3;                                   /* 10^E <= ax < 10^(E+1) */
    while (E < 5 && ax >= (E + 1 >= 0 ? (double)p10[E + 1] : 1.0 / (double)p10[-(E + 1)])) E++;
    int k = 14 - E;                               /* 15 digits: ax * 10^k in [10^14, 10^15) */
    int ex;
    double f = frexp(ax, &ex);                    /* ax = f * 2^ex, f in [0.5, 1) */
    uint64_t m = (uint64_t)ldexp(f, 53);          /* exact */
    int shift = 53 - ex;                          /* ax = m / 2^shift; shift in 34..63 */
    unsigned __int128 prod = (unsigned __int128)m * p10[k];
    unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
    unsigned __int128 rem = prod & ((half << 1) - 1);
    uint64_t q = (uint64_t)(prod >> shift);
    if (rem > half || (rem == half && (q & 1))) q++;
    if (q == p10[15]) { q = p10[14]; k--; }      /* 9.99...95 rounded up a digit */
    *q_out = q;
    *k_out = k;
    return 1;
}

double num_decimal(double x)
{
    if (!isfinite(x) || x == 0) return x;
    double ax = fabs(x), v;
    uint64_t q;
    int k;
    if (digits15(ax, &q, &k)) {
        v = (double)q / (double)p10[k];           /* both exact (q < 2^53, 10^k <= 10^17): one rounding */
    } else {
        Decimal dec;
        decimal_from_double(ax, &dec);
        v = decimal_to_double(&dec, 0);
    }
    return x < 0 ? -v : v;
}

/* The value at 15 significant digits (what a double holds faithfully), then
 * at most 10 decimals, written without trailing zeros or an exponent. The
 * decimal cap hides the noise of cancellation (84.98 - 84.88 is
 * 0.10000000000000853 in binary and prints as 0.1), and no figure in a
 * performance report has more than 10 meaningful decimals. */
/* The slow path below, exactly, without printf: the 15 digits of
 * digits15, then printed with at most 10 decimals. Reading the 15 digits
 * back and printing with 10 decimals changes nothing but the rounding to
 * 10 decimals, which is exact unless the dropped digits are a tie
 * ("5000..."): then the slow path decides. Returns the length, or -1. */
static int format_shortest_fast(char *buf, size_t size, double x)
{
    uint64_t q;
    int k;
    if (!digits15(fabs(x), &q, &k)) return -1;
    if (k > 10) {                                 /* keep 10 decimals */
        uint64_t div = p10[k - 10], r = q % div;
        if (r * 2 == div) return -1;              /* a tie: the binary value decides */
        q = q / div + (r * 2 > div);
        k = 10;
    }
    while (k > 0 && q % 10 == 0) { q /= 10; k--; }   /* no trailing zeros */
    char tmp[40];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + q % 10);
        q /= 10;
        if (n == k) tmp[n++] = '.';
    } while (q > 0 || n <= k);
    if (tmp[n - 1] == '.') tmp[n++] = '0';        /* 0.5, not .5 */
    if (x < 0) tmp[n++] = '-';
    if ((size_t)n + 1 > size) return -1;
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

static int format_shortest(char *buf, size_t n, double x)
{
    int fast = format_shortest_fast(buf, n, x);
    if (fast >= 0) return fast;
    char ref[64], tmp[400];
    snprintf(ref, sizeof ref, "%.14e", x);
    double target = strtod(ref, NULL);
    snprintf(tmp, sizeof tmp, "%.10f", target);
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *end = tmp + strlen(tmp);
        while (end > dot + 1 && end[-1] == '0') *--end = '\0';
        if (end == dot + 1) *dot = '\0';
    }
    if (strcmp(tmp, "-0") == 0) strcpy(tmp, "0");
    return snprintf(buf, n, "%s", tmp);
}

/* From 10^15 on a double holds no more than 15 true significant digits:
 * print those, then zeros, never the binary value's noise digits
 * (922337203685478000000.00, not 922337203685477974016.00). */
static int format_big(char *buf, size_t n, double x, int digits)
{
    char e[32], out[400];
    snprintf(e, sizeof e, "%.14e", x);        /* [-]d.dddddddddddddde+XX */
    const char *p = e;
    size_t k = 0;
    if (*p == '-') out[k++] = *p++;
    out[k++] = *p++;
    p++;                                      /* the point */
    while (*p >= '0' && *p <= '9') out[k++] = *p++;
    int exp = atoi(p + 1);
    for (int z = 14; z < exp && k < sizeof out - 40; z++) out[k++] = '0';
    if (digits > 0) {
        out[k++] = '.';
        for (int d = 0; d < digits && k < sizeof out - 1; d++) out[k++] = '0';
    }
    out[k] = '\0';
    return snprintf(buf, n, "%s", out);
}

int num_format(char *buf, size_t n, double x, int digits)
{
    if (isnan(x)) return snprintf(buf, n, "nan");
    if (isinf(x)) return snprintf(buf, n, x < 0 ? "-inf" : "inf");
    if (x == 0) x = 0.0;                    /* -0 prints as 0 */
    if (fabs(x) >= 1e15) return format_big(buf, n, x, digits);
    if (digits >= 0) {
        int k = snprintf(buf, n, "%.*f", digits, x);
        /* a negative value that rounds to zero at this width is zero */
        if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
            return snprintf(buf, n, "%.*f", digits, 0.0);
        return k;
    }
    return format_shortest(buf, n, x);
}

int num_format_int(char *buf, size_t n, int64_t v)
{
    return snprintf(buf, n, "%lld", (long long)v);
}

static const char *const mode_names[] = {
    [ROUND_NONE] = "none", [ROUND_HALF_UP] = "half-up", [ROUND_HALF_EVEN] = "half-even",
    [ROUND_DOWN] = "down", [ROUND_UP] = "up",
};

const char *num_rounding_text(Rounding r, char *buf, size_t n)
{
    if (r.mode == ROUND_NONE) snprintf(buf, n, "not rounded");
    else snprintf(buf, n, "%s to %d decimal%s", mode_names[r.mode], r.digits, r.digits == 1 ? "" : "s");
    return buf;
}

int num_round_mode_parse(const char *s, RoundMode *out)
{
    for (int m = 0; m < (int)(sizeof mode_names / sizeof mode_names[0]); m++)
        if (strcmp(s, mode_names[m]) == 0) { *out = (RoundMode)m; return 0; }
    return -1;
}

/* ---- parsing ------------------------------------------------------------ */

/* Trims surrounding blanks into [*b, *e). */
static void trim(const char *s, const char **b, const char **e)
{
    const char *p = s, *q = s + strlen(s);
    while (p < q && isspace((unsigned char)*p)) p++;
    while (q > p && isspace((unsigned char)q[-1])) q--;
    *b = p; *e = q;
}

static NumParseStatus fail(const char **why, NumParseStatus st, const char *reason)
{
    if (why) *why = reason;
    return st;
}

/* Does [p, e) consist of digit groups of three separated by sep, the first
 * group of 1..3 digits? ("62.644.362.476") */
static int groups_by_three(const char *p, const char *e, char sep)
{
    const char *g = p;
    int first = 1;
    while (g < e) {
        const char *h = g;
        while (h < e && isdigit((unsigned char)*h)) h++;
        int len = (int)(h - g);
        if (first ? (len < 1 || len > 3) : len != 3) return 0;
        first = 0;
        if (h == e) return 1;
        if (*h != sep) return 0;
        g = h + 1;
        if (g == e) return 0;
    }
    return 0;
}

/* Rewrites the field into canonical "-123.45" form in out (size n), or
 * explains why not. */
static NumParseStatus canonicalise(const char *s, NumStyle style, int whole, char *out, size_t n, const char **why)
{
    const char *b, *e;
    trim(s, &b, &e);
    if (b == e) return fail(why, NUMP_EMPTY, "is empty");
    size_t k = 0;
    if (*b == '-' || *b == '+') { if (*b == '-') out[k++] = '-'; b++; }
    if (b == e) return fail(why, NUMP_INVALID, "is not a number");
    /* only digits, '.' and ',' may remain */
    int dots = 0, commas = 0;
    const char *last_dot = NULL, *last_comma = NULL;
    for (const char *p = b; p < e; p++) {
        if (*p == '.') { dots++; last_dot = p; }
        else if (*p == ',') { commas++; last_comma = p; }
        else if (!isdigit((unsigned char)*p)) return fail(why, NUMP_INVALID, "is not a number");
    }
    if (!isdigit((unsigned char)*b) || !isdigit((unsigned char)e[-1]))
        return fail(why, NUMP_INVALID, "is not a number");
    const char *int_end = e, *frac = NULL;   /* integer digits [b, int_end) */
    char group_sep = 0;
    if (style == NUM_PLAIN) {
        if (commas) return fail(why, NUMP_INVALID, "is not a plain number (',' is not a decimal point here; use --indonesian for numbers like 84,98)");
        if (dots > 1) return fail(why, NUMP_INVALID, "is not a plain number (several '.'; use --indonesian for numbers like 62.644.362.476)");
        if (dots == 1) { int_end = last_dot; frac = last_dot + 1; }
        /* rupiah printed the Indonesian way ("700.000") would otherwise be
         * read as 700 */
        if (whole && frac && e - frac == 3)
            return fail(why, NUMP_AMBIGUOUS, "is ambiguous: one '.' before three digits may be a thousands separator (use --indonesian for 700.000) or a decimal point");
    } else {
        if (commas > 1) return fail(why, NUMP_INVALID, "is not a number (several ',')");
        if (commas == 1) {
            if (last_dot && last_dot > last_comma) return fail(why, NUMP_INVALID, "is not a number ('.' after the decimal ',')");
            int_end = last_comma; frac = last_comma + 1;
            if (dots) group_sep = '.';
        } else if (dots) {
            /* only dots: thousands groups, unless they do not group by three */
            if (!groups_by_three(b, e, '.'))
                return fail(why, NUMP_AMBIGUOUS, "is ambiguous: its '.' does not group digits by three, so it may be a decimal point (write 84,98)");
            /* in a whole-number column "437.908" can only mean 437908 */
            if (dots == 1 && !whole) return fail(why, NUMP_AMBIGUOUS, "is ambiguous: one '.' before three digits may be a decimal point or a thousands separator (write 1234 or 1,234)");
            group_sep = '.';
        }
        if (group_sep && !groups_by_three(b, int_end, group_sep))
            return fail(why, NUMP_INVALID, "is not a number ('.' must group digits by three)");
    }
    for (const char *p = b; p < int_end; p++) {
        if (*p == group_sep) continue;
        if (k + 2 >= n) return fail(why, NUMP_RANGE, "has too many digits");
        out[k++] = *p;
    }
    if (frac) {
        out[k++] = '.';
        for (const char *p = frac; p < e; p++) {
            if (k + 1 >= n) return fail(why, NUMP_RANGE, "has too many digits");
            out[k++] = *p;
        }
    }
    out[k] = 0;
    return NUMP_OK;
}

NumParseStatus num_parse(const char *s, NumStyle style, double *out, const char **why)
{
    char canon[128];
    NumParseStatus st = canonicalise(s, style, 0, canon, sizeof canon, why);
    if (st != NUMP_OK) return st;
    errno = 0;
    double v = strtod(canon, NULL);
    if (errno == ERANGE || !isfinite(v)) return fail(why, NUMP_RANGE, "is out of range");
    *out = v == 0 ? 0.0 : v;
    return NUMP_OK;
}

NumParseStatus num_parse_int(const char *s, NumStyle style, int64_t *out, const char **why)
{
    char canon[128];
    NumParseStatus st = canonicalise(s, style, 1, canon, sizeof canon, why);
    if (st != NUMP_OK) return st;
    char *dot = strchr(canon, '.');
    if (dot) {   /* "50.000.000,00" is whole; "12,5" is not */
        if (dot[1 + strspn(dot + 1, "0")] != '\0') return fail(why, NUMP_INVALID, "is not a whole number");
        *dot = '\0';
    }
    errno = 0;
    long long v = strtoll(canon, NULL, 10);
    if (errno == ERANGE) return fail(why, NUMP_RANGE, "is out of range");
    *out = (int64_t)v;
    return NUMP_OK;
}

const char *num_text(Arena *a, double x, int digits)
{
    char buf[64];
    num_format(buf, sizeof buf, x, digits);
    return arena_strdup(a, buf);
}

int num_near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);
}
