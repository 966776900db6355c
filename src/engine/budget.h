/* budget.h: the budget table -> absorption, left-overs and roll-ups.
 *
 * Rupiah are exact 64-bit integers end to end: sums and differences are
 * checked for overflow, never wrapped, and only serapan (a percentage) is
 * a float, rounded by the plan's rule. The table is read once, whole (one
 * line per program, kegiatan and sub kegiatan of one agency). */
#ifndef SKP_BUDGET_H
#define SKP_BUDGET_H
#include <sqlite3.h>
#include <stdint.h>
#include "check/plan.h"
#include "base/arena.h"
#include "store/store.h"

typedef struct {
    const char *code, *parent, *level, *name;
    int line;                   /* in its CSV file, for messages */
    const char *file;
    int has_pagu, has_real, pagu_is_revised;
    int64_t pagu, real;         /* the pagu used: revised where the plan says so and the line has one */
    int has_printed_sisa;
    int64_t printed_sisa;
    /* computed */
    int has_serapan;
    double serapan;             /* rounded by the plan's rule */
    int has_sisa;
    int64_t sisa;               /* pagu - realisasi */
    int nchildren;
    int has_children_sum;       /* every child has pagu and realisasi, and nothing overflowed */
    const char *child_missing;  /* the first child without pagu or realisasi, or NULL */
    int64_t children_pagu, children_real;
    int has_children_serapan;
    double children_serapan;
    int rollup_mismatch, sisa_mismatch;
    const char *status;         /* "ok", "mismatch", "no data", "undefined" */
    const char *notes;          /* why, in words; "" when ok */
} BudgetRow;

typedef struct {
    BudgetRow *rows;
    int nrows;
    int rollup_mismatches, sisa_mismatches;
    Arena text;
} BudgetReport;

/* Reads the budget table and computes every line by p->budget. Returns SKP_OK,
 * SKP_DATA when a line the plan links to indicators is missing or of
 * another level, or SKP_RUNTIME when the database fails (reported through d). */
SkpStatus budget_run(const Plan *p, Store *store, BudgetReport *out, Diag *d);
void budget_free(BudgetReport *r);
/* The efficiency of line b (PMK 214/2017), given the achievement of what it
 * pays for (capaian, in percent): E = (pagu x CK - realisasi) / (pagu x CK)
 * x 100 with CK = capaian / 100, rounded by the budget's rule. Returns 0
 * when it is undefined: no pagu or realisasi, or pagu x CK = 0. */
int budget_efficiency(const Plan *p, const BudgetRow *b, double capaian, double *e);
/* The line with this code, or NULL. */
const BudgetRow *budget_line(const BudgetReport *r, const char *code);

#endif
