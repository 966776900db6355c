/* cells.h: the unit's data cells (see cells.c). */
#ifndef SKP_ENGINE_CELLS_H
#define SKP_ENGINE_CELLS_H
#include "engine/state.h"

/* The index of `year` among the years read, or -1 outside them. */
int cells_year_index(const Engine *e, int year);
/* A realisation of `code` for period p, unless it ends after the evaluation date. */
void cells_fold_realisation(Engine *e, int code, Period p, double v);
/* A period target of `code` from source src, counted by the evaluation date. */
void cells_fold_period_target(Engine *e, int code, int src, Period p, double v);
/* A yearly target of `code` from source src (a range with has_hi; a level's rank with is_level). */
void cells_store_target(Engine *e, int code, int year, int src, double v, int has_hi, double hi, int is_level);
/* Empties the cells and the figures for the next unit. */
void cells_reset(Engine *e);
/* " as of 2023-Q2" when --as-of is given, else "": for reasons. */
const char *cells_as_of_text(Engine *e, int year);
/* Periods of more than one length were folded into a (sum and average need one). */
int cells_mixed(const Acc *a);
/* The latest value of `code` known by `year`'s evaluation date, from any
 * year read; *basis (if not NULL) says which period. */
Value cells_latest(Engine *e, int code, int year, const char **basis);
/* The year's realisation of `code` by aggregate agg; *basis says how it was made. */
Value cells_data(Engine *e, int code, int year, Aggregate agg, const char **basis);

#endif
