/* builtin.h: the built-in functions of formulas: their names and how many
 * arguments each takes (see builtin.c). */
#ifndef SKP_CHECK_BUILTIN_H
#define SKP_CHECK_BUILTIN_H
#include "check/plan.h"

typedef struct {
    const char *name;
    int min_args, max_args;   /* max -1: any number */
} BuiltinInfo;

const char *builtin_name(Builtin b);
/* The built-in called `name`, or -1. */
int builtin_index(const char *name);
const BuiltinInfo *builtin_info(Builtin b);

#endif
