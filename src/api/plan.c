/* plan.c: plans through the public header (sakip.h). */
#include "sakip.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/source.h"
#include "check/check.h"
#include "check/lint.h"
#include "front/parser.h"

SkpPlan *skp_plan_load(const char *path, SkpDiag *d)
{
    return check_load(path, d);
}

SkpPlan *skp_plan_parse(const char *name, const char *text, size_t len, SkpDiag *d)
{
    return check_load_string(name, text, len, d);
}

void skp_plan_free(SkpPlan *p)
{
    plan_free(p);
}

void skp_plan_info(const SkpPlan *p, SkpPlanInfo *out)
{
    memset(out, 0, sizeof *out);
    out->path = p->path;
    out->title = p->title;
    out->database = p->database;
    out->year = p->year;
    out->indicators = p->ninds;
    out->schemes = p->nschemes;
    out->has_budget = p->budget.declared;
    out->checks_budget = p->budget.check_rollup || p->budget.check_sisa;
}

int skp_plan_lint(const SkpPlan *p, SkpDiag *d)
{
    return lint_plan(p, d);
}

int skp_syntax_errors(const char *name, const char *text, size_t len, SkpDiag *d)
{
    Source *list = NULL;
    Source *src = source_from_bytes(name, text, len, &list);
    Tree t;
    memset(&t, 0, sizeof t);
    int errors = parser_parse(src, &t, d);
    ast_tree_free(&t);
    source_free_all(list);
    return errors;
}

void skp_confine_files(const char *const *dirs, int n)
{
    check_confine_files(dirs, n);
}
