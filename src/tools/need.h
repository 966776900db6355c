/* need.h: goal seek. What realisation of an indicator (or of another one a
 * composite is made of, or of one remaining period) reaches a grade or a
 * capaian. */
#ifndef SKP_NEED_H
#define SKP_NEED_H
#include "engine/eval.h"
#include "output/output.h"
#include "store/store.h"

typedef struct {
    const char *unit, *indicator;   /* the row whose goal is asked */
    const char *grade;              /* --grade CODE: that band or a better one */
    const char *scheme;             /* --scheme S: which of its gradings (default: the one with CODE) */
    int has_capaian;
    double capaian;                 /* --capaian N: at least N */
    const char *vary;               /* --vary X: X's realisation is the input (default: the indicator's) */
    int has_period;
    Period period;                  /* --period P: the input is the realisation of that period alone */
    const char *group;              /* --group G: the figure of that group of a grouped indicator */
} NeedQuery;

/* Searches the input that reaches the goal in opt's (single) year, with
 * opt's what-if changes in place. Exact where the outcome is monotone in
 * the input; otherwise it gives the ranges that reach it, and says why when
 * none does. Returns SKP_OK, SKP_USAGE (a query the plan cannot answer) or
 * eval_run's status. */
SkpStatus need_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const NeedQuery *q,
             SkpFormat fmt, FILE *out, Diag *d);

#endif
