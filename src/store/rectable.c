/* rectable.c: record tables in the store (rectable.h): rec_NAME made from
 * a plan's `record` declaration, and checked against it when it exists. */
#include "store/rectable.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

static const char *col_type_name(ColType t)
{
    return t == COL_TEXT ? "text" : t == COL_INT ? "int" : "number";
}

static const char *col_sql_type(ColType t)
{
    return t == COL_TEXT ? "TEXT" : t == COL_INT ? "INTEGER" : "REAL";
}

char *rectable_declaration(const RecordDecl *r)
{
    StrBuf b = {0};
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        strbuf_printf(&b, "%s%s %s", i ? ", " : "", c->name, col_type_name(c->type));
        if (c->array_len) strbuf_printf(&b, "[%d]", c->array_len);
        if (c->has_range) strbuf_printf(&b, " %.15g..%.15g", c->lo, c->hi);
        if (c->optional) strbuf_puts(&b, " optional");
    }
    if (r->nkey) {
        strbuf_puts(&b, "; key ");
        for (int k = 0; k < r->nkey; k++) strbuf_printf(&b, "%s%s", k ? ", " : "", r->cols[r->key[k]].name);
    }
    if (!b.s) strbuf_puts(&b, "");
    return b.s;
}

/* Record table and column names come from plan identifiers (letters, digits,
 * '_'), so quoting them with "" is enough. */
static void create_record_sql(StrBuf *b, const RecordDecl *r)
{
    strbuf_printf(b, "CREATE TABLE \"rec_%s\" (", r->name);
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        if (c->array_len == 0) {
            strbuf_printf(b, "\"%s\" %s, ", c->name, col_sql_type(c->type));
            continue;
        }
        for (int k = 1; k <= c->array_len; k++)
            strbuf_printf(b, "\"%s_%d\" %s, ", c->name, k, col_sql_type(c->type));
    }
    strbuf_puts(b, "src_file INTEGER, src_line INTEGER");
    if (r->nkey) {
        strbuf_puts(b, ", UNIQUE (");
        for (int k = 0; k < r->nkey; k++) strbuf_printf(b, "%s\"%s\"", k ? ", " : "", r->cols[r->key[k]].name);
        strbuf_puts(b, ")");
    }
    strbuf_puts(b, ")");
}

int rectable_ensure(Store *s, const RecordDecl *r, Diag *d)
{
    char *decl = rectable_declaration(r);
    sqlite3_stmt *st = store_prepare(s, "SELECT declaration FROM record_tables WHERE name = ?", d);
    if (!st) { free(decl); return -1; }
    sqlite3_bind_text(st, 1, r->name, -1, SQLITE_STATIC);
    int rc = store_step(s, st), result = 0;
    const char *old = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (rc == SQLITE_ROW && old) {
        if (strcmp(old, decl) != 0) {
            diag_plain(d, "record table %s was loaded as (%s) and the plan now declares it as (%s); "
                          "use a new database or a new table name", r->name, old, decl);
            result = 1;
        }
        sqlite3_finalize(st);
        free(decl);
        return result;
    }
    if (rc != SQLITE_DONE) {                     /* a failed read, or no memory for the text */
        if (rc == SQLITE_ROW) diag_plain(d, "%s: out of memory", s->path);
        else store_error(d, s, NULL);
        sqlite3_finalize(st);
        free(decl);
        return -1;
    }
    sqlite3_finalize(st);
    StrBuf sql = {0};
    create_record_sql(&sql, r);
    if (store_exec(s, sql.s, d) != 0) result = -1;
    strbuf_free(&sql);
    if (result == 0) {
        st = store_prepare(s, "INSERT INTO record_tables(name, declaration) VALUES (?, ?)", d);
        if (!st) result = -1;
        else {
            sqlite3_bind_text(st, 1, r->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, decl, -1, SQLITE_STATIC);
            if (store_step(s, st) != SQLITE_DONE) {
                store_error(d, s, NULL);
                result = -1;
            }
            sqlite3_finalize(st);
        }
    }
    free(decl);
    return result;
}
