/* linediff.h: what changed between two texts, line by line, as a unified
 * diff (`sakipc fmt --diff`). */
#ifndef SKP_BASE_LINEDIFF_H
#define SKP_BASE_LINEDIFF_H
#include <stddef.h>
#include "base/strbuf.h"

/* The unified diff of a into b, with 3 lines of context and the headers
 * `--- a/NAME` and `+++ b/NAME`, appended to out; nothing when a and b
 * are the same. Minimal (Myers) unless they differ in thousands of
 * lines, when the part between their common start and end is shown
 * replaced whole. */
void linediff_unified(StrBuf *out, const char *name, const char *a, size_t alen, const char *b, size_t blen);

#endif
