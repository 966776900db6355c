/* tablespec.c: the tables of the store as import sees them (tablespec.h). */
#include "store/tablespec.h"

#include <stdio.h>
#include <string.h>

#include "base/mem.h"

static const ColSpec units_cols[] = {
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "parent", K_TEXT, 1, 1, 0, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "level", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec indicators_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "measure", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
    { "polarity", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec targets_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "year", K_YEAR, 1, 0, 1, 0, 0, 0, 0 },
    { "source", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_LEVEL, 1, 0, 0, 0, 0, 0, 0 },
    { "upper", K_NUM, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec period_targets_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "period", K_PERIOD, 1, 0, 1, 0, 0, 0, 0 },
    { "source", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_NUM, 1, 0, 0, 0, 0, 0, 0 },
};
static const ColSpec realisasi_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "period", K_PERIOD, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_LEVEL, 1, 0, 0, 0, 0, 0, 0 },
    { "note", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec budget_cols[] = {
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "parent", K_TEXT, 1, 1, 0, 0, 0, 0, 0 },
    { "level", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "pagu", K_INT, 1, 1, 0, 0, 0, 0, 0 },
    { "pagu_revised", K_INT, 0, 1, 0, 0, 0, 0, 0 },
    { "realisasi", K_INT, 0, 1, 0, 0, 0, 0, 0 },
    { "printed_percent", K_NUM, 0, 1, 0, 0, 0, 0, 0 },
    { "printed_sisa", K_INT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec narratives_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "period", K_PERIOD, 1, 0, 1, 0, 0, 0, 0 },
    { "field", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "text", K_TEXT, 1, 0, 0, 0, 0, 0, 0 },
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const TableSpec builtin_tables[] = {
    { "units", "units", units_cols, COUNT(units_cols), "parent", "code", "unit", NULL },
    { "indicators", "indicators", indicators_cols, COUNT(indicators_cols), NULL, NULL, NULL, NULL },
    { "targets", "targets", targets_cols, COUNT(targets_cols), NULL, NULL, NULL, NULL },
    { "period_targets", "period_targets", period_targets_cols, COUNT(period_targets_cols), NULL, NULL, NULL, NULL },
    { "realisasi", "realisasi", realisasi_cols, COUNT(realisasi_cols), NULL, NULL, NULL, NULL },
    { "budget", "budget", budget_cols, COUNT(budget_cols), "parent", "code", "budget line", NULL },
    { "narratives", "narratives", narratives_cols, COUNT(narratives_cols), NULL, NULL, NULL, NULL },
};

int tablespec_rank(const char *table)
{
    for (int i = 0; i < COUNT(builtin_tables); i++)
        if (strcmp(table, builtin_tables[i].name) == 0) return i;
    return COUNT(builtin_tables);
}

const TableSpec *tablespec_builtin(const char *name)
{
    for (int i = 0; i < COUNT(builtin_tables); i++)
        if (strcmp(name, builtin_tables[i].name) == 0) return &builtin_tables[i];
    return NULL;
}

void tablespec_from_record(TableSpec *t, const RecordDecl *r)
{
    ColSpec *cols = mem_xcalloc((size_t)r->ncols, sizeof *cols);
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        cols[i].name = c->name;
        cols[i].kind = c->type == COL_TEXT ? K_TEXT : c->type == COL_INT ? K_INT : K_NUM;
        cols[i].in_header = 1;
        cols[i].nullable = c->optional;
        cols[i].array_len = c->array_len;
        cols[i].has_range = c->has_range;
        cols[i].lo = c->lo;
        cols[i].hi = c->hi;
    }
    for (int k = 0; k < r->nkey; k++) cols[r->key[k]].key = 1;
    memset(t, 0, sizeof *t);
    t->name = r->name;
    snprintf(t->sqlname, sizeof t->sqlname, "rec_%s", r->name);
    t->cols = cols;
    t->ncols = r->ncols;
    t->record = r;
}
