/* period.c: reporting periods. See period.h. */
#include "base/period.h"

#include <stdio.h>

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int period_parse(const char *s, size_t len, Period *out)
{
    int year, idx;
    if (len < 4 || digits(s, 4, &year) != 0 || year < PERIOD_YEAR_MIN || year > PERIOD_YEAR_MAX) return -1;
    Period p = { .year = (int16_t)year, .kind = PER_YEAR, .index = 0 };
    if (len == 4) { *out = p; return 0; }
    if (s[4] != '-') return -1;
    if (len == 7 && (s[5] == 'S' || s[5] == 'Q')) {
        idx = s[6] - '0';
        int max = s[5] == 'S' ? 2 : 4;
        if (idx < 1 || idx > max) return -1;
        p.kind = s[5] == 'S' ? PER_SEMESTER : PER_QUARTER;
    } else if (len == 7 && digits(s + 5, 2, &idx) == 0) {
        if (idx < 1 || idx > 12) return -1;
        p.kind = PER_MONTH;
    } else {
        return -1;
    }
    p.index = (uint8_t)idx;
    *out = p;
    return 0;
}

int period_first_month(Period p)
{
    switch ((PeriodKind)p.kind) {
    case PER_YEAR: return 1;
    case PER_SEMESTER: return p.index * 6 - 5;
    case PER_QUARTER: return p.index * 3 - 2;
    case PER_MONTH: return p.index;
    }
    return 1;
}

int period_last_month(Period p)
{
    switch ((PeriodKind)p.kind) {
    case PER_YEAR: return 12;
    case PER_SEMESTER: return p.index * 6;
    case PER_QUARTER: return p.index * 3;
    case PER_MONTH: return p.index;
    }
    return 12;
}

int period_end(Period p)
{
    return p.year * 12 + period_last_month(p);
}

int period_format(char *buf, size_t n, Period p)
{
    /* the usual case by hand: every realisation row's basis names one */
    if (n >= 9 && p.year >= 1000 && p.year <= 9999 && p.kind <= PER_MONTH) {
        int y = p.year, k = 4;
        for (int i = 3; i >= 0; i--) { buf[i] = (char)('0' + y % 10); y /= 10; }
        if (p.kind == PER_SEMESTER || p.kind == PER_QUARTER) {
            buf[k++] = '-';
            buf[k++] = p.kind == PER_SEMESTER ? 'S' : 'Q';
            buf[k++] = (char)('0' + p.index % 10);
        } else if (p.kind == PER_MONTH) {
            buf[k++] = '-';
            buf[k++] = (char)('0' + p.index / 10 % 10);
            buf[k++] = (char)('0' + p.index % 10);
        }
        buf[k] = '\0';
        return k;
    }
    switch ((PeriodKind)p.kind) {
    case PER_YEAR: return snprintf(buf, n, "%d", p.year);
    case PER_SEMESTER: return snprintf(buf, n, "%d-S%d", p.year, p.index);
    case PER_QUARTER: return snprintf(buf, n, "%d-Q%d", p.year, p.index);
    case PER_MONTH: return snprintf(buf, n, "%d-%02d", p.year, p.index);
    }
    return snprintf(buf, n, "?");
}

const char *period_kind_name(PeriodKind k)
{
    static const char *const names[] = { "year", "semester", "quarter", "month" };
    return (unsigned)k < 4 ? names[k] : "period";
}
