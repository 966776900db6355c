/* strmap.h: an open-addressing map from string (not owned: the caller
 * keeps it alive) to int. */
#ifndef SKP_BASE_STRMAP_H
#define SKP_BASE_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct { const char **keys; uint32_t *hashes; int *vals; int cap, len; } StrMap;
uint32_t strmap_hash(const char *s, size_t n);
int strmap_get(const StrMap *m, const char *s);             /* -1 if absent */
int strmap_getn(const StrMap *m, const char *s, size_t n);  /* key need not be NUL-terminated */
void strmap_put(StrMap *m, const char *s, int val);         /* replaces */
void strmap_free(StrMap *m);

#endif
