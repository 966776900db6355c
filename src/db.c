/* db.c: opening the SQLite store, creating its schema, record tables.
 *
 * The schema text lives in src/schema.sql and is embedded at build time
 * (scripts/embed.cmake), so the SQL that documents the store is the SQL that
 * creates it. */
#include "db.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int db_query_int(sqlite3 *db, const char *sql, const char *arg, int *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    if (arg) sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

int db_init_schema(sqlite3 *db, const char *path, Diag *d)
{
    char *err = NULL;
    if (sqlite3_exec(db, skp_schema_sql, NULL, NULL, &err) != SQLITE_OK) {
        diag_plain(d, "%s: cannot create the schema: %s", path, err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

/* Checks that an opened file is a sakipc store of our version, creating the
 * schema in an empty one when allowed. */
static int check_schema(sqlite3 *db, const char *path, int mode, Diag *d)
{
    int version = 0, tables = 0;
    /* an empty file may get our schema; a file with someone else's tables must not */
    if (db_query_int(db, "PRAGMA user_version", NULL, &version) != 0 ||
        db_query_int(db, "SELECT count(*) FROM sqlite_master", NULL, &tables) != 0) {
        diag_plain(d, "%s: not a SQLite database (%s)", path, sqlite3_errmsg(db));
        return -1;
    }
    if (version == 0 && tables == 0) {
        if (mode != DB_CREATE) {
            diag_plain(d, "%s: empty database; create it with 'sakipc init %s' or load data with 'sakipc import'", path, path);
            return -1;
        }
        return db_init_schema(db, path, d);
    }
    if (version == 0) {
        diag_plain(d, "%s: not a sakipc database (it has tables but no schema version)", path);
        return -1;
    }
    if (version == 1 && mode != DB_READONLY) {
        /* version 2 added the revised budget and period_targets (the schema
         * creates only the tables that are missing) */
        char *err = NULL;
        if (sqlite3_exec(db, "BEGIN; ALTER TABLE budget ADD COLUMN pagu_revised INTEGER;", NULL, NULL, &err) != SQLITE_OK ||
            sqlite3_exec(db, skp_schema_sql, NULL, NULL, &err) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT;", NULL, NULL, &err) != SQLITE_OK) {
            diag_plain(d, "%s: upgrading the schema from version 1 to 2: %s", path, err ? err : sqlite3_errmsg(db));
            sqlite3_free(err);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        return 0;
    }
    if (version == 1) {
        diag_plain(d, "%s: schema version 1 is older than this sakipc's %d; upgrade it, keeping its data, with 'sakipc init %s'",
                   path, SKP_SCHEMA_VERSION, path);
        return -1;
    }
    if (version != SKP_SCHEMA_VERSION) {
        diag_plain(d, "%s: schema version %d, but this sakipc reads version %d", path, version, SKP_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

sqlite3 *db_open(const char *path, int mode, Diag *d)
{
    if (mode != DB_CREATE && !file_exists(path)) {
        diag_plain(d, "%s: %s", path, strerror(errno));
        return NULL;
    }
    int flags = mode == DB_READONLY ? SQLITE_OPEN_READONLY
              : mode == DB_READWRITE ? SQLITE_OPEN_READWRITE
              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        diag_plain(d, "%s: cannot open: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    /* A concurrent writer should make us wait a little, not fail at once. */
    sqlite3_busy_timeout(db, 5000);
    if (check_schema(db, path, mode, d) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

void db_close(sqlite3 *db)
{
    sqlite3_close(db);
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, Diag *d)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        diag_plain(d, "database: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

int db_exec(sqlite3 *db, const char *sql, Diag *d)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        diag_plain(d, "database: %s", err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

/* ---- record tables ------------------------------------------------------ */

static const char *col_type_name(ColType t)
{
    return t == COL_TEXT ? "text" : t == COL_INT ? "int" : "number";
}

static const char *col_sql_type(ColType t)
{
    return t == COL_TEXT ? "TEXT" : t == COL_INT ? "INTEGER" : "REAL";
}

char *db_record_declaration(const RecordDecl *r)
{
    StrBuf b = {0};
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        sb_printf(&b, "%s%s %s", i ? ", " : "", c->name, col_type_name(c->type));
        if (c->array_len) sb_printf(&b, "[%d]", c->array_len);
        if (c->has_range) sb_printf(&b, " %.15g..%.15g", c->lo, c->hi);
        if (c->optional) sb_puts(&b, " optional");
    }
    if (r->nkey) {
        sb_puts(&b, "; key ");
        for (int k = 0; k < r->nkey; k++) sb_printf(&b, "%s%s", k ? ", " : "", r->cols[r->key[k]].name);
    }
    if (!b.s) sb_puts(&b, "");
    return b.s;
}

/* Record table and column names come from plan identifiers (letters, digits,
 * '_'), so quoting them with "" is enough. */
static void create_record_sql(StrBuf *b, const RecordDecl *r)
{
    sb_printf(b, "CREATE TABLE \"rec_%s\" (", r->name);
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        if (c->array_len == 0) {
            sb_printf(b, "\"%s\" %s, ", c->name, col_sql_type(c->type));
            continue;
        }
        for (int k = 1; k <= c->array_len; k++)
            sb_printf(b, "\"%s_%d\" %s, ", c->name, k, col_sql_type(c->type));
    }
    sb_puts(b, "src_file TEXT, src_line INTEGER");
    if (r->nkey) {
        sb_puts(b, ", UNIQUE (");
        for (int k = 0; k < r->nkey; k++) sb_printf(b, "%s\"%s\"", k ? ", " : "", r->cols[r->key[k]].name);
        sb_puts(b, ")");
    }
    sb_puts(b, ")");
}

int db_ensure_record_table(sqlite3 *db, const RecordDecl *r, Diag *d)
{
    char *decl = db_record_declaration(r);
    sqlite3_stmt *st = db_prepare(db, "SELECT declaration FROM record_tables WHERE name = ?", d);
    if (!st) { free(decl); return -1; }
    sqlite3_bind_text(st, 1, r->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW) {
        const char *old = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(old, decl) != 0) {
            diag_plain(d, "record table %s was loaded as (%s) and the plan now declares it as (%s); "
                          "use a new database or a new table name", r->name, old, decl);
            result = -1;
        }
        sqlite3_finalize(st);
        free(decl);
        return result;
    }
    sqlite3_finalize(st);
    StrBuf sql = {0};
    create_record_sql(&sql, r);
    if (db_exec(db, sql.s, d) != 0) result = -1;
    sb_free(&sql);
    if (result == 0) {
        st = db_prepare(db, "INSERT INTO record_tables(name, declaration) VALUES (?, ?)", d);
        if (!st) result = -1;
        else {
            sqlite3_bind_text(st, 1, r->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, decl, -1, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE) {
                diag_plain(d, "database: %s", sqlite3_errmsg(db));
                result = -1;
            }
            sqlite3_finalize(st);
        }
    }
    free(decl);
    return result;
}
