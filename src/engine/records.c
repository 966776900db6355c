/* records.c: values from record tables. See records.h. */
#include "engine/records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/plan.h"
#include "store/store.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/vec.h"

typedef struct {
    const RecordDecl *decl;
    int loaded;           /* the table exists in the database */
    int ncols, nrows;
    Value *cells;         /* [row][col]; an empty field is V_NA */
    const char **src_file;/* [row]: where the row came from, for messages */
    int *src_line;
    int *next_in_unit;    /* row -> next row of the same unit, -1 */
    StrMap first_of_unit; /* unit code -> first row */
    int first_row;        /* without a unit column: rows are 0..nrows-1 */
} Table;

struct RecordStore {
    Table *tables;        /* parallel to plan->records; loaded only if used */
    int ntables;
    Arena text;           /* cell texts */
    const Table *cur;     /* the row a filter is looking at */
    int cur_row;
    Arena *scratch;
    Diag *d;
    StrMap reported;      /* conflicts already reported ("table:row:row") */
    Arena reported_keys;
    int data_errors;
};

static Value cell_value(RecordStore *rs, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: return value_na(NA_NODATA, "empty field");
    case SQLITE_TEXT: {
        Value v = { V_STR, 0, 0, arena_strdup(&rs->text, (const char *)sqlite3_column_text(st, i)) };
        return v;
    }
    default: return value_num(sqlite3_column_double(st, i));
    }
}

static void chain_units(Table *t);

static int load_table(RecordStore *rs, Store *store, Table *t, Diag *d)
{
    char sqlname[128];
    snprintf(sqlname, sizeof sqlname, "rec_%s", t->decl->name);
    int exists = 0;
    if (store_query_int(store, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", sqlname, &exists) != 0) {
        diag_plain(d, "database: %s", sqlite3_errmsg(store->db));
        return -1;
    }
    t->loaded = exists;
    t->ncols = record_flat_count(t->decl);
    t->first_row = -1;
    if (!exists) return 0;
    StrBuf sql = {0};
    char name[80];
    strbuf_puts(&sql, "SELECT ");
    for (int i = 0; i < t->ncols; i++)
        strbuf_printf(&sql, "%s\"%s\"", i ? ", " : "", record_flat_name(t->decl, i, name, sizeof name));
    strbuf_printf(&sql, ", " STORE_SRC_PATH ", src_line FROM \"%s\" ORDER BY rowid", sqlname);
    sqlite3_stmt *st = store_prepare(store, sql.s, d);
    strbuf_free(&sql);
    if (!st) return -1;
    VEC(Value) cells = {0};
    VEC(const char *) files = {0};
    VEC(int) lines = {0};
    int rc;
    while ((rc = store_step(store, st)) == SQLITE_ROW) {
        for (int i = 0; i < t->ncols; i++) VEC_PUSH(cells, cell_value(rs, st, i));
        const unsigned char *f = sqlite3_column_text(st, t->ncols);
        const char *file = f ? arena_strdup(&rs->text, (const char *)f) : "?";
        VEC_PUSH(files, file);
        VEC_PUSH(lines, sqlite3_column_int(st, t->ncols + 1));
        t->nrows++;
    }
    t->src_file = files.items;
    t->src_line = lines.items;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        VEC_FREE(cells);
        diag_plain(d, "database: %s", sqlite3_errmsg(store->db));
        return -1;
    }
    t->cells = cells.items;
    chain_units(t);
    return 0;
}

/* Chains the rows of each unit, keeping file order: the rows of a unit are
 * then visited without a scan of the table. */
static void chain_units(Table *t)
{
    t->next_in_unit = mem_xarray(t->nrows, sizeof *t->next_in_unit);
    int *last = NULL;
    if (t->decl->unit_col >= 0) last = mem_xarray(t->nrows, sizeof *last);
    for (int r = 0; r < t->nrows; r++) {
        t->next_in_unit[r] = -1;
        if (t->decl->unit_col < 0) { t->next_in_unit[r] = r + 1 < t->nrows ? r + 1 : -1; continue; }
        const Value *u = &t->cells[(size_t)r * (size_t)t->ncols + (size_t)t->decl->unit_col];
        if (u->kind != V_STR) continue;              /* a row without a unit belongs to none */
        int head = strmap_get(&t->first_of_unit, u->text);
        if (head < 0) { strmap_put(&t->first_of_unit, u->text, r); last[r] = r; continue; }
        /* last[head] remembers the tail of the chain that starts at head */
        t->next_in_unit[last[head]] = r;
        last[head] = r;
    }
    free(last);
    if (t->decl->unit_col < 0 && t->nrows) t->first_row = 0;
}

RecordStore *records_load(Store *store, const Plan *p, Diag *d)
{
    RecordStore *rs = mem_xcalloc(1, sizeof *rs);
    rs->d = d;
    rs->ntables = p->nrecords;
    rs->tables = mem_xarray(p->nrecords, sizeof *rs->tables);
    for (int i = 0; i < p->nrecords; i++) rs->tables[i].decl = &p->records[i];
    /* the tables formulas aggregate over, and those that make groups */
    int n = p->nraggs + p->ninds;
    for (int k = 0; k < n; k++) {
        int rec = k < p->nraggs ? p->raggs[k].record : p->inds[k - p->nraggs].group.record;
        if (rec < 0) continue;
        Table *t = &rs->tables[rec];
        if (t->cells || t->ncols) continue;          /* already read */
        if (load_table(rs, store, t, d) != 0) { records_free(rs); return NULL; }
    }
    return rs;
}

void records_free(RecordStore *rs)
{
    if (!rs) return;
    for (int i = 0; i < rs->ntables; i++) {
        free(rs->tables[i].cells);
        free(rs->tables[i].src_file);
        free(rs->tables[i].src_line);
        free(rs->tables[i].next_in_unit);
        strmap_free(&rs->tables[i].first_of_unit);
    }
    free(rs->tables);
    arena_free(&rs->text);
    strmap_free(&rs->reported);
    arena_free(&rs->reported_keys);
    free(rs);
}

Value records_column(const RecordStore *rs, int col)
{
    if (!rs->cur || col < 0 || col >= rs->cur->ncols) return value_na(NA_UNDEFINED, "no row");
    return rs->cur->cells[(size_t)rs->cur_row * (size_t)rs->cur->ncols + (size_t)col];
}

static const char *const agg_names[] = { "count", "count_distinct", "sum", "avg", "min", "max" };

/* A value as a key for count_distinct. */
static const char *distinct_key(char *buf, size_t n, const Value *v)
{
    if (v->kind == V_STR) return v->text;
    snprintf(buf, n, "\x01%.17g", v->num);   /* \x01: numbers never equal texts */
    return buf;
}

/* Rows in scope: those of the unit (with `per unit`) and of the year (with
 * `per ..., year`), in file order. */
static int scope_first(const Table *t, const char *unit)
{
    if (t->decl->unit_col < 0) return t->first_row;
    return unit ? strmap_get(&t->first_of_unit, unit) : -1;
}

static int in_year(const Table *t, int row, int year)
{
    if (t->decl->year_col < 0) return 1;
    const Value *y = &t->cells[(size_t)row * (size_t)t->ncols + (size_t)t->decl->year_col];
    return y->kind == V_NUM && (int)y->num == year;
}

static int same_cell(const Value *a, const Value *b)
{
    if (a->kind != b->kind) return 0;
    if (a->kind == V_STR) return strcmp(a->text, b->text) == 0;
    return a->kind != V_NUM || a->num == b->num;     /* two empty fields are one group */
}

static int in_group(const Table *t, const Value *cells, const RecordGroup *g)
{
    for (int i = 0; i < g->ncols; i++)
        if (!same_cell(&cells[g->cols[i]], &g->vals[i])) return 0;
    return 1;
}

const char *records_scope_text(const RecordStore *rs, int record, const char *unit, int year, Arena *a)
{
    const RecordDecl *r = rs->tables[record].decl;
    if (!rs->tables[record].loaded) return arena_printf(a, "record table %s has not been imported", r->name);
    if (r->unit_col >= 0 && r->year_col >= 0) return arena_printf(a, "no rows of %s for %s in %d", r->name, unit ? unit : "?", year);
    if (r->unit_col >= 0) return arena_printf(a, "no rows of %s for %s", r->name, unit ? unit : "?");
    if (r->year_col >= 0) return arena_printf(a, "no rows of %s in %d", r->name, year);
    return arena_printf(a, "record table %s is empty", r->name);
}

const Value *records_row(const RecordStore *rs, int record, int row)
{
    const Table *t = &rs->tables[record];
    return &t->cells[(size_t)row * (size_t)t->ncols];
}

int records_groups(RecordStore *rs, const GroupSpec *g, const char *unit, int year, int **first)
{
    const Table *t = &rs->tables[g->record];
    *first = NULL;
    if (!t->loaded) return -1;
    VEC(int) out = {0};
    StrMap seen = {0};
    StrBuf key = {0};
    Arena keys = {0};
    for (int row = scope_first(t, unit); row >= 0; row = t->next_in_unit[row]) {
        if (!in_year(t, row, year)) continue;
        const Value *cells = &t->cells[(size_t)row * (size_t)t->ncols];
        key.len = 0;
        for (int i = 0; i < g->ncols; i++) {
            char buf[40];
            const Value *v = &cells[g->cols[i]];
            strbuf_puts(&key, v->kind == V_NA ? "\x02" : distinct_key(buf, sizeof buf, v));
            strbuf_putc(&key, '\x03');
        }
        if (strmap_get(&seen, key.s) >= 0) continue;
        strmap_put(&seen, arena_strdup(&keys, key.s), 1);
        VEC_PUSH(out, row);
    }
    strmap_free(&seen);
    strbuf_free(&key);
    arena_free(&keys);
    *first = out.items;
    return out.len;
}

/* count_distinct(T.c where F) counts a value once. Rows with the same
 * value that disagree on F (number 15 both FINAL and LANJUT TAHUN 2024)
 * are a data error: the value is counted (one row passes), and both rows
 * are reported, never resolved silently. */
typedef struct { int pass_row, fail_row; } DistinctSeen;
typedef VEC(DistinctSeen) DistinctVec;

/* Notes that `row` (passing or not) holds its value; returns 1 when the
 * value is counted for the first time. */
static int note_distinct(RecordStore *rs, const Table *t, const RecordAgg *ra, const Program *value, int row, int pass,
                         StrMap *seen, Arena *keys, DistinctVec *firsts, VmHost *h)
{
    Value computed;
    const Value *v;
    if (value) { computed = vm_run(value, h); v = &computed; }
    else v = &t->cells[(size_t)row * (size_t)t->ncols + (size_t)ra->column];
    if (v->kind == V_NA) return 0;
    char buf[40];
    const char *k = distinct_key(buf, sizeof buf, v);
    int i = strmap_get(seen, k);
    if (i < 0) {
        DistinctSeen s = { -1, -1 };
        i = firsts->len;
        VEC_PUSH(*firsts, s);
        strmap_put(seen, arena_strdup(keys, k), i);
    }
    DistinctSeen *s = &firsts->items[i];
    int counted = pass && s->pass_row < 0;
    if (pass && s->pass_row < 0) s->pass_row = row;
    if (!pass && s->fail_row < 0) s->fail_row = row;
    return counted;
}

static void report_conflict(RecordStore *rs, const Table *t, const RecordAgg *ra, const DistinctSeen *s)
{
    char key[96];
    snprintf(key, sizeof key, "%p:%d:%d", (const void *)t, s->pass_row, s->fail_row);
    if (strmap_get(&rs->reported, key) >= 0) return;       /* once per run, however often it is evaluated */
    strmap_put(&rs->reported, arena_strdup(&rs->reported_keys, key), 1);
    int later = s->pass_row > s->fail_row ? s->pass_row : s->fail_row;
    int earlier = s->pass_row > s->fail_row ? s->fail_row : s->pass_row;
    char name[80];
    const char *what = ra->column >= 0 ? record_flat_name(t->decl, ra->column, name, sizeof name) : "the value";
    const Value *v = ra->column >= 0 ? &t->cells[(size_t)later * (size_t)t->ncols + (size_t)ra->column] : NULL;
    char val[48] = "";
    if (v && v->kind == V_STR) snprintf(val, sizeof val, " '%s'", v->text);
    else if (v && v->kind == V_NUM) snprintf(val, sizeof val, " %.15g", v->num);
    fprintf(rs->d->out, "%s:%d: error: %s.%s%s is also on line %d of %s, and the two rows disagree on the filter of "
            "count_distinct (line %d passes, line %d does not); it is counted once, as passing\n",
            t->src_file[later], t->src_line[later], t->decl->name, what, val, t->src_line[earlier], t->src_file[earlier],
            t->src_line[s->pass_row], t->src_line[s->fail_row]);
    rs->d->errors++;
    rs->data_errors++;
}

int records_data_errors(const RecordStore *rs) { return rs ? rs->data_errors : 0; }

/* What an aggregate has folded so far. */
typedef struct {
    long in_scope, matched;
    double sum, best;
    StrMap seen;          /* count_distinct: value -> index into `firsts` */
    Arena keys;
    DistinctVec firsts;
} Fold;

static void fold_number(Fold *f, const RecordAgg *ra, double x)
{
    if (f->matched == 0) f->best = x;
    else if (ra->fn == RAGG_MIN ? x < f->best : x > f->best) f->best = x;
    f->sum += x;
    f->matched++;
}

/* The aggregate of what was folded; a sum, mean or extreme of nothing is
 * missing, never 0. */
static Value fold_result(const RecordStore *rs, const RecordAgg *ra, const Fold *f, const char *unit, int year,
                         int filtered, Arena *scratch)
{
    const RecordDecl *r = rs->tables[ra->record].decl;
    if (f->in_scope == 0) return value_na(NA_NODATA, records_scope_text(rs, ra->record, unit, year, scratch));
    if (ra->fn == RAGG_COUNT || ra->fn == RAGG_COUNT_DISTINCT) return value_num((double)f->matched);
    if (f->matched == 0) {
        const char *where = r->unit_col >= 0 && r->year_col >= 0 ? arena_printf(scratch, " for %s in %d", unit ? unit : "?", year)
                          : r->unit_col >= 0 ? arena_printf(scratch, " for %s", unit ? unit : "?")
                          : r->year_col >= 0 ? arena_printf(scratch, " in %d", year) : "";
        return value_na(NA_NODATA, arena_printf(scratch, "%s(): no row of %s%s %s", agg_names[ra->fn], r->name, where,
                                                filtered ? "passes the filter with a value" : "has a value"));
    }
    if (ra->fn == RAGG_SUM) return value_num(f->sum);
    return value_num(ra->fn == RAGG_AVG ? f->sum / (double)f->matched : f->best);
}

/* One row in scope: through the filter, then its value folded in. */
static void fold_row(RecordStore *rs, const CompiledPlan *cp, int agg, const Table *t, int row, Fold *f, VmHost *h)
{
    const RecordAgg *ra = &cp->plan->raggs[agg];
    const Program *filter = cp->ragg_filters[agg], *value = cp->ragg_values[agg];
    const Value *cells = &t->cells[(size_t)row * (size_t)t->ncols];
    rs->cur = t;
    rs->cur_row = row;
    if (filter) {
        Value keep = vm_run(filter, h);
        if (keep.kind != V_BOOL || keep.num == 0) {
            if (ra->fn == RAGG_COUNT_DISTINCT) note_distinct(rs, t, ra, value, row, 0, &f->seen, &f->keys, &f->firsts, h);
            return;
        }
    }
    Value computed;
    const Value *v;
    if (value) {
        computed = vm_run(value, h);
        v = &computed;
    } else if (ra->column >= 0) {
        v = &cells[ra->column];
    } else {
        f->matched++;                            /* count(T): the rows themselves */
        return;
    }
    if (v->kind == V_NA) return;                 /* an empty field is not a value */
    if (ra->fn == RAGG_COUNT_DISTINCT) f->matched += note_distinct(rs, t, ra, value, row, 1, &f->seen, &f->keys, &f->firsts, h);
    else fold_number(f, ra, v->num);
}

Value records_aggregate(RecordStore *rs, const CompiledPlan *cp, int agg,
                        const char *unit, int year, const RecordGroup *group, VmHost *h)
{
    const RecordAgg *ra = &cp->plan->raggs[agg];
    const Table *t = &rs->tables[ra->record];
    if (!t->loaded)
        return value_na(NA_NODATA, arena_printf(h->scratch, "record table %s has not been imported", t->decl->name));
    if (group && group->record != ra->record) group = NULL;   /* another table's groups */
    const Table *saved = rs->cur;
    int saved_row = rs->cur_row;
    Fold f;
    memset(&f, 0, sizeof f);
    for (int row = scope_first(t, unit); row >= 0; row = t->next_in_unit[row]) {
        const Value *cells = &t->cells[(size_t)row * (size_t)t->ncols];
        if (!in_year(t, row, year)) continue;
        if (group && !in_group(t, cells, group)) continue;
        f.in_scope++;
        fold_row(rs, cp, agg, t, row, &f, h);
    }
    rs->cur = saved;
    rs->cur_row = saved_row;
    for (int i = 0; i < f.firsts.len; i++)
        if (f.firsts.items[i].pass_row >= 0 && f.firsts.items[i].fail_row >= 0) report_conflict(rs, t, ra, &f.firsts.items[i]);
    VEC_FREE(f.firsts);
    strmap_free(&f.seen);
    arena_free(&f.keys);
    return fold_result(rs, ra, &f, unit, year, cp->ragg_filters[agg] != NULL, h->scratch);
}
