/* scenario.h: what-if changes for an evaluation. A scenario of the plan
 * (with the scenarios it extends) and `--set` changes on the command line
 * become one ordered list of overrides, which the engine applies (stream.c
 * to the stored rows, figure.c to the figures); the store is never written. */
#ifndef SKP_SCENARIO_H
#define SKP_SCENARIO_H
#include "check/plan.h"
#include "base/arena.h"

typedef struct {
    Override *items;
    int n;
    Arena text;
} OverrideList;

/* The changes of scenario `name` (NULL: none), its bases first, then the
 * `--set` specs: [UNIT:]CODE.FIELD[@YEAR]=VALUE with FIELD target,
 * realisation, weight or cap, VALUE a number, a level (WTP) or, for cap,
 * none. Returns 0, or -1 with the reason in err (and *out empty). */
int scenario_build(const Plan *p, const char *name, const char *const *sets, int nsets,
                   OverrideList *out, char *err, size_t errn);
void scenario_free(OverrideList *l);
/* The index of scenario `name`, or -1. */
int scenario_find(const Plan *p, const char *name);

#endif
