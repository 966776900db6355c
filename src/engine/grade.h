/* grade.h: band schemes. This is where a grade is computed (grade_find),
 * and where a scheme's gaps and overlaps are found (grade_check). */
#ifndef SKP_GRADE_H
#define SKP_GRADE_H
#include "base/diag.h"
#include "check/plan.h"

/* The band containing v, or -1 when v falls in a gap or outside every band.
 * Bands are tested with their own inclusivity, exactly as written. */
int grade_find(const Scheme *s, double v);

/* Reports every overlap (a value two bands both contain) and every gap (a
 * value between bands that no band contains) with the values involved. When
 * the scheme states a precision, only gaps that contain a value at that
 * precision count (88.30 .. 88.31 is no gap at 2 decimals). Returns the
 * number of problems reported. */
int grade_check(const Scheme *s, Diag *d);

/* Ordered levels. A `scale` (WTP, WDP, TW, TMP) lists its levels best
 * first; a scheme's bands are ordered by their bounds. Rank 1 is the
 * lowest level, the number of levels the highest; 0: no such level. */
int scale_rank(const Scheme *s, const char *code);
int scale_band_rank(const Scheme *s, int band);
const char *scale_code(const Scheme *s, int rank);   /* NULL if out of range */
/* "TMP, TW, WDP, WTP": the levels from lowest to highest. */
void scale_levels_text(const Scheme *s, char *buf, size_t n);

/* "> 90 <= 100", ">= 88.31", "< 51": a band's bounds as written. */
void grade_band_text(const Band *b, char *buf, size_t n);

/* Why v got no grade: "88.305 lies between B (<= 88.3) and A (>= 88.31)". */
void grade_miss_text(const Scheme *s, double v, char *buf, size_t n);

#endif
