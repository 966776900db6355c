/* figure.h: the unit's figures (see figure.c). Every capaian a row shows
 * or a formula reads comes from figure_capaian: one code path. */
#ifndef SKP_ENGINE_FIGURE_H
#define SKP_ENGINE_FIGURE_H
#include "engine/state.h"

/* The figure cell of (code, year), or NULL outside the years read. */
Fig *figure_at(Engine *e, int code, int year);
/* "indicator X is not defined for unit U" as a missing value. */
Value figure_not_defined(Engine *e, int code);
/* The what-if change to a figure of the current unit in `year`, or NULL;
 * of several, the last one given. */
const Override *figure_override(const Engine *e, int code, OverrideField field, int year);
/* An indicator's rules in `year`: its rule sets by year applied, then a
 * scenario's cap (in *tmp when a cap is overridden, else memoised). */
const Rules *figure_rules(Engine *e, const Indicator *ind, int year, Rules *tmp);
Value figure_realisation(Engine *e, int code, int year);
/* only_src -2: by the indicator's sources; -1: end of the Renstra period;
 * else that source alone (target(X, year, "source") in a formula). */
Value figure_target(Engine *e, int code, int year, int only_src);
/* Capaian as its row shows it: computed, capped by the rules of the year, rounded. */
Value figure_capaian(Engine *e, int code, int year);
/* The realisation over the Renstra period up to `year` (to_date()). */
Value figure_to_date(Engine *e, int code, int year);

#endif
