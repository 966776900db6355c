/* checker.h: what every part of the checker shares: its state while it
 * reads a plan (Checker), where a block sits (Scope), the words of a
 * statement (the helpers below, small enough to be inline), and
 * checker.c's functions. */
#ifndef SKP_CHECK_CHECKER_H
#define SKP_CHECK_CHECKER_H
#include <string.h>
#include "base/arena.h"
#include "base/diag.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/plan.h"

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

typedef struct Checker {
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
    VEC(WeightedSum) wsums;
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
    /* indicator properties stated for every indicator of the block, the
     * nearest block's winning (indicator_default in indicator.c) */
    const Stmt *grades[MAX_GRADES];     /* `grade ... by S` statements */
    int ngrades, grades_here;           /* grades_here: stated in this block, not inherited */
    const char *grades_from;            /* "unit SETWAN", "the plan", ... */
    const char *measure, *measure_from;
    Loc measure_loc;
    int has_weight;
    double weight;
} Scope;

/* ---- the words of a statement ---------------------------------------------- */

static inline int word_is(const Stmt *s, int i, const char *text)
{
    return i < s->nwords && s->words[i].kind != W_STRING && strcmp(s->words[i].text, text) == 0;
}

static inline Loc word_loc(const Stmt *s, int i)
{
    if (i < s->nwords) return s->words[i].loc;
    Loc l = s->words[s->nwords - 1].loc;
    l.col = l.end_col + 1;
    l.end_col = l.col;
    return l;
}

static inline const char *word_desc(Checker *c, const Stmt *s, int i)
{
    if (i >= s->nwords) return s->value ? "'='" : "end of line";
    const Word *w = &s->words[i];
    if (w->kind == W_STRING) return arena_printf(c->A, "string \"%s\"", w->text);
    return arena_printf(c->A, "'%s'", w->text);
}

/* Expects nothing after word `from`. */
static inline int expect_end(Checker *c, const Stmt *s, int from, const char *what)
{
    if (from < s->nwords) {
        diag_error(c->d, s->words[from].loc, "unexpected %s after %s", word_desc(c, s, from), what);
        return 0;
    }
    return 1;
}

static inline int no_value(Checker *c, const Stmt *s, const char *what)
{
    if (s->value) {
        diag_error(c->d, s->eq_loc, "'%s' takes no '= formula'", what);
        return 0;
    }
    if (s->has_block) {
        diag_error(c->d, s->open_loc, "'%s' takes no block", what);
        return 0;
    }
    return 1;
}

static inline int need_number(Checker *c, const Stmt *s, int i, const char *what, double *out)
{
    if (i < s->nwords && s->words[i].kind == W_NUMBER) {
        *out = s->words[i].num;
        return 1;
    }
    diag_error(c->d, word_loc(s, i), "expected a number for %s, found %s", what, word_desc(c, s, i));
    return 0;
}

static inline int need_name(Checker *c, const Stmt *s, int i, const char *what, const char **out)
{
    if (i < s->nwords && s->words[i].kind == W_NAME) {
        *out = s->words[i].text;
        return 1;
    }
    diag_error(c->d, word_loc(s, i), "expected %s, found %s", what, word_desc(c, s, i));
    return 0;
}

static inline const char *opt_string(const Stmt *s, int *i)
{
    if (*i < s->nwords && s->words[*i].kind == W_STRING) return s->words[(*i)++].text;
    return NULL;
}

/* ---- checker.c ---------------------------------------------------------------- */

/* Joins words written without spaces around '-' (half-up, pk-perubahan)
 * and makes a '-' before a number its sign, except between two touching
 * words (2021-2026 is a range of years). */
void checker_normalize_words(Checker *c, Stmt *s);
/* The code id of an indicator code (a new one for a code not seen yet). */
int checker_intern_code(Checker *c, const char *code);
/* " (did you mean 'IKM'?)", or "" when nothing is close. */
const char *checker_mean(Checker *c, const char *name, const char *const *cands, int n);
/* Every target source the plan names, rules and formulas alike. */
void checker_note_source(Checker *c, const char *src);
/* The directory of a path ("." for none). Caller frees. */
char *checker_dir_of(const char *path);
/* A file a plan may name exists (and, when confined, lies where it may). */
int checker_file_exists(const char *path);
/* From now on, a plan may name only files (includes, hooks, Lua modules)
 * that lie under one of dirs (real paths, kept by the caller); n 0 and
 * dirs NULL lift it. For the fuzz targets, which must not read the machine. */
void checker_confine_files(const char *const *dirs, int n);

#endif
