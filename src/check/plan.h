/* plan.h: the checked plan. check.c turns the tree into this model: every
 * name resolved, every rule explicit (defaults filled in), every scheme
 * validated. compile.c turns it into something fast to evaluate. */
#ifndef SKP_PLAN_H
#define SKP_PLAN_H
#include "front/ast.h"
#include "base/num.h"
#include "base/period.h"
#include "check/record.h"
#include "base/arena.h"

/* How capaian is measured. SAKIP.md: the three lower-is-better formulas
 * disagree, so the plan names one. */
typedef enum {
    POL_HIGHER,      /* R / T x 100 */
    POL_LOWER_A,     /* (2T - R) / T x 100 */
    POL_LOWER_B,     /* T / R x 100 */
    POL_LOWER_C,     /* (T - R) / T x 100 */
    POL_RANGE        /* inside [lo, hi] = 100; below: R/lo; above: lower formula vs hi */
} Polarity;

/* How the periods present in a year make the year's realisation. */
typedef enum { AGG_SUM, AGG_LAST, AGG_AVG, AGG_MAX, AGG_MIN, AGG_LATEST } Aggregate;

typedef struct {
    const char *code;      /* "AA", or the label when a band has no code */
    const char *label;     /* "Sangat Memuaskan" (may equal code) */
    int has_lo, lo_incl;   /* > lo or >= lo */
    double lo;
    int has_hi, hi_incl;   /* < hi or <= hi */
    double hi;
    Loc loc;
} Band;

typedef struct {
    const char *name;      /* AKIP */
    const char *title;
    Band *bands;           /* as written */
    int nbands;
    int precision;         /* decimals of the values it grades; -1 if unstated */
    int ordinal;           /* a `scale`: levels without bounds, written best first */
    Loc loc;
} Scheme;

typedef enum { GRADE_VALUE, GRADE_CAPAIAN } GradeOn;

typedef struct {
    GradeOn on;
    int scheme;            /* index into Plan.schemes */
    Loc loc;
    const char *from;      /* a default of a block: "unit SETWAN", "the plan"; NULL: the indicator's own */
} Grading;
/* An indicator may be graded by at most this many schemes (e.g. the
 * report's own scale and the 5-level scale); the checker enforces it. */
#define MAX_GRADES 4

/* Where targets come from: the first source that has one wins. The pseudo
 * source "end" is the Renstra target of the plan's last Renstra year. */
typedef struct {
    const char **sources;
    int nsources;
    int none;              /* `target none`: a figure without a target or capaian */
    Loc loc;
} TargetSpec;

/* A rule set that holds for some years only: `rules "PermenPANRB 88/2021"
 * from 2022 { ... }`. 0 for an open end. */
typedef struct {
    const char *title;     /* may be NULL */
    int from, until;
    Loc loc;
} YearRange;

/* A cap stated in a rule set by year. */
typedef struct {
    YearRange years;
    int has_cap;
    double cap;
} YearCap;
#define MAX_YEAR_CAPS 8

/* Rules that a plan states once and an indicator may override. */
typedef struct {
    int has_cap;
    double cap;            /* capaian is capped at this (after compute, before rounding) */
    YearCap year_caps[MAX_YEAR_CAPS];   /* in the years they cover, these replace has_cap/cap */
    int nyear_caps;
    const char *cap_rule_set;  /* plan_rules_in_year: the rule set the cap came from, or NULL */
    Rounding round;        /* capaian rounding */
    Rounding value_round;  /* realisation rounding before a value grade */
    Expr *zero_target;     /* capaian when T = 0; NULL: undefined */
    Expr *zero_realisation;/* capaian when R = 0 and the formula divides by R; NULL: undefined */
    Aggregate agg;
    int targets_cumulative;    /* `period targets cumulative`: each period target is to date */
    TargetSpec target;
    Polarity polarity;
    Polarity range_above;  /* POL_RANGE: lower formula used above the range */
    /* A roll-up over the units below (`sum(X over children)`) when some of
     * them have X but no figure: `missing fail` (the default: the roll-up
     * is missing), `missing skip` (left out), or `coverage at least P%`
     * (left out while at least P% of them have a figure). */
    int missing_skip;
    double coverage_min;   /* percent, 0: no floor */
} Rules;

typedef enum { SEL_LIST, SEL_ALL, SEL_LEVEL, SEL_UNDER, SEL_LEAVES, SEL_ROOTS } UnitSelKind;
typedef struct {
    UnitSelKind kind;
    const char **codes;    /* SEL_LIST: unit codes; SEL_LEVEL/SEL_UNDER: one */
    int ncodes;
    Loc loc;               /* the statement */
    Loc *locs;             /* where each code is written (NULL: use loc) */
} UnitSel;

/* `per T.col [, T.col ...]`: an indicator with one value per distinct
 * value (tuple) of these columns among the rows of record table T in scope
 * (IKM per service). Its formulas' aggregates over T see that group only. */
#define MAX_GROUP_COLS 4
typedef struct {
    int record;            /* Plan.records index; -1: not grouped */
    int cols[MAX_GROUP_COLS];  /* flat columns */
    int ncols;
    Loc loc;
} GroupSpec;

typedef struct {
    const char *code;      /* IKM; unique within a unit */
    const char *name;
    const char *measure;   /* "%", "indeks 25-100", ... or NULL */
    const char *measure_from;  /* a default of a block ("unit SETWAN"), or NULL: the indicator's own */
    Loc measure_loc;
    const char *tujuan, *sasaran;   /* grouping, may be NULL */
    UnitSel units;
    Rules rules;
    Expr *realisation;     /* NULL: from data by rules.agg */
    Expr *target_expr;     /* NULL: from data by rules.target */
    Expr *target_hi;       /* `target = lo .. hi` */
    Expr *capaian;         /* NULL: by polarity */
    Grading *grades;
    int ngrades;
    double weight;         /* 1 unless stated; used by weighted_sum/weighted_mean */
    GroupSpec group;       /* `per T.col`, or record -1 */
    int scale;             /* `scale S`: Plan.schemes index (a scale, or a scheme whose bands
                              are ordered levels); realisation and target are levels; -1 none */
    const char *scale_name;/* as written, until resolved */
    Loc scale_loc;
    int rollup;            /* a formula rolls up from the units below (or uses such a
                              figure): its rows are evaluated after those units' */
    int code_id;           /* interned code, shared by same-code indicators */
    Loc loc;
} Indicator;

typedef struct {
    const char *name;
    Expr *value;
    Loc loc;
    int by_year;           /* declared in a rule set by year: holds in `years` only */
    YearRange years;
    int next;              /* the same name's variant for other years, or -1 */
} Const;

typedef struct {
    const char *code, *name;
    Loc loc;
} PlanUnit;

/* count(T), count_distinct(T.c), sum(T.c), avg(T.c), min(T.c), max(T.c),
 * each with an optional `where` filter over the rows of record table T. */
typedef enum { RAGG_COUNT, RAGG_COUNT_DISTINCT, RAGG_SUM, RAGG_AVG, RAGG_MIN, RAGG_MAX } RecordAggFn;

typedef struct {
    RecordAggFn fn;
    int record;            /* Plan.records index */
    int column;            /* flat column (record.h), -1: the rows themselves or `value` */
    const Expr *value;     /* a formula over the row (sum(T.a * T.b)); NULL: `column` */
    const Expr *where;     /* NULL: every row in scope */
    Loc loc;
} RecordAgg;

/* sum(X), avg(X), min(X), max(X), count(X) over the groups of a grouped
 * indicator X (`per T.col`): `value` is computed once per group. */
typedef struct {
    RecordAggFn fn;        /* RAGG_COUNT, RAGG_SUM, RAGG_AVG, RAGG_MIN, RAGG_MAX */
    int group_of;          /* Plan.inds index whose GroupSpec gives the groups */
    const Expr *value;
    Loc loc;
} GroupAgg;

/* sum(X over children), avg(capaian(X) over descendants), ...: a figure of
 * indicator X in the units below the one evaluated (eselon IV to III to
 * II, OPD to pemda). Rows that use them are evaluated after those units. */
typedef enum { FIG_REALISATION, FIG_TARGET, FIG_CAPAIAN } FigureKind;
typedef struct {
    RecordAggFn fn;        /* RAGG_COUNT, RAGG_SUM, RAGG_AVG, RAGG_MIN, RAGG_MAX */
    int code;              /* code id */
    FigureKind fig;
    int descendants;       /* 0: the units directly below; 1: every unit below */
    Loc loc;
} UnitAgg;

/* weighted_sum(a, b, ...) as written: the indicators whose weights it
 * multiplies by, for `check --lint` (they should add up to 100, or to 1). */
typedef struct {
    Loc loc;
    int *codes;            /* code ids, in the arena */
    int ncodes;
} WeightedSum;

/* function NAME(a, b) = FORMULA: expanded where it is called (formula.c), so
 * the compiled plan never sees it. */
typedef struct {
    const char *name;
    const char **params;
    int nparams;
    Expr *body;
    Loc loc;
    /* `= lua("file.lua")`: a function the Lua module defines, called at
     * evaluation with arguments of the declared types (ExprType) */
    const char *lua_file;
    int *param_types;
    int ret_type;
} Func;

/* `program CODE supports IND, ... [in UNIT]` in a budget block: the
 * indicators a budget line pays for, so that reports can set its absorption
 * against their achievement (and compute its efficiency). */
typedef struct {
    const char *line;      /* the budget line's code, as written: "2", "1.1" */
    const char *level;     /* the word used: "program", "kegiatan" or "subkegiatan" */
    const char **codes;    /* the indicators, as written */
    int *code_ids;         /* resolved once every indicator is declared */
    Loc *locs;
    int ncodes;
    const char *unit;      /* only this unit's figures; NULL: every unit that has them */
    Loc unit_loc, loc;
} BudgetLink;

/* budget ["title"] { ... }: how `sakipc eval --report budget` reads the
 * budget table (program / kegiatan / sub kegiatan). */
typedef struct {
    int declared;
    const char *title;
    Rounding round;        /* serapan; default half-up 2 */
    int revised;           /* `pagu revised`: the revised budget where a line has one */
    int check_rollup;      /* `check rollup`: a line's pagu and realisasi against its children's sums */
    int check_sisa;        /* `check sisa`: pagu - realisasi against the printed left-over */
    BudgetLink *links;
    int nlinks;
    Loc loc;
} BudgetSpec;

/* A what-if change, from a `scenario` block or `--set`: a target,
 * realisation, weight or cap of an indicator, in every unit that has it or
 * in one, in every year evaluated or in one. Evaluation applies them in
 * order; the last that matches wins. */
typedef enum { OV_TARGET, OV_REALISATION, OV_WEIGHT, OV_CAP } OverrideField;
typedef struct {
    const char *unit;      /* NULL: every unit */
    const char *code;      /* indicator code */
    int code_id;           /* Plan.codes index */
    OverrideField field;
    int year;              /* 0: every year */
    int has_value;         /* 0: `cap X = none` */
    double value;
    const char *level;     /* a level ("WTP", "BB") instead of a number, or NULL */
    const char *origin;    /* "scenario IKM86", "--set" */
    int has_period;        /* a realisation for one period (2023-Q4), in place of the data's */
    Period period;
    const char *group;     /* only in this group of a grouped indicator ("Keuangan"); NULL: as a whole */
    Loc loc;
} Override;

/* scenario NAME ["title"] [extends BASE] { target IKM = 86; unit U { ... } } */
typedef struct {
    const char *name, *title;
    int base;              /* Plan.scenarios index, or -1 */
    const char *base_name;
    Override *ovs;
    int novs;
    Loc loc;
} Scenario;

typedef struct Plan {
    Arena arena;
    Source *sources_list;  /* the plan file and every include */
    Tree **trees;          /* one per source */
    int ntrees;
    const char *path;      /* the plan file as named */
    const char *dir;       /* its directory, for relative paths */
    const char *title;
    const char *database;  /* as written (relative to dir), or NULL */
    int year;              /* default evaluation year, 0 if unstated */
    int renstra_from, renstra_to;
    Rules defaults;
    Scheme *schemes; int nschemes;
    Indicator *inds; int ninds;
    const char **codes; int ncodes;     /* distinct indicator codes (code_id) */
    PlanUnit *units; int nunits;
    Const *consts; int nconsts;
    RecordDecl *records; int nrecords;
    RecordAgg *raggs; int nraggs;       /* every count/sum/... over a record table */
    GroupAgg *gaggs; int ngaggs;        /* every sum/avg/... over a grouped indicator */
    Func *funcs; int nfuncs;
    UnitAgg *uaggs; int nuaggs;         /* every `... over children` */
    WeightedSum *wsums; int nwsums;     /* every weighted_sum() */
    const char **sources; int nsources; /* every target source named */
    BudgetSpec budget;
    Scenario *scenarios; int nscenarios;
    const char **hooks; int nhooks;     /* `hook "FILE.lua"`: paths, relative to the plan made whole */
} Plan;

/* ---- what the checker records about each formula, for the compiler ---- */

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

/* Built-in functions. ORDER BUILTINS: keep in step with the table in builtin.c. */
typedef enum {
    FN_REALISATION, FN_TARGET, FN_DATA, FN_CAPAIAN, FN_TO_DATE, FN_LATEST,   /* name an indicator first */
    FN_MIN, FN_MAX, FN_ABS, FN_ROUND, FN_FLOOR, FN_CEIL, FN_SQRT,
    FN_AVAILABLE, FN_COALESCE,
    FN_COUNT, FN_COUNT_DISTINCT, FN_SUM, FN_AVG,   /* over record tables */
    FN_WEIGHTED_SUM, FN_WEIGHTED_MEAN,             /* by the indicators' weights */
    FN_AS_PERCENT, FN_AS_FRACTION,                 /* x 100, / 100: the explicit conversions */
    FN_COUNT_
} Builtin;

void plan_free(Plan *p);
/* The defaults every plan starts from: higher is better, the year's last
 * value, the PK target, no cap, half-up to 2 decimals, values not rounded. */
void plan_default_rules(Rules *r);
const char *plan_polarity_name(Polarity p);     /* "higher", "lower A", ... */
const char *plan_polarity_formula(Polarity p);  /* "R/T x 100", "(2T-R)/T x 100", ... */
const char *plan_aggregate_name(Aggregate a);
int plan_scheme_index(const Plan *p, const char *name);
int plan_year_in_range(const YearRange *r, int year);
/* The rules as they hold in `year` (the cap of a rule set by year). */
Rules plan_rules_in_year(const Rules *r, int year);

#endif
