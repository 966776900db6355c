/* function.h: plan functions and Lua functions (see function.c). */
#ifndef SKP_CHECK_FUNCTION_H
#define SKP_CHECK_FUNCTION_H
#include "check/checker.h"

/* function NAME(a, b) = FORMULA, or a Lua module's function. */
void function_declare(Checker *c, const Stmt *s);

#endif
