/* check.h: tree -> checked plan (the declarations are in plan.h). What the
 * checker records about each expression, for the compiler. */
#ifndef SKP_CHECK_H
#define SKP_CHECK_H
#include "check/plan.h"

typedef enum { T_NUM = 1, T_BOOL, T_STR } ExprType;

typedef enum {
    RES_NONE,
    RES_CONST,        /* res_id: Plan.consts index */
    RES_YEAR,         /* the year being evaluated */
    RES_UNDEFINED,    /* `undefined`: an explicit undefined result */
    RES_TRUE, RES_FALSE,
    RES_SELF_R,       /* R / realisation inside a capaian formula */
    RES_SELF_T,       /* T / target inside a capaian formula */
    RES_IND,          /* bare indicator code: its realisation; res_id: code id */
    RES_CALL,         /* res_id: Builtin */
    RES_RECORD_AGG,   /* count/sum/... over a record table; res_id: Plan.raggs index */
    RES_COLUMN,       /* a column of the row being filtered; res_id: flat column */
    RES_GROUP_AGG,    /* sum/avg/... over the groups of a grouped indicator; res_id: Plan.gaggs index */
    RES_WEIGHT,       /* the weight of indicator res_id (code id) in the unit evaluated */
    RES_UNIT_AGG,     /* sum/avg/... over the units below; res_id: Plan.uaggs index */
    RES_LUA_CALL      /* a function of a Lua module; res_id: Plan.funcs index */
} ExprRes;

/* Built-in functions. ORDER BUILTINS: keep in step with the table in check.c. */
typedef enum {
    FN_REALISATION, FN_TARGET, FN_DATA, FN_CAPAIAN, FN_TO_DATE, FN_LATEST,   /* name an indicator first */
    FN_MIN, FN_MAX, FN_ABS, FN_ROUND, FN_FLOOR, FN_CEIL, FN_SQRT,
    FN_AVAILABLE, FN_COALESCE,
    FN_COUNT, FN_COUNT_DISTINCT, FN_SUM, FN_AVG,   /* over record tables */
    FN_WEIGHTED_SUM, FN_WEIGHTED_MEAN,             /* by the indicators' weights */
    FN_AS_PERCENT, FN_AS_FRACTION,                 /* x 100, / 100: the explicit conversions */
    FN_COUNT_
} Builtin;

const char *builtin_name(Builtin b);

/* The indicator codes (code ids) a checked formula names, bare or first in
 * realisation(), target(), data(), capaian(), latest(), each once, at most
 * max; record aggregates are not entered. */
void codes_in_expr(const Expr *e, int *codes, int *n, int max);
/* The same, entering aggregates over groups (avg(IKM) names IKM) and over
 * the units below: every indicator a formula of p uses. */
void formula_uses(const Plan *p, const Expr *e, int *codes, int *n, int max);

#endif
