/* cells.c: the data of the unit being evaluated, folded into small cells
 * per (indicator, year) as the rows stream in (cells.h): realisations by
 * period, targets by source, period targets to the evaluation date; and
 * a year's realisation made from them by the indicator's aggregate. */
#include "engine/cells.h"

#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "check/plan.h"

int cells_year_index(const Engine *e, int year)
{
    return year >= e->ymin && year <= e->ymax ? year - e->ymin : -1;
}

static void acc_add(Acc *a, Period p, int32_t end, double v)
{
    if (a->n == 0) {
        a->sum = a->min = a->max = v;
    } else {
        a->sum += v;
        if (v < a->min) a->min = v;
        if (v > a->max) a->max = v;
    }
    a->n++;
    a->kinds |= (uint8_t)(1u << p.kind);
    /* latest-ending period wins; at equal ends the shorter period (more specific) */
    if (end > a->last_end || (end == a->last_end && p.kind > a->last_period.kind)) {
        a->last = v;
        a->last_end = end;
        a->last_period = p;
    }
}

void cells_fold_realisation(Engine *e, int code, Period p, double v)
{
    int32_t end = period_end(p);
    if (end > e->cutoff) return;
    int yi = cells_year_index(e, p.year);
    if (p.year > e->ymax) return;
    acc_add(yi >= 0 ? &e->acc[code * e->nyears + yi] : &e->before[code], p, end, v);
}

/* Period targets ending by the evaluation date, per (code, year, source). */
void cells_fold_period_target(Engine *e, int code, int src, Period p, double v)
{
    int32_t end = period_end(p);
    int yi = cells_year_index(e, p.year);
    if (yi < 0) return;
    Acc *a = &e->ptgt[(code * e->nyears + yi) * e->nsrc + src];
    if (end > e->cutoff) { a->later++; return; }   /* known to exist: the yearly target does not apply */
    acc_add(a, p, end, v);
}

void cells_store_target(Engine *e, int code, int year, int src, double v, int has_hi, double hi, int is_level)
{
    int yi = cells_year_index(e, year);
    if (yi < 0) return;
    TargetCell *t = &e->tgt[(code * e->nyears + yi) * e->nsrc + src];
    t->v = v;
    t->has = 1;
    t->has_hi = (uint8_t)has_hi;
    t->hi = hi;
    t->is_level = (uint8_t)is_level;
}

void cells_reset(Engine *e)
{
    size_t cy = (size_t)e->ncodes * (size_t)e->nyears;
    memset(e->acc, 0, cy * sizeof *e->acc);
    memset(e->before, 0, (size_t)e->ncodes * sizeof *e->before);
    memset(e->tgt, 0, cy * (size_t)e->nsrc * sizeof *e->tgt);
    memset(e->ptgt, 0, cy * (size_t)e->nsrc * sizeof *e->ptgt);
    memset(e->fig, 0, cy * sizeof *e->fig);
    arena_free(&e->scratch);
}

const char *cells_as_of_text(Engine *e, int year)
{
    char buf[16];
    if (e->opt->has_as_of) {
        period_format(buf, sizeof buf, e->opt->as_of);
        return arena_printf(&e->scratch, " as of %s", buf);
    }
    (void)year;
    return "";
}

static int popcount8(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n;
}

int cells_mixed(const Acc *a)
{
    return popcount8(a->kinds) > 1;
}

/* The latest value known as of `year`'s evaluation date, from any year. */
Value cells_latest(Engine *e, int code, int year, const char **basis)
{
    /* known by the end of `year`, and never past --as-of (rows after it were not read) */
    int bound = e->opt->has_as_of && e->opt->as_of.year < year ? e->opt->as_of.year : year;
    for (int y = bound < e->ymax ? bound : e->ymax; y >= e->ymin; y--) {
        const Acc *a = &e->acc[code * e->nyears + (y - e->ymin)];
        if (a->n) {
            char p[16];
            period_format(p, sizeof p, a->last_period);
            if (basis) *basis = arena_printf(&e->scratch, "latest: %s", p);
            return value_num(a->last);
        }
    }
    const Acc *b = &e->before[code];
    if (b->n) {
        char p[16];
        period_format(p, sizeof p, b->last_period);
        if (basis) *basis = arena_printf(&e->scratch, "latest: %s", p);
        return value_num(b->last);
    }
    return value_na(NA_NODATA, arena_printf(&e->scratch, "no realisation of %s up to %d%s",
                                            e->plan->codes[code], year, cells_as_of_text(e, year)));
}

/* "sum of 4 quarters", "last: 2023-Q4": how a realisation was made, for
 * every row of the table; written by hand, as printf cost more than the
 * figure itself over a national run. n < 0: how, then what. */
static const char *basis_text(Engine *e, const char *how, int n, const char *what)
{
    char buf[96], num[16];
    size_t k = 0, hl = strlen(how), wl = strlen(what);
    if (hl + wl + 20 > sizeof buf) return arena_printf(&e->scratch, "%s%d %s", how, n, what);
    memcpy(buf, how, hl);
    k = hl;
    if (n >= 0) {
        int d = 0, v = n;
        do { num[d++] = (char)('0' + v % 10); v /= 10; } while (v);
        while (d) buf[k++] = num[--d];
        buf[k++] = ' ';
    }
    memcpy(buf + k, what, wl);
    k += wl;
    if (n >= 0 && n != 1) buf[k++] = 's';
    char *out = arena_alloc(&e->scratch, k + 1);
    memcpy(out, buf, k);
    out[k] = '\0';
    return out;
}

/* The year's realisation from data, by the indicator's aggregation. */
Value cells_data(Engine *e, int code, int year, Aggregate agg, const char **basis)
{
    if (agg == AGG_LATEST) return cells_latest(e, code, year, basis);
    int yi = cells_year_index(e, year);
    if (yi < 0)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "%d is outside the years read (%d..%d)", year, e->ymin, e->ymax));
    const Acc *a = &e->acc[code * e->nyears + yi];
    const char *name = e->plan->codes[code];
    if (a->n == 0)
        return value_na(NA_NODATA, arena_printf(&e->scratch, "no realisation of %s for %d%s", name, year, cells_as_of_text(e, year)));
    if ((agg == AGG_SUM || agg == AGG_AVG) && cells_mixed(a))
        return value_na(NA_UNDEFINED, arena_printf(&e->scratch,
            "realisations of %s for %d mix periods of different lengths; %s needs one kind", name, year, plan_aggregate_name(agg)));
    char p[16];
    period_format(p, sizeof p, a->last_period);
    const char *kind = period_kind_name((PeriodKind)a->last_period.kind);
    switch (agg) {
    case AGG_SUM:
        *basis = basis_text(e, "sum of ", a->n, kind);
        return value_num(a->sum);
    case AGG_AVG:
        *basis = basis_text(e, "average of ", a->n, kind);
        return value_num(a->sum / a->n);
    case AGG_MAX:
        *basis = basis_text(e, "max of ", a->n, kind);
        return value_num(a->max);
    case AGG_MIN:
        *basis = basis_text(e, "min of ", a->n, kind);
        return value_num(a->min);
    default:
        *basis = basis_text(e, "last: ", -1, p);
        return value_num(a->last);
    }
}
