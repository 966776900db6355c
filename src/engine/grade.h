/* grade.h: where a grade is computed. A value gets the band of its scheme
 * that contains it, compared as the decimal it stands for (num_decimal),
 * with each band's own inclusivity, exactly as written. The schemes
 * themselves, their checks and their levels, are check/scheme.h. */
#ifndef SKP_ENGINE_GRADE_H
#define SKP_ENGINE_GRADE_H
#include "check/plan.h"

/* The band containing v, or -1 when v falls in a gap or outside every band. */
int grade_find(const Scheme *s, double v);

/* Why v got no grade: "88.305 lies between B (<= 88.3) and A (>= 88.31)". */
void grade_miss_text(const Scheme *s, double v, char *buf, size_t n);

#endif
