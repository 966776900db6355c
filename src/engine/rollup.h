/* rollup.h: roll-ups through the unit tree, `sum(X over children)` (see
 * rollup.c). The first pass keeps the figures the roll-ups read; the
 * second evaluates the rows that roll up, the deepest units first. */
#ifndef SKP_ENGINE_ROLLUP_H
#define SKP_ENGINE_ROLLUP_H
#include "engine/state.h"

/* The tree as indexes, and the slots of the figures roll-ups read
 * (nothing when the plan has no roll-up). */
void rollup_setup(Engine *e);
/* Keeps the figures of unit `unit` that roll-ups read, for its indicators
 * of one pass (rollup 0 or 1). */
void rollup_store(Engine *e, int unit, int rollup);
/* The current unit has rows that roll up. */
int rollup_has_rows(const Engine *e);
/* A copy of the current unit's cells, for its rows of the second pass. */
Snapshot *rollup_snapshot(const Engine *e);
void rollup_snapshot_free(Snapshot *s);
/* The second pass. Returns sink's first non-zero answer, or 0. */
int rollup_pass(Engine *e, RowSink sink, void *ctx);
/* The VM host's unit_agg: Plan.uaggs[agg] over the units below. */
Value rollup_host_agg(VmHost *h, int agg);

#endif
