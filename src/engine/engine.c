/* engine.c: the evaluator's state, made for one evaluation and freed after
 * it (engine.h): the window of years read, the target sources, the cells
 * and figures of one unit, the VM host. */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "engine/host.h"
#include "engine/records.h"
#include "engine/probe.h"
#include "engine/rollup.h"

static void setup_window(Engine *e)
{
    const EvalOptions *o = e->opt;
    e->ymin = o->year_from - LOOKBACK_YEARS;
    e->ymax = o->year_to;
    if (e->plan->renstra_from && e->plan->renstra_from < e->ymin) e->ymin = e->plan->renstra_from;
    if (e->plan->renstra_to > e->ymax) e->ymax = e->plan->renstra_to;
    if (o->has_as_of && o->as_of.year > e->ymax) e->ymax = o->as_of.year;
    e->nyears = e->ymax - e->ymin + 1;
    e->cutoff = o->has_as_of ? period_end(o->as_of) : o->year_to * 12 + 12;
}

static void setup_sources(Engine *e)
{
    const Plan *p = e->plan;
    e->src_names = mem_xcalloc((size_t)p->nsources + 1, sizeof *e->src_names);
    for (int i = 0; i < p->nsources; i++) {
        e->src_names[i] = p->sources[i];
        strmap_put(&e->src_map, p->sources[i], i);
    }
    e->nsrc = p->nsources;
    e->override_src = -2;
    const char *ov = e->opt->target_override;
    if (!ov) return;
    if (strcmp(ov, "end") == 0) { e->override_src = -1; return; }
    int id = strmap_get(&e->src_map, ov);
    if (id < 0) {
        id = e->nsrc++;
        e->src_names[id] = ov;
        strmap_put(&e->src_map, ov, id);
    }
    e->override_src = id;
}

void engine_init(Engine *e, const CompiledPlan *cp, const EvalOptions *opt, Diag *d)
{
    memset(e, 0, sizeof *e);
    e->cp = cp;
    e->plan = cp->plan;
    e->opt = opt;
    e->d = d;
    e->cur_def = -1;
    e->ncodes = cp->ncodes;
    for (int i = 0; i < e->plan->ncodes; i++) strmap_put(&e->code_map, e->plan->codes[i], i);
    setup_window(e);
    setup_sources(e);
    size_t cy = (size_t)(e->ncodes ? e->ncodes : 1) * (size_t)e->nyears;
    e->acc = mem_xcalloc(cy, sizeof *e->acc);
    e->before = mem_xarray(e->ncodes, sizeof *e->before);
    e->tgt = mem_xcalloc(cy * (size_t)(e->nsrc ? e->nsrc : 1), sizeof *e->tgt);
    e->ptgt = mem_xcalloc(cy * (size_t)(e->nsrc ? e->nsrc : 1), sizeof *e->ptgt);
    e->fig = mem_xcalloc(cy, sizeof *e->fig);
    e->def_of = mem_xarray(e->ncodes, sizeof *e->def_of);
    host_init(e);
    e->grouped_codes = mem_xarray(e->ncodes, sizeof *e->grouped_codes);
    for (int c = 0; c < e->ncodes; c++)
        for (int i = 0; i < e->plan->ninds; i++)
            if (e->plan->inds[i].code_id == c && e->plan->inds[i].group.record >= 0) {
                e->grouped_codes[e->ngrouped++] = c;
                break;
            }
}

void engine_free(Engine *e)
{
    free(e->acc);
    free(e->before);
    free(e->tgt);
    free(e->ptgt);
    free(e->fig);
    probe_free(e);
    free(e->def_of);
    free(e->grouped_codes);
    host_close_lua(e);
    for (int u = 0; e->snaps && u < e->nunits; u++) rollup_snapshot_free(e->snaps[u]);
    free(e->snaps);
    free(e->kept);
    free(e->export_of);
    free(e->first_child);
    free(e->next_sibling);
    arena_free(&e->store_text);
    free(e->units);
    free(e->src_names);
    strmap_free(&e->code_map);
    strmap_free(&e->src_map);
    strmap_free(&e->unit_map);
    arena_free(&e->scratch);
    arena_free(&e->unit_arena);
    free(e->rule_memo);
    free(e->rules_memo);
    free(e->rules_known);
    records_free(e->rs);
}
