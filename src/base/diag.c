/* diag.c: diagnostics in one format for every stage:
 *
 *   plan.skp:12:7: error: unknown indicator 'IKN' (did you mean 'IKM'?)
 *      12 |     realisation = IKN * 2
 *         |                   ^~~
 */
#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diag *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->max_errors = 50;
}

/* Copies line `line` of src (without its newline) into buf. */
static const char *line_of(const Source *src, int line, size_t *len)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    if (*len && p[*len - 1] == '\r') (*len)--;
    return p;
}

/* A line longer than this is shown in part: EXCERPT_WIDTH bytes around
 * the culprit, "..." where it is cut (a plan may be one line of megabytes). */
#define EXCERPT_WIDTH 160

/* The source line and a caret under loc.col, tildes to loc.end_col when the
 * culprit spans more than one column on the same line. Tabs in the prefix
 * are copied so the caret lines up in any tab setting. */
static void show_excerpt(Diag *d, Loc loc)
{
    size_t len;
    const char *text = loc.src ? line_of(loc.src, loc.line, &len) : NULL;
    if (!text) return;
    size_t from = 0, to = len;              /* the part shown: text[from, to) */
    if (len > EXCERPT_WIDTH) {
        size_t col = loc.col > 0 ? (size_t)loc.col - 1 : 0;
        from = col > EXCERPT_WIDTH / 2 ? col - EXCERPT_WIDTH / 2 : 0;
        if (from > len - EXCERPT_WIDTH) from = len - EXCERPT_WIDTH;
        to = from + EXCERPT_WIDTH;
        /* cut between characters, not inside one */
        while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80) from--;
        while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80) to++;
    }
    const char *pre = from > 0 ? "..." : "", *post = to < len ? "..." : "";
    fprintf(d->out, "%5d | %s%.*s%s\n      | %s", loc.line, pre, (int)(to - from), text + from, post, from > 0 ? "   " : "");
    for (int c = (int)from + 1; c < loc.col && (size_t)(c - 1) < to; c++)
        fputc(text[c - 1] == '\t' ? '\t' : ' ', d->out);
    fputc('^', d->out);
    if (loc.end_line == loc.line)
        for (int c = loc.col + 1; c <= loc.end_col && (size_t)(c - 1) < to; c++)
            fputc('~', d->out);
    fputc('\n', d->out);
}

static void vreport(Diag *d, Loc loc, const char *kind, const char *colour,
                    const char *fmt, va_list ap)
{
    if (loc.src)
        fprintf(d->out, "%s:%d:%d: ", loc.src->path, loc.line, loc.col);
    else
        fputs("sakipc: ", d->out);
    if (d->color) fprintf(d->out, "\033[%sm%s:\033[0m ", colour, kind);
    else fprintf(d->out, "%s: ", kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    if (loc.src) show_excerpt(d, loc);
}

/* Past max_errors we keep counting but stop printing, and say so once. */
static int over_limit(Diag *d)
{
    if (d->max_errors && d->errors == d->max_errors)
        fprintf(d->out, "sakipc: too many errors, stopping after %d\n", d->max_errors);
    return d->max_errors && d->errors >= d->max_errors;
}

void diag_error(Diag *d, Loc loc, const char *fmt, ...)
{
    int quiet = over_limit(d);
    d->errors++;
    if (quiet) return;
    va_list ap;
    va_start(ap, fmt);
    vreport(d, loc, "error", "1;31", fmt, ap);
    va_end(ap);
}

void diag_warning(Diag *d, Loc loc, const char *fmt, ...)
{
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    vreport(d, loc, "warning", "1;35", fmt, ap);
    va_end(ap);
}

void diag_note(Diag *d, Loc loc, const char *fmt, ...)
{
    if (d->max_errors && d->errors > d->max_errors) return;
    va_list ap;
    va_start(ap, fmt);
    vreport(d, loc, "note", "1;36", fmt, ap);
    va_end(ap);
}

void diag_fail(Diag *d, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(d, loc, "fail", "1;31", fmt, ap);
    va_end(ap);
}

void diag_plain(Diag *d, const char *fmt, ...)
{
    d->errors++;
    va_list ap;
    va_start(ap, fmt);
    Loc none = {0};
    vreport(d, none, "error", "1;31", fmt, ap);
    va_end(ap);
}

void diag_usage(Diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->usage, sizeof d->usage, fmt, ap);
    va_end(ap);
}

void diag_summary(Diag *d)
{
    if (d->errors == 1) fputs("1 error\n", d->out);
    else if (d->errors > 1) fprintf(d->out, "%d errors\n", d->errors);
}
