/* check_internal.h: what the two halves of the checker share. check.c
 * gives the statements their meaning (declarations and rules); formula.c
 * checks the formulas (names, types, functions, aggregates, cycles). */
#ifndef SKP_CHECK_INTERNAL_H
#define SKP_CHECK_INTERNAL_H
#include "check/check.h"
#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"


/* A grading names its scheme before the scheme may have been read (schemes
 * come from includes and may follow); names are resolved at the end. */
typedef struct {
    const char *name;
    Loc loc;
    int ind;            /* index into inds */
    int grade;          /* index into that indicator's grades */
} PendingGrade;

typedef struct { int ind; const Stmt *s; } PendingPer;

typedef VEC(Grading) GradingVec;
typedef VEC(PendingGrade) PendingVec;

typedef struct {
    int from_node;      /* code_id * 3 + NODE_* */
    int to_node;
    Loc loc;
} Edge;

enum { NODE_R, NODE_T, NODE_C };

typedef struct { const char *key, *file; int line; } SettingSeen;

typedef struct {
    Plan *p;
    Diag *d;
    Arena *A;
    VEC(Scheme) schemes;
    VEC(Indicator) inds;
    VEC(PlanUnit) units;
    VEC(Const) consts;
    VEC(RecordDecl) records;
    VEC(const char *) codes;
    VEC(const char *) sources;
    VEC(Tree *) trees;
    VEC(Edge) edges;
    VEC(RecordAgg) raggs;
    VEC(GroupAgg) gaggs;
    VEC(Func) funcs;
    VEC(UnitAgg) uaggs;
    VEC(Scenario) scenarios;
    VEC(const char *) hooks;
    PendingVec pending;
    VEC(PendingPer) pers;         /* `per T.col` of indicators, resolved at the end */
    const Stmt *cur_per;          /* the indicator being declared: its `per` */
    int *code_group;              /* code id -> index of an indicator giving its groups, -1 */
    const char *expanding[SKP_MAX_CALL_DEPTH];   /* functions being expanded */
    int nexpanding;
    StrMap scheme_map, unit_map, const_map, code_map, record_map, source_map, func_map;
    StrMap unit_code_map;  /* "UNIT\x1fCODE" -> the first indicator declared for that unit */
    const char *include_stack[SKP_MAX_INCLUDE_DEPTH];
    int include_depth;
    VEC(const char *) included;   /* real paths already included */
    int expr_depth;
    int depth_reported;           /* the formula being checked is reported as nested too deeply */
    long parts, plan_parts;       /* nodes written out by function calls: this formula's, the plan's */
    int parts_reported, calls_reported;
    long *const_parts;            /* per constant (first variant): parts once written out */
    int *const_depth;             /* ... and levels */
    VEC(SettingSeen) settings;    /* plan, database, year, renstra as stated */
} Checker;

/* Where a block sits: rules inherited so far and the grouping. */
typedef struct {
    Rules rules;
    const char *unit;        /* enclosing unit code, or NULL at top level */
    Loc unit_loc;            /* where that code is written */
    const char *tujuan, *sasaran;
} Scope;

/* check.c */
void resolve_scenarios(Checker *c);
/* From now on, a plan may name only files (includes, hooks, Lua modules)
 * that lie under one of dirs (real paths, kept by the caller); n 0 and
 * dirs NULL lift it. For the fuzz targets, which must not read the machine. */
void check_confine_files(const char *const *dirs, int n);

/* formula.c */
int builtin_index(const char *name);
void check_formulas(Checker *c);
void check_constants(Checker *c);
void check_sizes(Checker *c);
void find_cycles(Checker *c);
const char *group_text(Checker *c, const GroupSpec *g);
void propagate_rollups(Checker *c);
int record_ref(Checker *c, const Expr *e, int *rec, int *col, ColType *type);
int same_group(const GroupSpec *a, const GroupSpec *b);

const char *mean(Checker *c, const char *name, const char *const *cands, int n);
void note_source(Checker *c, const char *src);

#endif
