/* test_period.c: period_parse, period_first_month/last_month, period_end,
 * period_format and period_kind_name (src/base/period.h). */
#include "check.h"
#include "base/period.h"

#include <stdlib.h>

/* period_parse on a NUL-terminated string, len = strlen(s). */
static int parse(const char *s, Period *p)
{
    return period_parse(s, strlen(s), p);
}

#define PARSE_OK(s, y, k, i) do { \
    Period p_ = { 0, 0, 99 }; \
    CHECK_INT(parse((s), &p_), 0); \
    CHECK_INT(p_.year, (y)); \
    CHECK_INT(p_.kind, (k)); \
    CHECK_INT(p_.index, (i)); \
} while (0)

#define PARSE_BAD(s) do { \
    Period p_ = { 0, 0, 0 }; \
    CHECK_INT(parse((s), &p_), -1); \
} while (0)

/* A period parsed from text. */
static Period P(const char *s)
{
    Period p = { 0, 0, 0 };
    if (parse(s, &p) != 0) {
        printf("%s:%d: setup: period_parse(\"%s\") failed\n", __FILE__, __LINE__, s);
        exit(2);
    }
    return p;
}

static void test_parse_valid(void)
{
    PARSE_OK("2023", 2023, PER_YEAR, 0);
    PARSE_OK("2023-S1", 2023, PER_SEMESTER, 1);
    PARSE_OK("2023-S2", 2023, PER_SEMESTER, 2);
    PARSE_OK("2023-Q1", 2023, PER_QUARTER, 1);
    PARSE_OK("2023-Q3", 2023, PER_QUARTER, 3);
    PARSE_OK("2023-Q4", 2023, PER_QUARTER, 4);
    PARSE_OK("2023-07", 2023, PER_MONTH, 7);
    PARSE_OK("2023-01", 2023, PER_MONTH, 1);
    PARSE_OK("2023-12", 2023, PER_MONTH, 12);
    PARSE_OK("1900", 1900, PER_YEAR, 0);
    PARSE_OK("2999-Q4", 2999, PER_QUARTER, 4);
}

static void test_parse_invalid(void)
{
    PARSE_BAD("2023-S3");
    PARSE_BAD("2023-S0");
    PARSE_BAD("2023-Q5");
    PARSE_BAD("2023-Q0");
    PARSE_BAD("2023-13");
    PARSE_BAD("2023-00");
    PARSE_BAD("23");
    PARSE_BAD("202");
    PARSE_BAD("");
    PARSE_BAD("2023-q1");
    PARSE_BAD("2023-s1");
    PARSE_BAD("2023 ");
    PARSE_BAD(" 2023");
    PARSE_BAD("1899");
    PARSE_BAD("3000");
    PARSE_BAD("2023-7");
    PARSE_BAD("2023-");
    PARSE_BAD("2023-S");
    PARSE_BAD("2023-S10");
    PARSE_BAD("2023-Q");
    PARSE_BAD("2023-007");
    PARSE_BAD("2023/07");
    PARSE_BAD("2023-07 ");
    PARSE_BAD("2023-H1");
    PARSE_BAD("abcd");
    PARSE_BAD("-2023");
    PARSE_BAD("20230");
    PARSE_BAD("2023-1a");
}

/* s need not be NUL-terminated: only len bytes count. */
static void test_parse_len(void)
{
    /* exactly 7 bytes, no terminator, in a buffer of its own */
    char *raw = malloc(7);
    Period p = { 0, 0, 0 };
    memcpy(raw, "2023-Q3", 7);
    CHECK_INT(period_parse(raw, 7, &p), 0);
    CHECK_INT(p.year, 2023);
    CHECK_INT(p.kind, PER_QUARTER);
    CHECK_INT(p.index, 3);
    free(raw);

    raw = malloc(4);
    memcpy(raw, "1999", 4);
    p = (Period){ 0, 0, 0 };
    CHECK_INT(period_parse(raw, 4, &p), 0);
    CHECK_INT(p.year, 1999);
    CHECK_INT(p.kind, PER_YEAR);
    free(raw);

    /* a prefix of a longer field */
    const char *field = "2023-07-15,84.98";
    p = (Period){ 0, 0, 0 };
    CHECK_INT(period_parse(field, 7, &p), 0);
    CHECK_INT(p.year, 2023);
    CHECK_INT(p.kind, PER_MONTH);
    CHECK_INT(p.index, 7);
    p = (Period){ 0, 0, 0 };
    CHECK_INT(period_parse("2023-S1", 4, &p), 0);
    CHECK_INT(p.kind, PER_YEAR);
    CHECK_INT(p.year, 2023);
    CHECK_INT(period_parse("2023-S1", 6, &p), -1);
    CHECK_INT(period_parse("2023-S1", 5, &p), -1);
    CHECK_INT(period_parse("2023", 3, &p), -1);
    CHECK_INT(period_parse("2023", 0, &p), -1);
    CHECK_INT(period_parse("2023-12", 8, &p), -1);   /* len 8 takes in the NUL */
}

static void test_months(void)
{
    CHECK_INT(period_first_month(P("2023")), 1);
    CHECK_INT(period_last_month(P("2023")), 12);
    CHECK_INT(period_first_month(P("2023-S1")), 1);
    CHECK_INT(period_last_month(P("2023-S1")), 6);
    CHECK_INT(period_first_month(P("2023-S2")), 7);
    CHECK_INT(period_last_month(P("2023-S2")), 12);
    CHECK_INT(period_first_month(P("2023-Q1")), 1);
    CHECK_INT(period_last_month(P("2023-Q1")), 3);
    CHECK_INT(period_first_month(P("2023-Q2")), 4);
    CHECK_INT(period_last_month(P("2023-Q2")), 6);
    CHECK_INT(period_first_month(P("2023-Q3")), 7);
    CHECK_INT(period_last_month(P("2023-Q3")), 9);
    CHECK_INT(period_first_month(P("2023-Q4")), 10);
    CHECK_INT(period_last_month(P("2023-Q4")), 12);
    CHECK_INT(period_first_month(P("2023-07")), 7);
    CHECK_INT(period_last_month(P("2023-07")), 7);
    CHECK_INT(period_first_month(P("2023-12")), 12);
    CHECK_INT(period_last_month(P("2023-12")), 12);
}

static void test_end_order(void)
{
    /* ordered by last month: Q3 ends in September, S2 and the year in December */
    CHECK(period_end(P("2023-Q3")) < period_end(P("2023-S2")));
    CHECK_INT(period_end(P("2023-S2")), period_end(P("2023")));
    CHECK_INT(period_end(P("2023-Q4")), period_end(P("2023")));
    CHECK_INT(period_end(P("2023-12")), period_end(P("2023")));
    CHECK_INT(period_end(P("2023-S1")), period_end(P("2023-Q2")));
    CHECK_INT(period_end(P("2023-Q2")), period_end(P("2023-06")));
    CHECK_INT(period_end(P("2023-Q3")), period_end(P("2023-09")));
    /* a month apart per month, twelve per year */
    CHECK_INT(period_end(P("2023-S2")) - period_end(P("2023-Q3")), 3);
    CHECK_INT(period_end(P("2023-08")) - period_end(P("2023-07")), 1);
    CHECK_INT(period_end(P("2024-01")) - period_end(P("2023-12")), 1);
    CHECK_INT(period_end(P("2024")) - period_end(P("2023")), 12);
    CHECK_INT(period_end(P("2023-S2")) - period_end(P("2023-S1")), 6);
    CHECK(period_end(P("2022")) < period_end(P("2023-01")));
    CHECK(period_end(P("2023-07")) < period_end(P("2023-Q3")));
    CHECK(period_end(P("2023-Q1")) < period_end(P("2023-04")));
    CHECK(period_end(P("2023")) < period_end(P("2024-Q1")));
    /* "counts as of A": period_end(p) <= period_end(A) */
    CHECK(period_end(P("2023-Q3")) <= period_end(P("2023-09")));
    CHECK(!(period_end(P("2023-10")) <= period_end(P("2023-Q3"))));
}

#define ROUND_TRIP(s) do { \
    char b_[32]; \
    CHECK_INT(period_format(b_, sizeof b_, P(s)), (long long)strlen(s)); \
    CHECK_STR(b_, (s)); \
} while (0)

static void test_format(void)
{
    ROUND_TRIP("2023");
    ROUND_TRIP("2023-S1");
    ROUND_TRIP("2023-S2");
    ROUND_TRIP("2023-Q3");
    ROUND_TRIP("2023-07");
    ROUND_TRIP("2023-12");
    ROUND_TRIP("2023-01");
    ROUND_TRIP("1900");
    ROUND_TRIP("2999-Q4");
    /* a period built by hand formats the same way */
    char buf[32];
    Period m = { .year = 2024, .kind = PER_MONTH, .index = 3 };
    period_format(buf, sizeof buf, m);
    CHECK_STR(buf, "2024-03");
    /* and the formatted text parses back to the same period */
    Period back = { 0, 0, 0 };
    CHECK_INT(parse(buf, &back), 0);
    CHECK_INT(back.year, 2024);
    CHECK_INT(back.kind, PER_MONTH);
    CHECK_INT(back.index, 3);
}

static void test_kind_name(void)
{
    CHECK_STR(period_kind_name(PER_YEAR), "year");
    CHECK_STR(period_kind_name(PER_SEMESTER), "semester");
    CHECK_STR(period_kind_name(PER_QUARTER), "quarter");
    CHECK_STR(period_kind_name(PER_MONTH), "month");
}

int main(void)
{
    test_parse_valid();
    test_parse_invalid();
    test_parse_len();
    test_months();
    test_end_order();
    test_format();
    test_kind_name();
    return CHECK_DONE();
}
