/* sandbox.h: Lua 5.4 hooks and report templates, sandboxed.
 *
 * A hook may come from someone else's plan, so it runs in a fresh state
 * with the base, string, table, math and utf8 libraries only (no io, os,
 * package, debug, dofile, loadfile, load, require, print, string.dump;
 * sandbox_enable_require gives back a require confined to one library),
 * text chunks only, strict globals, and two budgets: memory (a counting
 * allocator) and VM instructions (a count hook). A budget that trips stays
 * tripped: pcall inside the hook cannot swallow it. Every error comes back
 * with the hook's file and line and a traceback. */
#ifndef SKP_HOOK_H
#define SKP_HOOK_H
#include <stddef.h>
#include <lua.h>
#include "base/diag.h"

#define SANDBOX_DEFAULT_MEMORY (64u * 1024 * 1024)     /* bytes */
#define SANDBOX_DEFAULT_INSTRUCTIONS 200000000L        /* VM instructions */

typedef struct {
    size_t memory;
    long instructions;
} SandboxLimits;

typedef struct Sandbox Sandbox;

/* A sandboxed state. Returns NULL only when no state can be made. */
Sandbox *sandbox_new(const SandboxLimits *lim);
void sandbox_free(Sandbox *h);
lua_State *sandbox_lua(Sandbox *h);

/* Loads and runs the file (text only); it must return a table, whose
 * functions are the hooks. Messages name it `shown` (NULL: its path).
 * Returns 0, or -1 with the error reported. */
int sandbox_load(Sandbox *h, const char *path, const char *shown, Diag *d);

/* Calls the module's function `name` with the `nargs` values on the stack
 * (popped), if it has one. Returns 1 when it ran, 0 when the module has no
 * such function (the arguments are popped), -1 on an error (reported with
 * its traceback, or as the budget that tripped). */
int sandbox_call(Sandbox *h, const char *name, int nargs, Diag *d);

/* The same, leaving the function's one result on the stack when it ran. */
int sandbox_call_value(Sandbox *h, const char *name, int nargs, Diag *d);
/* 1 when the module has a function `name`. */
int sandbox_has(Sandbox *h, const char *name);
/* The type of the table's field name ("number", "function"), or NULL when
 * the table has no such field. */
const char *sandbox_field_type(Sandbox *h, const char *name);

/* Gives the file that sandbox_load runs next a global require(NAME),
 * which loads the module SUBDIR/NAME.lua from the first of roots[0..nroots)
 * that has it (NULL and "" entries are skipped); `where` names the roots in
 * the message for a module not found. NAME is [a-z][a-z0-9_-]*, never one
 * of Lua's own libraries. A module is text, loaded into this state (the
 * same budgets and strict globals), run once, its value cached; its errors
 * name it "SUBDIR/NAME.lua". The global is there while the file's top level
 * runs (and the modules it requires); sandbox_load removes it after. */
void sandbox_enable_require(Sandbox *h, const char *const *roots, int nroots, const char *subdir, const char *where);

/* The module table's path, for messages. */
const char *sandbox_path(const Sandbox *h);

#endif
