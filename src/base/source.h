/* source.h: the text of a plan or an included file, and places in it. */
#ifndef SKP_BASE_SOURCE_H
#define SKP_BASE_SOURCE_H
#include <stddef.h>

typedef struct Source {
    char *path;          /* as the user named it */
    char *text;          /* whole file, NUL-terminated */
    size_t len;
    struct Source *next; /* every loaded source, for freeing */
} Source;

typedef struct {
    const Source *src;
    int line, col;       /* 1-based; col counts bytes */
    int end_line, end_col; /* last column covered (inclusive) */
} Loc;

/* The file, read whole (at most max bytes: a larger file, or an endless
 * one such as /dev/zero, fails with EFBIG before it is held in memory),
 * added to *list. NULL on I/O error (errno set). */
Source *source_load(const char *path, size_t max, Source **list);
Source *source_from_string(const char *name, const char *text, Source **list);
/* len bytes of text (NULs included), kept with a NUL after them. */
Source *source_from_bytes(const char *name, const char *text, size_t len, Source **list);
void source_free_all(Source *list);

/* The place from the start of a to the end of b (the same source). */
Loc source_span(Loc a, Loc b);

#endif
