/* rules.h: the rules a plan, unit or indicator states (see rules.c). */
#ifndef SKP_CHECK_RULES_H
#define SKP_CHECK_RULES_H
#include "check/checker.h"

/* A rule statement (polarity, aggregate, target, cap, round, zero,
 * period): applied to r; 1 if the statement was one (reported or not). */
int rules_apply(Checker *c, Stmt *s, Rules *r);
void rules_cap(Checker *c, const Stmt *s, Rules *r);
void rules_round(Checker *c, const Stmt *s, Rules *r);
void rules_zero(Checker *c, const Stmt *s, Rules *r);
/* grade [value|capaian] by SCHEME[, SCHEME...]: the schemes are resolved at the end. */
void rules_grade(Checker *c, const Stmt *s, GradingVec *out, PendingVec *pend);
/* units A, B | units all | units leaves | units level L | units under U */
void rules_units(Checker *c, const Stmt *s, UnitSel *sel);

#endif
