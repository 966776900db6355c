/* bands.h: the `scheme` and `scale` statements (see bands.c). */
#ifndef SKP_CHECK_BANDS_H
#define SKP_CHECK_BANDS_H
#include "check/checker.h"

/* scheme NAME ["title"] { precision N; bands } */
void bands_declare(Checker *c, Stmt *s);
/* scale NAME ["title"] { CODE ["label"] ... }: ordered levels, best first. */
void bands_declare_scale(Checker *c, Stmt *s);

#endif
