/* state.h: the evaluator's state, shared by the files of engine/ that
 * evaluate (cells, figures, groups, rows, streams, roll-ups, the VM host).
 * Types only: each file's functions are in its own header. Not an
 * interface for anything outside engine/: eval.h is. */
#ifndef SKP_ENGINE_STATE_H
#define SKP_ENGINE_STATE_H
#include "engine/result.h"
#include "engine/records.h"
#include "engine/vm.h"
#include "lua/sandbox.h"
#include "base/arena.h"
#include "base/strmap.h"
#include "store/store.h"

/* Realisations of one indicator in one year, folded as they stream in. */
typedef struct Acc {
    double sum, min, max, last;
    int32_t last_end;     /* period_end of `last`; 0: none */
    int32_t n;
    int32_t later;        /* period targets: those ending after the evaluation date */
    Period last_period;
    uint8_t kinds;        /* bit per PeriodKind seen */
} Acc;

typedef struct TargetCell {
    double v, hi;
    uint8_t has, has_hi;
    uint8_t is_level;     /* v is the rank of a level on the indicator's scale */
} TargetCell;

/* How many of the units below a roll-up expected (they have its
 * indicator) had a figure; expected 0: no roll-up. A figure made from
 * several roll-ups, or from figures that were, keeps the lowest share. */
typedef struct {
    int present, expected;
} Coverage;

static inline void coverage_merge(Coverage *into, Coverage c)
{
    if (!c.expected) return;
    long lhs = (long)c.present * into->expected, rhs = (long)into->present * c.expected;
    if (!into->expected || lhs < rhs || (lhs == rhs && c.expected > into->expected)) *into = c;
}

/* A figure being or having been computed for (indicator code, year). */
typedef struct {
    uint8_t r_state, t_state, c_state;   /* 0 not yet, 1 computing, 2 done */
    uint8_t capped;
    Value r, t, c;
    double t_hi;
    int has_hi;
    int t_level;                  /* t is the rank of a level ("BB", "WTP") */
    const char *basis, *source;
    Coverage cov;                 /* of the roll-ups its realisation and target are made from */
} Fig;

typedef struct {
    const char *code, *parent, *name, *level;
    int leaf;                     /* no unit has it as parent */
} UnitInfo;

/* A unit's figures kept for the roll-ups of the units above it. */
typedef struct {
    uint8_t has;                  /* the unit has the indicator */
    Value r, t, c;
} StoredFig;

/* A unit's data cells, kept when its roll-up rows wait for the units below. */
typedef struct Snapshot {
    Acc *acc, *before, *ptgt;
    TargetCell *tgt;
} Snapshot;

typedef struct Engine {
    VmHost host;                  /* first: callbacks get the engine back */
    const CompiledPlan *cp;
    const Plan *plan;
    const EvalOptions *opt;
    Store *store;                 /* the data */
    Diag *d;
    int ymin, ymax, nyears;
    int32_t cutoff;               /* periods ending later do not count */
    int ncodes, nsrc;
    const char **src_names;       /* plan sources (+ an override source) */
    int override_src;             /* -2: none; -1: end; else source id */
    StrMap code_map, src_map;
    /* the unit being evaluated */
    const UnitInfo *unit;
    int *def_of;                  /* code -> index in plan->inds, -1 none */
    Acc *acc, *before;            /* [code][year], [code] */
    TargetCell *tgt;              /* [code][year][source] */
    Acc *ptgt;                    /* period targets to date: [code][year][source] */
    Fig *fig;                     /* [code][year] */
    Arena scratch;
    /* all units */
    UnitInfo *units;
    int nunits;
    StrMap unit_map;
    Arena unit_arena;
    int data_errors;
    RecordStore *rs;              /* record tables the plan aggregates over */
    /* the group a grouped indicator is evaluated for (`per T.col`) */
    int group_active;
    RecordGroup group;
    Value group_vals[MAX_GROUP_COLS];
    const char *group_label;
    int *grouped_codes;           /* codes whose figures depend on the group */
    int ngrouped;
    /* roll-ups (`sum(X over children)`): figures kept per unit for the units above */
    int *export_of;               /* code -> slot in store, -1 */
    int nexport, nyears_eval;
    StoredFig *kept;              /* [unit][slot][evaluated year] */
    Arena store_text;
    Snapshot **snaps;             /* per unit with roll-up rows: its data, for the second pass */
    int *first_child, *next_sibling;   /* the unit tree, as indexes; -1 none */
    /* Lua functions of the plan: the sandboxed module of each (shared by file) */
    Sandbox **lua;
    int lua_failed;
    /* the capaian rule in words per [definition][year], made once: it is the
     * same for every unit unless a scenario changes a cap */
    struct RuleMemo { const char *text; int has_cap; double cap; const char *cap_rule_set; } *rule_memo;
    Rules *rules_memo;            /* plan_rules_in_year per [definition][year], once known */
    struct ProbeMemo *probe;      /* probe.c's: what a change to each indicator touches */
    /* the figure being computed: its definition (whose missing-data rule a
     * roll-up follows, -1: none) and the coverage of the roll-ups met so far */
    int cur_def;
    Coverage cov;
    unsigned char *rules_known;
} Engine;

typedef struct {
    int active;
    RecordGroup group;
    Value vals[MAX_GROUP_COLS];
    const char *label;
} GroupState;

/* Earlier years kept for lagged references (a formula may name the year before). */
#define LOOKBACK_YEARS 10

/* Runs program p for `year` with the engine as the VM's host; self_r and
 * self_t are R and T inside a capaian formula. */
static inline Value engine_run(Engine *e, const Program *p, int year, Value self_r, Value self_t)
{
    VmHost saved = e->host;
    e->host.year = year;
    e->host.self_r = self_r;
    e->host.self_t = self_t;
    Value v = vm_run(p, &e->host);
    e->host = saved;
    return v;
}

#endif
