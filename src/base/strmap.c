/* strmap.c: string -> int hash maps (strmap.h). */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

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
    m->keys = mem_xcalloc((size_t)m->cap, sizeof *m->keys);
    m->hashes = mem_xcalloc((size_t)m->cap, sizeof *m->hashes);
    m->vals = mem_xcalloc((size_t)m->cap, sizeof *m->vals);
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
