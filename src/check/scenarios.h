/* scenarios.h: the `scenario` statement (see scenarios.c). */
#ifndef SKP_CHECK_SCENARIOS_H
#define SKP_CHECK_SCENARIOS_H
#include "check/checker.h"

/* scenario NAME ["title"] [extends BASE] { ... } */
void scenarios_declare(Checker *c, Stmt *s);
/* Indicator codes and bases, once everything is declared. */
void scenarios_resolve(Checker *c);

#endif
