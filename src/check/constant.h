/* constant.h: constants and rule sets by year (see constant.c). */
#ifndef SKP_CHECK_CONSTANT_H
#define SKP_CHECK_CONSTANT_H
#include "check/checker.h"

/* const NAME = FORMULA */
void constant_declare(Checker *c, const Stmt *s);
/* rules ["title"] from Y [until Y2] { const ...; cap ... } */
void constant_rule_set(Checker *c, Stmt *s, Scope *scope);

#endif
