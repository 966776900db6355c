/* budgetaudit.h: a printed budget table against the budget module
 * (engine/budget.c): roll-ups, and every printed figure of a line (pagu,
 * realisasi, serapan, sisa, capaian kinerja, efisiensi) against the one
 * computed under the budget block's rounding rule. The printed figures come
 * from the budget table itself (printed_percent, printed_sisa) or from a
 * transcription with a `code` column. */
#ifndef SKP_TOOLS_BUDGETAUDIT_H
#define SKP_TOOLS_BUDGETAUDIT_H
#include "engine/budget.h"
#include "tools/findings.h"

typedef struct {
    const Plan *plan;
    const BudgetReport *report;
    const BudgetLinkSum *link_sums;     /* per plan->budget.links */
    int year;                           /* of the links' capaian kinerja */
    int evaluated;                      /* link_sums hold the evaluation's figures */
} BudgetFigures;

/* The budget table's own printed figures and, with `check rollup`, its
 * roll-ups. */
void budgetaudit_table(Audit *au, const BudgetFigures *bf);
/* A transcription of budget lines: the columns code (required), pagu,
 * pagu_revised, realisasi, serapan, sisa, capaian, efisiensi and where.
 * Returns SKP_DATA for a file that cannot be read as one (reported). */
int budgetaudit_file(Audit *au, const char *path, const CsvFile *f, const BudgetFigures *bf, Diag *d);

#endif
