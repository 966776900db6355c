/* util.c: allocation that fails cleanly, arenas, buffers and hash maps. */
#include "base/util.h"

#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- allocation and fault injection ------------------------------------- */

long skp_fault_at;              /* the allocation to fail (1-based), 0: off */
static int fault_sticky;        /* "N+": that one and every later one */
static long fault_count;        /* allocations counted so far */
static int alloc_failed;        /* an allocation failed (injected or real) */

/* The end of a run under injection that never reached allocation N: says
 * so, with the count, so that a test loop knows where to stop. */
static void fault_report(void)
{
    if (fault_count < skp_fault_at)
        fprintf(stderr, "sakipc: SAKIPC_FAIL_ALLOC=%ld: not reached, %ld allocations\n", skp_fault_at, fault_count);
}

void skp_fault_init(void)
{
    const char *v = getenv("SAKIPC_FAIL_ALLOC");
    if (!v || !*v) return;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || n <= 0 || (*end && strcmp(end, "+") != 0)) {
        fprintf(stderr, "sakipc: error: SAKIPC_FAIL_ALLOC: expected N or N+ (N >= 1), found '%s'\n", v);
        exit(2);
    }
    skp_fault_at = n;
    fault_sticky = *end == '+';
    atexit(fault_report);
}

int skp_fault_hit(void)
{
    long k = ++fault_count;
    if (k == skp_fault_at || (fault_sticky && k > skp_fault_at)) {
        alloc_failed = 1;
        return 1;
    }
    return 0;
}

void skp_alloc_failed(void) { alloc_failed = 1; }
int skp_out_of_memory(void) { return alloc_failed; }

/* Out of memory is not recoverable in a batch evaluator; say so plainly and
 * exit with the runtime-error code rather than crash later on a NULL. What
 * was written to stdout stays a prefix of the full output; a transaction
 * under way is never committed (SQLite rolls it back on the next open). */
void skp_die_out_of_memory(size_t n)
{
    fprintf(stderr, "sakipc: error: out of memory (%zu bytes)\n", n);
    exit(5);
}

void *skp_xmalloc(size_t n)
{
    void *p = SKP_FAULT() ? NULL : malloc(n ? n : 1);
    if (!p) skp_die_out_of_memory(n);
    return p;
}

void *skp_xcalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) skp_die_out_of_memory(SIZE_MAX);
    void *p = SKP_FAULT() ? NULL : calloc(n ? n : 1, size ? size : 1);
    if (!p) skp_die_out_of_memory(n * size);
    return p;
}

void *skp_xrealloc(void *p, size_t n)
{
    void *q = SKP_FAULT() ? NULL : realloc(p, n ? n : 1);
    if (!q) skp_die_out_of_memory(n);
    return q;
}

char *skp_xstrdup(const char *s) { return skp_xstrndup(s, strlen(s)); }

char *skp_xstrndup(const char *s, size_t n)
{
    char *d = skp_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void *skp_xarray(int count, size_t size)
{
    return skp_xcalloc(count > 0 ? (size_t)count : 1, size);
}

/* ---- arena ------------------------------------------------------------ */

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, size;
    max_align_t data[];
};

#define ARENA_BLOCK 16384

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    ArenaBlock *b = a->head;
    if (!b || b->used + n > b->size) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = skp_xmalloc(sizeof *b + size);
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

void *arena_array(Arena *a, int count, size_t size)
{
    size_t n = count > 0 ? (size_t)count : 1;
    if (size && n > SIZE_MAX / 2 / size) skp_die_out_of_memory(SIZE_MAX);
    return arena_alloc(a, n * size);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *d = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* ---- string buffer ---------------------------------------------------- */

static void sb_reserve(StrBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    b->s = skp_xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_putn(StrBuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_putc(StrBuf *b, char c) { sb_putn(b, &c, 1); }
void sb_puts(StrBuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_clear(StrBuf *b)
{
    b->len = 0;
    if (b->s) b->s[0] = '\0';
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ---- string map ------------------------------------------------------- */

/* FNV-1a: short keys (unit and indicator codes), good spread, no setup. */
uint32_t strmap_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int strmap_slot(const StrMap *m, const char *s, size_t n, uint32_t h)
{
    int mask = m->cap - 1;
    for (int i = (int)(h & (uint32_t)mask);; i = (i + 1) & mask) {
        if (!m->keys[i]) return i;
        if (m->hashes[i] == h && strncmp(m->keys[i], s, n) == 0 && m->keys[i][n] == '\0')
            return i;
    }
}

int strmap_getn(const StrMap *m, const char *s, size_t n)
{
    if (!m->cap) return -1;
    int i = strmap_slot(m, s, n, strmap_hash(s, n));
    return m->keys[i] ? m->vals[i] : -1;
}

int strmap_get(const StrMap *m, const char *s) { return strmap_getn(m, s, strlen(s)); }

static void strmap_grow(StrMap *m)
{
    StrMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->keys = skp_xcalloc((size_t)m->cap, sizeof *m->keys);
    m->hashes = skp_xcalloc((size_t)m->cap, sizeof *m->hashes);
    m->vals = skp_xcalloc((size_t)m->cap, sizeof *m->vals);
    m->len = 0;
    for (int i = 0; i < old.cap; i++)
        if (old.keys[i]) strmap_put(m, old.keys[i], old.vals[i]);
    strmap_free(&old);
}

void strmap_put(StrMap *m, const char *s, int val)
{
    if ((m->len + 1) * 4 >= m->cap * 3) strmap_grow(m);
    size_t n = strlen(s);
    uint32_t h = strmap_hash(s, n);
    int i = strmap_slot(m, s, n, h);
    if (!m->keys[i]) {
        m->keys[i] = s;
        m->hashes[i] = h;
        m->len++;
    }
    m->vals[i] = val;
}

void strmap_free(StrMap *m)
{
    free(m->keys);
    free(m->hashes);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- misc ------------------------------------------------------------- */

/* Levenshtein distance on lower-cased bytes; names are short, so the
 * quadratic table is fine, but we bound it to keep it on the stack. */
int skp_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63) return 99;
    int row[64];
    for (size_t j = 0; j <= m; j++) row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int up = row[j];
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = diag + cost;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

/* Best candidate within a small edit distance, for "did you mean". */
const char *skp_suggest(const char *name, const char *const *cands, int n)
{
    const char *best = NULL;
    int bestd = INT_MAX;
    int limit = (int)strlen(name) / 3 + 1;
    for (int i = 0; i < n; i++) {
        if (!cands[i]) continue;
        int dist = skp_edit_distance(name, cands[i]);
        if (dist < bestd && dist <= limit && dist > 0) {
            best = cands[i];
            bestd = dist;
        } else if (dist == 0 && strcmp(name, cands[i]) != 0) {  /* differs in case only */
            return cands[i];
        }
    }
    return best;
}

char *skp_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf b = {0};
    char chunk[65536];
    size_t n;
    int err = 0;
    while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) err = EFBIG;
        else sb_putn(&b, chunk, n);
    }
    if (!err && ferror(f)) err = EIO;
    fclose(f);
    if (err) {
        sb_free(&b);
        errno = err;
        return NULL;
    }
    if (!b.s) b.s = skp_xstrdup("");
    if (len) *len = b.len;
    return b.s;
}
