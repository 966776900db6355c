/* gen.c: the national benchmark's data, made from nothing but a seed.
 *
 *   bench-gen OUTDIR [--pemda N] [--opd N] [--years Y1-Y2] [--seed S]
 *
 * writes into OUTDIR (created if missing):
 *
 *   units.csv       code,parent,name        P001 "Pemda 1", P001.01 "OPD 1 Pemda 1", ...
 *   indicators.csv  code,name,unit,polarity,aggregate,weight   I01 .. I25
 *   targets.csv     unit,indicator,year,value       every OPD, indicator and year
 *   realisasi.csv   unit,indicator,period,value     every quarter (YYYY-Qn), about 1% missing
 *
 * Only the OPD (the leaves) have targets and realisations; a pemda is their
 * parent and nothing else. The indicators' polarity, aggregate and weight
 * are those of examples/national/plan.skp, one for one.
 *
 * The same arguments give the same bytes on every machine: the generator is
 * an integer PRNG of its own (splitmix64), every value is an integer number
 * of hundredths printed as D.DD, and no floating point is involved in
 * anything written. Each (OPD, indicator) draws from a stream of its own,
 * keyed by the OPD's codes, so P001.01's figures do not change with --pemda
 * or --opd, and a smaller --pemda writes the first lines of a larger one's
 * files.
 *
 * The values: every OPD has a quality (its typical capaian, 85% to 105%),
 * every indicator and year a capaian around it (+-40%, peaked at the
 * middle), and the year's realisation is made so that its capaian comes
 * out near that figure. Percentages (aggregate last or avg) move by a few
 * points from quarter to quarter; document counts (aggregate sum) are whole
 * numbers of documents split over the quarters, so that some capaian fall
 * exactly on a band boundary (19 of 25 documents: 76%) and a boundary is
 * tested as the rules state it. A missing quarter is simply not there: the
 * year's sum falls short, its last and average use the quarters present.
 *
 * Exit status: 0 written, 1 an I/O error, 2 usage error. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_IO = 1, EXIT_USAGE = 2 };

static const char *const usage_text =
    "usage: bench-gen OUTDIR [--pemda N] [--opd N] [--years Y1-Y2] [--seed S]\n"
    "\n"
    "Writes the national benchmark's CSV files (units, indicators, targets,\n"
    "realisasi) into OUTDIR, creating it if missing.\n"
    "\n"
    "  --pemda N      regional governments, 1..999 (default 600)\n"
    "  --opd N        OPD (units with data) per regional government, 1..99 (default 40)\n"
    "  --years Y1-Y2  the years with targets and quarterly realisations, 2000..2099,\n"
    "                 at most 30 of them (default 2021-2026)\n"
    "  --seed S       any unsigned 64-bit number (default 2021); the same arguments\n"
    "                 give the same files on every machine\n";

/* ---- the indicators: examples/national/plan.skp, I01 .. I25 ---------------- */

typedef enum { AGG_LAST, AGG_AVG, AGG_SUM } Aggregate;

typedef struct {
    const char *measure;    /* "%" (a percentage) or "dokumen" (a count) */
    int lower;              /* 1: lower is better, capaian (2T - R)/T x 100 */
    Aggregate agg;
    int weight;
} IndicatorSpec;

enum { NINDICATORS = 25 };

/* Counts are the indicators summed over the quarters; the percentages are
 * taken last or averaged. Keep in step with the plan's indicator lines
 * (tests/bench-counts.sh compares the two). */
static const IndicatorSpec indicators[NINDICATORS] = {
    { "%", 0, AGG_LAST, 3 },       { "%", 0, AGG_AVG, 2 },  { "dokumen", 0, AGG_SUM, 4 },   /* I01-I03 */
    { "%", 0, AGG_LAST, 5 },       { "%", 0, AGG_AVG, 3 },  { "dokumen", 0, AGG_SUM, 2 },   /* I04-I06 */
    { "%", 1, AGG_LAST, 4 },       { "%", 0, AGG_AVG, 5 },  { "dokumen", 0, AGG_SUM, 3 },   /* I07-I09 */
    { "%", 0, AGG_LAST, 2 },       { "%", 0, AGG_AVG, 4 },  { "dokumen", 0, AGG_SUM, 5 },   /* I10-I12 */
    { "%", 0, AGG_LAST, 3 },       { "%", 1, AGG_AVG, 2 },  { "dokumen", 0, AGG_SUM, 4 },   /* I13-I15 */
    { "%", 0, AGG_LAST, 5 },       { "%", 0, AGG_AVG, 3 },  { "dokumen", 0, AGG_SUM, 2 },   /* I16-I18 */
    { "%", 0, AGG_LAST, 4 },       { "%", 0, AGG_AVG, 5 },  { "dokumen", 1, AGG_SUM, 3 },   /* I19-I21 */
    { "%", 0, AGG_LAST, 2 },       { "%", 0, AGG_AVG, 4 },  { "dokumen", 0, AGG_SUM, 5 },   /* I22-I24 */
    { "%", 0, AGG_LAST, 3 },                                                                /* I25 */
};

static const char *aggregate_name(Aggregate a)
{
    static const char *const names[] = { "last", "avg", "sum" };
    return names[a];
}

/* ---- the PRNG: splitmix64, one stream per (OPD, indicator) ------------------ */

typedef struct {
    uint64_t state;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A stream of its own for each key: the seed and the key are mixed through
 * the generator once, so that neighbouring keys start far apart. */
static Rng rng_for(uint64_t seed, uint64_t key)
{
    Rng r = { seed };
    r.state = rng_next(&r) ^ key * UINT64_C(0xD1342543DE82EF95);
    (void)rng_next(&r);
    return r;
}

/* Uniform in [lo, hi] (hi - lo < 2^32): the high 32 bits scaled, which
 * needs no division and has no bias worth the name. */
static int64_t rng_range(Rng *r, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1;
    return lo + (int64_t)(((rng_next(r) >> 32) * span) >> 32);
}

/* ---- output: one large buffer per file, digits written by hand ------------- */

enum { OUT_SIZE = 1 << 20, OUT_ROW_MAX = 256 };

typedef struct {
    FILE *f;
    char *tmp_path;     /* written here, renamed to path when complete */
    char *path;
    char buf[OUT_SIZE];
    size_t len;
    long rows;          /* data rows, the header not counted */
} Out;

static void die_io(const char *what, const char *path)
{
    fprintf(stderr, "bench-gen: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_IO);
}

static char *path_join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (!p) {
        fputs("bench-gen: out of memory\n", stderr);
        exit(EXIT_IO);
    }
    snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

static void out_flush(Out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len) die_io("cannot write", o->tmp_path);
    o->len = 0;
}

/* Room for one more row; no row is longer than OUT_ROW_MAX. */
static char *out_row(Out *o)
{
    if (o->len > OUT_SIZE - OUT_ROW_MAX) out_flush(o);
    o->rows++;
    return o->buf + o->len;
}

static void out_end_row(Out *o, char *end)
{
    *end++ = '\n';
    o->len = (size_t)(end - o->buf);
}

static char *put_str(char *p, const char *s)
{
    while (*s) *p++ = *s++;
    return p;
}

static char *put_uint(char *p, uint64_t v)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) *p++ = digits[--n];
    return p;
}

/* v in exactly `width` digits, zeros in front: the codes P001.01, I07 */
static char *put_padded(char *p, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* hundredths as D.DD: 4144 -> 41.44, 5 -> 0.05, -250 -> -2.50 */
static char *put_hundredths(char *p, int64_t v)
{
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (v < 0) *p++ = '-';
    p = put_uint(p, a / 100);
    *p++ = '.';
    *p++ = (char)('0' + a / 10 % 10);
    *p++ = (char)('0' + a % 10);
    return p;
}

static void out_open(Out *o, const char *dir, const char *name, const char *header)
{
    o->path = path_join(dir, name, "");
    o->tmp_path = path_join(dir, name, ".tmp");
    o->f = fopen(o->tmp_path, "wb");
    if (!o->f) die_io("cannot create", o->tmp_path);
    o->len = 0;
    o->rows = 0;
    char *p = put_str(o->buf, header);
    out_end_row(o, p);
}

/* Flushed, closed, then renamed: a file under its final name is always
 * complete (scripts/bench reuses the data it finds). */
static void out_close(Out *o)
{
    out_flush(o);
    if (fclose(o->f) != 0) die_io("cannot write", o->tmp_path);
    if (rename(o->tmp_path, o->path) != 0) die_io("cannot rename to", o->path);
    free(o->tmp_path);
    free(o->path);
}

/* ---- the data -------------------------------------------------------------- */

typedef struct {
    int pemda, opd;
    int year_from, year_to;
    uint64_t seed;
} Config;

/* The codes of one OPD and its regional government: "P001.01", "P001". */
typedef struct {
    char code[16];
    char parent[8];
    uint64_t key;       /* the PRNG key: pemda x 100 + opd */
} UnitCodes;

static UnitCodes unit_codes(int pemda, int opd)
{
    UnitCodes u;
    char *p = u.parent;
    *p++ = 'P';
    *put_padded(p, (unsigned)pemda, 3) = '\0';
    p = put_str(u.code, u.parent);
    *p++ = '.';
    *put_padded(p, (unsigned)opd, 2) = '\0';
    u.key = (uint64_t)pemda * 100 + (uint64_t)opd;
    return u;
}

static void write_units(const Config *c, const char *dir)
{
    static Out o;
    out_open(&o, dir, "units.csv", "code,parent,name");
    for (int p = 1; p <= c->pemda; p++) {
        char *w = out_row(&o);
        UnitCodes top = unit_codes(p, 0);
        w = put_str(w, top.parent);
        w = put_str(w, ",,Pemda ");
        out_end_row(&o, put_uint(w, (uint64_t)p));
        for (int d = 1; d <= c->opd; d++) {
            UnitCodes u = unit_codes(p, d);
            w = out_row(&o);
            w = put_str(w, u.code);
            *w++ = ',';
            w = put_str(w, u.parent);
            w = put_str(w, ",OPD ");
            w = put_uint(w, (uint64_t)d);
            w = put_str(w, " Pemda ");
            out_end_row(&o, put_uint(w, (uint64_t)p));
        }
    }
    out_close(&o);
}

static void write_indicators(const char *dir)
{
    static Out o;
    out_open(&o, dir, "indicators.csv", "code,name,unit,polarity,aggregate,weight");
    for (int i = 0; i < NINDICATORS; i++) {
        const IndicatorSpec *s = &indicators[i];
        char line[OUT_ROW_MAX];
        snprintf(line, sizeof line, "I%02d,Indikator %d,%s,%s,%s,%d", i + 1, i + 1, s->measure,
                 s->lower ? "lower" : "higher", aggregate_name(s->agg), s->weight);
        out_end_row(&o, put_str(out_row(&o), line));
    }
    out_close(&o);
}

enum { QUARTERS = 4, BP = 10000 };      /* capaian in basis points: 10000 = 100% */

/* v x bp / 10000, rounded half up (v, bp >= 0) */
static int64_t scale_bp(int64_t v, int64_t bp)
{
    return (v * bp + BP / 2) / BP;
}

/* The realisation whose capaian against target t is bp: R/T x 100 for
 * higher, (2T - R)/T x 100 for lower. */
static int64_t realisation_for(const IndicatorSpec *s, int64_t t, int64_t bp)
{
    return scale_bp(t, s->lower ? 2 * BP - bp : bp);
}

/* The indicator's first-year target, in hundredths: a percentage from 20 to
 * 80, or a whole number of documents from 8 to 48. */
static int64_t base_target(const IndicatorSpec *s, Rng *r)
{
    return s->agg == AGG_SUM ? 100 * rng_range(r, 8, 48) : rng_range(r, 2000, 8000);
}

/* The target k years after the first: percentages move 3% of the base a
 * year (2% down when lower is better), counts a document every other year
 * (down to 2 at least). Within 30 years nothing reaches zero. */
static int64_t year_target(const IndicatorSpec *s, int64_t base, int k)
{
    if (s->agg == AGG_SUM) {
        int64_t t = base + (s->lower ? -100 : 100) * (k / 2);
        return t < 200 ? 200 : t;
    }
    return s->lower ? base - base * 2 * k / 100 : base + base * 3 * k / 100;
}

/* One year's quarterly values, in hundredths, for a capaian of about bp. */
static void quarter_values(const IndicatorSpec *s, Rng *r, int64_t target, int64_t bp, int64_t q[QUARTERS])
{
    if (s->agg != AGG_SUM) {            /* a percentage reported each quarter */
        for (int i = 0; i < QUARTERS; i++) q[i] = realisation_for(s, target, bp + rng_range(r, -400, 400));
        return;
    }
    /* documents over the year, whole, split unevenly over the quarters */
    int64_t left = realisation_for(s, target / 100, bp);
    for (int i = 0; i < QUARTERS - 1; i++) {
        int64_t part = left / (QUARTERS - i) + rng_range(r, -2, 2);
        part = part < 0 ? 0 : part > left ? left : part;
        q[i] = 100 * part;
        left -= part;
    }
    q[QUARTERS - 1] = 100 * left;
}

/* The text of the periods, made once: "2021", "2021-Q1" .. "2021-Q4". */
enum { MAX_YEARS = 30 };

typedef struct {
    char year[8];
    char quarter[QUARTERS][12];
} YearText;

static void year_texts(const Config *c, YearText *out)
{
    for (int y = c->year_from; y <= c->year_to; y++) {
        YearText *t = &out[y - c->year_from];
        *put_padded(t->year, (unsigned)y, 4) = '\0';
        for (int i = 0; i < QUARTERS; i++) {
            char *p = put_str(t->quarter[i], t->year);
            p = put_str(p, "-Q");
            *put_padded(p, (unsigned)i + 1, 1) = '\0';
        }
    }
}

/* A row of targets.csv or realisasi.csv: unit,indicator,period,value */
static void put_fact(Out *o, const char *unit, const char *indicator, const char *period, int64_t value)
{
    char *w = out_row(o);
    w = put_str(w, unit);
    *w++ = ',';
    w = put_str(w, indicator);
    *w++ = ',';
    w = put_str(w, period);
    *w++ = ',';
    out_end_row(o, put_hundredths(w, value));
}

typedef struct {
    Out targets, real;
    YearText years[MAX_YEARS];
} FactFiles;

static void write_indicator_years(const Config *c, const UnitCodes *u, int ind, int64_t quality, FactFiles *ff)
{
    const IndicatorSpec *s = &indicators[ind];
    Rng r = rng_for(c->seed, u->key * 32 + (uint64_t)ind + 1);
    char code[8];
    code[0] = 'I';
    *put_padded(code + 1, (unsigned)ind + 1, 2) = '\0';
    int64_t base = base_target(s, &r);
    for (int y = c->year_from; y <= c->year_to; y++) {
        const YearText *text = &ff->years[y - c->year_from];
        int64_t t = year_target(s, base, y - c->year_from);
        /* peaked at the OPD's quality: the sum of two uniform draws */
        int64_t bp = quality + rng_range(&r, -2000, 2000) + rng_range(&r, -2000, 2000);
        int64_t q[QUARTERS];
        quarter_values(s, &r, t, bp, q);
        put_fact(&ff->targets, u->code, code, text->year, t);
        for (int i = 0; i < QUARTERS; i++) {
            int missing = rng_range(&r, 0, 99) == 0;       /* drawn for every quarter, kept or not */
            if (!missing) put_fact(&ff->real, u->code, code, text->quarter[i], q[i]);
        }
    }
}

/* targets.csv and realisasi.csv in one pass, each in (unit, indicator,
 * period) order: the order of the stores' keys, which makes imports fast. */
static void write_facts(const Config *c, const char *dir, long *ntargets, long *nreal)
{
    static FactFiles ff;
    year_texts(c, ff.years);
    out_open(&ff.targets, dir, "targets.csv", "unit,indicator,year,value");
    out_open(&ff.real, dir, "realisasi.csv", "unit,indicator,period,value");
    for (int p = 1; p <= c->pemda; p++) {
        for (int d = 1; d <= c->opd; d++) {
            UnitCodes u = unit_codes(p, d);
            Rng ur = rng_for(c->seed, u.key * 32);
            int64_t quality = rng_range(&ur, 8500, 10500);
            for (int i = 0; i < NINDICATORS; i++) write_indicator_years(c, &u, i, quality, &ff);
        }
    }
    *ntargets = ff.targets.rows;
    *nreal = ff.real.rows;
    out_close(&ff.targets);
    out_close(&ff.real);    /* last: scripts/bench takes realisasi.csv as the sign of a complete run */
}

/* ---- the command line ------------------------------------------------------ */

static void usage_error(const char *fmt, const char *arg)
{
    fputs("bench-gen: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(usage_text, stderr);
    exit(EXIT_USAGE);
}

/* A whole decimal number in [min, max], nothing else. */
static int parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10) return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

static int parse_int_in(const char *s, int min, int max, int *out)
{
    uint64_t v;
    if (parse_uint(s, (uint64_t)max, &v) != 0 || v < (uint64_t)min) return -1;
    *out = (int)v;
    return 0;
}

static int parse_years(const char *s, Config *c)
{
    char from[8], to[8];
    const char *dash = strchr(s, '-');
    if (!dash || dash - s >= (long)sizeof from || strlen(dash + 1) >= sizeof to) return -1;
    memcpy(from, s, (size_t)(dash - s));
    from[dash - s] = '\0';
    strcpy(to, dash + 1);
    if (parse_int_in(from, 2000, 2099, &c->year_from) != 0 || parse_int_in(to, 2000, 2099, &c->year_to) != 0) return -1;
    return c->year_from <= c->year_to && c->year_to - c->year_from < MAX_YEARS ? 0 : -1;
}

static const char *option_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) usage_error("%s needs a value", argv[*i]);
    return argv[++*i];
}

static const char *parse_args(int argc, char **argv, Config *c)
{
    const char *outdir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(a, "--pemda") == 0) {
            if (parse_int_in(option_value(argc, argv, &i), 1, 999, &c->pemda) != 0)
                usage_error("--pemda takes a number from 1 to 999, not '%s'", argv[i]);
        } else if (strcmp(a, "--opd") == 0) {
            if (parse_int_in(option_value(argc, argv, &i), 1, 99, &c->opd) != 0)
                usage_error("--opd takes a number from 1 to 99, not '%s'", argv[i]);
        } else if (strcmp(a, "--years") == 0) {
            if (parse_years(option_value(argc, argv, &i), c) != 0)
                usage_error("--years takes Y1-Y2 within 2000-2099, at most 30 years, not '%s'", argv[i]);
        } else if (strcmp(a, "--seed") == 0) {
            if (parse_uint(option_value(argc, argv, &i), UINT64_MAX, &c->seed) != 0)
                usage_error("--seed takes an unsigned 64-bit number, not '%s'", argv[i]);
        } else if (a[0] == '-' && a[1]) {
            usage_error("unknown option '%s'", a);
        } else if (outdir) {
            usage_error("one OUTDIR only, found another: '%s'", a);
        } else {
            outdir = a;
        }
    }
    if (!outdir) usage_error("%s", "no OUTDIR given");
    return outdir;
}

int main(int argc, char **argv)
{
    Config c = { .pemda = 600, .opd = 40, .year_from = 2021, .year_to = 2026, .seed = 2021 };
    const char *dir = parse_args(argc, argv, &c);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) die_io("cannot create", dir);
    long ntargets, nreal;
    write_units(&c, dir);
    write_indicators(dir);
    write_facts(&c, dir, &ntargets, &nreal);
    printf("bench-gen: %s: %d units (%d pemda x %d OPD), %d indicators, %ld targets, %ld realisations, %d-%d, seed %" PRIu64 "\n",
           dir, c.pemda * (c.opd + 1), c.pemda, c.opd, NINDICATORS, ntargets, nreal, c.year_from, c.year_to, c.seed);
    return 0;
}
