/* audit.c: a printed report against the data. See audit.h.
 *
 * A transcription is a CSV file with a header. Its columns: unit and
 * indicator (required), group and year (optional; the year defaults to the
 * one evaluated), any of target, realisation, capaian and grade (an empty
 * field was not printed), and where (the page or table, for the findings).
 * A printed number agrees when the computed one, rounded half-up to the
 * decimals printed, is the same (100.17 printed as 100 agrees, as 101 it
 * does not), give or take --tolerance. A printed grade agrees when it is
 * the code or the label of one of the row's grades. */
#include "tools/audit.h"
#include "engine/budget.h"
#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a transcription ---------------------------------------------------- */

/* "FILE:LINE: error: reason", as import reports a bad row. */
static void data_error(Diag *d, const char *path, long line, const char *fmt, const char *arg)
{
    fprintf(d->out, "%s:%ld: error: ", path, line);
    fprintf(d->out, fmt, arg);
    fputc('\n', d->out);
    d->errors++;
}

typedef struct {
    char **cells;
    int ncells;
    long line;
} CsvRow;

typedef struct {
    VEC(CsvRow) rows;
    VEC(char *) cur;
    long line, row_line;
    Arena text;
} CsvFile;

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

static int read_csv(const char *path, CsvFile *f, Diag *d)
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
            data_error(d, path, f->line, "%s", csv_strerror(csv_error(&p)));
            rc = -1;
            break;
        }
    }
    if (!rc && csv_fini(&p, on_field, on_row, f) != 0) {
        data_error(d, path, f->line, "%s", csv_strerror(csv_error(&p)));
        rc = -1;
    }
    csv_free(&p);
    free(line);
    fclose(in);
    return rc;
}

/* ---- the computed rows ----------------------------------------------------------- */

typedef struct {
    RowText text;
    int has_target, has_real, has_capaian;
    double target, real, capaian;
    const char *target_level, *real_level;
    const char *grades[MAX_GRADES * 2];   /* code and label of each grade, NULL where in no band */
    int ngrades;
    const char *rule;
    int real_digits, capaian_digits;     /* as the report shows them; -1: as computed */
} Computed;

typedef struct {
    VEC(Computed) rows;
    StrMap at;
    Arena text;
} ComputedSet;

static const char *row_key(Arena *a, const char *unit, const char *ind, const char *group, int year)
{
    return arena_printf(a, "%s|%s|%s|%d", unit, ind, group ? group : "", year);
}

static int collect(const ResultRow *r, void *ctx)
{
    ComputedSet *s = ctx;
    Computed c;
    memset(&c, 0, sizeof c);
    output_row_text(&s->text, r, &c.text);
    c.has_target = r->has_target;
    c.target = r->target;
    c.has_real = r->has_real;
    c.real = r->real_shown;             /* as eval shows it: the one rounding, done by the engine */
    c.has_capaian = r->has_capaian;
    c.capaian = r->capaian;
    c.target_level = r->target_level ? arena_strdup(&s->text, r->target_level) : NULL;
    c.real_level = r->real_level ? arena_strdup(&s->text, r->real_level) : NULL;
    for (int g = 0; g < r->ngrades; g++, c.ngrades++) {     /* NULL, NULL: in no band */
        c.grades[2 * g] = r->grades[g].band ? r->grades[g].band->code : NULL;
        c.grades[2 * g + 1] = r->grades[g].band ? r->grades[g].band->label : NULL;
    }
    c.rule = arena_strdup(&s->text, r->rule ? r->rule : "");
    const Rules *rules = &r->ind->rules;
    c.real_digits = rules->value_round.mode == ROUND_NONE ? -1 : rules->value_round.digits;
    c.capaian_digits = rules->round.mode == ROUND_NONE ? -1 : rules->round.digits;
    strmap_put(&s->at, row_key(&s->text, r->unit, r->ind->code, r->group, r->year), s->rows.len);
    VEC_PUSH(s->rows, c);
    return 0;
}

/* ---- comparing ---------------------------------------------------------------------- */

enum { F_WHERE, F_ITEM, F_FIELD, F_PRINTED, F_COMPUTED, F_DIFF, F_RULE, NF };
typedef VEC(const char **) Findings;

typedef struct {
    const AuditQuery *q;
    Arena *a;
    Findings found;
    int checked;
} Audit;

static void finding(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                    const char *computed, const char *diff, const char *rule)
{
    /* the transcription and the budget report are freed before the findings are printed */
    const char *v[NF] = { where, item, field, printed, computed, diff, rule };
    const char **c = arena_alloc(au->a, NF * sizeof *c);
    for (int i = 0; i < NF; i++) c[i] = arena_strdup(au->a, v[i]);
    VEC_PUSH(au->found, c);
}

static int decimals_written(const char *s, NumStyle style)
{
    const char *sep = strrchr(s, style == NUM_INDONESIAN ? ',' : '.');
    if (!sep) return 0;
    int n = 0;
    for (const char *p = sep + 1; *p >= '0' && *p <= '9'; p++) n++;
    return n;
}

static const char *fmt(Arena *a, double v, int digits)
{
    char buf[64];
    num_format(buf, sizeof buf, v, digits);
    return arena_strdup(a, buf);
}

/* One printed number against the computed one, at the printed precision. */
static void compare_number(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                           int has, double computed, int shown_digits, const char *level, const char *rule)
{
    au->checked++;
    if (level) {
        if (strcmp(level, printed) != 0) finding(au, where, item, field, printed, level, "", rule);
        return;
    }
    double p;
    const char *why = NULL;
    if (num_parse(printed, au->q->numstyle, &p, &why) != NUMP_OK) {
        finding(au, where, item, field, printed, has ? fmt(au->a, computed, -1) : "missing",
                "", arena_printf(au->a, "the printed value %s", why));
        return;
    }
    if (!has) {
        finding(au, where, item, field, printed, "missing", "", "sakipc has no figure here");
        return;
    }
    int d = decimals_written(printed, au->q->numstyle);
    double shown = num_round(computed, (Rounding){ ROUND_HALF_UP, d });
    double eps = 1e-9 * (1 + fabs(p));
    if (fabs(p - shown) <= eps) return;                 /* the printed rounding of the figure */
    /* a tolerance allows that much beyond the rounding: whole percents within 0.5 + X */
    if (au->q->tolerance > 0 && fabs(p - computed) <= au->q->tolerance + 0.5 * pow(10, -d) + eps) return;
    const char *r = arena_printf(au->a, "%s%scompared at the %d decimal%s printed%s", rule, *rule ? "; " : "", d,
                                 d == 1 ? "" : "s", au->q->tolerance > 0 ? arena_printf(au->a, ", tolerance %s", fmt(au->a, au->q->tolerance, -1)) : "");
    /* the computed figure is already as eval shows it (rounded by the plan's
     * rule in the engine); re-rounding it here once made audit disagree with
     * eval under `round value down` */
    finding(au, where, item, field, printed, fmt(au->a, computed, shown_digits), fmt(au->a, p - computed, -1), r);
}


/* a and b the same for n bytes, ignoring ASCII case */
static int same_text_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 32) != (b[i] | 32)) return 0;
    return 1;
}

/* Grade i of the row as printed: its code or label, or empty for no band. */
static int grade_is(const Computed *c, int i, const char *printed, size_t n)
{
    const char *code = c->grades[2 * i], *label = c->grades[2 * i + 1];
    if (!code) return n == 0;
    return (strlen(code) == n && same_text_n(printed, code, n)) || (strlen(label) == n && same_text_n(printed, label, n));
}

/* A printed grade is one grade of the row (its code or label), or all of
 * them in order as eval prints them, "; "-separated ("AA; M"). */
static void compare_grade(Audit *au, const char *where, const char *item, const char *printed, const Computed *c)
{
    au->checked++;
    if (strchr(printed, ';')) {
        int i = 0, ok = 1;
        for (const char *p = printed;; i++) {
            const char *end = strchr(p, ';');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            while (n && p[n - 1] == ' ') n--;
            if (i >= c->ngrades || !grade_is(c, i, p, n)) ok = 0;
            if (!end) break;
            for (p = end + 1; *p == ' '; p++) {}
        }
        if (ok && i + 1 == c->ngrades) return;
    } else {
        for (int g = 0; g < c->ngrades; g++)
            if (grade_is(c, g, printed, strlen(printed))) return;
    }
    finding(au, where, item, "grade", printed, *c->text.grade ? c->text.grade : "none", "", "the plan's grade schemes");
}

/* ---- the transcription, row by row ----------------------------------------------- */

enum { P_UNIT, P_IND, P_GROUP, P_YEAR, P_TARGET, P_REAL, P_CAPAIAN, P_GRADE, P_WHERE, NP };
static const char *const pcols[NP] = { "unit", "indicator", "group", "year", "target", "realisation", "capaian", "grade", "where" };

static int audit_file(Audit *au, const char *path, ComputedSet *cs, int year, Diag *d)
{
    CsvFile f;
    memset(&f, 0, sizeof f);
    int rc = read_csv(path, &f, d) ? SKP_DATA : SKP_OK;
    int col[NP];
    for (int i = 0; i < NP; i++) col[i] = -1;
    if (!rc && !f.rows.len) { data_error(d, path, 1, "%s", "the file is empty (expected a header row)"); rc = SKP_DATA; }
    for (int i = 0; !rc && i < f.rows.items[0].ncells; i++) {
        int k = -1;
        for (int j = 0; j < NP; j++) if (strcmp(f.rows.items[0].cells[i], pcols[j]) == 0) k = j;
        if (k < 0) {
            data_error(d, path, 1, "unknown column '%s' (the columns: unit, indicator, group, year, target, realisation, capaian, grade, where)",
                       f.rows.items[0].cells[i]);
            rc = SKP_DATA;
        } else col[k] = i;
    }
    if (!rc && (col[P_UNIT] < 0 || col[P_IND] < 0)) {
        data_error(d, path, 1, "%s", "a transcription needs the columns unit and indicator");
        rc = SKP_DATA;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    for (int r = 1; !rc && r < f.rows.len; r++) {
        const CsvRow *row = &f.rows.items[r];
        const char *cell[NP];
        for (int k = 0; k < NP; k++) cell[k] = col[k] >= 0 && col[k] < row->ncells ? row->cells[col[k]] : "";
        int y = year;
        if (*cell[P_YEAR]) {
            char *end;
            long v = strtol(cell[P_YEAR], &end, 10);
            if (*end || v < 1900 || v > 2999) {
                data_error(d, path, row->line, "column 'year': '%s' is not a year", cell[P_YEAR]);
                rc = SKP_DATA;
                break;
            }
            y = (int)v;
        }
        const char *where = *cell[P_WHERE] ? arena_printf(au->a, "%s:%ld (%s)", base, row->line, cell[P_WHERE])
                                           : arena_printf(au->a, "%s:%ld", base, row->line);
        const char *item = arena_printf(au->a, "%s %s%s%s %d", cell[P_UNIT], cell[P_IND], *cell[P_GROUP] ? " " : "",
                                        cell[P_GROUP], y);
        int at = strmap_get(&cs->at, row_key(au->a, cell[P_UNIT], cell[P_IND], *cell[P_GROUP] ? cell[P_GROUP] : NULL, y));
        if (at < 0) {
            au->checked++;
            finding(au, where, item, "row", "printed", "no such row", "", "the plan has no such unit, indicator, group and year");
            continue;
        }
        const Computed *c = &cs->rows.items[at];
        if (*cell[P_TARGET]) compare_number(au, where, item, "target", cell[P_TARGET], c->has_target, c->target, -1, c->target_level, "");
        if (*cell[P_REAL]) compare_number(au, where, item, "realisation", cell[P_REAL], c->has_real, c->real, c->real_digits, c->real_level, "");
        if (*cell[P_CAPAIAN]) compare_number(au, where, item, "capaian", cell[P_CAPAIAN], c->has_capaian, c->capaian, c->capaian_digits, NULL, c->rule);
        if (*cell[P_GRADE]) compare_grade(au, where, item, cell[P_GRADE], c);
    }
    VEC_FREE(f.rows);
    VEC_FREE(f.cur);
    arena_free(&f.text);
    return rc;
}

static const char *rupiah_diff(Arena *a, int64_t x, int64_t y)
{
    int64_t d;
    return __builtin_sub_overflow(x, y, &d) ? "beyond 64-bit rupiah" : arena_printf(a, "%lld", (long long)d);
}

/* The plan's budget checks, as findings: a printed table that does not add up. */
static int audit_budget(Audit *au, const Plan *p, Store *store, Diag *d)
{
    BudgetReport br;
    int rc = budget_run(p, store, &br, d);
    if (rc) { budget_free(&br); return rc; }
    for (int i = 0; i < br.nrows; i++) {
        const BudgetRow *b = &br.rows[i];
        const char *base = b->file && strrchr(b->file, '/') ? strrchr(b->file, '/') + 1 : b->file ? b->file : "budget";
        const char *where = arena_printf(au->a, "%s:%d", base, b->line);
        const char *item = arena_printf(au->a, "budget %s", b->code);
        if (p->budget.check_rollup && b->has_children_sum) {
            au->checked += 2;
            if (b->has_pagu && b->pagu != b->children_pagu)
                finding(au, where, item, "pagu", arena_printf(au->a, "%lld", (long long)b->pagu),
                        arena_printf(au->a, "%lld", (long long)b->children_pagu), rupiah_diff(au->a, b->pagu, b->children_pagu),
                        "the sum of its children");
            if (b->has_real && b->real != b->children_real)
                finding(au, where, item, "realisasi", arena_printf(au->a, "%lld", (long long)b->real),
                        arena_printf(au->a, "%lld", (long long)b->children_real), rupiah_diff(au->a, b->real, b->children_real),
                        "the sum of its children");
        }
        if (p->budget.check_sisa && b->has_sisa && b->has_printed_sisa) {
            au->checked++;
            if (b->sisa != b->printed_sisa)
                finding(au, where, item, "sisa", arena_printf(au->a, "%lld", (long long)b->printed_sisa),
                        arena_printf(au->a, "%lld", (long long)b->sisa), rupiah_diff(au->a, b->printed_sisa, b->sisa),
                        "pagu - realisasi");
        }
    }
    budget_free(&br);
    return 0;
}

SkpStatus audit_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const AuditQuery *q,
              SkpFormat fmt, int color, FILE *out, Diag *d)
{
    if (opt->year_from != opt->year_to && q->nfiles) {
        diag_plain(d, "audit reads one year's report: give --year Y");
        return SKP_USAGE;
    }
    Arena a = {0};
    Audit au = { q, &a, {0}, 0 };
    ComputedSet cs;
    memset(&cs, 0, sizeof cs);
    int rc = q->nfiles ? eval_run(cp, store, opt, collect, &cs, d) : 0;
    for (int i = 0; !rc && i < q->nfiles; i++) rc = audit_file(&au, q->files[i], &cs, opt->year_from, d);
    if (!rc && (cp->plan->budget.check_rollup || cp->plan->budget.check_sisa)) rc = audit_budget(&au, cp->plan, store, d);
    if (!rc) {
        static const char *const names[NF] = { "where", "item", "field", "printed", "computed", "difference", "rule" };
        static const unsigned char flags[NF] = { [F_DIFF] = CELL_NUMBER };
        int text = fmt == SKP_TABLE || fmt == SKP_MARKDOWN;
        if (au.found.len || !text) rc = output_cells(out, fmt, color, names, NF, flags, au.found.items, au.found.len);
        if (!rc && (fmt == SKP_TABLE || fmt == SKP_MARKDOWN))
            fprintf(out, "%s%s%d printed figure%s checked, %d disagree%s\n", au.found.len ? "\n" : "", fmt == SKP_MARKDOWN ? "- " : "", au.checked,
                    au.checked == 1 ? "" : "s", au.found.len, au.found.len == 1 ? "s" : "");
        if (!rc && au.found.len) rc = SKP_DISAGREES;
    }
    VEC_FREE(au.found);
    VEC_FREE(cs.rows);
    strmap_free(&cs.at);
    arena_free(&cs.text);
    arena_free(&a);
    return rc;
}
