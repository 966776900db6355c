/* arena.h: everything a plan (or an evaluation step) allocates lives in
 * an arena until the arena is freed at once. */
#ifndef SKP_BASE_ARENA_H
#define SKP_BASE_ARENA_H
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct { ArenaBlock *head; } Arena;
void *arena_alloc(Arena *a, size_t n);          /* zeroed, 8-byte aligned */
void *arena_array(Arena *a, int count, size_t size);  /* as mem_xarray, in the arena */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

#endif
