/* mem.c: allocation that fails cleanly, and fault injection (mem.h). */
#include "base/mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long mem_fault_at;              /* the allocation to fail (1-based), 0: off */
static int fault_sticky;        /* "N+": that one and every later one */
static long fault_count;        /* allocations counted so far */
static int alloc_failed;        /* an allocation failed (injected or real) */

/* The end of a run under injection that never reached allocation N: says
 * so, with the count, so that a test loop knows where to stop. */
static void fault_report(void)
{
    if (fault_count < mem_fault_at)
        fprintf(stderr, "sakipc: SAKIPC_FAIL_ALLOC=%ld: not reached, %ld allocations\n", mem_fault_at, fault_count);
}

void mem_fault_init(void)
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
    mem_fault_at = n;
    fault_sticky = *end == '+';
    atexit(fault_report);
}

int mem_fault_hit(void)
{
    long k = ++fault_count;
    if (k == mem_fault_at || (fault_sticky && k > mem_fault_at)) {
        alloc_failed = 1;
        return 1;
    }
    return 0;
}

void mem_alloc_failed(void) { alloc_failed = 1; }
int mem_out_of_memory(void) { return alloc_failed; }

/* Out of memory is not recoverable in a batch evaluator; say so plainly and
 * exit with the runtime-error code rather than crash later on a NULL. What
 * was written to stdout stays a prefix of the full output; a transaction
 * under way is never committed (SQLite rolls it back on the next open). */
void mem_die_out_of_memory(size_t n)
{
    fprintf(stderr, "sakipc: error: out of memory (%zu bytes)\n", n);
    exit(5);
}

void *mem_xmalloc(size_t n)
{
    void *p = MEM_FAULT() ? NULL : malloc(n ? n : 1);
    if (!p) mem_die_out_of_memory(n);
    return p;
}

void *mem_xcalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) mem_die_out_of_memory(SIZE_MAX);
    void *p = MEM_FAULT() ? NULL : calloc(n ? n : 1, size ? size : 1);
    if (!p) mem_die_out_of_memory(n * size);
    return p;
}

void *mem_xrealloc(void *p, size_t n)
{
    void *q = MEM_FAULT() ? NULL : realloc(p, n ? n : 1);
    if (!q) mem_die_out_of_memory(n);
    return q;
}

char *mem_xstrdup(const char *s) { return mem_xstrndup(s, strlen(s)); }

char *mem_xstrndup(const char *s, size_t n)
{
    char *d = mem_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void *mem_xarray(int count, size_t size)
{
    return mem_xcalloc(count > 0 ? (size_t)count : 1, size);
}
