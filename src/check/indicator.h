/* indicator.h: the `indicator` statement (see indicator.c). */
#ifndef SKP_CHECK_INDICATOR_H
#define SKP_CHECK_INDICATOR_H
#include "check/checker.h"

/* indicator CODE ["name"] { ... }, in the scope it is written in. */
void indicator_declare(Checker *c, Stmt *s, Scope *scope);

/* A statement of a plan, unit, tujuan or sasaran block that states an
 * indicator property for every indicator of the block: `grade ... by S`,
 * `measure M` (or satuan), `weight W`. Returns 1 when s was one. */
int indicator_default(Checker *c, Stmt *s, Scope *scope);
/* Is k a word of an indicator's block (name, realisation, per, ...)? */
int indicator_is_property(const char *k);

#endif
