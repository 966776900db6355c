/* scan.c: the bare scan, the floor for anything that evaluates from SQLite.
 *
 *   bench-scan DATABASE [QUERY]
 *
 * opens DATABASE read-only and steps through every row of QUERY (by
 * default every realisation: SELECT unit, indicator, period, value FROM
 * realisasi), reading every column of every row the way an evaluator
 * must (text as text, numbers as doubles) and doing nothing with them but
 * a checksum, which it prints:
 *
 *   rows 142594  text bytes 2851880  hundredths 1234567890
 *
 * The default query names only the four columns both stores have: sakipc's
 * realisasi (src/store/schema.sql: also note, src_file, src_line, and WITHOUT
 * ROWID) and the plain table of bench/load.sql. The checksum adds up the
 * lengths of the texts and every number in hundredths, so it does not
 * depend on the order of the rows: the scans of the two files print the
 * same line when they hold the same data.
 *
 * The connection is opened as sakipc opens its own (SQLITE_OPEN_NOMUTEX:
 * one thread, no mutex around every column read), so the floor is measured
 * under the same conditions as the evaluation held against it.
 *
 * Exit status: 0 scanned, 1 a database error, 2 usage error. */
#include <inttypes.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { EXIT_DB = 1, EXIT_USAGE = 2 };

static const char *const default_query = "SELECT unit, indicator, period, value FROM realisasi";

static const char *const usage_text =
    "usage: bench-scan DATABASE [QUERY]\n"
    "\n"
    "Steps through every row of QUERY on DATABASE (opened read-only), reads\n"
    "every column and prints a checksum: the rows, the bytes of their texts\n"
    "and their numbers in hundredths, added up.\n"
    "QUERY defaults to: SELECT unit, indicator, period, value FROM realisasi\n";

typedef struct {
    uint64_t rows;
    uint64_t text_bytes;
    uint64_t hundredths;    /* modulo 2^64: a checksum, not a total */
    uint64_t nulls;
} Checksum;

/* A number in hundredths, rounded to the nearest: 41.44 -> 4144 whatever
 * the binary value of 41.44 is. Out of the range of int64_t it counts as 0
 * (conversion would be undefined); no benchmark value comes near. */
static uint64_t hundredths(double v)
{
    double h = v * 100;
    if (!(h > -9e18 && h < 9e18)) return 0;
    return (uint64_t)(int64_t)(h < 0 ? h - 0.5 : h + 0.5);
}

/* Reads each column once, as the type it holds. */
static void add_row(sqlite3_stmt *st, int ncols, Checksum *sum)
{
    sum->rows++;
    for (int i = 0; i < ncols; i++) {
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
            sum->hundredths += hundredths(sqlite3_column_double(st, i));
            break;
        case SQLITE_NULL:
            sum->nulls++;
            break;
        default:            /* text, blob */
            (void)sqlite3_column_text(st, i);
            sum->text_bytes += (uint64_t)sqlite3_column_bytes(st, i);
            break;
        }
    }
}

static int db_fail(sqlite3 *db, const char *what, const char *path)
{
    fprintf(stderr, "bench-scan: %s %s: %s\n", what, path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return EXIT_DB;
}

static int scan(const char *path, const char *query)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return db_fail(db, "cannot open", path);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK) return db_fail(db, "cannot query", path);
    int ncols = sqlite3_column_count(st);
    Checksum sum = { 0, 0, 0, 0 };
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) add_row(st, ncols, &sum);
    if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        return db_fail(db, "cannot read", path);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    printf("rows %" PRIu64 "  text bytes %" PRIu64 "  hundredths %" PRIu64, sum.rows, sum.text_bytes, sum.hundredths);
    if (sum.nulls) printf("  nulls %" PRIu64, sum.nulls);
    printf("\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (argc < 2 || argc > 3 || argv[1][0] == '-') {
        fprintf(stderr, "bench-scan: %s\n%s", argc < 2 ? "no DATABASE given" : argc > 3 ? "too many arguments" : "unknown option", usage_text);
        return EXIT_USAGE;
    }
    return scan(argv[1], argc == 3 ? argv[2] : default_query);
}
