/* scheme.h: band schemes and scales of a checked plan: their validation
 * (gaps and overlaps), their bounds in words, and their levels in order. */
#ifndef SKP_CHECK_SCHEME_H
#define SKP_CHECK_SCHEME_H
#include "base/diag.h"
#include "check/plan.h"

/* Reports every overlap (a value two bands both contain) and every gap (a
 * value between bands that no band contains) with the values involved. When
 * the scheme states a precision, only gaps that contain a value at that
 * precision count (88.30 .. 88.31 is no gap at 2 decimals). Returns the
 * number of problems reported. */
int scheme_check(const Scheme *s, Diag *d);

/* "> 90 <= 100", ">= 88.31", "< 51": a band's bounds as written. */
void scheme_band_text(const Band *b, char *buf, size_t n);

/* Ordered levels. A `scale` (WTP, WDP, TW, TMP) lists its levels best
 * first; a scheme's bands are ordered by their bounds. Rank 1 is the
 * lowest level, the number of levels the highest; 0: no such level. */
int scheme_rank(const Scheme *s, const char *code);
int scheme_band_rank(const Scheme *s, int band);
const char *scheme_code(const Scheme *s, int rank);   /* NULL if out of range */
/* "TMP, TW, WDP, WTP": the levels from lowest to highest. */
void scheme_levels_text(const Scheme *s, char *buf, size_t n);

#endif
