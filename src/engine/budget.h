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
#include "engine/result.h"

typedef struct {
    const char *code, *parent, *level, *name;
    int line;                   /* in its CSV file, for messages */
    const char *file;
    int has_pagu, has_real, pagu_is_revised;
    int64_t pagu, real;         /* the pagu used: revised where the plan says so and the line has one */
    int has_pagu_original, has_pagu_revised;
    int64_t pagu_original, pagu_revised;    /* both as the table has them, for reports that print both */
    int has_pagu_change;
    int64_t pagu_change;                    /* revised - original, where both are there and it fits */
    int has_printed_sisa, has_printed_percent;
    int64_t printed_sisa;
    double printed_percent;     /* the serapan as the report printed it */
    /* computed */
    int has_serapan;
    double serapan;             /* rounded by the plan's rule */
    double serapan_exact;       /* before rounding: for telling how a printed figure was rounded */
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
/* The same before rounding. */
int budget_efficiency_exact(const BudgetRow *b, double capaian, double *e);

/* The capaian kinerja of each `program CODE supports ...` link: the mean
 * capaian of the linked figures of one year (in the link's unit, when it
 * names one), gathered row by row as an evaluation gives them. */
typedef struct {
    double sum;
    int n;
    const char *missing;        /* the first linked figure without capaian, in words, or NULL */
} BudgetLinkSum;

/* Adds row to the sums of the links (one per p->budget.links) it belongs to;
 * rows of other years and grouped rows are not linked. */
void budget_link_add(const Plan *p, BudgetLinkSum *sums, int year, const ResultRow *row, Arena *text);
/* Link l's capaian kinerja, rounded by the budget's rule, and the number of
 * figures in it. Returns 0 with the reason in why when it has none: a
 * linked figure without capaian (missing is never zero), or no figure. */
int budget_link_capaian(const Plan *p, const BudgetLinkSum *sums, int l, int year, double *mean, int *nfig,
                        char *why, size_t whyn);
/* The index of the link of budget line code in p->budget.links, or -1. */
int budget_link_of(const Plan *p, const char *code);
/* The line with this code, or NULL. */
const BudgetRow *budget_line(const BudgetReport *r, const char *code);

#endif
