/* check.c: tree -> checked plan (check.h). The entry of the checker: it
 * reads the plan file through statement.c (every statement, every include),
 * then runs the passes that need everything declared (finish.c, formula.c,
 * scenarios.c, budgetblock.c, cycles.c, sizes.c, measure.c) and hands the
 * result over as a Plan. Every problem is reported; the checker never
 * stops at the first. */
#include "check/check.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/budgetblock.h"
#include "check/checker.h"
#include "check/cycles.h"
#include "check/finish.h"
#include "check/formula.h"
#include "check/measure.h"
#include "check/scenarios.h"
#include "check/sizes.h"
#include "check/statement.h"

void check_confine_files(const char *const *dirs, int n)
{
    checker_confine_files(dirs, n);
}

/* What needs every file read: names resolved, formulas typed, cycles. */
static void finish_passes(Checker *c, int before)
{
    finish_gradings(c);
    finish_groups(c);
    formula_check_all(c);
    finish_rollups(c);
    scenarios_resolve(c);
    budgetblock_resolve(c);
    finish_lua_modules(c);
    cycles_check_constants(c);
    cycles_find(c);
    if (c->d->errors == before) sizes_check(c);
}

#define MOVE_VEC(dst, n, v) do { (dst) = (v).items; (n) = (v).len; } while (0)

/* The checker's lists become the plan's; its working state is freed. */
static void hand_over(Checker *c)
{
    Plan *p = c->p;
    MOVE_VEC(p->schemes, p->nschemes, c->schemes);
    MOVE_VEC(p->inds, p->ninds, c->inds);
    MOVE_VEC(p->units, p->nunits, c->units);
    MOVE_VEC(p->consts, p->nconsts, c->consts);
    MOVE_VEC(p->records, p->nrecords, c->records);
    MOVE_VEC(p->raggs, p->nraggs, c->raggs);
    MOVE_VEC(p->gaggs, p->ngaggs, c->gaggs);
    MOVE_VEC(p->funcs, p->nfuncs, c->funcs);
    MOVE_VEC(p->uaggs, p->nuaggs, c->uaggs);
    MOVE_VEC(p->wsums, p->nwsums, c->wsums);
    MOVE_VEC(p->scenarios, p->nscenarios, c->scenarios);
    MOVE_VEC(p->hooks, p->nhooks, c->hooks);
    MOVE_VEC(p->codes, p->ncodes, c->codes);
    MOVE_VEC(p->sources, p->nsources, c->sources);
    MOVE_VEC(p->trees, p->ntrees, c->trees);
    VEC_FREE(c->edges);
    VEC_FREE(c->pending);
    VEC_FREE(c->included);
    VEC_FREE(c->settings);
    VEC_FREE(c->pers);
    free(c->code_group);
    strmap_free(&c->func_map);
    strmap_free(&c->scheme_map);
    strmap_free(&c->unit_map);
    strmap_free(&c->unit_code_map);
    strmap_free(&c->const_map);
    strmap_free(&c->code_map);
    strmap_free(&c->record_map);
    strmap_free(&c->source_map);
}

/* path names the plan (its directory is where includes and files are
 * looked for); text, when not NULL, is its content, held in memory. */
static Plan *load(const char *path, const char *text, size_t len, Diag *d)
{
    Plan *p = mem_xcalloc(1, sizeof *p);
    Checker c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.d = d;
    c.A = &p->arena;
    p->path = arena_strdup(&p->arena, path);
    char *dir = checker_dir_of(path);
    p->dir = arena_strdup(&p->arena, dir);
    free(dir);
    plan_default_rules(&p->defaults);
    checker_note_source(&c, "pk");
    checker_note_source(&c, "renstra");   /* the end-of-period target reads it even when no rule names it */
    int before = d->errors;
    if (text) statement_check_text(&c, path, text, len);
    else {
        Loc none = {0};
        statement_check_file(&c, path, none);
    }
    finish_passes(&c, before);
    hand_over(&c);
    if (d->errors == before) measure_check(p, d);     /* measure units, on a plan whose names all resolve */
    if (d->errors > before) {
        plan_free(p);
        return NULL;
    }
    return p;
}

Plan *check_load(const char *path, Diag *d)
{
    return load(path, NULL, 0, d);
}

Plan *check_load_string(const char *name, const char *text, size_t len, Diag *d)
{
    return load(name, text, len, d);
}
