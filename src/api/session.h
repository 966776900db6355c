/* session.h: what a session holds (see session.c), for the files of api/
 * that work on one. Not part of the public header: callers see SkpSession
 * only as a handle. */
#ifndef SKP_API_SESSION_H
#define SKP_API_SESSION_H
#include "sakip.h"
#include "check/plan.h"
#include "engine/compile.h"
#include "engine/result.h"
#include "engine/scenario.h"
#include "store/store.h"

struct Session {
    Diag *d;
    Plan *p;
    CompiledPlan *cp;
    Store *store;
    int own_plan, own_store;       /* opened by skp_session_open: freed with the session */
    EvalOptions opt;
    OverrideList changes;          /* the scenario's and --set's, in order */
    const char *scenario;          /* as asked, for diff's label */
    int nsets;
};

/* A store failure that an operation took for the end of the rows fails
 * it (SKP_RUNTIME, reported) before anything is printed from it. */
SkpStatus skp_store_failed(const struct Session *s, SkpStatus st);

/* The store a request names, else the plan's `database`, next to the plan
 * (malloc'd); NULL when neither names one. */
char *skp_session_database_path(const SkpRequest *r, const Plan *p);

#endif
