/* db.h: the SQLite store. The schema is src/schema.sql (embedded at build
 * time) and carries PRAGMA user_version; a file with another version is
 * refused with a clear message rather than misread. */
#ifndef SKP_DB_H
#define SKP_DB_H
#include <sqlite3.h>
#include "diag.h"
#include "record.h"

#define SKP_SCHEMA_VERSION 2

enum { DB_READONLY = 0, DB_READWRITE = 1, DB_CREATE = 2 };

/* Opens path. DB_READONLY: must exist and have our schema version.
 * DB_READWRITE: same, writable. DB_CREATE: creates the file and the schema
 * if missing. Errors go to d as "sakipc: error: DB: reason". NULL on error. */
sqlite3 *db_open(const char *path, int mode, Diag *d);
void db_close(sqlite3 *db);

/* Creates the schema in an empty database (idempotent on an up-to-date one). */
int db_init_schema(sqlite3 *db, const char *path, Diag *d);

/* Creates rec_<name> for a declared record table, or checks that an existing
 * one has the same declaration (stored in record_tables). 0 on success. */
int db_ensure_record_table(sqlite3 *db, const RecordDecl *r, Diag *d);
/* The canonical text of a declaration, e.g. "no int, title text, scores int[9] 1..4". */
char *db_record_declaration(const RecordDecl *r);

/* Prepares sql or reports sqlite3_errmsg through d; NULL on error. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, Diag *d);
int db_exec(sqlite3 *db, const char *sql, Diag *d);
/* Runs a query that yields one integer (binding arg to ?1 when not NULL).
 * 0 with *out set, -1 when it failed or gave no row. */
int db_query_int(sqlite3 *db, const char *sql, const char *arg, int *out);

extern const char skp_schema_sql[];

#endif
