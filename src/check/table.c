/* table.c: record tables in a plan (table.h): the `record` statement
 * (columns, key, the columns that place a row in a unit and a year), and
 * the names formulas use for them: T, T.column, the groups of `per T.col`. */
#include "check/table.h"

#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/vec.h"

/* NAME TYPE [ '[' N ']' ] [LO .. HI] [optional] */
static int parse_column(Checker *c, const Stmt *s, RecordColumn *col)
{
    static const char *const types[] = { "text", "int", "number" };
    memset(col, 0, sizeof *col);
    if (!need_name(c, s, 0, "a column name", &col->name)) return 0;
    const char *t = s->nwords > 1 ? s->words[1].text : "";
    if (word_is(s, 1, "text")) col->type = COL_TEXT;
    else if (word_is(s, 1, "int") || word_is(s, 1, "integer") || word_is(s, 1, "rupiah")) col->type = COL_INT;
    else if (word_is(s, 1, "number") || word_is(s, 1, "num")) col->type = COL_NUM;
    else {
        diag_error(c->d, word_loc(s, 1), "unknown column type %s for '%s': expected text, int or number%s",
                   word_desc(c, s, 1), col->name, checker_mean(c, t, types, 3));
        return 0;
    }
    int i = 2;
    if (word_is(s, i, "[")) {
        double n;
        if (!need_number(c, s, i + 1, "the number of values", &n)) return 0;
        if (n < 1 || n > 64 || n != floor(n) || !word_is(s, i + 2, "]")) {
            diag_error(c->d, s->words[i].loc, "expected '[N]' with N from 1 to 64");
            return 0;
        }
        col->array_len = (int)n;
        i += 3;
    }
    if (i < s->nwords && s->words[i].kind == W_NUMBER) {
        if (!word_is(s, i + 1, "..") || i + 2 >= s->nwords || s->words[i + 2].kind != W_NUMBER) {
            diag_error(c->d, s->words[i].loc, "expected a range 'LO .. HI'");
            return 0;
        }
        col->has_range = 1;
        col->lo = s->words[i].num;
        col->hi = s->words[i + 2].num;
        i += 3;
    }
    if (word_is(s, i, "optional")) { col->optional = 1; i++; }
    return expect_end(c, s, i, "the column");
}

/* per COL[, COL]: a text column holds the unit code, an int column the
 * year; formulas over the table then see the rows of the unit and year
 * being evaluated, as they see realisations. */
static void record_per(Checker *c, const Stmt *s, RecordDecl *r)
{
    for (int w = 1; w < s->nwords; w++) {
        if (word_is(s, w, ",")) continue;
        ColType t;
        int flat = record_flat_find(r, s->words[w].text, &t);
        int declared = -1;
        for (int j = 0; j < r->ncols; j++)
            if (strcmp(r->cols[j].name, s->words[w].text) == 0) declared = j;
        if (flat < 0 || declared < 0) {
            diag_error(c->d, s->words[w].loc, "'per' names a column, and record %s has no column '%s'", r->name, s->words[w].text);
        } else if (t == COL_TEXT && r->unit_col < 0) {
            r->unit_col = flat;
        } else if (t == COL_INT && r->year_col < 0) {
            r->year_col = flat;
        } else {
            diag_error(c->d, s->words[w].loc, "'per' takes one text column (the unit code) and one int column (the year); "
                       "column '%s' is %s", s->words[w].text,
                       t == COL_TEXT ? "a second text column" : t == COL_INT ? "a second int column" : "a number");
        }
    }
    if (r->unit_col < 0 && r->year_col < 0 && s->nwords < 2)
        diag_error(c->d, s->loc, "'per' needs the columns that hold the unit code and/or the year: per unit, year");
}

/* record NAME ["title"] { columns; key a, b; per unit, year } */
void table_declare(Checker *c, Stmt *s)
{
    RecordDecl r;
    memset(&r, 0, sizeof r);
    if (!need_name(c, s, 1, "a record table name after 'record'", &r.name)) return;
    int i = 2;
    r.title = opt_string(s, &i);
    expect_end(c, s, i, "the record's title");
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "record %s needs its columns in a { ... } block", r.name);
        return;
    }
    if (strmap_get(&c->record_map, r.name) >= 0) {
        diag_error(c->d, s->words[1].loc, "record table %s is declared twice", r.name);
        return;
    }
    VEC(RecordColumn) cols = {0};
    const Stmt *key = NULL, *per = NULL;
    r.unit_col = r.year_col = -1;
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        checker_normalize_words(c, b);
        if (word_is(b, 0, "key")) { key = b; continue; }
        if (word_is(b, 0, "per")) { per = b; continue; }
        RecordColumn col;
        if (!parse_column(c, b, &col)) continue;
        for (int j = 0; j < cols.len; j++)
            if (strcmp(cols.items[j].name, col.name) == 0)
                diag_error(c->d, b->loc, "column '%s' appears twice in record %s", col.name, r.name);
        VEC_PUSH(cols, col);
    }
    r.cols = arena_array(c->A, cols.len, sizeof *r.cols);
    if (cols.len) memcpy(r.cols, cols.items, (size_t)cols.len * sizeof *cols.items);
    r.ncols = cols.len;
    VEC_FREE(cols);
    if (key) {
        r.key = arena_alloc(c->A, (size_t)key->nwords * sizeof *r.key);
        for (int w = 1; w < key->nwords; w++) {
            if (word_is(key, w, ",")) continue;
            int found = -1;
            for (int j = 0; j < r.ncols; j++)
                if (strcmp(r.cols[j].name, key->words[w].text) == 0) found = j;
            if (found < 0) diag_error(c->d, key->words[w].loc, "key column '%s' is not a column of record %s", key->words[w].text, r.name);
            else r.key[r.nkey++] = found;
        }
    }
    if (per) record_per(c, per, &r);
    strmap_put(&c->record_map, r.name, c->records.len);
    VEC_PUSH(c->records, r);
}

const char *table_group_text(Checker *c, const GroupSpec *g)
{
    StrBuf b = {0};
    char name[80];
    const RecordDecl *r = &c->records.items[g->record];
    for (int i = 0; i < g->ncols; i++)
        strbuf_printf(&b, "%s%s.%s", i ? ", " : "", r->name, record_flat_name(r, g->cols[i], name, sizeof name));
    const char *t = arena_strdup(c->A, b.s ? b.s : "");
    strbuf_free(&b);
    return t;
}

int table_same_group(const GroupSpec *a, const GroupSpec *b)
{
    if (a->record != b->record || a->ncols != b->ncols) return 0;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i] != b->cols[i]) return 0;
    return 1;
}

static const char *column_list_text(Checker *c, const RecordDecl *r)
{
    StrBuf b = {0};
    char name[80];
    for (int i = 0, n = record_flat_count(r); i < n && i < 24; i++)
        strbuf_printf(&b, "%s%s", i ? ", " : "", record_flat_name(r, i, name, sizeof name));
    const char *t = arena_strdup(c->A, b.s ? b.s : "");
    strbuf_free(&b);
    return t;
}

/* "T" or "T.column": the record table (and column) a name stands for.
 * Returns 1 when it names a table, reporting an unknown column; 0 when
 * the part before the dot is not a record table. */
int table_ref(Checker *c, const Expr *e, int *rec, int *col, ColType *type)
{
    if (e->kind != E_NAME) return 0;
    const char *dot = strchr(e->text, '.');
    size_t n = dot ? (size_t)(dot - e->text) : strlen(e->text);
    int r = strmap_getn(&c->record_map, e->text, n);
    if (r < 0) return 0;
    *rec = r;
    *col = -1;
    if (!dot) return 1;
    const RecordDecl *d = &c->records.items[r];
    *col = record_flat_find(d, dot + 1, type);
    if (*col < 0) {
        diag_error(c->d, e->loc, "record table %s has no column '%s' (its columns: %s)", d->name, dot + 1,
                   column_list_text(c, d));
        *col = -2;
    }
    return 1;
}
