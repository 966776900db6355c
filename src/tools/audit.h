/* audit.h: a printed report against the data. A reviewer transcribes the
 * figures a report prints into CSV; every one that disagrees with the
 * computation is listed with where it was printed, both values, the rule
 * and the size of the difference. The plan's budget checks (roll-ups,
 * left-overs) join in when it has a budget block. */
#ifndef SKP_AUDIT_H
#define SKP_AUDIT_H
#include "engine/eval.h"
#include "base/num.h"
#include "output/output.h"
#include "store/store.h"

typedef struct {
    const char *const *files;   /* the transcriptions */
    int nfiles;
    double tolerance;           /* a printed number may differ by this much beyond its rounding */
    NumStyle numstyle;          /* --indonesian: 100,17 */
    enum { AUDIT_ALL, AUDIT_INDICATORS, AUDIT_BUDGET } only;   /* --only */
} AuditQuery;

/* Returns SKP_OK when every printed figure agrees, SKP_DISAGREES when
 * any disagrees, SKP_DATA for a transcription that cannot be read (every
 * problem reported with its file and line), or eval_run's status. */
SkpStatus audit_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const AuditQuery *q,
              SkpFormat fmt, int color, FILE *out, Diag *d);

#endif
