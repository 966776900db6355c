/* import.c: CSV files into the store, one transaction per file.
 *
 * The file is read line by line and fed to libcsv (RFC 4180: quotes,
 * embedded commas and newlines), which hands us one record at a time; we
 * never hold the whole file. Each record is checked against a TableSpec (the
 * columns a table takes, their kinds, its key) and inserted at once inside
 * the file's transaction. A bad row is reported and skipped, checking goes on
 * to the end so that every bad row is reported in one run, and if there was
 * any the transaction is rolled back: the whole file or nothing.
 *
 * Keys: a row whose key is already present (from this file or an earlier
 * import) is fine when it says the same thing and an error when it does not;
 * the error names where the other value came from. */
#include "store/import.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "base/period.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"
#include "store/cell.h"
#include "store/rectable.h"
#include "store/tablespec.h"

char *import_table_for_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".csv") == 0) n -= 4;
    return mem_xstrndup(base, n);
}

/* ---- the import state ---------------------------------------------------- */

#define FIELD_SOURCE (-2)  /* a column filled from --source, not from the file */

typedef struct {
    Store *store;
    const char *path;
    sqlite3_int64 file_id; /* path's id in the files table: the rows' src_file */
    const ImportOptions *opt;
    FILE *err;
    TableSpec spec;
    int spec_owned;

    struct csv_parser csv;
    long line;             /* physical line being fed */
    long row_line;         /* line where the current record began */
    long rows;             /* records seen, header included */
    int errors;
    int stopped;           /* a CSV syntax error ends the file */

    /* the current record: field texts packed in buf, NUL-separated */
    StrBuf buf;
    VEC(size_t) field_at;

    /* header: spec column -> CSV field index */
    int *field_of_col;     /* -1: not in the file; FIELD_SOURCE: --source */
    int nfields;

    /* SQL columns: spec columns with arrays expanded */
    int nsql;
    Cell *cells;
    int *sql_col;          /* SQL column -> spec column */
    char **sql_names;
    sqlite3_stmt *insert, *lookup;
    Diag *d;
    int fatal;             /* the database failed: not the data's fault */

    StrMap units;          /* codes known before this file, for K_UNIT */
    Arena arena;
    StrBuf reason;         /* the current row's problems, joined by "; " */
    long rows_written;
} Import;

static void report(Import *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(Import *im, long line, const char *fmt, ...)
{
    im->errors++;
    if (im->opt->max_errors && im->errors > im->opt->max_errors) return;
    va_list ap;
    va_start(ap, fmt);
    if (line > 0) fprintf(im->err, "%s:%ld: error: ", im->path, line);
    else fprintf(im->err, "%s: error: ", im->path);
    vfprintf(im->err, fmt, ap);
    fputc('\n', im->err);
    va_end(ap);
}

/* The database itself failed (out of memory, I/O, lock, full disk): not
 * the row's fault. Reported once, naming the file; the file stops and its
 * transaction is rolled back. */
static void db_failed(Import *im)
{
    if (!im->fatal) store_error(im->d, im->store, NULL);
    im->fatal = im->stopped = 1;
}

static const char *field(const Import *im, int i)
{
    return im->buf.s + im->field_at.items[i];
}

static int prepare_sql(Import *im, Diag *d);

/* ---- header ---------------------------------------------------------------- */

static int spec_col(const TableSpec *t, const char *name)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].name, name) == 0) return i;
    return -1;
}

static void column_list(const TableSpec *t, StrBuf *b)
{
    for (int i = 0; i < t->ncols; i++) strbuf_printf(b, "%s%s", i ? ", " : "", t->cols[i].name);
}

static void header(Import *im)
{
    int n = im->field_at.len;
    im->nfields = n;
    im->field_of_col = mem_xcalloc((size_t)im->spec.ncols, sizeof(int));
    for (int c = 0; c < im->spec.ncols; c++) im->field_of_col[c] = -1;
    const char *cands[64];
    int ncand = 0;
    for (int c = 0; c < im->spec.ncols && ncand < 64; c++) cands[ncand++] = im->spec.cols[c].name;
    for (int f = 0; f < n; f++) {
        const char *name = field(im, f);
        if (f == 0 && strncmp(name, "\xEF\xBB\xBF", 3) == 0) name += 3;   /* UTF-8 BOM */
        int c = spec_col(&im->spec, name);
        if (c < 0) {
            const char *s = text_suggest(name, cands, ncand);
            StrBuf cols = {0};
            column_list(&im->spec, &cols);
            if (s) report(im, im->row_line, "unknown column '%s' in %s (did you mean '%s'?)", name, im->spec.name, s);
            else report(im, im->row_line, "unknown column '%s' in %s (its columns: %s)", name, im->spec.name, cols.s);
            strbuf_free(&cols);
        } else if (im->field_of_col[c] >= 0) {
            report(im, im->row_line, "column '%s' appears twice", name);
        } else {
            im->field_of_col[c] = f;
        }
    }
    for (int c = 0; c < im->spec.ncols; c++) {
        if (im->field_of_col[c] >= 0 || !im->spec.cols[c].in_header) continue;
        if (im->opt->source && !strcmp(im->spec.cols[c].name, "source") && !im->spec.record)
            im->field_of_col[c] = FIELD_SOURCE;          /* --source gives every row's */
        else if (!strcmp(im->spec.cols[c].name, "source") && !im->spec.record)
            report(im, im->row_line, "missing column 'source' in the header of %s (or give --source NAME: pk, renstra, ...)",
                   im->spec.name);
        else
            report(im, im->row_line, "missing column '%s' in the header of %s", im->spec.cols[c].name, im->spec.name);
    }
    if (im->errors) im->stopped = 1;   /* rows cannot be read without their header */
    else if (prepare_sql(im, im->d) != 0) im->stopped = im->fatal = 1;
}

/* ---- SQL ------------------------------------------------------------------- */

static int prepare_sql(Import *im, Diag *d)
{
    const TableSpec *t = &im->spec;
    VEC(int) map = {0};
    VEC(char *) names = {0};
    for (int c = 0; c < t->ncols; c++) {
        if (im->field_of_col[c] == -1) continue;     /* absent optional column: default NULL */
        if (t->cols[c].array_len == 0) {
            VEC_PUSH(map, c);
            VEC_PUSH(names, mem_xstrdup(t->cols[c].name));
            continue;
        }
        for (int k = 1; k <= t->cols[c].array_len; k++) {
            StrBuf b = {0};
            strbuf_printf(&b, "%s_%d", t->cols[c].name, k);
            VEC_PUSH(map, c);
            VEC_PUSH(names, b.s);
        }
    }
    im->nsql = map.len;
    im->sql_col = map.items;
    im->sql_names = names.items;
    im->cells = mem_xcalloc((size_t)map.len + 1, sizeof *im->cells);

    StrBuf ins = {0}, look = {0};
    strbuf_printf(&ins, "INSERT INTO \"%s\" (", t->sqlname);
    for (int i = 0; i < im->nsql; i++) strbuf_printf(&ins, "\"%s\", ", im->sql_names[i]);
    strbuf_puts(&ins, "src_file, src_line) VALUES (");
    for (int i = 0; i < im->nsql + 2; i++) strbuf_puts(&ins, i ? ", ?" : "?");
    strbuf_puts(&ins, ")");
    im->insert = store_prepare(im->store, ins.s, d);

    /* lookup by key: every SQL column plus where it came from */
    int nkey = 0;
    strbuf_puts(&look, "SELECT ");
    for (int i = 0; i < im->nsql; i++) strbuf_printf(&look, "\"%s\", ", im->sql_names[i]);
    strbuf_printf(&look, STORE_SRC_PATH ", src_line FROM \"%s\" WHERE ", t->sqlname);
    for (int i = 0; i < im->nsql; i++)
        if (t->cols[im->sql_col[i]].key) strbuf_printf(&look, "%s\"%s\" = ?%d", nkey++ ? " AND " : "", im->sql_names[i], i + 1);
    if (nkey) im->lookup = store_prepare(im->store, look.s, d);
    strbuf_free(&ins);
    strbuf_free(&look);
    return im->insert && (!nkey || im->lookup) ? 0 : -1;
}

static void bind_cell(sqlite3_stmt *st, int i, const Cell *c)
{
    switch (c->type) {
    case SQLITE_INTEGER: sqlite3_bind_int64(st, i, c->i); break;
    case SQLITE_FLOAT: sqlite3_bind_double(st, i, c->d); break;
    case SQLITE_TEXT: sqlite3_bind_text(st, i, c->s, -1, SQLITE_STATIC); break;
    default: sqlite3_bind_null(st, i);
    }
}

static void cell_text(const Cell *c, char *buf, size_t n)
{
    switch (c->type) {
    case SQLITE_INTEGER: num_format_int(buf, n, c->i); break;
    case SQLITE_FLOAT: num_format(buf, n, c->d, -1); break;
    case SQLITE_TEXT: snprintf(buf, n, "'%s'", c->s); break;
    default: snprintf(buf, n, "empty");
    }
}

static void column_text(sqlite3_stmt *st, int i, char *buf, size_t n)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: num_format_int(buf, n, sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: num_format(buf, n, sqlite3_column_double(st, i), -1); break;
    case SQLITE_TEXT: snprintf(buf, n, "'%s'", (const char *)sqlite3_column_text(st, i)); break;
    default: snprintf(buf, n, "empty");
    }
}

static int same_value(sqlite3_stmt *st, int i, const Cell *c)
{
    int t = sqlite3_column_type(st, i);
    if (c->type == SQLITE_NULL || t == SQLITE_NULL) return c->type == t;
    if (c->type == SQLITE_TEXT) return t == SQLITE_TEXT && strcmp((const char *)sqlite3_column_text(st, i), c->s) == 0;
    double have = sqlite3_column_double(st, i);
    return c->type == SQLITE_INTEGER ? t == SQLITE_INTEGER && sqlite3_column_int64(st, i) == c->i : have == c->d;
}

/* The key was taken: the same row again is fine, another value is an error. */
static void key_conflict(Import *im)
{
    sqlite3_stmt *st = im->lookup;
    sqlite3_reset(st);
    for (int i = 0; i < im->nsql; i++)
        if (im->spec.cols[im->sql_col[i]].key) bind_cell(st, i + 1, &im->cells[i]);
    if (store_step(im->store, st) != SQLITE_ROW) {
        db_failed(im);
        sqlite3_reset(st);
        return;
    }
    for (int i = 0; i < im->nsql; i++) {
        if (im->spec.cols[im->sql_col[i]].key || same_value(st, i, &im->cells[i])) continue;
        StrBuf key = {0};
        for (int k = 0; k < im->nsql; k++) {
            if (!im->spec.cols[im->sql_col[k]].key) continue;
            char v[256];
            cell_text(&im->cells[k], v, sizeof v);
            strbuf_printf(&key, "%s%s %s", key.len ? ", " : "", im->sql_names[k], v);
        }
        char here[256], there[256];
        cell_text(&im->cells[i], here, sizeof here);
        column_text(st, i, there, sizeof there);
        const char *file = (const char *)sqlite3_column_text(st, im->nsql);
        report(im, im->row_line, "duplicate key (%s) with a different %s: %s here, %s at %s:%d",
               key.s, im->sql_names[i], here, there, file ? file : "?", sqlite3_column_int(st, im->nsql + 1));
        strbuf_free(&key);
        sqlite3_reset(st);
        return;
    }
    sqlite3_reset(st);   /* identical: already loaded, not new */
}

static void insert_row(Import *im)
{
    sqlite3_stmt *st = im->insert;
    for (int i = 0; i < im->nsql; i++) bind_cell(st, i + 1, &im->cells[i]);
    sqlite3_bind_int64(st, im->nsql + 1, im->file_id);
    sqlite3_bind_int64(st, im->nsql + 2, im->row_line);
    int rc = store_step(im->store, st);
    if (rc == SQLITE_DONE) im->rows_written++;
    else if ((rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) && im->lookup) key_conflict(im);
    else if ((rc & 0xff) == SQLITE_CONSTRAINT) report(im, im->row_line, "%s", sqlite3_errmsg(im->store->db));
    else db_failed(im);     /* SQLite may have rolled the transaction back: no row more */
    sqlite3_reset(st);
}

/* ---- rows ------------------------------------------------------------------ */

static void data_row(Import *im)
{
    int n = im->field_at.len;
    if (n == 1 && field(im, 0)[0] == '\0') return;    /* a line of spaces */
    if (n != im->nfields) {
        report(im, im->row_line, "expected %d fields, found %d", im->nfields, n);
        return;
    }
    strbuf_clear(&im->reason);
    const CellContext cx = {im->opt->numstyle, im->opt->levels, &im->units, &im->reason};
    int cell = 0, bad = 0;
    for (int c = 0; c < im->spec.ncols; c++) {
        const ColSpec *cs = &im->spec.cols[c];
        int f = im->field_of_col[c];
        if (f == FIELD_SOURCE) {
            im->cells[cell].type = SQLITE_TEXT;
            im->cells[cell++].s = im->opt->source;
            continue;
        }
        if (f < 0) continue;
        char *text = im->buf.s + im->field_at.items[f];
        int width = cs->array_len ? cs->array_len : 1;
        if (text[0] == '\0') {
            if (!cs->nullable) { cell_problem(&im->reason, "column '%s' is empty", cs->name); bad = 1; }
            for (int k = 0; k < width; k++) im->cells[cell + k].type = SQLITE_NULL;
        } else if (cs->array_len) {
            if (cell_convert_array(&cx, cs, text, &im->cells[cell]) != 0) bad = 1;
        } else if (cell_convert(&cx, cs, text, &im->cells[cell]) != 0) {
            bad = 1;
        }
        cell += width;
    }
    if (bad) { report(im, im->row_line, "%s", im->reason.s); return; }
    insert_row(im);
}

static void on_field(void *s, size_t len, void *data)
{
    Import *im = data;
    VEC_PUSH(im->field_at, im->buf.len);
    strbuf_putn(&im->buf, s ? s : "", s ? len : 0);
    strbuf_putc(&im->buf, '\0');
}

static void on_record(int c, void *data)
{
    (void)c;
    Import *im = data;
    if (!im->stopped) {
        if (im->rows++ == 0) header(im);
        else data_row(im);
    }
    im->field_at.len = 0;
    strbuf_clear(&im->buf);
}

/* ---- after the rows: references within the file -------------------------- */

static void check_parents(Import *im, Diag *d)
{
    const TableSpec *t = &im->spec;
    if (!t->parent_col || im->field_of_col[spec_col(t, t->parent_col)] < 0) return;
    StrBuf sql = {0};
    strbuf_printf(&sql, "SELECT src_line, %s FROM %s AS a WHERE src_file = ?1 AND %s IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM %s AS b WHERE b.%s = a.%s) ORDER BY src_line",
              t->parent_col, t->sqlname, t->parent_col, t->sqlname, t->parent_of, t->parent_col);
    sqlite3_stmt *st = store_prepare(im->store, sql.s, d);
    strbuf_free(&sql);
    if (!st) { im->fatal = 1; return; }
    sqlite3_bind_int64(st, 1, im->file_id);
    int rc;
    while ((rc = store_step(im->store, st)) == SQLITE_ROW) {
        const char *parent = (const char *)sqlite3_column_text(st, 1);
        if (!parent) { rc = SQLITE_NOMEM; break; }
        report(im, sqlite3_column_int(st, 0), "column '%s': unknown %s '%s' (not in the table nor in this file)",
               t->parent_col, t->parent_what, parent);
    }
    if (rc != SQLITE_DONE) db_failed(im);
    sqlite3_finalize(st);
}

/* ---- setup --------------------------------------------------------------- */

static int find_spec(Import *im, const char *table)
{
    const TableSpec *builtin = tablespec_builtin(table);
    if (builtin) { im->spec = *builtin; return 0; }
    for (int i = 0; i < im->opt->nrecords; i++)
        if (strcmp(table, im->opt->records[i].name) == 0) {
            tablespec_from_record(&im->spec, &im->opt->records[i]);
            im->spec_owned = 1;
            return 0;
        }
    StrBuf known = {0};
    for (int i = 0; i < im->opt->nrecords; i++) strbuf_printf(&known, ", %s", im->opt->records[i].name);
    if (im->opt->nrecords)
        fprintf(im->err, "%s: error: no table '%s': the tables are units, indicators, targets, period_targets, realisasi, budget%s\n",
                im->path, table, known.s);
    else
        fprintf(im->err, "%s: error: no table '%s': the tables are units, indicators, targets, period_targets, realisasi, budget and narratives; "
                "record tables need the plan that declares them (--plan PLAN)\n", im->path, table);
    strbuf_free(&known);
    return -1;
}

static int load_units(Import *im, Diag *d)
{
    sqlite3_stmt *st = store_prepare(im->store, "SELECT code FROM units", d);
    if (!st) { im->fatal = 1; return -1; }
    int rc;
    while ((rc = store_step(im->store, st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        if (!code) { rc = SQLITE_NOMEM; break; }     /* the column is NOT NULL: no text is no memory */
        strmap_put(&im->units, arena_strdup(&im->arena, code), 1);
    }
    if (rc != SQLITE_DONE) db_failed(im);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The id of the file's path in the files table, added there if new (in
 * the file's transaction: a file that loads nothing leaves no entry). The
 * rows store the id, not the path: 14 million realisations of one file
 * would otherwise repeat its path 14 million times. */
static int register_file(Import *im, Diag *d)
{
    sqlite3_stmt *st = store_prepare(im->store, "INSERT INTO files (path) VALUES (?1) "
                                          "ON CONFLICT (path) DO UPDATE SET path = path RETURNING id", d);
    if (!st) { im->fatal = 1; return -1; }
    sqlite3_bind_text(st, 1, im->path, -1, SQLITE_STATIC);
    int rc = store_step(im->store, st);
    if (rc == SQLITE_ROW) im->file_id = sqlite3_column_int64(st, 0);
    else db_failed(im);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

static void import_free(Import *im)
{
    sqlite3_finalize(im->insert);
    sqlite3_finalize(im->lookup);
    for (int i = 0; i < im->nsql; i++) free(im->sql_names[i]);
    free(im->sql_names);
    free(im->sql_col);
    free(im->cells);
    free(im->field_of_col);
    if (im->spec_owned) free((void *)im->spec.cols);
    strbuf_free(&im->buf);
    strbuf_free(&im->reason);
    VEC_FREE(im->field_at);
    strmap_free(&im->units);
    arena_free(&im->arena);
    csv_free(&im->csv);
}

/* Feeds the file to libcsv line by line so that each record knows its line. */
static int read_rows(Import *im, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (!im->stopped && (n = getline(&line, &cap, f)) > 0) {
        im->line++;
        if (im->csv.pstate == 0) im->row_line = im->line;     /* no record under way */
        if (csv_parse(&im->csv, line, (size_t)n, on_field, on_record, im) != (size_t)n) {
            report(im, im->line, "bad CSV: %s", csv_strerror(csv_error(&im->csv)));
            im->stopped = 1;
        }
    }
    free(line);
    if (ferror(f)) {
        fprintf(im->err, "%s: error: %s\n", im->path, strerror(errno));
        return -1;
    }
    if (!im->stopped && csv_fini(&im->csv, on_field, on_record, im) != 0) {
        report(im, im->row_line, "bad CSV: a quoted field is never closed");
        im->stopped = 1;
    }
    return 0;
}

/* Undoes the file's transaction, if SQLite has not already (it rolls back
 * by itself on some failures: out of memory, I/O errors, a full disk). */
static int rollback(Store *store, Diag *d)
{
    if (sqlite3_get_autocommit(store->db)) return 0;
    return store_exec(store, "ROLLBACK", d);
}

/* Gives up on the file: its transaction undone, nothing of it kept. */
static SkpStatus abandon(Import *im)
{
    rollback(im->store, im->d);
    fprintf(im->err, "%s: nothing loaded\n", im->path);
    return SKP_RUNTIME;
}

/* Every bad row has been reported: the transaction is undone so that the
 * file loads whole or not at all. */
static SkpStatus reject(Import *im)
{
    int max = im->opt->max_errors;
    if (max && im->errors > max) fprintf(im->err, "%s: %d more errors not shown\n", im->path, im->errors - max);
    fprintf(im->err, "%s: nothing loaded (%d error%s)\n", im->path, im->errors, im->errors == 1 ? "" : "s");
    return rollback(im->store, im->d) == 0 ? SKP_DATA : SKP_RUNTIME;
}

/* A record table without a key has no way to tell a re-import from new
 * rows: the rows of a file replace those loaded from it before. */
static int replace_rows(Import *im)
{
    if (!im->spec.record || im->spec.record->nkey != 0 || im->opt->append) return 0;
    char sql[200];
    snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE src_file = ?", im->spec.sqlname);
    sqlite3_stmt *st = store_prepare(im->store, sql, im->d);
    if (!st) { im->fatal = 1; return -1; }
    sqlite3_bind_int64(st, 1, im->file_id);
    int del = store_step(im->store, st);
    if (del != SQLITE_DONE) db_failed(im);
    sqlite3_finalize(st);
    return del == SQLITE_DONE ? 0 : -1;
}

/* Opens the file's transaction and readies the store for its rows: the
 * record table made if new, the known unit codes read, the file registered. */
static int begin(Import *im)
{
    if (store_exec(im->store, "BEGIN IMMEDIATE", im->d) != 0) { im->fatal = 1; return -1; }
    int made = im->spec.record ? rectable_ensure(im->store, im->spec.record, im->d) : 0;
    if (made != 0) { im->fatal = made < 0; return -1; }
    if (load_units(im, im->d) != 0 || register_file(im, im->d) != 0) return -1;
    return replace_rows(im);
}

static SkpStatus load(Import *im, FILE *f)
{
    if (begin(im) != 0 || read_rows(im, f) != 0 || im->fatal) return abandon(im);
    if (im->rows == 0) report(im, 0, "empty file: a header row is needed");
    /* A parent may be among the rejected rows: only a clean file is checked
     * for references, so that one bad line does not read as several. */
    if (!im->stopped && !im->errors) check_parents(im, im->d);
    if (im->fatal) return abandon(im);
    if (im->errors) return reject(im);
    if (store_exec(im->store, "COMMIT", im->d) != 0) { im->fatal = 1; return abandon(im); }
    return SKP_OK;
}

SkpStatus import_csv(Store *store, const char *path, const ImportOptions *opts, ImportResult *res, FILE *err)
{
    memset(res, 0, sizeof *res);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(err, "sakipc: error: %s: %s\n", path, strerror(errno));
        return SKP_RUNTIME;
    }
    SkpStatus rc = import_stream(store, f, path, 0, opts, res, err);
    fclose(f);
    return rc;
}

SkpStatus import_stream(Store *store, FILE *f, const char *path, long line0, const ImportOptions *opts,
                        ImportResult *res, FILE *err)
{
    Import im;
    memset(&im, 0, sizeof im);
    im.store = store;
    im.path = path;
    im.opt = opts;
    im.err = err;
    im.line = line0;           /* the lines before the CSV's first, in the file that holds it */
    Diag d;
    diag_init(&d, err);
    im.d = &d;
    memset(res, 0, sizeof *res);
    char *deflt = opts->table ? NULL : import_table_for_file(path);
    int found = find_spec(&im, opts->table ? opts->table : deflt);
    free(deflt);
    res->table = found == 0 ? im.spec.name : NULL;
    if (found != 0) return SKP_DATA;
    csv_init(&im.csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    SkpStatus rc = load(&im, f);
    res->rows_read = im.rows > 0 ? im.rows - 1 : 0;
    res->rows_written = im.rows_written;
    res->errors = im.errors;
    res->db_failed = im.fatal;
    import_free(&im);
    return rc;
}
