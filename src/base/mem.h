/* mem.h: allocation that fails cleanly. Out of memory is reported once
 * ("sakipc: error: out of memory") and the process exits with status 5
 * (SKP_RUNTIME): a batch evaluator cannot go on without memory. */
#ifndef SKP_BASE_MEM_H
#define SKP_BASE_MEM_H
#include <stddef.h>

void *mem_xmalloc(size_t n);
void *mem_xcalloc(size_t n, size_t size);
void *mem_xrealloc(void *p, size_t n);
char *mem_xstrdup(const char *s);
char *mem_xstrndup(const char *s, size_t n);
/* A zeroed array of count elements, at least one (so an empty list is a
 * valid pointer); count is an int, as the lengths of our lists are, and a
 * count below one is taken as one rather than cast to a huge size. */
void *mem_xarray(int count, size_t size);

/* Fault injection, a testing aid. SAKIPC_FAIL_ALLOC=N (read once, by
 * mem_fault_init at startup) makes the Nth allocation of the run fail;
 * N+ makes the Nth and every later one fail. Every allocation the program
 * makes is counted here: the mem_x* wrappers, SQLite's (store_startup
 * installs a counting allocator) and Lua's (lua/sandbox.c). Unset, it
 * costs one test of mem_fault_at per allocation. A run under injection
 * that never reaches allocation N says so on stderr at exit, with the count. */
extern long mem_fault_at;            /* 0: off */
void mem_fault_init(void);
int mem_fault_hit(void);             /* counts one allocation: 1 when it must fail */
#define MEM_FAULT() (mem_fault_at && mem_fault_hit())
/* Allocators that return NULL rather than exit (SQLite's, Lua's) record a
 * failure here, injected or real, so that the run can be reported as out
 * of memory (exit 5) whatever the caller made of it. */
void mem_alloc_failed(void);
int mem_out_of_memory(void);
/* The clean end for a failure no caller can recover from: the message, exit 5. */
void mem_die_out_of_memory(size_t n) __attribute__((noreturn));

#endif
