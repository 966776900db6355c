/* store.c: the SQLite store (store.h): opening it, its schema and its
 * upgrades, what a failure means, statements that remember one.
 *
 * The schema text lives in src/store/schema.sql and is embedded at build time
 * (scripts/embed.cmake), so the SQL that documents the store is the SQL that
 * creates it. */
#include "store/store.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/strbuf.h"

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int store_step(Store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) store_note_failure(s, sqlite3_extended_errcode(s->db));
    return rc;
}

int store_query_int(Store *s, const char *sql, const char *arg, int *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    if (arg) sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    int rc = store_step(s, st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

int store_init_schema(Store *s, Diag *d)
{
    sqlite3 *db = s->db;
    /* in one transaction: a file that cannot take all of it keeps none */
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, store_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        store_error(d, s, "cannot create the schema");
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

/* ---- names and reasons ----------------------------------------------------- */

/* What to do about a damaged file: SQLite finds damage on the pages it
 * reads, so it is reported by the command that first reads them. */
#define CORRUPT_ADVICE "restore it from a backup, or import the CSV files into a new file"

/* Why the last call on db failed, in words: SQLite's own message, with what
 * it means for the store where the bare message says little. */
static void reason(sqlite3 *db, int code, int err, char *buf, size_t n)
{
    const char *msg = sqlite3_errmsg(db);
    int sys = sqlite3_system_errno(db);
    /* SQLite keeps the system's error only for some calls (not for a COMMIT
     * whose writes failed); errno, taken right after the call, says why a
     * write failed when it is one of the reasons a write fails */
    if (!sys && (err == EFBIG || err == ENOSPC || err == EDQUOT || err == EIO || err == EROFS)) sys = err;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        snprintf(buf, n, "the database is locked by another process (gave up after %d seconds)", STORE_BUSY_TIMEOUT_MS / 1000);
        break;
    case SQLITE_CORRUPT:
        snprintf(buf, n, "the file is corrupt (%s); " CORRUPT_ADVICE, msg);
        break;
    case SQLITE_NOTADB:
        snprintf(buf, n, "not a SQLite database (%s)", msg);
        break;
    case SQLITE_NOMEM:
        snprintf(buf, n, "out of memory");
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        if (sys) snprintf(buf, n, "%s (%s)", msg, strerror(sys));
        else snprintf(buf, n, "%s", msg);
        break;
    default:
        /* no error on the connection: a column read that found no memory
         * (sqlite3_column_text returns NULL and leaves the code alone) */
        if ((code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) && mem_out_of_memory())
            snprintf(buf, n, "out of memory");
        else
            snprintf(buf, n, "%s", msg);
    }
}

static void report(Diag *d, sqlite3 *db, const char *path, const char *doing, int err)
{
    char why[512];
    reason(db, sqlite3_extended_errcode(db), err, why, sizeof why);
    if (doing) diag_plain(d, "%s: %s: %s", path, doing, why);
    else diag_plain(d, "%s: %s", path, why);
}

void store_error(Diag *d, Store *s, const char *doing)
{
    int err = errno;
    report(d, s->db, s->path, doing, err);
    int code = sqlite3_extended_errcode(s->db);
    if (!s->failed_code) s->failed_code = code ? code : SQLITE_ERROR;
}

/* ---- failures no caller noticed ------------------------------------------------ */

/* A statement that fails for the store's sake rather than its own (out of
 * memory, I/O, a damaged page, a lock, a full disk) is remembered in the
 * handle, as is every failure reported through store_error, so that a run
 * whose code took such a failure for the end of the rows still fails
 * (store_failure). */
void store_note_failure(Store *s, int code)
{
    switch (code & 0xff) {
    case SQLITE_NOMEM: case SQLITE_IOERR: case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_FULL:
    case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY:
        if (!s->failed_code) s->failed_code = code;
        break;
    default:
        break;
    }
}

int store_failure(const Store *s, char *buf, size_t n)
{
    int code = s->failed_code;
    if (!code) return 0;
    char why[256];
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        snprintf(why, sizeof why, "the database is locked by another process");
    else if ((code & 0xff) == SQLITE_CORRUPT)
        snprintf(why, sizeof why, "the file is corrupt (%s); " CORRUPT_ADVICE, sqlite3_errstr(code));
    else
        snprintf(why, sizeof why, "%s", sqlite3_errstr(code));
    snprintf(buf, n, "%s: reading the database failed: %s", s->path, why);
    return 1;
}

void store_read_failed(Diag *d, Store *s)
{
    char why[STORE_FAILURE_MAX];
    if (store_failure(s, why, sizeof why)) diag_plain(d, "%s", why);
    else store_error(d, s, "reading the database failed");
}

/* ---- opening ---------------------------------------------------------------- */

/* The tables of our schema, from its text: each "CREATE TABLE IF NOT EXISTS name". */
static int missing_table(Store *s, char *name, size_t n, int *failed)
{
    static const char intro[] = "CREATE TABLE IF NOT EXISTS ";
    *failed = 0;
    for (const char *p = strstr(store_schema_sql, intro); p; p = strstr(p, intro)) {
        p += sizeof intro - 1;
        size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz_0123456789");
        snprintf(name, n, "%.*s", (int)len, p);
        int found = 0;
        if (store_query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", name, &found) != 0) {
            *failed = 1;
            return 1;
        }
        if (!found) return 1;
    }
    return 0;
}

/* The tables whose rows carry src_file (those of the schema and the record
 * tables), for the upgrade to version 3. */
static int tables_with_sources(Store *s, char ***out, int *n)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'files' "
                               "AND sql LIKE '%src_file%' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc;
    while ((rc = store_step(s, st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        if (!name) { rc = SQLITE_NOMEM; break; }
        *out = mem_xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
        (*out)[(*n)++] = mem_xstrdup(name);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Brings a version-1, 2 or 3 file to the current version, in one
 * transaction: version 2 added budget.pagu_revised and period_targets (the
 * schema creates only the tables that are missing, as it does version 4's
 * narratives); version 3 the files
 * table, every row's src_file becoming the id of its path. The columns keep
 * their declared type TEXT in an upgraded file; SQLite compares them with
 * the ids as numbers, so nothing that reads them can tell. */
static int upgrade_schema(Store *s, int version, Diag *d)
{
    sqlite3 *db = s->db;
    char **tables = NULL;
    int ntables = 0, had_files = 0, ok =
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
        store_query_int(s, "SELECT count(*) FROM sqlite_master WHERE name = ?1", "files", &had_files) == 0 &&
        (version > 1 || sqlite3_exec(db, "ALTER TABLE budget ADD COLUMN pagu_revised INTEGER", NULL, NULL, NULL) == SQLITE_OK) &&
        sqlite3_exec(db, store_schema_sql, NULL, NULL, NULL) == SQLITE_OK &&
        /* rows already name their file by id where the files table exists
         * (a version-3 file whose version was set back by hand) */
        (had_files || tables_with_sources(s, &tables, &ntables) == 0);
    for (int i = 0; i < ntables; i++) {
        if (ok) {
            char *sql = sqlite3_mprintf(
                "INSERT OR IGNORE INTO files (path) SELECT DISTINCT src_file FROM \"%w\" WHERE src_file IS NOT NULL;"
                "UPDATE \"%w\" SET src_file = (SELECT id FROM files WHERE path = \"%w\".src_file) WHERE src_file IS NOT NULL;",
                tables[i], tables[i], tables[i]);
            ok = sql && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
            sqlite3_free(sql);
        }
        free(tables[i]);
    }
    free(tables);
    if (ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
        s->upgraded_from = version;
        return 0;
    }
    char doing[80];
    snprintf(doing, sizeof doing, "upgrading the schema from version %d to %d", version, STORE_SCHEMA_VERSION);
    store_error(d, s, doing);
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* Checks that an opened file is a sakipc store of our version, creating the
 * schema in an empty one when allowed. */
static int check_schema(Store *s, int mode, Diag *d)
{
    const char *path = s->path;
    int version = 0, tables = 0;
    /* an empty file may get our schema; a file with someone else's tables must not */
    if (store_query_int(s, "PRAGMA user_version", NULL, &version) != 0 ||
        store_query_int(s, "SELECT count(*) FROM sqlite_master", NULL, &tables) != 0) {
        store_error(d, s, NULL);
        return -1;
    }
    if (version == 0 && tables == 0) {
        if (mode != STORE_CREATE) {
            diag_plain(d, "%s: empty database; create it with 'sakipc init %s' or load data with 'sakipc import'", path, path);
            return -1;
        }
        return store_init_schema(s, d);
    }
    if (version == 0) {
        diag_plain(d, "%s: not a sakipc database (it has tables but no schema version)", path);
        return -1;
    }
    if (version > STORE_SCHEMA_VERSION || version < 1) {
        diag_plain(d, "%s: schema version %d, but this sakipc reads version %d", path, version, STORE_SCHEMA_VERSION);
        return -1;
    }
    if (version < STORE_SCHEMA_VERSION) {
        if (mode == STORE_READONLY) {
            diag_plain(d, "%s: schema version %d is older than this sakipc's %d; upgrade it, keeping its data, with 'sakipc init %s'",
                       path, version, STORE_SCHEMA_VERSION, path);
            return -1;
        }
        return upgrade_schema(s, version, d);
    }
    char name[64];
    int failed;
    if (missing_table(s, name, sizeof name, &failed)) {
        if (failed) store_error(d, s, NULL);
        else diag_plain(d, "%s: table '%s' is missing: the file is not a whole sakipc database of version %d",
                        path, name, STORE_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* A file its permissions say is read-only is not written, even by root
 * (whom SQLite would let write it). */
static int writable(const char *path, Diag *d)
{
    struct stat st;
    if (stat(path, &st) != 0) return 1;                  /* created on open */
    if (access(path, W_OK) != 0 || !(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) {
        diag_plain(d, "%s: the file is read-only (%s); nothing is written to it",
                   path, access(path, W_OK) != 0 ? strerror(errno) : "no write permission");
        return 0;
    }
    return 1;
}

/* The handle of an opened connection, named `path` in messages. */
static Store *wrap(sqlite3 *db, const char *path)
{
    Store *s = mem_xcalloc(1, sizeof *s);
    s->db = db;
    s->path = mem_xstrdup(path);
    sqlite3_extended_result_codes(db, 1);
    /* A concurrent writer makes us wait a little (docs/data.md), not fail at once. */
    sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
    return s;
}

Store *store_open(const char *path, int mode, Diag *d)
{
    if (mode != STORE_CREATE && !file_exists(path)) {
        diag_plain(d, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (mode != STORE_READONLY && !writable(path, d)) return NULL;
    int flags = mode == STORE_READONLY ? SQLITE_OPEN_READONLY
              : mode == STORE_READWRITE ? SQLITE_OPEN_READWRITE
              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    /* One thread uses a connection: without this, the serialized mode takes
     * a mutex around every step and column read of the national scan. */
    flags |= SQLITE_OPEN_NOMUTEX;
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (db) report(d, db, path, "cannot open", errno);
        else diag_plain(d, "%s: cannot open: %s", path, sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    Store *s = wrap(db, path);
    if (check_schema(s, mode, d) != 0) {
        store_close(s);
        return NULL;
    }
    return s;
}

/* A database of its own in memory, no file behind it (SQLite's ":memory:"):
 * nothing another connection or process could see or write. */
static Store *open_memory(const char *name, Diag *d)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        diag_plain(d, "%s: cannot open a database in memory: %s", name, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    return wrap(db, name);
}

Store *store_open_memory(const char *name, Diag *d)
{
    Store *s = open_memory(name, d);
    if (s && store_init_schema(s, d) != 0) {
        store_close(s);
        return NULL;
    }
    return s;
}

Store *store_copy_memory(Store *from, const char *name, Diag *d)
{
    Store *s = open_memory(name, d);
    if (!s) return NULL;
    sqlite3_backup *b = sqlite3_backup_init(s->db, "main", from->db, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE) {
        store_error(d, s, "copying the database");
        store_close(s);
        return NULL;
    }
    return s;
}

void store_close(Store *s)
{
    if (!s) return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* ---- fault injection: SQLite's allocations, counted ---------------------- */

/* Each block carries its size in front (SQLite asks for it), in a header as
 * wide as the strictest alignment so that the block stays aligned. */
typedef union { size_t size; max_align_t align; } FaultHeader;

static void *fault_malloc(int n)
{
    if (n <= 0) return NULL;
    if (mem_fault_hit()) return NULL;
    FaultHeader *h = malloc(sizeof *h + (size_t)n);
    if (!h) { mem_alloc_failed(); return NULL; }
    h->size = (size_t)n;
    return h + 1;
}

static void fault_free(void *p)
{
    if (p) free((FaultHeader *)p - 1);
}

static void *fault_realloc(void *p, int n)
{
    if (!p) return fault_malloc(n);
    if (n <= 0) return NULL;
    if (mem_fault_hit()) return NULL;           /* SQLite keeps p and reports SQLITE_NOMEM */
    FaultHeader *h = realloc((FaultHeader *)p - 1, sizeof *h + (size_t)n);
    if (!h) { mem_alloc_failed(); return NULL; }
    h->size = (size_t)n;
    return h + 1;
}

static int fault_size(void *p) { return p ? (int)((FaultHeader *)p - 1)->size : 0; }
static int fault_roundup(int n) { return (n + 7) & ~7; }
static int fault_init(void *ud) { (void)ud; return SQLITE_OK; }
static void fault_shutdown(void *ud) { (void)ud; }

void store_startup(void)
{
    static const sqlite3_mem_methods methods = {
        fault_malloc, fault_free, fault_realloc, fault_size, fault_roundup, fault_init, fault_shutdown, NULL,
    };
    if (mem_fault_at) sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
}

sqlite3_stmt *store_prepare(Store *s, const char *sql, Diag *d)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_error(d, s, NULL);
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

int store_exec(Store *s, const char *sql, Diag *d)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        store_error(d, s, NULL);
        return -1;
    }
    return 0;
}

