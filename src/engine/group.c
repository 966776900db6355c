/* group.c: grouped indicators (`per T.col`): the group being evaluated,
 * stepping out of it for an ungrouped figure, and sum/avg/min/max/count
 * over the groups of a grouped indicator (group.h). */
#include "engine/group.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "engine/records.h"

/* Figures of grouped indicators are memoised for the current group only. */
static void forget_grouped(Engine *e)
{
    for (int i = 0; i < e->ngrouped; i++)
        for (int y = 0; y < e->nyears; y++) {
            Fig *f = &e->fig[e->grouped_codes[i] * e->nyears + y];
            f->r_state = f->t_state = f->c_state = 0;
        }
}

GroupState group_save(const Engine *e)
{
    GroupState s;
    s.active = e->group_active;
    s.group = e->group;
    memcpy(s.vals, e->group_vals, sizeof s.vals);
    s.label = e->group_label;
    return s;
}

void group_restore(Engine *e, const GroupState *s)
{
    int changed = s->active || e->group_active;
    e->group_active = s->active;
    e->group = s->group;
    memcpy(e->group_vals, s->vals, sizeof e->group_vals);
    e->group.vals = e->group_vals;
    e->group_label = s->label;
    if (changed) forget_grouped(e);
}

/* Makes `row` of the grouping table the current group: "Keuangan", or
 * "2023 / Keuangan" for a group of two columns. */
void group_enter(Engine *e, const GroupSpec *g, int row)
{
    const Value *cells = records_row(e->rs, g->record, row);
    StrBuf b = {0};
    for (int i = 0; i < g->ncols; i++) {
        e->group_vals[i] = cells[g->cols[i]];
        if (i) strbuf_puts(&b, " / ");
        const Value *v = &e->group_vals[i];
        if (v->kind == V_STR) strbuf_puts(&b, v->text);
        else if (v->kind == V_NUM) { char n[40]; num_format(n, sizeof n, v->num, -1); strbuf_puts(&b, n); }
        else strbuf_puts(&b, "(empty)");
    }
    e->group_label = arena_strdup(&e->scratch, b.s ? b.s : "");
    strbuf_free(&b);
    e->group.record = g->record;
    e->group.ncols = g->ncols;
    e->group.cols = g->cols;
    e->group.vals = e->group_vals;
    e->group_active = 1;
    forget_grouped(e);
}

/* An ungrouped figure sees every row, whatever group is current: the
 * figure functions step out of the group for it, and back after. */
int group_step_out(Engine *e, int def, GroupState *saved)
{
    if (!e->group_active || e->plan->inds[def].group.record >= 0) return 0;
    *saved = group_save(e);
    e->group_active = 0;
    forget_grouped(e);
    return 1;
}

/* sum(X), avg(X), ... over the groups of grouped indicator X. A group
 * whose value is missing makes a sum or mean missing (missing is not 0);
 * count counts the groups that have a value. */
Value group_aggregate(Engine *e, int agg, int year)
{
    static const char *const names[] = { "count", "count_distinct", "sum", "avg", "min", "max" };
    const GroupAgg *ga = &e->plan->gaggs[agg];
    const GroupSpec *g = &e->plan->inds[ga->group_of].group;
    int *first = NULL;
    int n = records_groups(e->rs, g, e->unit->code, year, &first);
    if (n <= 0) {
        free(first);
        return value_na(NA_NODATA, records_scope_text(e->rs, g->record, e->unit->code, year, &e->scratch));
    }
    GroupState saved = group_save(e);
    Value out = value_num(0);
    double sum = 0, best = 0;
    int have = 0;
    for (int i = 0; i < n; i++) {
        group_enter(e, g, first[i]);
        Value none = value_na(NA_UNDEFINED, "");
        Value v = engine_run(e, e->cp->gagg_values[agg], year, none, none);
        if (v.kind == V_NA) {
            if (ga->fn == RAGG_COUNT) continue;
            out = value_na((NaKind)v.na, arena_printf(&e->scratch, "%s(): %s: %s", names[ga->fn], e->group_label, v.text));
            break;
        }
        if (ga->fn == RAGG_COUNT) { have++; continue; }
        if (!have || (ga->fn == RAGG_MIN ? v.num < best : v.num > best)) best = v.num;
        sum += v.num;
        have++;
    }
    free(first);
    group_restore(e, &saved);
    if (out.kind == V_NA) return out;
    if (ga->fn == RAGG_COUNT) return value_num(have);
    if (ga->fn == RAGG_SUM) return value_num(sum);
    if (ga->fn == RAGG_AVG) return value_num(sum / have);
    return value_num(best);
}
