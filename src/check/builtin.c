/* builtin.c: the built-in functions of formulas (builtin.h). */
#include "check/builtin.h"

#include <string.h>

/* ORDER BUILTINS: in the order of the Builtin enum (check/plan.h). */
static const BuiltinInfo builtins[FN_COUNT_] = {
    { "realisation", 1, 2 }, { "target", 1, 3 }, { "data", 1, 2 }, { "capaian", 1, 2 }, { "to_date", 1, 1 }, { "latest", 1, 1 },
    { "min", 1, -1 }, { "max", 1, -1 }, { "abs", 1, 1 }, { "round", 1, 2 }, { "floor", 1, 1 },
    { "ceil", 1, 1 }, { "sqrt", 1, 1 }, { "available", 1, 1 }, { "coalesce", 1, -1 },
    { "count", 1, 1 }, { "count_distinct", 1, 1 }, { "sum", 1, 1 }, { "avg", 1, 1 },
    { "weighted_sum", 1, -1 }, { "weighted_mean", 1, -1 },
    { "as_percent", 1, 1 }, { "as_fraction", 1, 1 },
};

const char *builtin_name(Builtin b) { return builtins[b].name; }

int builtin_index(const char *name)
{
    for (int i = 0; i < FN_COUNT_; i++)
        if (strcmp(builtins[i].name, name) == 0) return i;
    return -1;
}

const BuiltinInfo *builtin_info(Builtin b)
{
    return &builtins[b];
}
