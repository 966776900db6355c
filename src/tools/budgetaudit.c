/* budgetaudit.c: a printed budget table against the budget module. See
 * budgetaudit.h.
 *
 * Rupiah agree when they are equal. A printed percentage agrees when the
 * exact figure, rounded by the budget block's rule (its mode, at the
 * decimals printed), is the printed one, give or take --tolerance; one
 * that disagrees is shown with the figure as the rule gives it, the
 * difference, and how the printed one was rounded when another mode gives
 * it ("the printed figure is the exact 76.625 truncated (down to 2
 * decimals)"). */
#include "tools/budgetaudit.h"
#include "base/arena.h"

#include <math.h>
#include <string.h>

/* ---- one figure ------------------------------------------------------------------- */

static const char *rupiah(Arena *a, int64_t v)
{
    return arena_printf(a, "%lld", (long long)v);
}

/* text: the printed figure as written, or NULL to write it out */
static void compare_rupiah(Audit *au, const char *where, const char *item, const char *field, const char *text,
                           int64_t printed, int has, int64_t computed, const char *missing_why, const char *rule)
{
    au->checked++;
    if (!text) text = rupiah(au->a, printed);
    if (!has) findings_add(au, where, item, field, text, "missing", "", missing_why);
    else if (printed != computed)
        findings_add(au, where, item, field, text, rupiah(au->a, computed), findings_rupiah_diff(au->a, printed, computed), rule);
}

/* A printed percentage p with d decimals against the exact figure, rounded
 * by rule. formula says what the figure is ("realisasi / pagu x 100"). */
static void compare_percent(Audit *au, const char *where, const char *item, const char *field, const char *printed,
                            double p, int d, int has, double exact, const char *missing_why, Rounding rule,
                            const char *formula)
{
    au->checked++;
    if (!has) { findings_add(au, where, item, field, printed, "missing", "", missing_why); return; }
    Rounding at = { rule.mode == ROUND_NONE ? ROUND_HALF_UP : rule.mode, d };
    double eps = 1e-9 * (1 + fabs(p));
    if (fabs(p - num_round(exact, at)) <= eps) return;
    if (au->tolerance > 0 && fabs(p - exact) <= au->tolerance + 0.5 * pow(10, -d) + eps) return;
    char how[64];
    num_rounding_text(rule, how, sizeof how);
    double computed = num_round(exact, rule);
    const char *why = arena_printf(au->a, "%s, %s; compared at the %d decimal%s printed", formula, how, d, d == 1 ? "" : "s");
    const char *as = findings_rounded_as(au->a, exact, p, d, at.mode);
    if (as) why = arena_printf(au->a, "%s; %s", why, as);
    if (au->tolerance > 0) why = arena_printf(au->a, "%s, tolerance %s", why, findings_num(au->a, au->tolerance, -1));
    findings_add(au, where, item, field, printed, findings_num(au->a, computed, rule.mode == ROUND_NONE ? -1 : rule.digits),
                 findings_num(au->a, p - computed, -1), why);
}

/* ---- the table's own printed figures ------------------------------------------------- */

static const char *line_where(Audit *au, const BudgetRow *b)
{
    const char *base = b->file && strrchr(b->file, '/') ? strrchr(b->file, '/') + 1 : b->file ? b->file : "budget";
    return arena_printf(au->a, "%s:%d", base, b->line);
}

static void rollup(Audit *au, const BudgetRow *b, const char *where, const char *item)
{
    au->checked += 2;
    if (b->has_pagu && b->pagu != b->children_pagu)
        findings_add(au, where, item, "pagu", rupiah(au->a, b->pagu), rupiah(au->a, b->children_pagu),
                     findings_rupiah_diff(au->a, b->pagu, b->children_pagu), "the sum of its children");
    if (b->has_real && b->real != b->children_real)
        findings_add(au, where, item, "realisasi", rupiah(au->a, b->real), rupiah(au->a, b->children_real),
                     findings_rupiah_diff(au->a, b->real, b->children_real), "the sum of its children");
}

static const char *missing_serapan(const BudgetRow *b)
{
    return b->has_pagu && b->has_real ? "pagu is 0, so serapan is undefined" : "the line has no pagu or no realisasi";
}

void budgetaudit_table(Audit *au, const BudgetFigures *bf)
{
    const Plan *p = bf->plan;
    for (int i = 0; i < bf->report->nrows; i++) {
        const BudgetRow *b = &bf->report->rows[i];
        const char *where = line_where(au, b);
        const char *item = arena_printf(au->a, "budget %s", b->code);
        if (p->budget.check_rollup && b->has_children_sum) rollup(au, b, where, item);
        if (b->has_printed_sisa)
            compare_rupiah(au, where, item, "sisa", NULL, b->printed_sisa, b->has_sisa, b->sisa,
                           "the line has no pagu or no realisasi", "pagu - realisasi");
        if (b->has_printed_percent) {
            /* a number in the table keeps no trailing zeros: it is compared at
             * the decimals it has (81 at none, 57.01 at two) */
            const char *printed = findings_num(au->a, b->printed_percent, -1);
            const char *dot = strchr(printed, '.');
            int d = dot ? (int)strlen(dot + 1) : 0;
            compare_percent(au, where, item, "serapan", printed, b->printed_percent, d,
                            b->has_serapan, b->serapan_exact, missing_serapan(b), p->budget.round, "realisasi / pagu x 100");
        }
    }
}

/* ---- a transcription of budget lines ------------------------------------------------ */

enum { B_CODE, B_PAGU, B_REVISED, B_REAL, B_SERAPAN, B_SISA, B_CAPAIAN, B_EFISIENSI, B_WHERE, NB };
static const char *const bcols[NB] = { "code", "pagu", "pagu_revised", "realisasi", "serapan", "sisa", "capaian",
                                       "efisiensi", "where" };

typedef struct {
    Audit *au;
    const BudgetFigures *bf;
    const BudgetRow *b;
    const char *where, *item;
} Line;

/* A printed rupiah cell; a cell that is not one is a finding of its own. */
static int printed_rupiah(Line *l, const char *field, const char *cell, int64_t *v)
{
    const char *why = NULL;
    if (num_parse_int(cell, l->au->numstyle, v, &why) == NUMP_OK) return 1;
    l->au->checked++;
    findings_add(l->au, l->where, l->item, field, cell, "", "", arena_printf(l->au->a, "the printed value %s", why));
    return 0;
}

static int printed_percent(Line *l, const char *field, const char *cell, double *v, int *d)
{
    const char *why = NULL;
    if (findings_number(l->au, cell, v, d, &why) == NUMP_OK) return 1;
    l->au->checked++;
    findings_add(l->au, l->where, l->item, field, cell, "", "", arena_printf(l->au->a, "the printed value %s", why));
    return 0;
}

/* The capaian kinerja and efisiensi of a linked line. */
static void link_figures(Line *l, const char *cap_cell, const char *eff_cell)
{
    const Plan *p = l->bf->plan;
    const Rounding rule = p->budget.round;
    int li = budget_link_of(p, l->b->code);
    double v, mean = 0, e = 0;
    int d, n, has = 0, has_e = 0;
    char why[512] = "";
    if (li < 0) snprintf(why, sizeof why, "the plan links no indicator to budget line %s ('program %s supports ...')", l->b->code, l->b->code);
    else if (!l->bf->evaluated) snprintf(why, sizeof why, "not evaluated");
    else has = budget_link_capaian(p, l->bf->link_sums, li, l->bf->year, &mean, &n, why, sizeof why);
    if (has) {
        has_e = budget_efficiency_exact(l->b, mean, &e);
        if (!has_e) snprintf(why, sizeof why, "pagu x capaian is 0, or the line has no pagu or realisasi");
    }
    if (*cap_cell && printed_percent(l, "capaian", cap_cell, &v, &d))
        compare_percent(l->au, l->where, l->item, "capaian", cap_cell, v, d, has, mean, why, rule,
                        "the mean capaian of the indicators it supports");
    if (*eff_cell && printed_percent(l, "efisiensi", eff_cell, &v, &d))
        compare_percent(l->au, l->where, l->item, "efisiensi", eff_cell, v, d, has_e, e, why, rule,
                        "(pagu x capaian - realisasi) / (pagu x capaian) x 100");
}

static void audit_line(Line *l, const char *const *cell)
{
    const BudgetRow *b = l->b;
    int64_t r;
    double v;
    int d;
    if (*cell[B_PAGU] && printed_rupiah(l, "pagu", cell[B_PAGU], &r))
        compare_rupiah(l->au, l->where, l->item, "pagu", cell[B_PAGU], r, b->has_pagu_original, b->pagu_original, "the line has no pagu", "the budget table's pagu");
    if (*cell[B_REVISED] && printed_rupiah(l, "pagu_revised", cell[B_REVISED], &r))
        compare_rupiah(l->au, l->where, l->item, "pagu_revised", cell[B_REVISED], r, b->has_pagu_revised, b->pagu_revised,
                       "the line has no pagu_revised", "the budget table's pagu_revised");
    if (*cell[B_REAL] && printed_rupiah(l, "realisasi", cell[B_REAL], &r))
        compare_rupiah(l->au, l->where, l->item, "realisasi", cell[B_REAL], r, b->has_real, b->real, "the line has no realisasi", "the budget table's realisasi");
    if (*cell[B_SISA] && printed_rupiah(l, "sisa", cell[B_SISA], &r))
        compare_rupiah(l->au, l->where, l->item, "sisa", cell[B_SISA], r, b->has_sisa, b->sisa, "the line has no pagu or no realisasi", "pagu - realisasi");
    if (*cell[B_SERAPAN] && printed_percent(l, "serapan", cell[B_SERAPAN], &v, &d))
        compare_percent(l->au, l->where, l->item, "serapan", cell[B_SERAPAN], v, d, b->has_serapan, b->serapan_exact,
                        missing_serapan(b), l->bf->plan->budget.round, "realisasi / pagu x 100");
    if (*cell[B_CAPAIAN] || *cell[B_EFISIENSI]) link_figures(l, cell[B_CAPAIAN], cell[B_EFISIENSI]);
}

int budgetaudit_file(Audit *au, const char *path, const CsvFile *f, const BudgetFigures *bf, Diag *d)
{
    int col[NB];
    if (findings_columns(f, path, bcols, NB, col, d)) return SKP_DATA;
    for (int r = 1; r < f->rows.len; r++) {
        const CsvRow *row = &f->rows.items[r];
        const char *cell[NB];
        for (int k = 0; k < NB; k++) cell[k] = col[k] >= 0 && col[k] < row->ncells ? row->cells[col[k]] : "";
        Line l = { au, bf, budget_line(bf->report, cell[B_CODE]), findings_where(au, path, row->line, cell[B_WHERE]),
                   arena_printf(au->a, "budget %s", cell[B_CODE]) };
        if (!l.b) {
            au->checked++;
            findings_add(au, l.where, l.item, "line", "printed", "no such line", "", "the budget table has no line with this code");
            continue;
        }
        audit_line(&l, cell);
    }
    return SKP_OK;
}
