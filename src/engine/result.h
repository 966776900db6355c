/* result.h: what an evaluation gives: a row per (unit, indicator, year)
 * of the achievement table, handed to a caller's sink as it is made, and
 * the options that say what to evaluate. */
#ifndef SKP_ENGINE_RESULT_H
#define SKP_ENGINE_RESULT_H
#include "base/period.h"
#include "base/strbuf.h"
#include "engine/compile.h"

typedef enum { ST_OK, ST_NODATA, ST_NOTARGET, ST_UNDEFINED } Status;
const char *result_status_name(Status s);   /* "ok", "no data", "no target", "undefined" */
/* Adds group to the list "A, B, C" in seen unless it is there: the groups
 * of a grouped indicator, for a tool asked for it without --group. */
void result_note_group(StrBuf *seen, const char *group);


typedef struct {
    const Scheme *scheme;
    GradeOn on;
    const Band *band;          /* NULL: no band matched (see the row's reason) */
} GradeResult;

struct Engine;

/* One (unit, indicator, year): the row of the achievement table. */
typedef struct {
    const char *unit, *unit_name;
    const Indicator *ind;
    const char *group;          /* the group of a grouped indicator ("Keuangan"), else NULL */
    int year;
    int has_target, has_target_hi;
    double target, target_hi;
    const char *target_source;  /* "pk", "renstra", "renstra 2026 (end)", "plan" */
    int has_real;
    double real;                /* as computed */
    double real_shown;          /* as the plan shows and grades it: rounded by `round value`, else = real */
    const char *basis;          /* how the realisation was made: "last of 2023-S2" */
    const char *target_level;   /* on a scale: the target's level ("BB", "WTP"), else NULL */
    const char *real_level;     /* on a scale of levels: the realisation's level, else NULL */
    int has_capaian, capped;
    double capaian;
    GradeResult grades[MAX_GRADES];
    int ngrades;
    Status status;
    const char *reason;         /* why the status is not ok (NULL when ok) */
    const char *rule;           /* the capaian rule in words */
    int coverage_present, coverage_expected;   /* a roll-up's units below with a figure, of
                                   those that have its indicator (the lowest share of the
                                   roll-ups the row is made from); expected 0: not a roll-up */
    struct Engine *engine;      /* the evaluator that made it, while the sink has the row:
                                   for probe_row (engine/probe.h) */
} ResultRow;

typedef struct {
    int year_from, year_to;     /* inclusive */
    int has_as_of;
    Period as_of;               /* default: end of each evaluated year */
    const char *unit;           /* only this unit (NULL: all) */
    const char *target_override;/* --target SOURCE: measure against this source instead */
    const Override *overrides;  /* what-if changes (scenario, --set), applied in order */
    int noverrides;
    /* explain: told the value of every part of every formula computed, with
     * the unit and year it was computed for */
    void (*trace)(void *ctx, const char *unit, const char *group, int year, const Expr *at, Value v);
    void *trace_ctx;
    int progress;               /* "unit N of M" on stderr (a terminal) while it runs */
    int targets_only;           /* realisations are not read (the data checks of check --lint:
                                   every realisation then is missing) */
} EvalOptions;

/* Called for each result row in order (unit code, then plan order, then
 * year). The row and its strings live until the callback returns. */
typedef int (*RowSink)(const ResultRow *row, void *ctx);

#endif
