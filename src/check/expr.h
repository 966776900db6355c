/* expr.h: formula trees, built and walked (see expr.c). */
#ifndef SKP_CHECK_EXPR_H
#define SKP_CHECK_EXPR_H
#include "check/checker.h"

/* A copy of e with f's parameters replaced by the call's arguments (f NULL:
 * a plain copy), counted against the formula's and the plan's budget of
 * parts; a stand-in 0 past it (reported). */
Expr *expr_clone(Checker *c, const Expr *e, const Func *f, Expr **args, Loc call);
/* A new node of a rewritten formula (a number). */
Expr *expr_node(Checker *c, ExprKind k, Expr *a, Expr *b, Loc loc);
/* The weight of indicator `code` in the unit evaluated, as a node. */
Expr *expr_weight(Checker *c, int code, Loc loc);
/* terms[0] + terms[1] + ..., as a shallow tree. */
Expr *expr_fold_sum(Checker *c, Expr **terms, int n, Loc loc);
/* The record table a formula reads rows of (count(T), T.c), or -1. */
int expr_record_in(Checker *c, const Expr *e);
/* The first grouped indicator a formula names, as an index into inds, or -1. */
int expr_group_in(Checker *c, const Expr *e);
/* The indicator codes (code ids) a checked formula names, bare or first in
 * realisation(), target(), data(), capaian(), latest(), each once, at most
 * max; record aggregates are not entered. */
void expr_codes(const Expr *e, int *codes, int *n, int max);
/* The same, entering aggregates over groups (avg(IKM) names IKM) and over
 * the units below: every indicator a formula of p uses. */
void expr_uses(const Plan *p, const Expr *e, int *codes, int *n, int max);

#endif
