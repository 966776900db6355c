/* grade.c: where a grade is computed (grade.h). */
#include "engine/grade.h"
#include "check/scheme.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int band_contains(const Band *b, double v)
{
    if (b->has_lo && (b->lo_incl ? v < b->lo : v <= b->lo)) return 0;
    if (b->has_hi && (b->hi_incl ? v > b->hi : v >= b->hi)) return 0;
    return 1;
}

/* First band (in written order) containing v. A checked scheme has no
 * overlaps, so the order does not change the answer. v is compared as the
 * decimal it stands for (num_decimal), as it is printed: a capaian of
 * exactly 76 that binary arithmetic made 75.99999999999998 is in ">= 76". */
int grade_find(const Scheme *s, double v)
{
    if (isnan(v)) return -1;
    v = num_decimal(v);
    for (int i = 0; i < s->nbands; i++)
        if (band_contains(&s->bands[i], v)) return i;
    return -1;
}


void grade_miss_text(const Scheme *s, double v, char *buf, size_t n)
{
    v = num_decimal(v);                       /* as grade_find compares it */
    char vt[32];
    num_format(vt, sizeof vt, v, -1);
    const Band *below = NULL, *above = NULL;
    for (int i = 0; i < s->nbands; i++) {
        const Band *b = &s->bands[i];
        if (b->has_hi && (b->hi_incl ? b->hi < v : b->hi <= v) && (!below || b->hi > below->hi)) below = b;
        if (b->has_lo && (b->lo_incl ? b->lo > v : b->lo >= v) && (!above || b->lo < above->lo)) above = b;
    }
    char bt[64] = "", at[64] = "";
    if (below) scheme_band_text(below, bt, sizeof bt);
    if (above) scheme_band_text(above, at, sizeof at);
    if (below && above)
        snprintf(buf, n, "%s lies between %s (%s) and %s (%s) of scheme %s", vt, below->code, bt, above->code, at, s->name);
    else if (above)
        snprintf(buf, n, "%s is below every band of scheme %s (lowest: %s %s)", vt, s->name, above->code, at);
    else if (below)
        snprintf(buf, n, "%s is above every band of scheme %s (highest: %s %s)", vt, s->name, below->code, bt);
    else
        snprintf(buf, n, "%s is in no band of scheme %s", vt, s->name);
}

