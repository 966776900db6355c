/* plan.c: the checked plan's model (plan.h): freeing it, and the words
 * and rules it is described with. */
#include "check/plan.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

/* The defaults every plan starts from: higher is better, the year's last
 * value, the PK target, no cap, half-up to 2 decimals, values not rounded. */
void plan_default_rules(Rules *r)
{
    memset(r, 0, sizeof *r);
    r->polarity = POL_HIGHER;
    r->range_above = POL_LOWER_A;
    r->agg = AGG_LAST;
    r->round.mode = ROUND_HALF_UP;
    r->round.digits = 2;
    r->value_round.mode = ROUND_NONE;
    static const char *pk[] = { "pk" };
    r->target.sources = pk;
    r->target.nsources = 1;
}

void plan_free(Plan *p)
{
    if (!p) return;
    for (int i = 0; i < p->ntrees; i++) {
        ast_tree_free(p->trees[i]);
        free(p->trees[i]);
    }
    free(p->trees);
    free(p->schemes);
    free(p->inds);
    free(p->units);
    free(p->consts);
    free(p->records);
    free(p->raggs);
    free(p->gaggs);
    free(p->funcs);
    free(p->uaggs);
    free(p->wsums);
    free(p->scenarios);
    free(p->hooks);
    free(p->codes);
    free(p->sources);
    source_free_all(p->sources_list);
    arena_free(&p->arena);
    free(p);
}

int plan_scheme_index(const Plan *p, const char *name)
{
    for (int i = 0; i < p->nschemes; i++)
        if (strcmp(p->schemes[i].name, name) == 0) return i;
    return -1;
}

int plan_year_in_range(const YearRange *r, int year)
{
    return (!r->from || year >= r->from) && (!r->until || year <= r->until);
}

Rules plan_rules_in_year(const Rules *r, int year)
{
    Rules out = *r;
    for (int i = 0; i < r->nyear_caps; i++)
        if (plan_year_in_range(&r->year_caps[i].years, year)) {
            const YearCap *yc = &r->year_caps[i];
            out.has_cap = yc->has_cap;
            out.cap = yc->cap;
            out.cap_rule_set = yc->years.title ? yc->years.title : "rule set by year";
        }
    out.nyear_caps = 0;
    return out;
}

const char *plan_polarity_name(Polarity p)
{
    static const char *const n[] = { "higher", "lower A", "lower B", "lower C", "range" };
    return n[p];
}

const char *plan_polarity_formula(Polarity p)
{
    static const char *const f[] = { "R/T x 100", "(2T-R)/T x 100", "T/R x 100", "(T-R)/T x 100",
                                     "100 inside the range, else against the nearer bound" };
    return f[p];
}

const char *plan_aggregate_name(Aggregate a)
{
    static const char *const n[] = { "sum", "last", "average", "max", "min", "latest" };
    return n[a];
}
