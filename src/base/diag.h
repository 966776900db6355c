/* diag.h: the one diagnostic format. `file:line:col: error: message`, then the
 * source line and a caret under the culprit (jq's locfile, ninja's lexer). */
#ifndef SKP_DIAG_H
#define SKP_DIAG_H
#include <stdio.h>

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

typedef struct {
    FILE *out;           /* stderr normally; tests may redirect */
    int errors, warnings;
    int max_errors;      /* stop reporting after this many (0 = unlimited) */
    int color;           /* ANSI colour on a terminal only, never with NO_COLOR */
} Diag;

void diag_init(Diag *d, FILE *out);
void diag_error(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_warning(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A note attached to the previous error (e.g. "the block opened here"). */
void diag_note(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Errors that belong to no source location: "sakipc: error: ..." */
void diag_plain(Diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "N errors generated." style summary; nothing when there were none. */
void diag_summary(Diag *d);

Source *source_load(const char *path, Source **list);  /* NULL on I/O error (errno set) */
Source *source_from_string(const char *name, const char *text, Source **list);
void source_free_all(Source *list);

#endif
