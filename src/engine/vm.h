/* vm.h: runs compiled formulas. The host (engine/host.c) answers references to
 * other figures, so the machine knows nothing about storage. */
#ifndef SKP_VM_H
#define SKP_VM_H
#include "engine/compile.h"
#include "base/arena.h"

typedef struct VmHost VmHost;
struct VmHost {
    Value (*realisation)(VmHost *h, int code, int year);
    Value (*target)(VmHost *h, int code, int year, int source);   /* source -2: as the indicator says; -1: end of the Renstra period */
    Value (*data)(VmHost *h, int code, int year);
    Value (*latest)(VmHost *h, int code, int year);
    Value (*capaian)(VmHost *h, int code, int year);
    Value (*weight)(VmHost *h, int code);
    Value (*to_date)(VmHost *h, int code, int year);
    Value (*unit_agg)(VmHost *h, int agg);       /* Plan.uaggs[agg] over the units below */
    void (*trace)(VmHost *h, const Expr *at, Value v);   /* NULL, or told every value computed */
    Value (*lua_call)(VmHost *h, int func, const Value *args, int n);  /* a function of a Lua module */
    Value (*record_agg)(VmHost *h, int agg);     /* Plan.raggs[agg] over the rows in scope */
    Value (*column)(VmHost *h, int col);         /* of the row a filter is looking at */
    Value (*group_agg)(VmHost *h, int agg);      /* Plan.gaggs[agg] over the groups in scope */
    int year;
    Value self_r, self_t;
    Arena *scratch;      /* reasons for missing values */
    const CompiledPlan *cp;
};

#define VM_MAX_STACK 256

Value vm_run(const Program *p, VmHost *h);

#endif
