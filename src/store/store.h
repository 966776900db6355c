/* db.h: the SQLite store. The schema is src/schema.sql (embedded at build
 * time) and carries PRAGMA user_version; a file with another version is
 * refused with a clear message rather than misread. */
#ifndef SKP_DB_H
#define SKP_DB_H
#include <sqlite3.h>
#include "base/diag.h"
#include "check/record.h"

#define STORE_SCHEMA_VERSION 3

/* The path of the file a row was imported from, in a SELECT of one table
 * (rows keep the file's id in src_file: schema.sql). */
#define STORE_SRC_PATH "(SELECT path FROM files WHERE files.id = src_file)"

enum { STORE_READONLY = 0, STORE_READWRITE = 1, STORE_CREATE = 2 };

/* Opens path. STORE_READONLY: must exist and have our schema version, every
 * table of the schema (a damaged page is found when it is read, and
 * reported as a corrupt file: see store_failure). STORE_READWRITE:
 * same, writable (a file without write permission is refused, even for
 * root). STORE_CREATE: creates the file and the schema if missing. path must
 * outlive the connection (messages name it). Errors go to d as
 * "sakipc: error: DB: reason". NULL on error. */
sqlite3 *store_open(const char *path, int mode, Diag *d);
/* The busy timeout: how long a command waits for another process's lock
 * on the file before it gives up with "the database is locked". */
#define STORE_BUSY_TIMEOUT_MS 5000
void store_close(sqlite3 *db);
/* The schema version an open upgraded a file from, 0 when none did. */
int store_upgraded_from(void);

/* Call once at startup, before any other use of SQLite: installs the error
 * log behind store_failure and, with fault injection on (SAKIPC_FAIL_ALLOC, see
 * util.h), an allocator that counts SQLite's allocations and fails the
 * chosen one; SQLite then reports SQLITE_NOMEM to its caller. */
void store_startup(void);

/* The path db was opened by, for messages. */
const char *store_path(sqlite3 *db);
/* Reports why the last call on db failed: "sakipc: error: FILE: DOING: reason"
 * (DOING may be NULL), the reason in words (locked, corrupt, out of memory,
 * disk full with the system's error). */
void store_error(Diag *d, sqlite3 *db, const char *doing);
/* A statement that failed for the store's sake (out of memory, I/O error,
 * corrupt file, lock, full disk) is remembered even when its caller took
 * the failure for the end of the rows, as is any failure reported with
 * store_error: 1 with a message naming the file in buf when there was one. */
int store_failure(char *buf, size_t n);
/* A buffer for store_failure's message that holds it whole: the longest path
 * the store remembers (STORE_PATH_MAX) and the longest reason. */
#define STORE_PATH_MAX 4096
#define STORE_FAILURE_MAX (STORE_PATH_MAX + 512)
/* Reports a read that failed (a step that was neither a row nor the end, a
 * column that came back NULL for want of memory): what SQLite logged, if it
 * logged it (corrupt, I/O, lock), else the connection's error, which is
 * "out of memory" when an allocation failed. */
void store_read_failed(Diag *d, sqlite3 *db);

/* Creates the schema in an empty database (idempotent on an up-to-date one). */
int store_init_schema(sqlite3 *db, Diag *d);

/* Creates rec_<name> for a declared record table, or checks that an existing
 * one has the same declaration (stored in record_tables). 0 on success, 1
 * when the declarations differ, -1 when the database failed (reported). */
int store_ensure_record_table(sqlite3 *db, const RecordDecl *r, Diag *d);
/* The canonical text of a declaration, e.g. "no int, title text, scores int[9] 1..4". */
char *store_record_declaration(const RecordDecl *r);

/* Prepares sql or reports sqlite3_errmsg through d; NULL on error. */
sqlite3_stmt *store_prepare(sqlite3 *db, const char *sql, Diag *d);
int store_exec(sqlite3 *db, const char *sql, Diag *d);
/* Runs a query that yields one integer (binding arg to ?1 when not NULL).
 * 0 with *out set, -1 when it failed or gave no row. */
int store_query_int(sqlite3 *db, const char *sql, const char *arg, int *out);

extern const char store_schema_sql[];

#endif
