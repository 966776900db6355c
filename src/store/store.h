/* store.h: the SQLite store. The schema is src/store/schema.sql (embedded at build
 * time) and carries PRAGMA user_version; a file with another version is
 * refused with a clear message rather than misread. */
#ifndef SKP_STORE_STORE_H
#define SKP_STORE_STORE_H
#include <sqlite3.h>
#include "base/diag.h"

#define STORE_SCHEMA_VERSION 4

/* The path of the file a row was imported from, in a SELECT of one table
 * (rows keep the file's id in src_file: schema.sql). */
#define STORE_SRC_PATH "(SELECT path FROM files WHERE files.id = src_file)"

enum { STORE_READONLY = 0, STORE_READWRITE = 1, STORE_CREATE = 2 };

/* An open store: the connection, the path it was opened by (as the user
 * gave it, for messages), and what failed for the store's sake while it
 * was in use. Every statement on it is stepped with store_step. */
typedef struct Store {
    sqlite3 *db;
    char *path;
    int failed_code;      /* the first failure for the store's sake (a SQLite code), 0: none */
    int upgraded_from;    /* the schema version opening upgraded the file from, 0: none */
} Store;

/* Opens path. STORE_READONLY: must exist and have our schema version, every
 * table of the schema (a damaged page is found when it is read, and
 * reported as a corrupt file: see store_failure). STORE_READWRITE:
 * same, writable (a file without write permission is refused, even for
 * root). STORE_CREATE: creates the file and the schema if missing. Errors
 * go to d as "sakipc: error: DB: reason". NULL on error. */
Store *store_open(const char *path, int mode, Diag *d);
/* The busy timeout: how long a command waits for another process's lock
 * on the file before it gives up with "the database is locked". */
#define STORE_BUSY_TIMEOUT_MS 5000
void store_close(Store *s);
/* A new database in memory with the schema, never a file: for `sakipc
 * test`, which must not touch the user's store. `name` names it in
 * messages. NULL on error (reported). */
Store *store_open_memory(const char *name, Diag *d);
/* A new database in memory holding what `from` holds (SQLite's backup):
 * each plan test starts from the rows its file shares. */
Store *store_copy_memory(Store *from, const char *name, Diag *d);

/* Call once at startup, before any other use of SQLite: with fault
 * injection on (SAKIPC_FAIL_ALLOC, see base/mem.h), installs an allocator
 * that counts SQLite's allocations and fails the chosen one; SQLite then
 * reports SQLITE_NOMEM to its caller. */
void store_startup(void);

/* Reports why the last call on s failed: "sakipc: error: FILE: DOING: reason"
 * (DOING may be NULL), the reason in words (locked, corrupt, out of memory,
 * disk full with the system's error), and remembers it as the store's failure. */
void store_error(Diag *d, Store *s, const char *doing);
/* sqlite3_step on a statement of s: a step that fails for the store's sake
 * (out of memory, I/O error, corrupt file, lock, full disk) is remembered
 * even when its caller takes the failure for the end of the rows. */
int store_step(Store *s, sqlite3_stmt *st);
/* Remembers a failure with SQLite code `code` when it is one for the store's sake. */
void store_note_failure(Store *s, int code);
/* 1, with a message naming the file in buf, when anything failed for the
 * store's sake while it was open; 0 when nothing did. */
int store_failure(const Store *s, char *buf, size_t n);
/* A buffer for store_failure's message that holds it whole: the longest
 * path (STORE_PATH_MAX) and the longest reason. */
#define STORE_PATH_MAX 4096
#define STORE_FAILURE_MAX (STORE_PATH_MAX + 512)
/* Reports a read that failed (a step that was neither a row nor the end, a
 * column that came back NULL for want of memory): what was remembered if
 * anything was (corrupt, I/O, lock), else the connection's error, which is
 * "out of memory" when an allocation failed. */
void store_read_failed(Diag *d, Store *s);

/* Creates the schema in an empty database (idempotent on an up-to-date one). */
int store_init_schema(Store *s, Diag *d);

/* Prepares sql or reports the error through d; NULL on error. */
sqlite3_stmt *store_prepare(Store *s, const char *sql, Diag *d);
int store_exec(Store *s, const char *sql, Diag *d);
/* Runs a query that yields one integer (binding arg to ?1 when not NULL).
 * 0 with *out set, -1 when it failed or gave no row. */
int store_query_int(Store *s, const char *sql, const char *arg, int *out);

extern const char store_schema_sql[];

#endif
