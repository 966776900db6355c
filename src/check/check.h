/* check.h: tree -> checked plan. The checker reads a plan and its
 * includes, gives every statement its meaning, resolves every name, types
 * every formula and finds cycles; every problem is reported, it never
 * stops at the first. The result is the model of check/plan.h. */
#ifndef SKP_CHECK_CHECK_H
#define SKP_CHECK_CHECK_H
#include "base/diag.h"
#include "check/plan.h"

/* Loads, parses and checks a plan (and its includes). Every error goes to d;
 * returns NULL if there were any (all of them reported). */
Plan *check_load(const char *path, Diag *d);
/* The same for a plan held in memory: `name` is how messages name it, and
 * what includes, hooks and Lua files are relative to. */
Plan *check_load_string(const char *name, const char *text, size_t len, Diag *d);
/* From now on, a plan may name only files (includes, hooks, Lua modules)
 * under one of dirs (real paths, kept by the caller); n 0 and dirs NULL
 * lift it. For fuzzing and for services that check plans of others. */
void check_confine_files(const char *const *dirs, int n);

#endif
