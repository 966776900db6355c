/* findings.c: what the audits share. See findings.h. */
#include "tools/findings.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a transcription ---------------------------------------------------------- */

void findings_data_error(Diag *d, const char *path, long line, const char *fmt, const char *arg)
{
    fprintf(d->out, "%s:%ld: error: ", path, line);
    fprintf(d->out, fmt, arg);
    fputc('\n', d->out);
    d->errors++;
}

static void on_field(void *s, size_t n, void *ctx)
{
    CsvFile *f = ctx;
    char *cell = arena_strndup(&f->text, s ? s : "", s ? n : 0);
    VEC_PUSH(f->cur, cell);
}

static void on_row(int c, void *ctx)
{
    (void)c;
    CsvFile *f = ctx;
    CsvRow r = { arena_alloc(&f->text, (size_t)(f->cur.len ? f->cur.len : 1) * sizeof(char *)), f->cur.len, f->row_line };
    if (f->cur.len) memcpy(r.cells, f->cur.items, (size_t)f->cur.len * sizeof(char *));
    VEC_PUSH(f->rows, r);
    f->cur.len = 0;
}

int findings_read_csv(const char *path, CsvFile *f, Diag *d)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        diag_plain(d, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, in)) > 0) {
        f->line++;
        if (!f->cur.len) f->row_line = f->line;
        if (csv_parse(&p, line, (size_t)n, on_field, on_row, f) != (size_t)n) {
            findings_data_error(d, path, f->line, "%s", csv_strerror(csv_error(&p)));
            rc = -1;
            break;
        }
    }
    if (!rc && csv_fini(&p, on_field, on_row, f) != 0) {
        findings_data_error(d, path, f->line, "%s", csv_strerror(csv_error(&p)));
        rc = -1;
    }
    csv_free(&p);
    free(line);
    fclose(in);
    if (!rc && !f->rows.len) {
        findings_data_error(d, path, 1, "%s", "the file is empty (expected a header row)");
        rc = -1;
    }
    return rc;
}

void findings_csv_free(CsvFile *f)
{
    VEC_FREE(f->rows);
    VEC_FREE(f->cur);
    arena_free(&f->text);
}

int findings_columns(const CsvFile *f, const char *path, const char *const *names, int nnames, int *col, Diag *d)
{
    for (int i = 0; i < nnames; i++) col[i] = -1;
    int rc = 0;
    const CsvRow *h = &f->rows.items[0];
    for (int i = 0; i < h->ncells; i++) {
        int k = -1;
        for (int j = 0; j < nnames; j++) if (strcmp(h->cells[i], names[j]) == 0) k = j;
        if (k >= 0) { col[k] = i; continue; }
        char known[512] = "";
        for (int j = 0; j < nnames; j++)
            snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", j ? ", " : "", names[j]);
        fprintf(d->out, "%s:1: error: unknown column '%s' (the columns: %s)\n", path, h->cells[i], known);
        d->errors++;
        rc = -1;
    }
    return rc;
}

/* ---- the findings ---------------------------------------------------------------- */

void findings_add(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                  const char *computed, const char *diff, const char *rule)
{
    /* the transcription and the budget report are freed before the findings are printed */
    const char *v[NF] = { where, item, field, printed, computed, diff, rule };
    const char **c = arena_alloc(au->a, NF * sizeof *c);
    for (int i = 0; i < NF; i++) c[i] = arena_strdup(au->a, v[i]);
    VEC_PUSH(au->found, c);
}

const char *findings_where(Audit *au, const char *path, long line, const char *printed_where)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    return printed_where && *printed_where ? arena_printf(au->a, "%s:%ld (%s)", base, line, printed_where)
                                           : arena_printf(au->a, "%s:%ld", base, line);
}

/* ---- printed numbers ---------------------------------------------------------------- */

static int decimals_written(const char *s, NumStyle style)
{
    const char *sep = strrchr(s, style == NUM_INDONESIAN ? ',' : '.');
    if (!sep) return 0;
    int n = 0;
    for (const char *p = sep + 1; *p >= '0' && *p <= '9'; p++) n++;
    return n;
}

NumParseStatus findings_number(const Audit *au, const char *printed, double *v, int *decimals, const char **why)
{
    /* a percent sign, with or without a space before it, is how the figure
     * is printed, not part of it */
    char buf[128];
    size_t n = strlen(printed);
    while (n && printed[n - 1] == ' ') n--;
    if (n && printed[n - 1] == '%') {
        n--;
        while (n && printed[n - 1] == ' ') n--;
    }
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, printed, n);
    buf[n] = '\0';
    *decimals = decimals_written(buf, au->numstyle);
    return num_parse(buf, au->numstyle, v, why);
}

const char *findings_num(Arena *a, double v, int digits)
{
    char buf[64];
    num_format(buf, sizeof buf, v, digits);
    return arena_strdup(a, buf);
}

const char *findings_rupiah_diff(Arena *a, int64_t x, int64_t y)
{
    int64_t d;
    return __builtin_sub_overflow(x, y, &d) ? "beyond 64-bit rupiah" : arena_printf(a, "%lld", (long long)d);
}

const char *findings_rounded_as(Arena *a, double exact, double printed, int decimals, RoundMode rule)
{
    static const RoundMode modes[] = { ROUND_DOWN, ROUND_UP, ROUND_HALF_UP, ROUND_HALF_EVEN };
    double eps = 1e-9 * (1 + fabs(printed));
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (modes[i] == rule) continue;
        Rounding r = { modes[i], decimals };
        if (fabs(num_round(exact, r) - printed) > eps) continue;
        char how[64];
        num_rounding_text(r, how, sizeof how);
        return modes[i] == ROUND_DOWN
                   ? arena_printf(a, "the printed figure is the exact %s truncated (%s)", findings_num(a, exact, -1), how)
                   : arena_printf(a, "the printed figure is the exact %s rounded %s", findings_num(a, exact, -1), how);
    }
    return NULL;
}
