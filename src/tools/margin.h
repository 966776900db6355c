/* margin.h: how safe each grade is (`sakipc margin`). For every graded
 * figure: the realisation at which its grade would rise one band and the
 * one at which it would fall one, their distance from the realisation now
 * (in the indicator's unit and in percent), nearest fall first; and for a
 * composite (a formula over other indicators: AKIP, IKM, a weighted mean)
 * the input that moves it most per point. */
#ifndef SKP_MARGIN_H
#define SKP_MARGIN_H
#include "engine/eval.h"
#include "output/output.h"
#include "store/store.h"

typedef struct {
    const char *scheme;     /* the grading of this scheme (default: each figure's first) */
    int has_at_risk;
    double at_risk;         /* only figures that fall within this percent of their realisation */
    long limit;             /* at most this many figures (0: all) */
} MarginQuery;

/* Evaluates opt's units and years once, probing each graded figure in
 * memory (engine/probe.h) through the seek `need` uses (tools/seek.h).
 * Returns SKP_OK, SKP_USAGE (an unknown scheme) or eval_run's status. */
SkpStatus margin_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const MarginQuery *q,
                     SkpFormat fmt, FILE *out, Diag *d);

#endif
