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
#include "store/rectable.h"

/* ---- table specifications ---------------------------------------------- */

typedef enum {
    K_TEXT,      /* any UTF-8 text */
    K_CODE,      /* non-empty text: codes, names that are keys */
    K_NUM,       /* a number (REAL) */
    K_LEVEL,     /* a number, or a level of a scale (WTP, BB): stored as text */
    K_INT,       /* an exact integer (rupiah, counts) */
    K_YEAR,      /* 1900..2999 */
    K_PERIOD,    /* 2023, 2023-S1, 2023-Q3, 2023-07 */
    K_UNIT,      /* code of a unit already in the units table */
} Kind;

typedef struct {
    const char *name;
    Kind kind;
    int in_header;   /* 1: the header must have it */
    int nullable;    /* the field may be empty (stored as NULL) */
    int key;         /* part of the table's key */
    int array_len;   /* record tables: N values in one field */
    int has_range;
    double lo, hi;
} ColSpec;

typedef struct {
    const char *name;       /* as users know it: units, realisasi, ikm_responses */
    char sqlname[80];       /* units, rec_ikm_responses */
    const ColSpec *cols;
    int ncols;
    const char *parent_col; /* checked after the load: must name a row of this table */
    const char *parent_of;  /* the column it refers to */
    const char *parent_what;/* "unit", "budget line" */
    const RecordDecl *record;
} TableSpec;

static const ColSpec units_cols[] = {
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "parent", K_TEXT, 1, 1, 0, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "level", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec indicators_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "measure", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
    { "polarity", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec targets_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "year", K_YEAR, 1, 0, 1, 0, 0, 0, 0 },
    { "source", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_LEVEL, 1, 0, 0, 0, 0, 0, 0 },
    { "upper", K_NUM, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec period_targets_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "period", K_PERIOD, 1, 0, 1, 0, 0, 0, 0 },
    { "source", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_NUM, 1, 0, 0, 0, 0, 0, 0 },
};
static const ColSpec realisasi_cols[] = {
    { "unit", K_UNIT, 1, 0, 1, 0, 0, 0, 0 },
    { "indicator", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "period", K_PERIOD, 1, 0, 1, 0, 0, 0, 0 },
    { "value", K_LEVEL, 1, 0, 0, 0, 0, 0, 0 },
    { "note", K_TEXT, 0, 1, 0, 0, 0, 0, 0 },
};
static const ColSpec budget_cols[] = {
    { "code", K_CODE, 1, 0, 1, 0, 0, 0, 0 },
    { "parent", K_TEXT, 1, 1, 0, 0, 0, 0, 0 },
    { "level", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "name", K_CODE, 1, 0, 0, 0, 0, 0, 0 },
    { "pagu", K_INT, 1, 1, 0, 0, 0, 0, 0 },
    { "pagu_revised", K_INT, 0, 1, 0, 0, 0, 0, 0 },
    { "realisasi", K_INT, 0, 1, 0, 0, 0, 0, 0 },
    { "printed_percent", K_NUM, 0, 1, 0, 0, 0, 0, 0 },
    { "printed_sisa", K_INT, 0, 1, 0, 0, 0, 0, 0 },
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const TableSpec builtin_tables[] = {
    { "units", "units", units_cols, COUNT(units_cols), "parent", "code", "unit", NULL },
    { "indicators", "indicators", indicators_cols, COUNT(indicators_cols), NULL, NULL, NULL, NULL },
    { "targets", "targets", targets_cols, COUNT(targets_cols), NULL, NULL, NULL, NULL },
    { "period_targets", "period_targets", period_targets_cols, COUNT(period_targets_cols), NULL, NULL, NULL, NULL },
    { "realisasi", "realisasi", realisasi_cols, COUNT(realisasi_cols), NULL, NULL, NULL, NULL },
    { "budget", "budget", budget_cols, COUNT(budget_cols), "parent", "code", "budget line", NULL },
};

int import_table_rank(const char *table)
{
    for (int i = 0; i < COUNT(builtin_tables); i++)
        if (strcmp(table, builtin_tables[i].name) == 0) return i;
    return COUNT(builtin_tables);
}

char *import_table_for_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".csv") == 0) n -= 4;
    return mem_xstrndup(base, n);
}

/* A record declaration as a TableSpec; cols is allocated, caller frees. */
static void spec_from_record(TableSpec *t, const RecordDecl *r)
{
    ColSpec *cols = mem_xcalloc((size_t)r->ncols, sizeof *cols);
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        cols[i].name = c->name;
        cols[i].kind = c->type == COL_TEXT ? K_TEXT : c->type == COL_INT ? K_INT : K_NUM;
        cols[i].in_header = 1;
        cols[i].nullable = c->optional;
        cols[i].array_len = c->array_len;
        cols[i].has_range = c->has_range;
        cols[i].lo = c->lo;
        cols[i].hi = c->hi;
    }
    for (int k = 0; k < r->nkey; k++) cols[r->key[k]].key = 1;
    memset(t, 0, sizeof *t);
    t->name = r->name;
    snprintf(t->sqlname, sizeof t->sqlname, "rec_%s", r->name);
    t->cols = cols;
    t->ncols = r->ncols;
    t->record = r;
}

/* ---- the import state ---------------------------------------------------- */

#define FIELD_SOURCE (-2)  /* a column filled from --source, not from the file */

/* One value bound for insertion. */
typedef struct {
    int type;              /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
    int64_t i;
    double d;
    const char *s;         /* into the row buffer */
} Cell;

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

/* Adds one problem to the current row's reason. */
static void row_problem(Import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row_problem(Import *im, const char *fmt, ...)
{
    if (im->reason.len) strbuf_puts(&im->reason, "; ");
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    strbuf_puts(&im->reason, tmp);
}

static const char *field(const Import *im, int i)
{
    return im->buf.s + im->field_at.items[i];
}

/* ---- value checks ------------------------------------------------------- */

static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2 : (*s & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *s < 0xC2)) return 0;
        s++;
        for (int k = 0; k < n; k++, s++)
            if ((*s & 0xC0) != 0x80) return 0;
    }
    return 1;
}

static int in_range(const ColSpec *c, double v)
{
    return !c->has_range || (v >= c->lo && v <= c->hi);
}

static void range_problem(Import *im, const ColSpec *c, const char *text)
{
    char lo[40], hi[40];
    num_format(lo, sizeof lo, c->lo, -1);
    num_format(hi, sizeof hi, c->hi, -1);
    row_problem(im, "column '%s': %s is outside %s..%s", c->name, text, lo, hi);
}

/* Converts one scalar text into a cell of kind k. 0, or -1 with a problem noted. */
/* A level of a scale as written in data: a letter, then letters, digits,
 * '_' or '-' (WTP, BB, A), so that no number is ever taken for one. */
static int is_level_code(const char *t)
{
    if (!((*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z'))) return 0;
    size_t n = 0;
    for (; t[n]; n++) {
        char ch = t[n];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
            return 0;
    }
    return n <= 32;
}

static int convert_number(Import *im, const ColSpec *c, const char *text, Cell *out)
{
    const char *why = NULL;
    if (num_parse(text, im->opt->numstyle, &out->d, &why) != NUMP_OK) {
        row_problem(im, "column '%s': '%s' %s", c->name, text, why);
        return -1;
    }
    if (!in_range(c, out->d)) { range_problem(im, c, text); return -1; }
    out->type = SQLITE_FLOAT;
    return 0;
}

static int convert(Import *im, const ColSpec *c, const char *text, Cell *out)
{
    const char *why = NULL;
    switch (c->kind) {
    case K_TEXT:
    case K_CODE:
        if (!valid_utf8((const unsigned char *)text)) {
            row_problem(im, "column '%s': not valid UTF-8", c->name);
            return -1;
        }
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    case K_LEVEL:
        if (im->opt->levels && is_level_code(text)) {   /* checked against the indicator's scale at eval */
            out->type = SQLITE_TEXT;
            out->s = text;
            return 0;
        }
        return convert_number(im, c, text, out);
    case K_NUM:
        return convert_number(im, c, text, out);
    case K_INT:
        if (num_parse_int(text, im->opt->numstyle, &out->i, &why) != NUMP_OK) {
            row_problem(im, "column '%s': '%s' %s", c->name, text, why);
            return -1;
        }
        if (!in_range(c, (double)out->i)) { range_problem(im, c, text); return -1; }
        out->type = SQLITE_INTEGER;
        return 0;
    case K_YEAR: {
        Period p;
        if (strlen(text) != 4 || period_parse(text, 4, &p) != 0) {
            row_problem(im, "column '%s': '%s' is not a year (1900..2999)", c->name, text);
            return -1;
        }
        out->type = SQLITE_INTEGER;
        out->i = p.year;
        return 0;
    }
    case K_PERIOD: {
        Period p;
        if (period_parse(text, strlen(text), &p) != 0) {
            row_problem(im, "column '%s': '%s' is not a period (%s)", c->name, text, PERIOD_FORMS);
            return -1;
        }
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    }
    case K_UNIT:
        if (strmap_get(&im->units, text) < 0) {
            const char *cands[64];
            int n = 0;
            for (int i = 0; i < im->units.cap && n < 64; i++)
                if (im->units.keys[i]) cands[n++] = im->units.keys[i];
            const char *s = im->units.len <= 64 ? text_suggest(text, cands, n) : NULL;
            if (s) row_problem(im, "column '%s': unknown unit '%s' (did you mean '%s'?)", c->name, text, s);
            else row_problem(im, "column '%s': unknown unit '%s' (load it in units.csv first)", c->name, text);
            return -1;
        }
        out->type = SQLITE_TEXT;
        out->s = text;
        return 0;
    }
    return -1;
}

/* Splits an array field ("4 4 3 ...") in place into cells; the count is
 * checked first, as it is the clearer problem. */
static int convert_array(Import *im, const ColSpec *c, char *text, Cell *out)
{
    int n = 0;
    for (const char *p = text; *p;) {
        p += strspn(p, " \t");
        if (!*p) break;
        n++;
        p += strcspn(p, " \t");
    }
    if (n != c->array_len) {
        row_problem(im, "column '%s': expected %d %s, found %d", c->name, c->array_len, c->name, n);
        return -1;
    }
    ColSpec one = *c;
    one.array_len = 0;
    char *save = NULL;
    int k = 0;
    for (char *tok = strtok_r(text, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
        if (convert(im, &one, tok, &out[k++]) != 0) return -1;
    return 0;
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
            if (!cs->nullable) { row_problem(im, "column '%s' is empty", cs->name); bad = 1; }
            for (int k = 0; k < width; k++) im->cells[cell + k].type = SQLITE_NULL;
        } else if (cs->array_len) {
            if (convert_array(im, cs, text, &im->cells[cell]) != 0) bad = 1;
        } else if (convert(im, cs, text, &im->cells[cell]) != 0) {
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
    for (int i = 0; i < COUNT(builtin_tables); i++)
        if (strcmp(table, builtin_tables[i].name) == 0) { im->spec = builtin_tables[i]; return 0; }
    for (int i = 0; i < im->opt->nrecords; i++)
        if (strcmp(table, im->opt->records[i].name) == 0) {
            spec_from_record(&im->spec, &im->opt->records[i]);
            im->spec_owned = 1;
            return 0;
        }
    StrBuf known = {0};
    for (int i = 0; i < im->opt->nrecords; i++) strbuf_printf(&known, ", %s", im->opt->records[i].name);
    if (im->opt->nrecords)
        fprintf(im->err, "%s: error: no table '%s': the tables are units, indicators, targets, period_targets, realisasi, budget%s\n",
                im->path, table, known.s);
    else
        fprintf(im->err, "%s: error: no table '%s': the tables are units, indicators, targets, period_targets, realisasi and budget; "
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

SkpStatus import_csv(Store *store, const char *path, const ImportOptions *opts, ImportResult *res, FILE *err)
{
    Import im;
    memset(&im, 0, sizeof im);
    im.store = store;
    im.path = path;
    im.opt = opts;
    im.err = err;
    Diag d;
    diag_init(&d, err);
    im.d = &d;
    memset(res, 0, sizeof *res);

    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(err, "sakipc: error: %s: %s\n", path, strerror(errno));
        return SKP_RUNTIME;
    }
    char *deflt = opts->table ? NULL : import_table_for_file(path);
    const char *table = opts->table ? opts->table : deflt;
    int found = find_spec(&im, table);
    free(deflt);
    res->table = found == 0 ? im.spec.name : NULL;
    if (found != 0) { fclose(f); return SKP_DATA; }
    csv_init(&im.csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);

    int rc = SKP_RUNTIME;
    if (store_exec(store, "BEGIN IMMEDIATE", &d) != 0) { im.fatal = 1; goto rollback; }
    int made = im.spec.record ? rectable_ensure(store, im.spec.record, &d) : 0;
    if (made != 0) { im.fatal = made < 0; goto rollback; }
    if (load_units(&im, &d) != 0 || register_file(&im, &d) != 0) goto rollback;
    /* A record table without a key has no way to tell a re-import from new
     * rows: the rows of a file replace those loaded from it before. */
    if (im.spec.record && im.spec.record->nkey == 0) {
        char sql[200];
        snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE src_file = ?", im.spec.sqlname);
        sqlite3_stmt *st = store_prepare(store, sql, &d);
        if (!st) { im.fatal = 1; goto rollback; }
        sqlite3_bind_int64(st, 1, im.file_id);
        int del = store_step(store, st);
        if (del != SQLITE_DONE) db_failed(&im);
        sqlite3_finalize(st);
        if (del != SQLITE_DONE) goto rollback;
    }
    if (read_rows(&im, f) != 0 || im.fatal) goto rollback;
    if (im.rows == 0) report(&im, 0, "empty file: a header row is needed");
    /* A parent may be among the rejected rows: only a clean file is checked
     * for references, so that one bad line does not read as several. */
    if (!im.stopped && !im.errors) check_parents(&im, &d);
    if (im.fatal) goto rollback;
    if (im.errors) {
        if (opts->max_errors && im.errors > opts->max_errors)
            fprintf(err, "%s: %d more errors not shown\n", path, im.errors - opts->max_errors);
        fprintf(err, "%s: nothing loaded (%d error%s)\n", path, im.errors, im.errors == 1 ? "" : "s");
        rc = rollback(store, &d) == 0 ? SKP_DATA : SKP_RUNTIME;
        goto done;
    }
    if (store_exec(store, "COMMIT", &d) != 0) { im.fatal = 1; goto rollback; }
    rc = 0;
    goto done;
rollback:
    rollback(store, &d);
    fprintf(err, "%s: nothing loaded\n", path);
done:
    res->rows_read = im.rows > 0 ? im.rows - 1 : 0;
    res->rows_written = im.rows_written;
    res->errors = im.errors;
    res->db_failed = im.fatal;
    fclose(f);
    import_free(&im);
    return rc;
}
