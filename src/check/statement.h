/* statement.h: the statements of a plan file (see statement.c). */
#ifndef SKP_CHECK_STATEMENT_H
#define SKP_CHECK_STATEMENT_H
#include "check/checker.h"

/* Loads, parses and interprets one file: the plan (from.src NULL) or an include. */
void statement_check_file(Checker *c, const char *path, Loc from);
/* The same for a plan held in memory (len bytes, any of them NUL), named `name`. */
void statement_check_text(Checker *c, const char *name, const char *text, size_t len);

#endif
