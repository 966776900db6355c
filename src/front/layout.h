/* layout.h: a plan's text in the one canonical layout (`sakipc fmt`):
 * indentation by blocks, the author's line breaks, comments and blank
 * lines kept, one spacing between tokens, trailing comments aligned. The
 * rules are in docs/language.md, "Formatting". */
#ifndef SKP_FRONT_LAYOUT_H
#define SKP_FRONT_LAYOUT_H
#include "base/diag.h"
#include "base/source.h"
#include "base/strbuf.h"

/* src formatted into out (appended). 0; or the number of syntax errors of
 * src (reported as `check` reports them, out untouched); or -1 when the
 * result would not be the same plan (the formatter's own check, reported
 * as an internal error). */
int layout_format(const Source *src, Diag *d, StrBuf *out);

#endif
