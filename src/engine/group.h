/* group.h: the group a grouped indicator is evaluated for (see group.c).
 * Figures of grouped indicators are memoised for the current group only. */
#ifndef SKP_ENGINE_GROUP_H
#define SKP_ENGINE_GROUP_H
#include "engine/state.h"

GroupState group_save(const Engine *e);
/* Makes *s the current group again (none: s->active 0). */
void group_restore(Engine *e, const GroupState *s);
/* Makes `row` of the grouping table the current group ("Keuangan"). */
void group_enter(Engine *e, const GroupSpec *g, int row);
/* An ungrouped figure sees every row, whatever group is current: steps out
 * of the group for definition def (saving it in *saved) and returns 1,
 * or 0 when there is nothing to step out of. */
int group_step_out(Engine *e, int def, GroupState *saved);
/* Plan.gaggs[agg] over the groups of its grouped indicator in `year`. */
Value group_aggregate(Engine *e, int agg, int year);

#endif
