/* stream.h: the units, targets, period targets and realisations of the
 * store, each read once in unit order (see stream.c). */
#ifndef SKP_ENGINE_STREAM_H
#define SKP_ENGINE_STREAM_H
#include <sqlite3.h>
#include "engine/state.h"
#include "store/store.h"

/* One table read in unit order. */
typedef struct {
    Store *store;
    sqlite3_stmt *st;
    int live;            /* a row is current */
    int failed;          /* a step failed (out of memory, I/O, a damaged page): not the end of the rows */
} Cursor;

typedef struct { Cursor targets, realisations, period_targets; } Streams;

/* The units table, whole (it is small): codes, parents, names, levels, leaves. */
int stream_load_units(Engine *e, Store *store);
/* Every unit the plan names must be in the store (4: data error, reported). */
int stream_check_plan_units(Engine *e);
/* ... and every unit a what-if change names. */
int stream_check_override_units(Engine *e);
/* Opens the three streams, of one unit only when unit_only is not NULL. 0 or 5. */
int stream_open_all(Streams *s, Store *store, const char *unit_only, int no_realisations, Diag *d);
/* Folds the rows of e->unit into its cells (cells_reset first). */
void stream_read_unit(Engine *e, Streams *s);
/* A read failed: not the end of the rows (nothing may be evaluated from it). */
int stream_failed(const Streams *s);
void stream_close(Streams *s);

#endif
