/* finish.h: what is resolved once every file is read (see finish.c). */
#ifndef SKP_CHECK_FINISH_H
#define SKP_CHECK_FINISH_H
#include "check/checker.h"

/* The schemes gradings and scales name. */
void finish_gradings(Checker *c);
/* The groups of `per T.col`, alike for every definition of a code. */
void finish_groups(Checker *c);
/* Every Lua function the plan declares is one its module defines; hook files load. */
void finish_lua_modules(Checker *c);
/* An indicator whose formula uses a rolled-up figure of its own unit is
 * evaluated after the units below as well. */
void finish_rollups(Checker *c);

#endif
