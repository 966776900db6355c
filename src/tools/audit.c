/* audit.c: a printed report against the data. See audit.h.
 *
 * A transcription is a CSV file with a header. Its columns: unit and
 * indicator (required), group and year (optional; the year defaults to the
 * one evaluated), any of target, realisation, capaian and grade (an empty
 * field was not printed), and where (the page or table, for the findings).
 * A printed number agrees when the computed one, rounded half-up to the
 * decimals printed, is the same (100.17 printed as 100 agrees, as 101 it
 * does not), give or take --tolerance. A printed grade agrees when it is
 * the code or the label of one of the row's grades, or all of them in
 * order. A transcription with a `code` column is of budget lines
 * (budgetaudit.c). */
#include "tools/audit.h"
#include "tools/budgetaudit.h"
#include "tools/findings.h"
#include "engine/budget.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    const Plan *plan;
    int year;                           /* the links' capaian kinerja is of this year */
    BudgetLinkSum *link_sums;           /* per plan->budget.links */
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
    budget_link_add(s->plan, s->link_sums, s->year, r, &s->text);
    VEC_PUSH(s->rows, c);
    return 0;
}

/* ---- comparing ---------------------------------------------------------------------- */

/* One printed number against the computed one, at the printed precision. */
static void compare_number(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                           int has, double computed, int shown_digits, const char *level, const char *rule)
{
    au->checked++;
    if (level) {
        if (strcmp(level, printed) != 0) findings_add(au, where, item, field, printed, level, "", rule);
        return;
    }
    double p;
    int d;
    const char *why = NULL;
    if (findings_number(au, printed, &p, &d, &why) != NUMP_OK) {
        findings_add(au, where, item, field, printed, has ? findings_num(au->a, computed, -1) : "missing",
                     "", arena_printf(au->a, "the printed value %s", why));
        return;
    }
    if (!has) {
        findings_add(au, where, item, field, printed, "missing", "", "sakipc has no figure here");
        return;
    }
    double shown = num_round(computed, (Rounding){ ROUND_HALF_UP, d });
    double eps = 1e-9 * (1 + fabs(p));
    if (fabs(p - shown) <= eps) return;                 /* the printed rounding of the figure */
    /* a tolerance allows that much beyond the rounding: whole percents within 0.5 + X */
    if (au->tolerance > 0 && fabs(p - computed) <= au->tolerance + 0.5 * pow(10, -d) + eps) return;
    const char *r = arena_printf(au->a, "%s%scompared at the %d decimal%s printed%s", rule, *rule ? "; " : "", d,
                                 d == 1 ? "" : "s", au->tolerance > 0 ? arena_printf(au->a, ", tolerance %s", findings_num(au->a, au->tolerance, -1)) : "");
    /* the computed figure is already as eval shows it (rounded by the plan's
     * rule in the engine); re-rounding it here once made audit disagree with
     * eval under `round value down` */
    findings_add(au, where, item, field, printed, findings_num(au->a, computed, shown_digits), findings_num(au->a, p - computed, -1), r);
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
    findings_add(au, where, item, "grade", printed, *c->text.grade ? c->text.grade : "none", "", "the plan's grade schemes");
}

/* ---- a transcription of the achievement table, row by row ------------------------ */

enum { P_UNIT, P_IND, P_GROUP, P_YEAR, P_TARGET, P_REAL, P_CAPAIAN, P_GRADE, P_WHERE, NP };
static const char *const pcols[NP] = { "unit", "indicator", "group", "year", "target", "realisation", "capaian", "grade", "where" };

/* One printed row against the computed one. Returns SKP_DATA for a year
 * that is not a year (reported), else SKP_OK. */
static int audit_row(Audit *au, const char *path, const CsvRow *row, const int *col, ComputedSet *cs, int year, Diag *d)
{
    const char *cell[NP];
    for (int k = 0; k < NP; k++) cell[k] = col[k] >= 0 && col[k] < row->ncells ? row->cells[col[k]] : "";
    int y = year;
    if (*cell[P_YEAR]) {
        char *end;
        long v = strtol(cell[P_YEAR], &end, 10);
        if (*end || v < 1900 || v > 2999) {
            findings_data_error(d, path, row->line, "column 'year': '%s' is not a year", cell[P_YEAR]);
            return SKP_DATA;
        }
        y = (int)v;
    }
    const char *where = findings_where(au, path, row->line, cell[P_WHERE]);
    const char *item = arena_printf(au->a, "%s %s%s%s %d", cell[P_UNIT], cell[P_IND], *cell[P_GROUP] ? " " : "",
                                    cell[P_GROUP], y);
    int at = strmap_get(&cs->at, row_key(au->a, cell[P_UNIT], cell[P_IND], *cell[P_GROUP] ? cell[P_GROUP] : NULL, y));
    if (at < 0) {
        au->checked++;
        findings_add(au, where, item, "row", "printed", "no such row", "", "the plan has no such unit, indicator, group and year");
        return SKP_OK;
    }
    const Computed *c = &cs->rows.items[at];
    if (*cell[P_TARGET]) compare_number(au, where, item, "target", cell[P_TARGET], c->has_target, c->target, -1, c->target_level, "");
    if (*cell[P_REAL]) compare_number(au, where, item, "realisation", cell[P_REAL], c->has_real, c->real, c->real_digits, c->real_level, "");
    if (*cell[P_CAPAIAN]) compare_number(au, where, item, "capaian", cell[P_CAPAIAN], c->has_capaian, c->capaian, c->capaian_digits, NULL, c->rule);
    if (*cell[P_GRADE]) compare_grade(au, where, item, cell[P_GRADE], c);
    return SKP_OK;
}

static int audit_rows(Audit *au, const char *path, const CsvFile *f, ComputedSet *cs, int year, Diag *d)
{
    int col[NP];
    if (findings_columns(f, path, pcols, NP, col, d)) return SKP_DATA;
    if (col[P_UNIT] < 0 || col[P_IND] < 0) {
        findings_data_error(d, path, 1, "%s", "a transcription needs the columns unit and indicator (or code, for budget lines)");
        return SKP_DATA;
    }
    for (int r = 1; r < f->rows.len; r++)
        if (audit_row(au, path, &f->rows.items[r], col, cs, year, d)) return SKP_DATA;
    return SKP_OK;
}

static int has_column(const CsvFile *f, const char *name)
{
    for (int i = 0; i < f->rows.items[0].ncells; i++)
        if (!strcmp(f->rows.items[0].cells[i], name)) return 1;
    return 0;
}

/* One transcription: of budget lines when it has a `code` column, else of
 * the achievement table; one of the part --only leaves out is skipped. */
static int audit_file(Audit *au, const char *path, ComputedSet *cs, const BudgetFigures *bf, int year, int only, Diag *d)
{
    CsvFile f;
    memset(&f, 0, sizeof f);
    int rc = findings_read_csv(path, &f, d) ? SKP_DATA : SKP_OK;
    int budget = !rc && has_column(&f, "code");
    int skipped = only == (budget ? AUDIT_INDICATORS : AUDIT_BUDGET);
    if (!rc && !skipped && !budget) rc = audit_rows(au, path, &f, cs, year, d);
    else if (!rc && !skipped && bf) rc = budgetaudit_file(au, path, &f, bf, d);
    else if (!rc && !skipped) {
        findings_data_error(d, path, 1, "%s", "a transcription of budget lines (a 'code' column) needs a 'budget { ... }' block in the plan");
        rc = SKP_DATA;
    }
    findings_csv_free(&f);
    return rc;
}

static int print_findings(Audit *au, SkpFormat fmt, int color, FILE *out)
{
    static const char *const names[NF] = { "where", "item", "field", "printed", "computed", "difference", "rule" };
    static const unsigned char flags[NF] = { [F_DIFF] = CELL_NUMBER };
    int text = fmt == SKP_TABLE || fmt == SKP_MARKDOWN;
    int rc = 0;
    if (au->found.len || !text) rc = output_cells(out, fmt, color, names, NF, flags, au->found.items, au->found.len);
    if (!rc && text)
        fprintf(out, "%s%s%d printed figure%s checked, %d disagree%s\n", au->found.len ? "\n" : "", fmt == SKP_MARKDOWN ? "- " : "",
                au->checked, au->checked == 1 ? "" : "s", au->found.len, au->found.len == 1 ? "s" : "");
    if (!rc && au->found.len) rc = SKP_DISAGREES;
    return rc;
}

SkpStatus audit_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const AuditQuery *q,
              SkpFormat fmt, int color, FILE *out, Diag *d)
{
    if (opt->year_from != opt->year_to && q->nfiles) {
        diag_plain(d, "audit reads one year's report: give --year Y");
        return SKP_USAGE;
    }
    const Plan *p = cp->plan;
    Arena a = {0};
    Audit au = { q->tolerance, q->numstyle, &a, {0}, 0 };
    ComputedSet cs;
    memset(&cs, 0, sizeof cs);
    cs.plan = p;
    cs.year = opt->year_to;
    cs.link_sums = mem_xarray(p->budget.nlinks, sizeof *cs.link_sums);
    BudgetReport br;
    memset(&br, 0, sizeof br);
    int rc = q->nfiles ? eval_run(cp, store, opt, collect, &cs, d) : 0;
    if (!rc && p->budget.declared && q->only != AUDIT_INDICATORS) rc = budget_run(p, store, &br, d);
    BudgetFigures bf = { p, &br, cs.link_sums, opt->year_to, q->nfiles > 0 };
    const BudgetFigures *budget = p->budget.declared && q->only != AUDIT_INDICATORS ? &bf : NULL;
    for (int i = 0; !rc && i < q->nfiles; i++) rc = audit_file(&au, q->files[i], &cs, budget, opt->year_from, q->only, d);
    if (!rc && budget && q->only != AUDIT_INDICATORS) budgetaudit_table(&au, budget);
    if (!rc) rc = print_findings(&au, fmt, color, out);
    budget_free(&br);
    free(cs.link_sums);
    VEC_FREE(au.found);
    VEC_FREE(cs.rows);
    strmap_free(&cs.at);
    arena_free(&cs.text);
    arena_free(&a);
    return rc;
}
