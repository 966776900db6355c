/* indicator.h: the `indicator` statement (see indicator.c). */
#ifndef SKP_CHECK_INDICATOR_H
#define SKP_CHECK_INDICATOR_H
#include "check/checker.h"

/* indicator CODE ["name"] { ... }, in the scope it is written in. */
void indicator_declare(Checker *c, Stmt *s, Scope *scope);

#endif
