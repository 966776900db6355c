/* test_num.c: num_round, num_format, num_rounding_text, num_round_mode_parse,
 * num_parse and num_parse_int (src/base/num.h). Every expected value is worked out
 * by hand from the decimal the input stands for. */
#include "check.h"
#include "base/num.h"

#include <stdlib.h>

#define ROUND(x, mode, digits) num_round((x), (Rounding){ (mode), (digits) })

/* num_format into a fresh slot of a small ring, so several can be compared
 * in one statement. */
static const char *fmt(double x, int digits)
{
    static char ring[8][128];
    static int next;
    char *buf = ring[next++ % 8];
    num_format(buf, sizeof ring[0], x, digits);
    return buf;
}

static void test_round_half_up(void)
{
    /* 88.305 is stored as 88.30499999...; as a decimal it is 88.305 -> 88.31 */
    CHECK_EQ_DBL(ROUND(88.305, ROUND_HALF_UP, 2), 88.31);
    CHECK_EQ_DBL(ROUND(100.165, ROUND_HALF_UP, 2), 100.17);
    /* 84.98 / 84.84 * 100 = 100.16501650165... -> 100.17 */
    CHECK_EQ_DBL(ROUND(84.98 / 84.84 * 100, ROUND_HALF_UP, 2), 100.17);
    /* 71.2 / 75 * 100 = 94.9333... -> 94.93 */
    CHECK_EQ_DBL(ROUND(71.2 / 75 * 100, ROUND_HALF_UP, 2), 94.93);
    /* classic binary traps: 1.005, 2.675 and 0.285 sit just below the half */
    CHECK_EQ_DBL(ROUND(1.005, ROUND_HALF_UP, 2), 1.01);
    CHECK_EQ_DBL(ROUND(2.675, ROUND_HALF_UP, 2), 2.68);
    CHECK_EQ_DBL(ROUND(0.285, ROUND_HALF_UP, 2), 0.29);
    /* but a value genuinely below the half stays below it */
    CHECK_EQ_DBL(ROUND(88.30499999999, ROUND_HALF_UP, 2), 88.30);
    CHECK_EQ_DBL(ROUND(1.0049999999999, ROUND_HALF_UP, 2), 1.00);
    CHECK_EQ_DBL(ROUND(88.304, ROUND_HALF_UP, 2), 88.30);
    /* carries through nines */
    CHECK_EQ_DBL(ROUND(99.995, ROUND_HALF_UP, 2), 100.00);
    CHECK_EQ_DBL(ROUND(9.5, ROUND_HALF_UP, 0), 10.0);
    CHECK_EQ_DBL(ROUND(0.95, ROUND_HALF_UP, 1), 1.0);
    CHECK_EQ_DBL(ROUND(0.096, ROUND_HALF_UP, 2), 0.10);
    CHECK_EQ_DBL(ROUND(0.006, ROUND_HALF_UP, 2), 0.01);
    CHECK_EQ_DBL(ROUND(0.005, ROUND_HALF_UP, 2), 0.01);
    /* everything dropped */
    CHECK_EQ_DBL(ROUND(0.5, ROUND_HALF_UP, 0), 1.0);
    CHECK_EQ_DBL(ROUND(0.4, ROUND_HALF_UP, 0), 0.0);
    CHECK_EQ_DBL(ROUND(0.004, ROUND_HALF_UP, 2), 0.0);
    CHECK_EQ_DBL(ROUND(0.0004, ROUND_HALF_UP, 2), 0.0);
    /* more digits than the value has: unchanged */
    CHECK_EQ_DBL(ROUND(88.31, ROUND_HALF_UP, 2), 88.31);
    CHECK_EQ_DBL(ROUND(75.0, ROUND_HALF_UP, 2), 75.0);
    CHECK_EQ_DBL(ROUND(1234.5678, ROUND_HALF_UP, 0), 1235.0);
    CHECK_EQ_DBL(ROUND(1234.5678, ROUND_HALF_UP, 3), 1234.568);
    CHECK_EQ_DBL(ROUND(0.1234567891, ROUND_HALF_UP, 9), 0.123456789);
    CHECK_EQ_DBL(ROUND(0.1234567895, ROUND_HALF_UP, 9), 0.12345679);
    CHECK_EQ_DBL(ROUND(123456789.125, ROUND_HALF_UP, 2), 123456789.13);
    CHECK_EQ_DBL(ROUND(0.0, ROUND_HALF_UP, 2), 0.0);
}

static void test_round_negative(void)
{
    /* |x| rounded, sign kept */
    CHECK_EQ_DBL(ROUND(-88.305, ROUND_HALF_UP, 2), -88.31);
    CHECK_EQ_DBL(ROUND(-0.5, ROUND_HALF_UP, 0), -1.0);
    CHECK_EQ_DBL(ROUND(-99.995, ROUND_HALF_UP, 2), -100.0);
    CHECK_EQ_DBL(ROUND(-2.5, ROUND_HALF_EVEN, 0), -2.0);
    CHECK_EQ_DBL(ROUND(-3.5, ROUND_HALF_EVEN, 0), -4.0);
    CHECK_EQ_DBL(ROUND(-1.29, ROUND_DOWN, 1), -1.2);
    CHECK_EQ_DBL(ROUND(-1.21, ROUND_UP, 1), -1.3);
    CHECK_EQ_DBL(ROUND(-0.2, ROUND_UP, 0), -1.0);
    CHECK_EQ_DBL(ROUND(-1.9, ROUND_DOWN, 0), -1.0);
    /* a negative that rounds to zero is plain zero ("no -0.00 in reports") */
    CHECK_EQ_DBL(ROUND(-0.004, ROUND_HALF_UP, 2), 0.0);
    CHECK(!signbit(ROUND(-0.004, ROUND_HALF_UP, 2)));
    CHECK(!signbit(ROUND(-0.9, ROUND_DOWN, 0)));
}

static void test_round_half_even(void)
{
    CHECK_EQ_DBL(ROUND(2.5, ROUND_HALF_EVEN, 0), 2.0);
    CHECK_EQ_DBL(ROUND(3.5, ROUND_HALF_EVEN, 0), 4.0);
    CHECK_EQ_DBL(ROUND(1.5, ROUND_HALF_EVEN, 0), 2.0);
    CHECK_EQ_DBL(ROUND(0.5, ROUND_HALF_EVEN, 0), 0.0);      /* 0 is even */
    CHECK_EQ_DBL(ROUND(2.51, ROUND_HALF_EVEN, 0), 3.0);     /* above the half */
    CHECK_EQ_DBL(ROUND(2.49, ROUND_HALF_EVEN, 0), 2.0);
    CHECK_EQ_DBL(ROUND(1.45, ROUND_HALF_EVEN, 1), 1.4);
    CHECK_EQ_DBL(ROUND(1.55, ROUND_HALF_EVEN, 1), 1.6);
    CHECK_EQ_DBL(ROUND(1.451, ROUND_HALF_EVEN, 1), 1.5);
    CHECK_EQ_DBL(ROUND(100.165, ROUND_HALF_EVEN, 2), 100.16);
    CHECK_EQ_DBL(ROUND(100.175, ROUND_HALF_EVEN, 2), 100.18);
    CHECK_EQ_DBL(ROUND(2.355, ROUND_HALF_EVEN, 2), 2.36);
    CHECK_EQ_DBL(ROUND(2.345, ROUND_HALF_EVEN, 2), 2.34);
    CHECK_EQ_DBL(ROUND(84.98 / 84.84 * 100, ROUND_HALF_EVEN, 2), 100.17);
    CHECK_EQ_DBL(ROUND(9.95, ROUND_HALF_EVEN, 1), 10.0);
}

static void test_round_down_up(void)
{
    CHECK_EQ_DBL(ROUND(88.319, ROUND_DOWN, 2), 88.31);
    CHECK_EQ_DBL(ROUND(88.305, ROUND_DOWN, 2), 88.30);
    CHECK_EQ_DBL(ROUND(84.98 / 84.84 * 100, ROUND_DOWN, 2), 100.16);
    CHECK_EQ_DBL(ROUND(99.999, ROUND_DOWN, 2), 99.99);
    CHECK_EQ_DBL(ROUND(0.0004, ROUND_DOWN, 2), 0.0);
    CHECK_EQ_DBL(ROUND(88.311, ROUND_UP, 2), 88.32);
    CHECK_EQ_DBL(ROUND(88.31, ROUND_UP, 2), 88.31);         /* exact: no step up */
    CHECK_EQ_DBL(ROUND(0.1 + 0.2, ROUND_UP, 1), 0.3);       /* 0.30000000000000004 is 0.3 */
    CHECK_EQ_DBL(ROUND(99.991, ROUND_UP, 2), 100.0);
    CHECK_EQ_DBL(ROUND(0.2, ROUND_UP, 0), 1.0);
    CHECK_EQ_DBL(ROUND(0.004, ROUND_UP, 2), 0.01);
    CHECK_EQ_DBL(ROUND(0.0004, ROUND_UP, 2), 0.01);
    CHECK_EQ_DBL(ROUND(71.2 / 75 * 100, ROUND_UP, 2), 94.94);
}

static void test_round_none(void)
{
    CHECK_EQ_DBL(ROUND(88.305, ROUND_NONE, 2), 88.305);
    CHECK_EQ_DBL(ROUND(84.98 / 84.84 * 100, ROUND_NONE, 0), 84.98 / 84.84 * 100);
    CHECK_EQ_DBL(ROUND(0.1 + 0.2, ROUND_NONE, 1), 0.1 + 0.2);
    CHECK_EQ_DBL(ROUND(-1.23456, ROUND_NONE, 2), -1.23456);
    /* not finite: unchanged whatever the mode */
    CHECK_EQ_DBL(ROUND(INFINITY, ROUND_HALF_UP, 2), INFINITY);
    CHECK_EQ_DBL(ROUND(-INFINITY, ROUND_DOWN, 2), -INFINITY);
    CHECK(isnan(ROUND(NAN, ROUND_HALF_UP, 2)));
}

static void test_format_fixed(void)
{
    char buf[64];
    CHECK_STR(fmt(84.98, 2), "84.98");
    CHECK_STR(fmt(100.0, 2), "100.00");
    CHECK_STR(fmt(88.31, 2), "88.31");
    CHECK_STR(fmt(75.0, 0), "75");
    CHECK_STR(fmt(94.93, 3), "94.930");
    CHECK_STR(fmt(-84.98, 2), "-84.98");
    CHECK_STR(fmt(-0.0, 2), "0.00");
    CHECK_STR(fmt(0.0, 0), "0");
    /* a negative that is zero at this width prints as zero */
    CHECK_STR(fmt(-0.001, 2), "0.00");
    CHECK_STR(fmt(-0.4, 0), "0");
    /* snprintf semantics: the length, also when truncated */
    CHECK_INT(num_format(buf, sizeof buf, 84.98, 2), 5);
    CHECK_INT(num_format(buf, 4, 84.98, 2), 5);
    CHECK_STR(buf, "84.");
}

/* From 10^15 on only 15 significant digits are true: the rest print as
 * zeros, never as the binary value's noise (regression: budget serapan of
 * 922337203685477580700 printed as 922337203685477974016.00). */
static void test_format_big(void)
{
    CHECK_STR(fmt(9223372036854775807.0 * 100, 2), "922337203685478000000.00");
    CHECK_STR(fmt(1e18 / 3 * 100, 2), "33333333333333300000.00");
    CHECK_STR(fmt(-1e18 / 3 * 100, 2), "-33333333333333300000.00");
    CHECK_STR(fmt(1e15, 2), "1000000000000000.00");
    CHECK_STR(fmt(1e15, -1), "1000000000000000");
    CHECK_STR(fmt(123456789012345678.0, 0), "123456789012346000");
    CHECK_STR(fmt(999999999999999.0, 2), "999999999999999.00");
}

static void test_format_shortest(void)
{
    char buf[64];
    CHECK_STR(fmt(84.98, -1), "84.98");
    CHECK_STR(fmt(75.0, -1), "75");
    CHECK_STR(fmt(0.1 + 0.2, -1), "0.3");
    CHECK_STR(fmt(0.1 + 0.7, -1), "0.8");
    CHECK_STR(fmt(1.0 / 3, -1), "0.3333333333");        /* at most 10 decimals */
    CHECK_STR(fmt(2.0 / 3, -1), "0.6666666667");
    CHECK_STR(fmt(84.98 - 84.88, -1), "0.1");             /* cancellation noise hidden */
    CHECK_STR(fmt(0.1111111111111, -1), "0.1111111111");
    CHECK_STR(fmt(-0.0, -1), "0");
    CHECK_STR(fmt(0.0, -1), "0");
    CHECK_STR(fmt(-84.98, -1), "-84.98");
    CHECK_STR(fmt(100.17, -1), "100.17");
    CHECK_STR(fmt(88.3, -1), "88.3");
    CHECK_STR(fmt(2.5, -1), "2.5");
    CHECK_STR(fmt(1234.5, -1), "1234.5");
    CHECK_STR(fmt(123456.789, -1), "123456.789");
    CHECK_STR(fmt(84.98 / 84.84 * 100, -1), "100.1650165017");
    /* no exponent below 1e15 */
    CHECK_STR(fmt(0.00001, -1), "0.00001");
    CHECK_STR(fmt(0.0000001, -1), "0.0000001");
    CHECK_STR(fmt(0.000123, -1), "0.000123");
    CHECK_STR(fmt(1e14, -1), "100000000000000");
    CHECK_STR(fmt(123456789012345.0, -1), "123456789012345");
    CHECK_STR(fmt(999999999999999.0, -1), "999999999999999");
    CHECK_STR(fmt(-1e14, -1), "-100000000000000");
    /* 1e15 and beyond: whatever the form, it reads back as the value */
    CHECK_EQ_DBL(strtod(fmt(1e15, -1), NULL), 1e15);
    CHECK_EQ_DBL(strtod(fmt(-1e15, -1), NULL), -1e15);
    CHECK_EQ_DBL(strtod(fmt(1.5e15, -1), NULL), 1.5e15);
    CHECK_STR(fmt(1e15, -1), "1000000000000000");
    /* the rounded figures of the rounding tests print as written */
    CHECK_STR(fmt(ROUND(88.305, ROUND_HALF_UP, 2), -1), "88.31");
    CHECK_STR(fmt(ROUND(99.995, ROUND_HALF_UP, 2), 2), "100.00");
    CHECK_STR(fmt(ROUND(71.2 / 75 * 100, ROUND_HALF_UP, 2), -1), "94.93");
    CHECK_INT(num_format(buf, sizeof buf, 84.98, -1), 5);
    CHECK_INT(num_format(buf, sizeof buf, 75.0, -1), 2);
}

static void test_format_special(void)
{
    char buf[64];
    CHECK_STR(fmt(NAN, 2), "nan");
    CHECK_STR(fmt(INFINITY, -1), "inf");
    CHECK_STR(fmt(-INFINITY, 2), "-inf");
    CHECK_INT(num_format_int(buf, sizeof buf, 62644362476LL), 11);
    CHECK_STR(buf, "62644362476");
    num_format_int(buf, sizeof buf, -437908);
    CHECK_STR(buf, "-437908");
    num_format_int(buf, sizeof buf, INT64_MAX);
    CHECK_STR(buf, "9223372036854775807");
    num_format_int(buf, sizeof buf, 0);
    CHECK_STR(buf, "0");
}

static void test_rounding_text(void)
{
    char buf[64];
    CHECK_STR(num_rounding_text((Rounding){ ROUND_HALF_UP, 2 }, buf, sizeof buf), "half-up to 2 decimals");
    CHECK_STR(num_rounding_text((Rounding){ ROUND_HALF_EVEN, 1 }, buf, sizeof buf), "half-even to 1 decimal");
    CHECK_STR(num_rounding_text((Rounding){ ROUND_DOWN, 0 }, buf, sizeof buf), "down to 0 decimals");
    CHECK_STR(num_rounding_text((Rounding){ ROUND_UP, 3 }, buf, sizeof buf), "up to 3 decimals");
    CHECK_STR(num_rounding_text((Rounding){ ROUND_NONE, 2 }, buf, sizeof buf), "not rounded");
    CHECK(num_rounding_text((Rounding){ ROUND_HALF_UP, 2 }, buf, sizeof buf) == buf);
}

static void test_round_mode_parse(void)
{
    RoundMode m = ROUND_NONE;
    CHECK_INT(num_round_mode_parse("half-up", &m), 0);
    CHECK_INT(m, ROUND_HALF_UP);
    CHECK_INT(num_round_mode_parse("half-even", &m), 0);
    CHECK_INT(m, ROUND_HALF_EVEN);
    CHECK_INT(num_round_mode_parse("down", &m), 0);
    CHECK_INT(m, ROUND_DOWN);
    CHECK_INT(num_round_mode_parse("up", &m), 0);
    CHECK_INT(m, ROUND_UP);
    CHECK_INT(num_round_mode_parse("none", &m), 0);
    CHECK_INT(m, ROUND_NONE);
    CHECK_INT(num_round_mode_parse("half_up", &m), -1);
    CHECK_INT(num_round_mode_parse("halfup", &m), -1);
    CHECK_INT(num_round_mode_parse("nearest", &m), -1);
    CHECK_INT(num_round_mode_parse("", &m), -1);
    CHECK_INT(num_round_mode_parse("half-up ", &m), -1);
}

/* Parsing: the status, the value on success, and a reason on failure that
 * reads as a predicate after the quoted field ("is ..."). */
#define PARSE_OK(s, style, expected) do { \
    double v_ = -12345.0; const char *w_ = NULL; \
    CHECK_INT(num_parse((s), (style), &v_, &w_), NUMP_OK); \
    CHECK_EQ_DBL(v_, (expected)); \
} while (0)

#define PARSE_FAIL(s, style, status) do { \
    double v_ = 0; const char *w_ = NULL; \
    CHECK_INT(num_parse((s), (style), &v_, &w_), (status)); \
    CHECK(w_ != NULL); \
    CHECK_PREFIX(w_, "is "); \
} while (0)

#define PARSE_INT_OK(s, style, expected) do { \
    int64_t v_ = -12345; const char *w_ = NULL; \
    CHECK_INT(num_parse_int((s), (style), &v_, &w_), NUMP_OK); \
    CHECK_INT(v_, (expected)); \
} while (0)

#define PARSE_INT_FAIL(s, style, status) do { \
    int64_t v_ = 0; const char *w_ = NULL; \
    CHECK_INT(num_parse_int((s), (style), &v_, &w_), (status)); \
    CHECK(w_ != NULL); \
    CHECK_PREFIX(w_, "is "); \
} while (0)

static void test_parse_plain(void)
{
    PARSE_OK("84.98", NUM_PLAIN, 84.98);
    PARSE_OK("75", NUM_PLAIN, 75.0);
    PARSE_OK("-3", NUM_PLAIN, -3.0);
    PARSE_OK("-84.98", NUM_PLAIN, -84.98);
    PARSE_OK(" 12 ", NUM_PLAIN, 12.0);
    PARSE_OK("\t100.17\n", NUM_PLAIN, 100.17);
    PARSE_OK("0", NUM_PLAIN, 0.0);
    PARSE_OK("62644362476", NUM_PLAIN, 62644362476.0);
    PARSE_FAIL("84,98", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("62.644.362.476", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("", NUM_PLAIN, NUMP_EMPTY);
    PARSE_FAIL("   ", NUM_PLAIN, NUMP_EMPTY);
    PARSE_FAIL("abc", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("1e3", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("12abc", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("-", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("1 2", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("nan", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("inf", NUM_PLAIN, NUMP_INVALID);
    PARSE_FAIL("0x10", NUM_PLAIN, NUMP_INVALID);
    /* the plain-style rejections carry a hint towards --indonesian */
    {
        double v = 0; const char *why = NULL;
        CHECK_INT(num_parse("84,98", NUM_PLAIN, &v, &why), NUMP_INVALID);
        CHECK_CONTAINS(why, "indonesian");
        why = NULL;
        CHECK_INT(num_parse("62.644.362.476", NUM_PLAIN, &v, &why), NUMP_INVALID);
        CHECK_CONTAINS(why, "indonesian");
        /* why may be NULL */
        CHECK_INT(num_parse("abc", NUM_PLAIN, &v, NULL), NUMP_INVALID);
        CHECK_INT(num_parse("", NUM_PLAIN, &v, NULL), NUMP_EMPTY);
    }
}

static void test_parse_indonesian(void)
{
    PARSE_OK("84,98", NUM_INDONESIAN, 84.98);
    PARSE_OK("62.644.362.476", NUM_INDONESIAN, 62644362476.0);
    PARSE_OK("1.234,5", NUM_INDONESIAN, 1234.5);
    PARSE_OK("-1.234,56", NUM_INDONESIAN, -1234.56);
    PARSE_OK("1.234.567", NUM_INDONESIAN, 1234567.0);
    PARSE_OK("1234", NUM_INDONESIAN, 1234.0);
    PARSE_OK(" 12 ", NUM_INDONESIAN, 12.0);
    PARSE_OK("-3", NUM_INDONESIAN, -3.0);
    PARSE_OK("0,5", NUM_INDONESIAN, 0.5);
    /* a dot that does not group by three is never guessed */
    PARSE_FAIL("84.98", NUM_INDONESIAN, NUMP_AMBIGUOUS);
    PARSE_FAIL("1234.567", NUM_INDONESIAN, NUMP_AMBIGUOUS);
    /* one dot before three digits may be either: ambiguous for num_parse */
    PARSE_FAIL("1.234", NUM_INDONESIAN, NUMP_AMBIGUOUS);
    {
        double v = 0; const char *why = NULL;
        CHECK_INT(num_parse("84.98", NUM_INDONESIAN, &v, &why), NUMP_AMBIGUOUS);
        CHECK_PREFIX(why, "is ambiguous");
        why = NULL;
        CHECK_INT(num_parse("1.234", NUM_INDONESIAN, &v, &why), NUMP_AMBIGUOUS);
        CHECK_PREFIX(why, "is ambiguous");
    }
    PARSE_FAIL("", NUM_INDONESIAN, NUMP_EMPTY);
    PARSE_FAIL("abc", NUM_INDONESIAN, NUMP_INVALID);
    PARSE_FAIL("1e3", NUM_INDONESIAN, NUMP_INVALID);
    PARSE_FAIL("1,2,3", NUM_INDONESIAN, NUMP_INVALID);        /* several ',' */
    PARSE_FAIL("1,234.5", NUM_INDONESIAN, NUMP_INVALID);      /* '.' after the decimal ',' */
    PARSE_FAIL("1.23,5", NUM_INDONESIAN, NUMP_INVALID);       /* group of two */
    PARSE_FAIL("12.34.567", NUM_INDONESIAN, NUMP_AMBIGUOUS);  /* dots, not by three */
}

static void test_parse_int(void)
{
    PARSE_INT_OK("12", NUM_PLAIN, 12);
    PARSE_INT_OK("-3", NUM_PLAIN, -3);
    PARSE_INT_OK(" 437908 ", NUM_PLAIN, 437908);
    PARSE_INT_OK("62644362476", NUM_PLAIN, 62644362476LL);
    PARSE_INT_OK("9223372036854775807", NUM_PLAIN, INT64_MAX);
    PARSE_INT_OK("-9223372036854775808", NUM_PLAIN, INT64_MIN);
    PARSE_INT_FAIL("12.5", NUM_PLAIN, NUMP_INVALID);
    PARSE_INT_FAIL("99999999999999999999", NUM_PLAIN, NUMP_RANGE);
    PARSE_INT_FAIL("-99999999999999999999", NUM_PLAIN, NUMP_RANGE);
    PARSE_INT_FAIL("9223372036854775808", NUM_PLAIN, NUMP_RANGE);
    PARSE_INT_FAIL("", NUM_PLAIN, NUMP_EMPTY);
    PARSE_INT_FAIL("abc", NUM_PLAIN, NUMP_INVALID);
    PARSE_INT_FAIL("1e3", NUM_PLAIN, NUMP_INVALID);
    PARSE_INT_FAIL("84,98", NUM_PLAIN, NUMP_INVALID);
    PARSE_INT_FAIL("62.644.362.476", NUM_PLAIN, NUMP_INVALID);

    PARSE_INT_OK("62.644.362.476", NUM_INDONESIAN, 62644362476LL);
    /* a single dot group is a thousands separator in a whole-number column */
    PARSE_INT_OK("1.234", NUM_INDONESIAN, 1234);
    PARSE_INT_OK("437.908", NUM_INDONESIAN, 437908);
    PARSE_INT_OK("50.000.000,00", NUM_INDONESIAN, 50000000);
    PARSE_INT_OK("-1.000", NUM_INDONESIAN, -1000);
    PARSE_INT_OK("1234", NUM_INDONESIAN, 1234);
    PARSE_INT_FAIL("12,5", NUM_INDONESIAN, NUMP_INVALID);
    PARSE_INT_FAIL("99.999.999.999.999.999.999", NUM_INDONESIAN, NUMP_RANGE);
    PARSE_INT_FAIL("", NUM_INDONESIAN, NUMP_EMPTY);
    {
        int64_t v = 0;
        CHECK(num_parse_int("84.98", NUM_INDONESIAN, &v, NULL) != NUMP_OK);
        CHECK_INT(num_parse_int("12.5", NUM_PLAIN, &v, NULL), NUMP_INVALID);
    }
    /* regression: plain rupiah "700.000" was read as 700; it is the
     * Indonesian way of writing 700000, so a whole-number column refuses it */
    PARSE_INT_FAIL("700.000", NUM_PLAIN, NUMP_AMBIGUOUS);
    PARSE_INT_FAIL("-1.500", NUM_PLAIN, NUMP_AMBIGUOUS);
    PARSE_INT_OK("700.00", NUM_PLAIN, 700);
    PARSE_INT_OK("700.0000", NUM_PLAIN, 700);
    PARSE_INT_OK("700000", NUM_PLAIN, 700000);
    PARSE_OK("700.000", NUM_PLAIN, 700.0);       /* a number column: a decimal point */
}

/* The fast shortest form (exact integer arithmetic) against its
 * definition: 15 significant digits by printf, read back, then at most 10
 * decimals, trailing zeros trimmed. Random values of every kind the
 * evaluator prints (capaian quotients, data with decimals, large, tiny,
 * negative), and the edges of the fast path's range. */
static void reference_shortest(char *out, size_t n, double x)
{
    char ref[64];
    snprintf(ref, sizeof ref, "%.14e", x);
    snprintf(out, n, "%.10f", strtod(ref, NULL));     /* cut short, it cannot match: a failure */
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out);
        while (end > dot + 1 && end[-1] == '0') *--end = '\0';
        if (end == dot + 1) *dot = '\0';
    }
    if (!strcmp(out, "-0")) snprintf(out, n, "0");
}

static void test_format_shortest_reference(void)
{
    uint64_t state = 463;
    long differ = 0;
    for (int i = 0; i < 300000; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;    /* a fixed sequence */
        double u = (double)(state >> 11) / 9007199254740992.0, x;
        switch (i % 6) {
        case 0: x = u * 120; break;                                   /* capaian */
        case 1: x = (double)(int64_t)(u * 2e8 - 1e8) / 100; break;    /* data with 2 decimals */
        case 2: x = u * 1048576 - 524288; break;                      /* across the range's end */
        case 3: x = pow(10, u * 12 - 6); break;                       /* tiny to large */
        case 4: x = (double)(int64_t)(u * 1e9) / 1e7; break;          /* 7 decimals */
        default: x = -u * 1000; break;
        }
        char got[64], want[64];
        num_format(got, sizeof got, x, -1);
        reference_shortest(want, sizeof want, x);
        if (strcmp(got, want) && differ++ < 5) printf("shortest %.17g: got %s, expected %s\n", x, got, want);
    }
    CHECK_INT(differ, 0);
    static const double edges[] = { 1e-3, 0.0010000000000000002, 0.00099999999999999998, 524287.99999999994, 524288,
                                    9.9999999999999995, 99999.999999999985, 0.5, 2.675, 1.0000000000000002,
                                    0.12345678905, 106.0038556871, -84.98 };
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        char got[64], want[64];
        num_format(got, sizeof got, edges[i], -1);
        reference_shortest(want, sizeof want, edges[i]);
        CHECK_STR(got, want);
    }
}

/* num_decimal: the double nearest x at 15 significant digits, the fast
 * integer path against the definition (printf "%.14e", strtod) on random
 * values of every kind, and the boundary ties that motivated it. */
static void test_decimal(void)
{
    volatile double t = 53.5, r = 40.66;
    CHECK_EQ_DBL(num_decimal(r / t * 100), 76);
    CHECK_EQ_DBL(num_decimal(-(r / t * 100)), -76);
    CHECK_EQ_DBL(num_decimal(0.1 + 0.2), 0.3);
    CHECK_EQ_DBL(num_decimal(84.98), 84.98);
    CHECK_EQ_DBL(num_decimal(0), 0);
    CHECK(isnan(num_decimal(NAN)));
    CHECK_EQ_DBL(num_decimal(1e300), 1e300);
    CHECK_EQ_DBL(num_decimal(1e-300), 1e-300);
    uint64_t state = 2021;
    long differ = 0;
    for (int i = 0; i < 300000; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        double u = (double)(state >> 11) / 9007199254740992.0, x;
        switch (i % 4) {
        case 0: x = u * 120; break;
        case 1: x = pow(10, u * 12 - 6); break;
        case 2: x = (double)(int64_t)(u * 1e7) / 100 / ((double)(int64_t)(u * 1e5 + 1) / 100) * 100; break;
        default: x = -u * 600000; break;
        }
        char ref[64];
        snprintf(ref, sizeof ref, "%.14e", x);
        double want = strtod(ref, NULL);
        if (num_decimal(x) != want && differ++ < 5) printf("decimal %.17g: got %.17g, expected %.17g\n", x, num_decimal(x), want);
    }
    CHECK_INT(differ, 0);
}

int main(void)
{
    test_decimal();
    test_round_half_up();
    test_round_negative();
    test_round_half_even();
    test_round_down_up();
    test_round_none();
    test_format_fixed();
    test_format_big();
    test_format_shortest();
    test_format_shortest_reference();
    test_format_special();
    test_rounding_text();
    test_round_mode_parse();
    test_parse_plain();
    test_parse_indonesian();
    test_parse_int();
    return CHECK_DONE();
}
