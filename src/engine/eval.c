/* eval.c: compiled plan + store -> values.
 *
 * The store is read in streams, each once and in unit order (the tables'
 * primary keys start with the unit, so SQLite needs no sort):
 *
 *     units (whole, small)   targets, period_targets, realisasi (by unit)
 *
 * plus each record table a plan uses, read whole once (records.c). For each
 * unit the target and realisation rows are folded into small
 * per-(indicator, year) cells; then every (indicator, year) the plan
 * defines for the unit is evaluated, lazily and memoised, so a formula may
 * refer to another indicator or another year in any order the plan likes.
 * A grouped indicator (`per T.col`) gives a row per group; rows that roll
 * up from the units below wait for them (rollup.c). No query is run per
 * indicator or per unit.
 *
 * The pieces, in engine/: engine.c (the state), stream.c (reading),
 * cells.c (the unit's data), figure.c (realisation, target, capaian),
 * group.c (grouped indicators), host.c (what formulas ask for), row.c
 * (the rows), rollup.c (the second pass). This file drives them. */
#include "engine/eval.h"

#include <stdio.h>
#include <string.h>

#include "base/strmap.h"
#include "engine/cells.h"
#include "engine/engine.h"
#include "engine/host.h"
#include "engine/records.h"
#include "engine/rollup.h"
#include "engine/row.h"
#include "engine/stream.h"
#include "store/store.h"

/* What an evaluation needs before the first unit: the units, every unit
 * the plan or a change names, the record tables, the Lua modules, the
 * roll-ups' tree. */
static int prepare(Engine *e, Store *store, Diag *d)
{
    const EvalOptions *opt = e->opt;
    int rc = stream_load_units(e, store);
    if (!rc) rc = stream_check_plan_units(e);
    if (!rc) rc = stream_check_override_units(e);
    if (!rc && !(e->rs = records_load(store, e->plan, d))) rc = SKP_RUNTIME;
    if (!rc) rc = host_open_lua(e);
    if (!rc && opt->unit && strmap_get(&e->unit_map, opt->unit) < 0) {
        diag_plain(d, "unit '%s' is not in the database's units table", opt->unit);
        rc = SKP_DATA;
    }
    if (!rc) rollup_setup(e);
    return rc;
}

/* The first pass: every unit in code order, its rows read and evaluated
 * as soon as they are in; with roll-ups, the units below --unit too. */
static int evaluate_units(Engine *e, Streams *s, Store *store, RowSink sink, void *ctx)
{
    const EvalOptions *opt = e->opt;
    int rc = 0;
    for (int u = 0; !rc && u < e->nunits; u++) {
        if (opt->progress && (u % 200 == 0 || u == e->nunits - 1))     /* a terminal is watching */
            fprintf(stderr, "\rsakipc: unit %d of %d", u + 1, e->nunits);
        e->unit = &e->units[u];
        int wanted = !opt->unit || strcmp(opt->unit, e->unit->code) == 0;
        if (!wanted && !e->kept) continue;      /* with roll-ups, the units below are read too */
        if (!row_choose_defs(e)) continue;
        cells_reset(e);
        stream_read_unit(e, s);
        /* a failed read is not the end of the rows: nothing is evaluated
         * from what was read before it, and nothing more is printed */
        if (stream_failed(s)) {
            store_read_failed(e->d, e->store);
            return SKP_RUNTIME;
        }
        rc = row_eval_unit(e, 0, wanted ? sink : NULL, ctx);
        if (e->kept) {
            rollup_store(e, u, 0);
            if (rollup_has_rows(e)) e->snaps[u] = rollup_snapshot(e);
        }
    }
    return rc;
}

SkpStatus eval_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt,
             RowSink sink, void *ctx, Diag *d)
{
    Engine e;
    engine_init(&e, cp, opt, d);
    e.store = store;
    int rc = prepare(&e, store, d);
    Streams s = {0};
    const char *unit_only = e.kept ? NULL : opt->unit;     /* roll-ups need the units below */
    if (!rc) rc = stream_open_all(&s, store, unit_only, opt->targets_only, d);
    if (!rc) rc = evaluate_units(&e, &s, store, sink, ctx);
    if (!rc && e.kept) rc = rollup_pass(&e, sink, ctx);
    if (opt->progress) fputs("\r\033[K", stderr);
    stream_close(&s);
    if (!rc && e.lua_failed) rc = SKP_HOOK;
    if (!rc && (e.data_errors || records_data_errors(e.rs))) rc = SKP_DATA;
    engine_free(&e);
    return rc;
}
