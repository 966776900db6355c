/* budgetblock.h: the `budget` block (see budgetblock.c). */
#ifndef SKP_CHECK_BUDGETBLOCK_H
#define SKP_CHECK_BUDGETBLOCK_H
#include "check/checker.h"

/* budget ["title"] { round ...; pagu ...; check ...; program CODE supports IND, ... } */
void budgetblock_declare(Checker *c, Stmt *s);
/* The indicators and units budget lines name, once everything is declared. */
void budgetblock_resolve(Checker *c);

#endif
