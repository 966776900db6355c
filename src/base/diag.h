/* diag.h: the one diagnostic format. `file:line:col: error: message`, then the
 * source line and a caret under the culprit (jq's locfile, ninja's lexer). */
#ifndef SKP_BASE_DIAG_H
#define SKP_BASE_DIAG_H
#include <stdio.h>
#include "base/source.h"
#include "sakip.h"

/* The diagnostics of the public API (sakip.h): where they go, how many
 * there were, colour, and the last usage problem in words. */
typedef SkpDiag Diag;

void diag_init(Diag *d, FILE *out);
void diag_error(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_warning(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A note attached to the previous error (e.g. "the block opened here"). */
void diag_note(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A plan test's expectation that does not hold (`file:line:col: fail:`):
 * the test's verdict, not an error of the run, so not counted. */
void diag_fail(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Errors that belong to no source location: "sakipc: error: ..." */
void diag_plain(Diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A request the caller made cannot be taken as it is (SKP_USAGE): the
 * reason goes to d->usage, for the caller to show with its own hint (the
 * command adds "Try 'sakipc eval --help'."). Not counted as an error. */
void diag_usage(Diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "N errors generated." style summary; nothing when there were none. */
void diag_summary(Diag *d);

#endif
