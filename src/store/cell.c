/* cell.c: one field of a CSV row as the value its column takes (cell.h):
 * text that is valid UTF-8, numbers plain or Indonesian (never guessed),
 * exact integers, years, periods, levels of a scale, known units. */
#include "store/cell.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/num.h"
#include "base/period.h"
#include "base/text.h"

void cell_problem(StrBuf *reason, const char *fmt, ...)
{
    if (reason->len) strbuf_puts(reason, "; ");
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    strbuf_puts(reason, tmp);
}

static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2 : (*s & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *s < 0xC2)) return 0;
        s++;
        for (int k = 0; k < n; k++, s++)
            if ((*s & 0xC0) != 0x80) return 0;
    }
    return 1;
}

static int in_range(const ColSpec *c, double v)
{
    return !c->has_range || (v >= c->lo && v <= c->hi);
}

static void range_problem(const CellContext *cx, const ColSpec *c, const char *text)
{
    char lo[40], hi[40];
    num_format(lo, sizeof lo, c->lo, -1);
    num_format(hi, sizeof hi, c->hi, -1);
    cell_problem(cx->reason, "column '%s': %s is outside %s..%s", c->name, text, lo, hi);
}

/* A level of a scale as written in data: a letter, then letters, digits,
 * '_' or '-' (WTP, BB, A), so that no number is ever taken for one. */
static int is_level_code(const char *t)
{
    if (!((*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z'))) return 0;
    size_t n = 0;
    for (; t[n]; n++) {
        char ch = t[n];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
            return 0;
    }
    return n <= 32;
}

static int convert_number(const CellContext *cx, const ColSpec *c, const char *text, Cell *out)
{
    const char *why = NULL;
    if (num_parse(text, cx->numstyle, &out->d, &why) != NUMP_OK) {
        cell_problem(cx->reason, "column '%s': '%s' %s", c->name, text, why);
        return -1;
    }
    if (!in_range(c, out->d)) { range_problem(cx, c, text); return -1; }
    out->type = SQLITE_FLOAT;
    return 0;
}

/* A unit code that is not in the units table, with the nearest one when
 * the table is small enough to search. */
static int unknown_unit(const CellContext *cx, const ColSpec *c, const char *text)
{
    const StrMap *units = cx->units;
    const char *cands[64];
    int n = 0;
    for (int i = 0; i < units->cap && n < 64; i++)
        if (units->keys[i]) cands[n++] = units->keys[i];
    const char *s = units->len <= 64 ? text_suggest(text, cands, n) : NULL;
    if (s) cell_problem(cx->reason, "column '%s': unknown unit '%s' (did you mean '%s'?)", c->name, text, s);
    else cell_problem(cx->reason, "column '%s': unknown unit '%s' (load it in units.csv first)", c->name, text);
    return -1;
}

int cell_convert(const CellContext *cx, const ColSpec *c, const char *text, Cell *out)
{
    const char *why = NULL;
    switch (c->kind) {
    case K_TEXT:
    case K_CODE:
        if (!valid_utf8((const unsigned char *)text)) {
            cell_problem(cx->reason, "column '%s': not valid UTF-8", c->name);
            return -1;
        }
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    case K_LEVEL:
        if (cx->levels && is_level_code(text)) {   /* checked against the indicator's scale at eval */
            out->type = SQLITE_TEXT;
            out->s = text;
            return 0;
        }
        return convert_number(cx, c, text, out);
    case K_NUM:
        return convert_number(cx, c, text, out);
    case K_INT:
        if (num_parse_int(text, cx->numstyle, &out->i, &why) != NUMP_OK) {
            cell_problem(cx->reason, "column '%s': '%s' %s", c->name, text, why);
            return -1;
        }
        if (!in_range(c, (double)out->i)) { range_problem(cx, c, text); return -1; }
        out->type = SQLITE_INTEGER;
        return 0;
    case K_YEAR: {
        Period p;
        if (strlen(text) != 4 || period_parse(text, 4, &p) != 0) {
            cell_problem(cx->reason, "column '%s': '%s' is not a year (1900..2999)", c->name, text);
            return -1;
        }
        out->type = SQLITE_INTEGER;
        out->i = p.year;
        return 0;
    }
    case K_PERIOD: {
        Period p;
        if (period_parse(text, strlen(text), &p) != 0) {
            cell_problem(cx->reason, "column '%s': '%s' is not a period (%s)", c->name, text, PERIOD_FORMS);
            return -1;
        }
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    }
    case K_UNIT:
        if (strmap_get(cx->units, text) < 0) return unknown_unit(cx, c, text);
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    }
    return -1;
}

/* Splits an array field ("4 4 3 ...") in place into cells; the count is
 * checked first, as it is the clearer problem. */
int cell_convert_array(const CellContext *cx, const ColSpec *c, char *text, Cell *out)
{
    int n = 0;
    for (const char *p = text; *p;) {
        p += strspn(p, " \t");
        if (!*p) break;
        n++;
        p += strcspn(p, " \t");
    }
    if (n != c->array_len) {
        cell_problem(cx->reason, "column '%s': expected %d %s, found %d", c->name, c->array_len, c->name, n);
        return -1;
    }
    ColSpec one = *c;
    one.array_len = 0;
    char *save = NULL;
    int k = 0;
    for (char *tok = strtok_r(text, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
        if (cell_convert(cx, &one, tok, &out[k++]) != 0) return -1;
    return 0;
}
