/* period.h: reporting periods. "2023", "2023-S1", "2023-Q3", "2023-07".
 * A period is ordered by its last month; --as-of compares the same way. */
#ifndef SKP_PERIOD_H
#define SKP_PERIOD_H
#include <stddef.h>
#include <stdint.h>

typedef enum { PER_YEAR, PER_SEMESTER, PER_QUARTER, PER_MONTH } PeriodKind;

typedef struct {
    int16_t year;    /* 1900..2999 */
    uint8_t kind;    /* PeriodKind */
    uint8_t index;   /* 0 for a year; 1-2 semester; 1-4 quarter; 1-12 month */
} Period;

/* Parses exactly one of the four forms (no spaces, upper-case S/Q); s need
 * not be NUL-terminated. Returns 0, or -1 for anything else. */
int period_parse(const char *s, size_t len, Period *out);
int period_first_month(Period p);   /* 1..12 */
int period_last_month(Period p);    /* 1..12 */
/* Months since year 0 of the period's last month: orders periods by end,
 * and "counts as of A" is period_end(p) <= period_end(A). */
int period_end(Period p);
int period_format(char *buf, size_t n, Period p);
const char *period_kind_name(PeriodKind k);  /* "year", "semester", "quarter", "month" */
/* The hint that goes with a bad period in every error message. */
/* The years a period, a target or --year may name. */
#define PERIOD_YEAR_MIN 1900
#define PERIOD_YEAR_MAX 2999
#define PERIOD_FORMS "YYYY, YYYY-S1..S2, YYYY-Q1..Q4 or YYYY-MM, years 1900 to 2999"

#endif
