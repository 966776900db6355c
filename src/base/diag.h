/* diag.h: the one diagnostic format. `file:line:col: error: message`, then the
 * source line and a caret under the culprit (jq's locfile, ninja's lexer). */
#ifndef SKP_BASE_DIAG_H
#define SKP_BASE_DIAG_H
#include <stdio.h>
#include "base/source.h"

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

#endif
