/* stream.c: the store, read in streams (stream.h). Each table is read
 * once, in unit order (the tables' primary keys start with the unit, so
 * SQLite needs no sort), and merged: the rows of the unit being evaluated
 * are folded into its cells before the next unit's are read. No query is
 * run per indicator or per unit. */
#include "engine/stream.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"
#include "check/scheme.h"
#include "engine/cells.h"
#include "store/store.h"

int stream_load_units(Engine *e, Store *store)
{
    sqlite3_stmt *st = store_prepare(store, "SELECT code, parent, name, level FROM units ORDER BY code", e->d);
    if (!st) return SKP_RUNTIME;
    VEC(UnitInfo) v = {0};
    int rc;
    while ((rc = store_step(store, st)) == SQLITE_ROW) {
        UnitInfo u = { 0 };
        const char *cols[4];
        for (int i = 0; i < 4; i++) {
            const unsigned char *t = sqlite3_column_text(st, i);
            cols[i] = t ? arena_strdup(&e->unit_arena, (const char *)t) : NULL;
        }
        u.code = cols[0];
        u.parent = cols[1] && *cols[1] ? cols[1] : NULL;
        u.name = cols[2];
        u.level = cols[3];
        VEC_PUSH(v, u);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        diag_plain(e->d, "reading units: %s", sqlite3_errmsg(store->db));
        VEC_FREE(v);
        return SKP_RUNTIME;
    }
    e->units = v.items;
    e->nunits = v.len;
    for (int i = 0; i < e->nunits; i++) {
        strmap_put(&e->unit_map, e->units[i].code, i);
        e->units[i].leaf = 1;
    }
    for (int i = 0; i < e->nunits; i++) {
        int p = e->units[i].parent ? strmap_get(&e->unit_map, e->units[i].parent) : -1;
        if (p >= 0) e->units[p].leaf = 0;
    }
    return 0;
}

/* Every unit a plan names must exist in the store: a typo here would
 * otherwise silently drop the unit from the report. */
int stream_check_plan_units(Engine *e)
{
    int bad = 0;
    const char **names = mem_xarray(e->nunits, sizeof *names);
    for (int i = 0; i < e->nunits; i++) names[i] = e->units[i].code;
    for (int i = 0; i < e->plan->ninds; i++) {
        const UnitSel *sel = &e->plan->inds[i].units;
        if (sel->kind == SEL_ALL || sel->kind == SEL_LEVEL || sel->kind == SEL_LEAVES || sel->kind == SEL_ROOTS) continue;
        for (int k = 0; k < sel->ncodes; k++) {
            const char *code = sel->codes[k];
            if (strmap_get(&e->unit_map, code) >= 0) continue;
            int seen = 0;
            for (int j = 0; j < i && !seen; j++)
                for (int m = 0; m < e->plan->inds[j].units.ncodes; m++)
                    seen |= e->plan->inds[j].units.kind == SEL_LIST && strcmp(e->plan->inds[j].units.codes[m], code) == 0;
            if (seen) continue;
            const char *best = text_suggest(code, names, e->nunits);
            Loc at = sel->locs ? sel->locs[k] : sel->loc;
            diag_error(e->d, at, "unit '%s' is not in the database's units table%s%s%s", code,
                       best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
            bad++;
        }
    }
    free(names);
    return bad ? SKP_DATA : SKP_OK;
}

/* A what-if change for a unit the store does not have would change
 * nothing, silently: it is an error like a plan's unknown unit. */
int stream_check_override_units(Engine *e)
{
    int bad = 0;
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (!o->unit || strmap_get(&e->unit_map, o->unit) >= 0) continue;
        if (o->loc.src) diag_error(e->d, o->loc, "unit '%s' in %s is not in the database's units table", o->unit, o->origin);
        else diag_plain(e->d, "--set: unit '%s' is not in the database's units table", o->unit);
        bad++;
    }
    return bad ? SKP_DATA : SKP_OK;
}

static void cursor_step(Cursor *c)
{
    int r = store_step(c->store, c->st);
    c->live = r == SQLITE_ROW;
    if (r != SQLITE_ROW && r != SQLITE_DONE) c->failed = 1;
}

static int stream_open(Cursor *c, Store *store, const char *sql, const char *unit, Diag *d)
{
    c->store = store;
    c->st = store_prepare(store, sql, d);
    if (!c->st) return SKP_RUNTIME;
    if (unit) sqlite3_bind_text(c->st, 1, unit, -1, SQLITE_STATIC);
    cursor_step(c);
    return 0;
}

static int cursor_next(Cursor *c)
{
    cursor_step(c);
    return c->live;
}

/* Advances c past rows of units before `unit`; returns 1 while its row is
 * for `unit`. */
static int cursor_at(Cursor *c, const char *unit)
{
    while (c->live) {
        const char *u = (const char *)sqlite3_column_text(c->st, 0);
        if (!u) {                    /* the column is NOT NULL: no text is no memory */
            c->failed = 1;
            c->live = 0;
            return 0;
        }
        int cmp = strcmp(u, unit);
        if (cmp == 0) return 1;
        if (cmp > 0) return 0;
        cursor_next(c);
    }
    return 0;
}

/* A stored value: a number, or a level (WTP, BB) of the indicator's scale,
 * which becomes its rank. Returns 1 for a level, 0 for a number, -1 for a
 * data error (reported with the row's file and line; the row is skipped). */
/* Where the current row of a cursor over `table` came from (file, line).
 * Looked up by its key only for a message: the streams do not read the
 * src columns, which would cost every row of a national run. */
static const char *row_source(Engine *e, sqlite3_stmt *st, const char *table, int *line)
{
    int with_source = strcmp(table, "realisasi") != 0;
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT " STORE_SRC_PATH ", src_line FROM %s WHERE unit = ?1 AND indicator = ?2 AND %s = ?3%s",
             table, strcmp(table, "targets") ? "period" : "year", with_source ? " AND source = ?4" : "");
    sqlite3_stmt *q = NULL;
    const char *file = "?";
    *line = 0;
    if (sqlite3_prepare_v2(sqlite3_db_handle(st), sql, -1, &q, NULL) == SQLITE_OK) {
        for (int i = 0; i < 3 + with_source; i++) sqlite3_bind_value(q, i + 1, sqlite3_column_value(st, i));
        if (store_step(e->store, q) == SQLITE_ROW) {
            const unsigned char *f = sqlite3_column_text(q, 0);
            if (f) file = arena_strdup(&e->scratch, (const char *)f);
            *line = sqlite3_column_int(q, 1);
        }
    }
    sqlite3_finalize(q);
    return file;
}

static int stored_level(Engine *e, sqlite3_stmt *st, int code, int col, const char *table, int is_target, double *out)
{
    if (sqlite3_column_type(st, col) != SQLITE_TEXT) { *out = sqlite3_column_double(st, col); return 0; }
    const char *text = (const char *)sqlite3_column_text(st, col);
    int def = e->def_of[code];
    const Scheme *scale = def >= 0 && e->plan->inds[def].scale >= 0 ? &e->plan->schemes[e->plan->inds[def].scale] : NULL;
    int rank = scale && (is_target || scale->ordinal) ? scheme_rank(scale, text) : 0;
    if (rank) { *out = rank; return 1; }
    if (def < 0) return -1;                         /* not this unit's indicator: ignored */
    int line;
    const char *file = row_source(e, st, table, &line);
    char levels[256] = "";
    if (scale) scheme_levels_text(scale, levels, sizeof levels);
    fprintf(e->d->out, "%s:%d: error: %s of %s for %s is '%s', which is %s\n", file ? file : "?", line,
            is_target ? "the target" : "the realisation", e->plan->codes[code], e->unit->code, text,
            !scale ? "not a number, and the plan gives the indicator no scale"
            : !is_target && !scale->ordinal ? "a level; a realisation graded by a scheme must be a number"
            : arena_printf(&e->scratch, "not a level of %s (%s)", scale->name, levels));
    e->d->errors++;
    e->data_errors++;
    return -1;
}

static void stream_read_targets(Engine *e, Cursor *c)
{
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        int code = strmap_getn(&e->code_map, (const char *)sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
        if (code < 0) continue;
        int src = strmap_getn(&e->src_map, (const char *)sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3));
        if (src < 0) continue;
        int has_hi = sqlite3_column_type(st, 5) != SQLITE_NULL;
        double v;
        int level = stored_level(e, st, code, 4, "targets", 1, &v);
        if (level < 0) continue;
        cells_store_target(e, code, sqlite3_column_int(st, 2), src, v, has_hi, has_hi ? sqlite3_column_double(st, 5) : 0, level);
    }
}

static void stream_read_period_targets(Engine *e, Cursor *c)
{
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        int code = strmap_getn(&e->code_map, (const char *)sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
        if (code < 0) continue;
        int src = strmap_getn(&e->src_map, (const char *)sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3));
        if (src < 0) continue;
        Period p;
        const char *ptext = (const char *)sqlite3_column_text(st, 2);
        if (period_parse(ptext, (size_t)sqlite3_column_bytes(st, 2), &p) != 0) {
            diag_plain(e->d, "period_targets row (%s, %s, %s) has an unknown period (expected " PERIOD_FORMS ")",
                       e->unit->code, e->plan->codes[code], ptext);
            e->data_errors++;
            continue;
        }
        double v;
        if (stored_level(e, st, code, 4, "period_targets", 1, &v) < 0) continue;
        cells_fold_period_target(e, code, src, p, v);
    }
}

static int override_in_unit(const Engine *e, const Override *o)
{
    return !o->unit || strcmp(o->unit, e->unit->code) == 0;
}

static int same_period(Period a, Period b)
{
    return a.year == b.year && a.kind == b.kind && a.index == b.index;
}

/* A what-if change gives this period's realisation: the stored one is left out. */
static int period_overridden(const Engine *e, int code, Period p)
{
    for (int i = 0; i < e->opt->noverrides; i++) {
        const Override *o = &e->opt->overrides[i];
        if (o->has_period && o->code_id == code && same_period(o->period, p) && override_in_unit(e, o)) return 1;
    }
    return 0;
}

/* Of several changes to one period, the last counts. */
static int period_overridden_after(const Engine *e, const Override *o)
{
    for (const Override *n = o + 1; n < e->opt->overrides + e->opt->noverrides; n++)
        if (n->has_period && n->code_id == o->code_id && same_period(n->period, o->period) && override_in_unit(e, n)) return 1;
    return 0;
}

static void stream_read_realisations(Engine *e, Cursor *c)
{
    /* rows come by unit, then indicator: most have the previous row's code */
    char last[64];
    size_t last_len = SIZE_MAX;
    int last_code = -1;
    for (; cursor_at(c, e->unit->code); cursor_next(c)) {
        sqlite3_stmt *st = c->st;
        const char *itext = (const char *)sqlite3_column_text(st, 1);
        size_t ilen = (size_t)sqlite3_column_bytes(st, 1);
        int code;
        if (itext && ilen == last_len && memcmp(itext, last, ilen) == 0) code = last_code;
        else {
            code = strmap_getn(&e->code_map, itext, ilen);
            if (itext && ilen < sizeof last) { memcpy(last, itext, ilen); last_len = ilen; last_code = code; }
        }
        if (code < 0) continue;
        Period p;
        const char *ptext = (const char *)sqlite3_column_text(st, 2);
        if (period_parse(ptext, (size_t)sqlite3_column_bytes(st, 2), &p) != 0) {
            diag_plain(e->d, "realisasi row (%s, %s, %s) has an unknown period (expected " PERIOD_FORMS ")",
                       e->unit->code, e->plan->codes[code], ptext);
            e->data_errors++;
            continue;
        }
        if (period_overridden(e, code, p)) continue;
        double v;
        if (stored_level(e, st, code, 3, "realisasi", 0, &v) < 0) continue;
        cells_fold_realisation(e, code, p, v);
    }
    for (int i = 0; i < e->opt->noverrides; i++) {     /* what-if periods, in place of the data's */
        const Override *o = &e->opt->overrides[i];
        if (!o->has_period || !override_in_unit(e, o) || period_overridden_after(e, o)) continue;
        cells_fold_realisation(e, o->code_id, o->period, o->value);
    }
}

int stream_open_all(Streams *s, Store *store, const char *unit_only, int no_realisations, Diag *d)
{
    const char *filter = unit_only ? " WHERE unit = ?1" : "";
    const char *rfilter = no_realisations ? (unit_only ? " WHERE unit = ?1 AND 0" : " WHERE 0") : filter;
    char tsql[200], rsql[200], psql[200];
    snprintf(tsql, sizeof tsql, "SELECT unit, indicator, year, source, value, upper FROM targets%s ORDER BY unit", filter);
    snprintf(psql, sizeof psql, "SELECT unit, indicator, period, source, value FROM period_targets%s ORDER BY unit", filter);
    snprintf(rsql, sizeof rsql, "SELECT unit, indicator, period, value FROM realisasi%s ORDER BY unit", rfilter);
    int rc = stream_open(&s->targets, store, tsql, unit_only, d);
    if (!rc) rc = stream_open(&s->realisations, store, rsql, unit_only, d);
    if (!rc) rc = stream_open(&s->period_targets, store, psql, unit_only, d);
    return rc;
}

void stream_read_unit(Engine *e, Streams *s)
{
    stream_read_targets(e, &s->targets);
    stream_read_period_targets(e, &s->period_targets);
    stream_read_realisations(e, &s->realisations);
}

int stream_failed(const Streams *s)
{
    return s->targets.failed || s->period_targets.failed || s->realisations.failed;
}

void stream_close(Streams *s)
{
    if (s->targets.st) sqlite3_finalize(s->targets.st);
    if (s->realisations.st) sqlite3_finalize(s->realisations.st);
    if (s->period_targets.st) sqlite3_finalize(s->period_targets.st);
}
