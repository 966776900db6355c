/* output.c: values -> reports.
 *
 * csv and json stream row by row; table and markdown need column widths
 * and a legend of the rules used, so they keep their (already formatted)
 * cells until the end. Every number is formatted by num_format: capaian
 * with the decimals of the indicator's rounding rule, targets and
 * realisations as the data holds them. */
#include "output/output.h"
#include "base/num.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

enum { C_UNIT, C_IND, C_GROUP, C_YEAR, C_TARGET, C_SOURCE, C_REAL, C_BASIS, C_CAPAIAN, C_GRADE, C_LABEL,
       C_SCHEME, C_STATUS, C_REASON, C_RULE, C_COVERAGE, NCOLS };

static const char *const col_names[NCOLS] = {
    "unit", "indicator", "group", "year", "target", "source", "realisation", "basis", "capaian",
    "grade", "label", "scheme", "status", "reason", "rule", "coverage"
};

struct Output {
    FILE *f;
    SkpFormat fmt;
    int color, multi_year;
    int rollups;           /* the plan rolls figures up: csv has the coverage column (last) */
    long rows;
    int started;           /* csv header / json "[" written */
    Arena cells;
    VEC(char **) table;           /* buffered rows of NCOLS cells */
    VEC(const char *) rules;      /* distinct rules, for the legend */
};

int output_format_parse(const char *s, SkpFormat *out)
{
    static const char *const names[] = { "table", "csv", "json", "markdown" };
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) { *out = (SkpFormat)i; return 0; }
    if (strcmp(s, "md") == 0) { *out = SKP_MARKDOWN; return 0; }
    return -1;
}

Output *output_open(FILE *f, SkpFormat fmt, int color, int multi_year, int rollups)
{
    Output *o = mem_xcalloc(1, sizeof *o);
    o->f = f;
    o->fmt = fmt;
    o->color = color && fmt == SKP_TABLE;
    o->multi_year = multi_year;
    o->rollups = rollups;
    return o;
}

/* The coverage column comes last, and only for a plan with roll-ups, so
 * that readers of the other columns are not moved. */
static int csv_columns(const Output *o)
{
    return o->rollups ? NCOLS : NCOLS - 1;
}

/* The CSV header and the JSON '[' go out with the first row (or at a
 * successful close), so that a run that fails before any row prints no
 * half-made report. */
static void start_stream(Output *o)
{
    if (o->started) return;
    o->started = 1;
    if (o->fmt == SKP_CSV) {
        for (int i = 0; i < csv_columns(o); i++) fprintf(o->f, "%s%s", i ? "," : "", col_names[i]);
        fputc('\n', o->f);
    } else if (o->fmt == SKP_JSON) {
        fputs("[", o->f);
    }
}

static char *fmt_num(Arena *a, int has, double v, int digits)
{
    if (!has) return "";
    char buf[64];
    num_format(buf, sizeof buf, v, digits);
    return arena_strdup(a, buf);
}

static const char *target_text(Arena *a, const ResultRow *r)
{
    if (!r->has_target) return "";
    if (r->target_level) return arena_strdup(a, r->target_level);
    char lo[40], hi[40];
    num_format(lo, sizeof lo, r->target, -1);
    if (!r->has_target_hi) return arena_strdup(a, lo);
    num_format(hi, sizeof hi, r->target_hi, -1);
    return arena_printf(a, "%s..%s", lo, hi);
}

/* The realisation as the plan grades it: rounded by `round value` when the
 * plan states one (the IKM at two decimals), else as computed. */
static char *real_text(Arena *a, const ResultRow *r)
{
    if (!r->has_real) return "";
    if (r->real_level) return arena_strdup(a, r->real_level);
    const Rounding *rd = &r->ind->rules.value_round;
    if (rd->mode == ROUND_NONE) return fmt_num(a, 1, r->real, -1);
    return fmt_num(a, 1, r->real_shown, rd->digits);
}

static int capaian_digits(const ResultRow *r)
{
    const Rounding *rd = &r->ind->rules.round;
    return rd->mode == ROUND_NONE ? -1 : rd->digits;
}

/* The grade cells: codes, labels and schemes, joined with "; " when an
 * indicator is graded by more than one scheme. */
static void grade_cells(Arena *a, const ResultRow *r, char **cells)
{
    StrBuf g = {0}, l = {0}, s = {0};
    for (int i = 0; i < r->ngrades; i++) {
        const GradeResult *gr = &r->grades[i];
        if (i) { strbuf_puts(&g, "; "); strbuf_puts(&l, "; "); strbuf_puts(&s, "; "); }
        strbuf_puts(&g, gr->band ? gr->band->code : "");
        strbuf_puts(&l, gr->band ? gr->band->label : "");
        strbuf_printf(&s, "%s (%s)", gr->scheme->name, gr->on == GRADE_VALUE ? "value" : "capaian");
    }
    cells[C_GRADE] = arena_strdup(a, g.s ? g.s : "");
    cells[C_LABEL] = arena_strdup(a, l.s ? l.s : "");
    cells[C_SCHEME] = arena_strdup(a, s.s ? s.s : "");
    strbuf_free(&g);
    strbuf_free(&l);
    strbuf_free(&s);
}

static void row_cells(Arena *a, const ResultRow *r, char **cells)
{
    cells[C_UNIT] = arena_strdup(a, r->unit);
    cells[C_IND] = arena_strdup(a, r->ind->code);
    cells[C_GROUP] = arena_strdup(a, r->group ? r->group : "");
    cells[C_YEAR] = arena_printf(a, "%d", r->year);
    cells[C_TARGET] = (char *)target_text(a, r);
    cells[C_SOURCE] = arena_strdup(a, r->has_target ? r->target_source : "");
    cells[C_REAL] = real_text(a, r);
    cells[C_BASIS] = arena_strdup(a, r->has_real && r->basis ? r->basis : "");
    cells[C_CAPAIAN] = fmt_num(a, r->has_capaian, r->capaian, capaian_digits(r));
    grade_cells(a, r, cells);
    cells[C_STATUS] = arena_strdup(a, result_status_name(r->status));
    cells[C_REASON] = arena_strdup(a, r->reason ? r->reason : "");
    cells[C_RULE] = arena_strdup(a, r->rule ? r->rule : "");
    cells[C_COVERAGE] = r->coverage_expected ? arena_printf(a, "%d/%d", r->coverage_present, r->coverage_expected) : "";
}

/* RFC 4180: quote a field that has a comma, quote or line break. */
static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void output_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* A cell that JSON can take as a number as it stands. */
static int is_json_number(const char *s)
{
    const char *p = s;
    if (*p == '-') p++;
    if (!(*p >= '0' && *p <= '9')) return 0;
    while ((*p >= '0' && *p <= '9') || *p == '.') p++;
    return *p == '\0';
}

static void json_num_or_null(FILE *f, const char *cell)
{
    fputs(*cell ? cell : "null", f);
}

static void json_row(Output *o, const ResultRow *r, char **cells)
{
    FILE *f = o->f;
    fputs(o->rows ? ",\n  {" : "\n  {", f);
    fputs("\"unit\": ", f); output_json_string(f, r->unit);
    fputs(", \"indicator\": ", f); output_json_string(f, r->ind->code);
    fputs(", \"name\": ", f); output_json_string(f, r->ind->name);
    if (r->group) { fputs(", \"group\": ", f); output_json_string(f, r->group); }
    fprintf(f, ", \"year\": %d", r->year);
    fputs(", \"target\": ", f);
    if (r->has_target && r->has_target_hi) {
        char lo[40], hi[40];
        num_format(lo, sizeof lo, r->target, -1);
        num_format(hi, sizeof hi, r->target_hi, -1);
        fprintf(f, "[%s, %s]", lo, hi);
    } else if (r->target_level) output_json_string(f, r->target_level);
    else json_num_or_null(f, cells[C_TARGET]);
    fputs(", \"source\": ", f);
    if (r->has_target) output_json_string(f, r->target_source); else fputs("null", f);
    fputs(", \"realisation\": ", f);
    if (r->real_level) output_json_string(f, r->real_level); else json_num_or_null(f, cells[C_REAL]);
    fputs(", \"basis\": ", f);
    if (*cells[C_BASIS]) output_json_string(f, cells[C_BASIS]); else fputs("null", f);
    if (r->coverage_expected)
        fprintf(f, ", \"coverage\": {\"present\": %d, \"expected\": %d}", r->coverage_present, r->coverage_expected);
    fputs(", \"capaian\": ", f); json_num_or_null(f, cells[C_CAPAIAN]);
    fputs(", \"grades\": [", f);
    for (int i = 0; i < r->ngrades; i++) {
        const GradeResult *g = &r->grades[i];
        fputs(i ? ", {\"scheme\": " : "{\"scheme\": ", f);
        output_json_string(f, g->scheme->name);
        fprintf(f, ", \"on\": \"%s\", \"grade\": ", g->on == GRADE_VALUE ? "value" : "capaian");
        if (g->band) output_json_string(f, g->band->code); else fputs("null", f);
        fputs(", \"label\": ", f);
        if (g->band) output_json_string(f, g->band->label); else fputs("null", f);
        fputc('}', f);
    }
    fputs("], \"status\": ", f); output_json_string(f, result_status_name(r->status));
    fputs(", \"reason\": ", f);
    if (r->reason) output_json_string(f, r->reason); else fputs("null", f);
    fputs(", \"rule\": ", f); output_json_string(f, r->rule);
    fputc('}', f);
}

int output_row(const ResultRow *row, void *out)
{
    Output *o = out;
    char *cells[NCOLS];
    if (o->fmt == SKP_TABLE || o->fmt == SKP_MARKDOWN) {
        char **keep = arena_alloc(&o->cells, NCOLS * sizeof *keep);
        row_cells(&o->cells, row, keep);
        VEC_PUSH(o->table, keep);
        int known = !*keep[C_RULE];       /* a figure without a target has no capaian rule */
        for (int i = 0; i < o->rules.len; i++) known |= strcmp(o->rules.items[i], keep[C_RULE]) == 0;
        if (!known) VEC_PUSH(o->rules, keep[C_RULE]);
    } else {
        start_stream(o);
        Arena tmp = {0};
        row_cells(&tmp, row, cells);
        if (o->fmt == SKP_CSV) {
            for (int i = 0; i < csv_columns(o); i++) {
                if (i) fputc(',', o->f);
                csv_field(o->f, cells[i]);
            }
            fputc('\n', o->f);
        } else {
            json_row(o, row, cells);
        }
        arena_free(&tmp);
    }
    o->rows++;
    return ferror(o->f) ? SKP_RUNTIME : SKP_OK;
}

/* Columns shown by table and markdown: the ones a reader of an LKIP table
 * looks for; the full set is in csv and json. */
static const int shown[] = { C_UNIT, C_IND, C_GROUP, C_YEAR, C_TARGET, C_SOURCE, C_REAL, C_COVERAGE, C_CAPAIAN, C_GRADE, C_STATUS };
#define NSHOWN (int)(sizeof shown / sizeof *shown)

/* Display width of UTF-8 text: count code points, not bytes. */
static int text_width(const char *s)
{
    int w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* "B (Baik)" when a code has its own label, "Tinggi" when the label is the
 * code; several grades stay "; "-joined: "III (Cukup Puas); Rendah". */
static const char *grade_display(Arena *a, char **cells)
{
    if (!*cells[C_GRADE]) return "";
    StrBuf b = {0};
    const char *g = cells[C_GRADE], *l = cells[C_LABEL];
    while (*g) {
        size_t gn = strcspn(g, ";"), ln = strcspn(l, ";");
        if (b.len) strbuf_puts(&b, "; ");
        strbuf_putn(&b, g, gn);
        if (ln && (ln != gn || strncmp(g, l, gn) != 0)) {
            strbuf_puts(&b, " (");
            strbuf_putn(&b, l, ln);
            strbuf_puts(&b, ")");
        }
        g += gn; l += ln;
        while (*g == ';' || *g == ' ') g++;
        while (*l == ';' || *l == ' ') l++;
    }
    const char *r = arena_strdup(a, b.s ? b.s : "");
    strbuf_free(&b);
    return r;
}

static const char *status_display(Arena *a, char **cells)
{
    if (!*cells[C_REASON]) return cells[C_STATUS];
    return arena_printf(a, "%s: %s", cells[C_STATUS], cells[C_REASON]);
}

static const char *colour_of(const char *status)
{
    return strcmp(status, "ok") == 0 ? "32" : strcmp(status, "undefined") == 0 ? "31" : "33";
}

/* The year column only when several years are shown; the group column only
 * when some indicator is grouped, the coverage only when a figure is rolled up. */
static int hidden(const Output *o, int col)
{
    if (col == C_YEAR) return !o->multi_year;
    if (col == C_GROUP || col == C_COVERAGE) {
        for (int r = 0; r < o->table.len; r++)
            if (*o->table.items[r][col]) return 0;
        return 1;
    }
    return 0;
}

static void flush_table(Output *o)
{
    int md = o->fmt == SKP_MARKDOWN;
    int width[NCOLS] = {0};
    for (int k = 0; k < NSHOWN; k++) width[k] = text_width(col_names[shown[k]]);
    for (int r = 0; r < o->table.len; r++) {
        char **cells = o->table.items[r];
        cells[C_GRADE] = (char *)grade_display(&o->cells, cells);
        cells[C_STATUS] = (char *)status_display(&o->cells, cells);
        for (int k = 0; k < NSHOWN; k++) {
            int w = text_width(cells[shown[k]]);
            if (w > width[k]) width[k] = w;
        }
    }
    for (int r = -1; r < o->table.len; r++) {
        if (md) fputs("| ", o->f);
        for (int k = 0; k < NSHOWN; k++) {
            if (hidden(o, shown[k])) continue;
            const char *cell = r < 0 ? col_names[shown[k]] : o->table.items[r][shown[k]];
            int numeric = shown[k] == C_TARGET || shown[k] == C_REAL || shown[k] == C_CAPAIAN;
            int pad = width[k] - text_width(cell);
            int last = k == NSHOWN - 1;
            if (numeric && r >= 0) fprintf(o->f, "%*s", pad, "");
            if (o->color && r >= 0 && shown[k] == C_STATUS)
                fprintf(o->f, "\033[%sm%s\033[0m", colour_of(o->table.items[r][C_STATUS]), cell);
            else fputs(cell, o->f);
            if ((!numeric || r < 0) && (!last || md)) fprintf(o->f, "%*s", pad, "");
            if (!last) fputs(md ? " | " : "  ", o->f);
        }
        fputs(md ? " |\n" : "\n", o->f);
        if (r < 0 && md) {
            fputs("|", o->f);
            for (int k = 0; k < NSHOWN; k++) {
                if (hidden(o, shown[k])) continue;
                int numeric = shown[k] == C_TARGET || shown[k] == C_REAL || shown[k] == C_CAPAIAN;
                for (int i = 0; i < width[k] + 2 - numeric; i++) fputc('-', o->f);
                fputs(numeric ? ":|" : "|", o->f);
            }
            fputc('\n', o->f);
        }
    }
    fputs(md ? "\n" : "\n", o->f);
    for (int i = 0; i < o->rules.len; i++)
        fprintf(o->f, "%scapaian rule: %s%s\n", md ? "- " : "", o->rules.items[i],
                o->rules.len == 1 ? "; graded after rounding" : "");
}

void output_discard(Output *o)
{
    fflush(o->f);
    VEC_FREE(o->table);
    VEC_FREE(o->rules);
    arena_free(&o->cells);
    free(o);
}

void output_close(Output *o, int ok)
{
    if (ok || o->started || o->rows) {     /* rows made before a data error are still the report */
        start_stream(o);
        if (o->fmt == SKP_JSON) fputs(o->rows ? "\n]\n" : "]\n", o->f);
        else if (o->fmt == SKP_TABLE || o->fmt == SKP_MARKDOWN) flush_table(o);
    }
    fflush(o->f);
    VEC_FREE(o->table);
    VEC_FREE(o->rules);
    arena_free(&o->cells);
    free(o);
}

/* ---- the budget report ------------------------------------------------------ */

/* Both pagu (original and revised) and their change come last in csv and
 * json, so that readers of the older columns are not moved. */
enum { B_CODE, B_PARENT, B_LEVEL, B_NAME, B_PAGU, B_REAL, B_SERAPAN, B_SISA, B_KPAGU, B_KREAL,
       B_KSERAPAN, B_PSISA, B_STATUS, B_NOTES, B_PORIG, B_PREV, B_PCHANGE, B_PUSED, NBCOLS };
static const char *const bcol_names[NBCOLS] = {
    "code", "parent", "level", "name", "pagu", "realisasi", "serapan", "sisa", "children_pagu",
    "children_realisasi", "children_serapan", "printed_sisa", "status", "notes", "pagu_original",
    "pagu_revised", "pagu_change", "pagu_used"
};
static const int bshown[] = { B_CODE, B_LEVEL, B_PAGU, B_REAL, B_SERAPAN, B_SISA, B_KSERAPAN, B_STATUS };
#define NBSHOWN (int)(sizeof bshown / sizeof *bshown)
/* the table when any line has a revised pagu: both, the change, and the one used */
static const int bshown_both[] = { B_CODE, B_LEVEL, B_PORIG, B_PREV, B_PCHANGE, B_PAGU, B_REAL, B_SERAPAN, B_SISA,
                                   B_KSERAPAN, B_STATUS };
#define NBSHOWN_BOTH (int)(sizeof bshown_both / sizeof *bshown_both)

static const char *int_cell(Arena *a, int has, int64_t v)
{
    return has ? arena_printf(a, "%lld", (long long)v) : "";
}

static void budget_cells(Arena *a, const Plan *p, const BudgetRow *b, const char **cells)
{
    int digits = p->budget.round.mode == ROUND_NONE ? -1 : p->budget.round.digits;
    cells[B_CODE] = b->code;
    cells[B_PARENT] = b->parent ? b->parent : "";
    cells[B_LEVEL] = b->level ? b->level : "";
    cells[B_NAME] = b->name ? b->name : "";
    cells[B_PAGU] = int_cell(a, b->has_pagu, b->pagu);
    cells[B_REAL] = int_cell(a, b->has_real, b->real);
    cells[B_SERAPAN] = fmt_num(a, b->has_serapan, b->serapan, digits);
    cells[B_SISA] = int_cell(a, b->has_sisa, b->sisa);
    cells[B_KPAGU] = int_cell(a, b->has_children_sum, b->children_pagu);
    cells[B_KREAL] = int_cell(a, b->has_children_sum, b->children_real);
    cells[B_KSERAPAN] = fmt_num(a, b->has_children_serapan, b->children_serapan, digits);
    cells[B_PSISA] = int_cell(a, b->has_printed_sisa, b->printed_sisa);
    cells[B_STATUS] = b->status;
    cells[B_NOTES] = b->notes;
    cells[B_PORIG] = int_cell(a, b->has_pagu_original, b->pagu_original);
    cells[B_PREV] = int_cell(a, b->has_pagu_revised, b->pagu_revised);
    cells[B_PCHANGE] = int_cell(a, b->has_pagu_change, b->pagu_change);
    cells[B_PUSED] = b->pagu_is_revised ? "revised" : "original";
}

static void budget_json(FILE *f, const BudgetRow *b, const char **cells, int first)
{
    fputs(first ? "\n  {" : ",\n  {", f);
    for (int i = 0; i < NBCOLS; i++) {
        int numeric = i == B_PAGU || i == B_REAL || i == B_SERAPAN || i == B_SISA || i == B_KPAGU ||
                      i == B_KREAL || i == B_KSERAPAN || i == B_PSISA || i == B_PORIG || i == B_PREV || i == B_PCHANGE;
        fprintf(f, "%s\"%s\": ", i ? ", " : "", bcol_names[i]);
        if (numeric) json_num_or_null(f, cells[i]);
        else if (i == B_PARENT && !b->parent) fputs("null", f);
        else output_json_string(f, cells[i]);
    }
    fputc('}', f);
}

/* An aligned table (or markdown) of text cells: the columns `cols` of
 * each row, numeric ones right-aligned, the status column coloured on a
 * terminal. Shared by the budget report and diff. */
typedef struct {
    const char *const *names;
    const int *cols;
    int ncols;
    const unsigned char *numeric;   /* indexed by column */
    int status_col;                 /* -1: none */
} Grid;

static void grid_print(FILE *f, int md, int color, const Grid *g, const char ***rows, int n)
{
    int *width = mem_xarray(g->ncols, sizeof *width);
    for (int k = 0; k < g->ncols; k++) {
        width[k] = text_width(g->names[g->cols[k]]);
        for (int r = 0; r < n; r++) {
            int w = text_width(rows[r][g->cols[k]]);
            if (w > width[k]) width[k] = w;
        }
    }
    for (int r = -1; r < n; r++) {
        if (md) fputs("| ", f);
        for (int k = 0; k < g->ncols; k++) {
            int col = g->cols[k], last = k == g->ncols - 1;
            const char *cell = r < 0 ? g->names[col] : rows[r][col];
            int numeric = g->numeric[col];
            int pad = width[k] - text_width(cell);
            if (numeric && r >= 0) fprintf(f, "%*s", pad, "");
            if (color && r >= 0 && col == g->status_col)
                fprintf(f, "\033[%sm%s\033[0m", strncmp(cell, "ok", 2) == 0 ? "32" : "33", cell);
            else fputs(cell, f);
            if ((!numeric || r < 0) && (!last || md)) fprintf(f, "%*s", pad, "");
            if (!last) fputs(md ? " | " : "  ", f);
        }
        fputs(md ? " |\n" : "\n", f);
        if (r < 0 && md) {
            fputs("|", f);
            for (int k = 0; k < g->ncols; k++) {
                int numeric = g->numeric[g->cols[k]];
                for (int i = 0; i < width[k] + 2 - numeric; i++) fputc('-', f);
                fputs(numeric ? ":|" : "|", f);
            }
            fputc('\n', f);
        }
    }
    free(width);
}

static void budget_table(FILE *f, int md, int color, const BudgetReport *r, const char ***rows, int n)
{
    static const unsigned char numeric[NBCOLS] = {
        [B_PAGU] = 1, [B_REAL] = 1, [B_SERAPAN] = 1, [B_SISA] = 1, [B_KPAGU] = 1, [B_KREAL] = 1,
        [B_KSERAPAN] = 1, [B_PSISA] = 1, [B_PORIG] = 1, [B_PREV] = 1, [B_PCHANGE] = 1,
    };
    int both = 0;
    for (int i = 0; i < r->nrows; i++) both |= r->rows[i].has_pagu_revised;
    Grid g = { bcol_names, both ? bshown_both : bshown, both ? NBSHOWN_BOTH : NBSHOWN, numeric, B_STATUS };
    grid_print(f, md, color, &g, rows, n);
}

SkpStatus output_budget(FILE *f, SkpFormat fmt, int color, const Plan *p, const BudgetReport *r)
{
    Arena a = {0};
    const char ***rows = arena_array(&a, r->nrows, sizeof *rows);
    for (int i = 0; i < r->nrows; i++) {
        rows[i] = arena_alloc(&a, NBCOLS * sizeof **rows);
        budget_cells(&a, p, &r->rows[i], rows[i]);
    }
    if (fmt == SKP_CSV) {
        for (int i = 0; i < NBCOLS; i++) fprintf(f, "%s%s", i ? "," : "", bcol_names[i]);
        fputc('\n', f);
        for (int n = 0; n < r->nrows; n++) {
            for (int i = 0; i < NBCOLS; i++) {
                if (i) fputc(',', f);
                csv_field(f, rows[n][i]);
            }
            fputc('\n', f);
        }
    } else if (fmt == SKP_JSON) {
        fputc('[', f);
        for (int n = 0; n < r->nrows; n++) budget_json(f, &r->rows[n], rows[n], n == 0);
        fputs(r->nrows ? "\n]\n" : "]\n", f);
    } else {
        int md = fmt == SKP_MARKDOWN;
        for (int n = 0; n < r->nrows; n++)     /* the status cell carries the findings */
            if (*rows[n][B_NOTES]) rows[n][B_STATUS] = arena_printf(&a, "%s: %s", rows[n][B_STATUS], rows[n][B_NOTES]);
        budget_table(f, md, color && !md, r, rows, r->nrows);
        char rnd[48];
        num_rounding_text(p->budget.round, rnd, sizeof rnd);
        fprintf(f, "\n%sserapan = realisasi / pagu x 100, %s; sisa = pagu - realisasi; pagu: %s\n", md ? "- " : "", rnd,
                p->budget.revised ? "revised where a line has one, else original" : "original");
        if (p->budget.check_rollup)
            fprintf(f, "%s%d line%s differ%s from the sum of %s children\n", md ? "- " : "", r->rollup_mismatches,
                    r->rollup_mismatches == 1 ? "" : "s", r->rollup_mismatches == 1 ? "s" : "",
                    r->rollup_mismatches == 1 ? "its" : "their");
        if (p->budget.check_sisa)
            fprintf(f, "%s%d printed left-over%s differ%s from pagu - realisasi\n", md ? "- " : "", r->sisa_mismatches,
                    r->sisa_mismatches == 1 ? "" : "s", r->sisa_mismatches == 1 ? "s" : "");
    }
    arena_free(&a);
    return ferror(f) ? SKP_RUNTIME : SKP_OK;
}

/* ---- any table of text cells -------------------------------------------------- */

SkpStatus output_cells(FILE *f, SkpFormat fmt, int color, const char *const *names, int ncols,
                 const unsigned char *numeric, const char ***rows, int nrows)
{
    if (fmt == SKP_CSV) {
        for (int i = 0; i < ncols; i++) fprintf(f, "%s%s", i ? "," : "", names[i]);
        fputc('\n', f);
        for (int r = 0; r < nrows; r++) {
            for (int i = 0; i < ncols; i++) {
                if (i) fputc(',', f);
                csv_field(f, rows[r][i]);
            }
            fputc('\n', f);
        }
    } else if (fmt == SKP_JSON) {
        fputc('[', f);
        for (int r = 0; r < nrows; r++) {
            fputs(r ? ",\n  {" : "\n  {", f);
            for (int i = 0; i < ncols; i++) {
                fprintf(f, "%s\"%s\": ", i ? ", " : "", names[i]);
                if (!*rows[r][i]) fputs("null", f);
                else if ((numeric[i] & CELL_NUMBER) && is_json_number(rows[r][i])) fputs(rows[r][i], f);
                else output_json_string(f, rows[r][i]);
            }
            fputc('}', f);
        }
        fputs(nrows ? "\n]\n" : "]\n", f);
    } else {
        /* an optional column (the group) is left out when every cell is empty */
        int *cols = mem_xarray(ncols, sizeof *cols);
        int nshow = 0;
        for (int i = 0; i < ncols; i++) {
            int used = !(numeric[i] & CELL_OPTIONAL);
            for (int r = 0; r < nrows && !used; r++) used = *rows[r][i] != '\0';
            if (used) cols[nshow++] = i;
        }
        unsigned char *num = mem_xmalloc((size_t)(ncols ? ncols : 1));
        for (int i = 0; i < ncols; i++) num[i] = numeric[i] & CELL_NUMBER;
        Grid g = { names, cols, nshow, num, -1 };
        grid_print(f, fmt == SKP_MARKDOWN, color, &g, rows, nrows);
        free(cols);
        free(num);
    }
    return ferror(f) ? SKP_RUNTIME : SKP_OK;
}

void output_row_text(Arena *a, const ResultRow *r, RowText *t)
{
    char *cells[NCOLS];
    row_cells(a, r, cells);
    t->unit = cells[C_UNIT];
    t->indicator = cells[C_IND];
    t->group = cells[C_GROUP];
    t->year = r->year;
    t->target = cells[C_TARGET];
    t->source = cells[C_SOURCE];
    t->real = cells[C_REAL];
    t->capaian = cells[C_CAPAIAN];
    t->grade = grade_display(a, cells);
    t->status = status_display(a, cells);
}
