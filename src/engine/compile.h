/* compile.h: checked plan -> compiled plan. Each formula becomes a short
 * program for a stack machine (vm.c), compiled once and run for every unit
 * and year; names are already numbers (indicator code ids, source ids). */
#ifndef SKP_COMPILE_H
#define SKP_COMPILE_H
#include <stdint.h>
#include "check/plan.h"
#include "engine/value.h"

typedef enum {
    OP_NUM,        /* push nums[a] */
    OP_STR,        /* push strs[a] */
    OP_UNDEF,      /* push undefined (an explicit `undefined` in the plan) */
    OP_YEAR_IN,    /* push: is the year from a (0: open) to a + b (b 0xFFFF: open) */
    OP_NO_RULE,    /* push undefined: no rule set gives constant a for the year */
    OP_BOOL,       /* push a != 0 */
    OP_YEAR,       /* push the year being evaluated */
    OP_SELF_R,     /* the indicator's own realisation (capaian formulas) */
    OP_SELF_T,     /* ... and target */
    OP_REAL,       /* realisation of code a; b = 1: pop a year first */
    OP_TARGET,     /* target of code a; b bit 0: pop year; bit 1: pop source string */
    OP_DATA,       /* raw aggregated data of code a; b = 1: pop year */
    OP_LATEST,     /* latest raw value of code a as of the evaluation date */
    OP_CAPAIAN,    /* capaian of code a, capped and rounded; b = 1: pop a year first */
    OP_WEIGHT,     /* the weight of code a in the unit evaluated */
    OP_TO_DATE,    /* code a's realisation over the Renstra period to the year evaluated */
    OP_UAGG,       /* Plan.uaggs[a] over the units below the one evaluated */
    OP_MARK,       /* nothing: the value on top is that of `at` (a constant's name), for explain */
    OP_LUA,        /* Lua function a (Plan.funcs) with b arguments */
    OP_NEG, OP_NOT,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_AND, OP_OR,
    OP_IF_NA,      /* if top is missing, leave it and jump to a */
    OP_JUMP_FALSE, /* pop; if false jump to a */
    OP_JUMP,       /* jump to a */
    OP_CALL,       /* builtin a with b arguments */
    OP_RAGG,       /* record aggregate a (Plan.raggs) over the rows in scope */
    OP_GAGG,       /* aggregate a (Plan.gaggs) over the groups of a grouped indicator */
    OP_COL,        /* column a of the row being filtered */
    OP_IN,         /* pop b values, then x: is x one of them */
    OP_RET
} OpCode;

typedef struct {
    uint8_t op;
    uint8_t pad;
    uint16_t b;
    int32_t a;
    const Expr *at;   /* for messages and traces */
} Instr;

typedef struct {
    Instr *code;
    int ncode;
    double *nums;
    const char **strs;
    int max_stack;
    const Expr *src;  /* the formula as written */
} Program;

/* Per indicator definition. */
typedef struct {
    const Indicator *ind;
    Program *realisation, *target, *target_hi, *capaian, *zero_target, *zero_realisation;
    int *sources;        /* target source ids in order; -1 = "end" */
    int nsources;
} CompiledInd;

typedef struct {
    const Plan *plan;
    CompiledInd *inds;   /* parallel to plan->inds */
    int ninds;
    int ncodes;
    int nsources;        /* plan->sources */
    int renstra_source;  /* id of "renstra" */
    Program **ragg_filters;  /* parallel to plan->raggs; NULL: no filter */
    Program **ragg_values;   /* parallel to plan->raggs; NULL: a column or the rows */
    Program **gagg_values;   /* parallel to plan->gaggs */
} CompiledPlan;

CompiledPlan *compile_plan(const Plan *p);
void compile_free(CompiledPlan *cp);
int compile_source_id(const CompiledPlan *cp, const char *name);  /* -1 if unknown */

#endif
