/* util.h: memory arenas, growable buffers and string hash maps shared by every stage. */
#ifndef SKP_UTIL_H
#define SKP_UTIL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Out-of-memory is reported once, cleanly ("sakipc: error: out of memory"),
 * and the process exits with code 5. */
void *skp_xmalloc(size_t n);
void *skp_xcalloc(size_t n, size_t size);
void *skp_xrealloc(void *p, size_t n);
char *skp_xstrdup(const char *s);
char *skp_xstrndup(const char *s, size_t n);
/* A zeroed array of count elements, at least one (so an empty list is a
 * valid pointer); count is an int, as the lengths of our lists are, and a
 * count below one is taken as one rather than cast to a huge size. */
void *skp_xarray(int count, size_t size);

/* Fault injection, a testing aid. SAKIPC_FAIL_ALLOC=N (read once, by
 * skp_fault_init at startup) makes the Nth allocation of the run fail;
 * N+ makes the Nth and every later one fail. Every allocation the program
 * makes is counted here: the skp_x* wrappers, SQLite's (db_startup
 * installs a counting allocator) and Lua's (hook.c). Unset, it costs one
 * test of skp_fault_at per allocation. A run under injection that never
 * reaches allocation N says so on stderr at exit, with the count. */
extern long skp_fault_at;            /* 0: off */
void skp_fault_init(void);
int skp_fault_hit(void);             /* counts one allocation: 1 when it must fail */
#define SKP_FAULT() (skp_fault_at && skp_fault_hit())
/* Allocators that return NULL rather than exit (SQLite's, Lua's) record a
 * failure here, injected or real, so that main can report the run's
 * failure as out of memory (exit 5) whatever the caller made of it. */
void skp_alloc_failed(void);
int skp_out_of_memory(void);
/* The clean end for a failure no caller can recover from: the message, exit 5. */
void skp_die_out_of_memory(size_t n) __attribute__((noreturn));

/* Arena: everything a plan allocates lives until the plan is freed. */
typedef struct ArenaBlock ArenaBlock;
typedef struct { ArenaBlock *head; } Arena;
void *arena_alloc(Arena *a, size_t n);          /* zeroed, 8-byte aligned */
void *arena_array(Arena *a, int count, size_t size);  /* as skp_xarray, in the arena */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

/* Growable array of any element type: VEC(int) v = {0}; VEC_PUSH(v, 3); */
#define VEC(T) struct { T *items; int len, cap; }
#define VEC_PUSH(v, x) do { \
    if ((v).len == (v).cap) { \
        (v).cap = (v).cap ? 2 * (v).cap : 8; \
        (v).items = skp_xrealloc((v).items, (size_t)(v).cap * sizeof *(v).items); \
    } \
    (v).items[(v).len++] = (x); \
} while (0)
#define VEC_FREE(v) do { free((v).items); (v).items = NULL; (v).len = (v).cap = 0; } while (0)

/* Growable string. */
typedef struct { char *s; size_t len, cap; } StrBuf;
void sb_putc(StrBuf *b, char c);
void sb_puts(StrBuf *b, const char *s);
void sb_putn(StrBuf *b, const char *s, size_t n);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_clear(StrBuf *b);
void sb_free(StrBuf *b);

/* Open-addressing map from string (not owned; caller keeps it alive) to int. */
typedef struct { const char **keys; uint32_t *hashes; int *vals; int cap, len; } StrMap;
uint32_t strmap_hash(const char *s, size_t n);
int strmap_get(const StrMap *m, const char *s);             /* -1 if absent */
int strmap_getn(const StrMap *m, const char *s, size_t n);  /* key need not be NUL-terminated */
void strmap_put(StrMap *m, const char *s, int val);         /* replaces */
void strmap_free(StrMap *m);

/* Edit distance for "did you mean" suggestions (bounded, case-insensitive). */
int skp_edit_distance(const char *a, const char *b);
/* The candidate closest to name within a small distance, or NULL. */
const char *skp_suggest(const char *name, const char *const *cands, int n);

/* The whole file, NUL-terminated; NULL with errno set when it cannot be
 * read, or (EFBIG) when it is longer than max bytes (an endless file such
 * as /dev/zero included): it is never held whole first. */
char *skp_read_file(const char *path, size_t max, size_t *len);

#endif
