/* session.c: sessions (sakip.h): a checked and compiled plan, its store
 * opened read-only, and the years, scenario and changes an evaluation is
 * asked for. Every operation of api/ works on one. */
#include "api/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/period.h"
#include "check/check.h"

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

SkpStatus skp_store_failed(const struct Session *s, SkpStatus st)
{
    char why[STORE_FAILURE_MAX];
    if (st != SKP_OK || !store_failure(s->store, why, sizeof why)) return st;
    diag_plain(s->d, "%s", why);
    return SKP_RUNTIME;
}

static int parse_year(const char *s, int *out)
{
    char *end;
    long y = strtol(s, &end, 10);
    if (end == s || y < PERIOD_YEAR_MIN || y > PERIOD_YEAR_MAX) return -1;
    *out = (int)y;
    return (int)(end - s);
}

/* "2023" or "2021..2023" */
static int parse_years(const char *s, EvalOptions *o)
{
    int n = parse_year(s, &o->year_from);
    if (n < 0) return -1;
    o->year_to = o->year_from;
    if (s[n] == '\0') return 0;
    if (strncmp(s + n, "..", 2) != 0) return -1;
    int m = parse_year(s + n + 2, &o->year_to);
    if (m < 0 || s[n + 2 + m] != '\0' || o->year_to < o->year_from || o->year_to - o->year_from >= SKP_MAX_YEARS) return -1;
    return 0;
}

/* The years (from the request, else the plan, else --as-of) and the date. */
static SkpStatus take_years(const SkpRequest *r, const Plan *p, EvalOptions *o, Diag *d)
{
    if (r->as_of) {
        if (period_parse(r->as_of, strlen(r->as_of), &o->as_of) != 0) {
            diag_usage(d, "--as-of: unknown period '%s' (expected " PERIOD_FORMS ")", r->as_of);
            return SKP_USAGE;
        }
        o->has_as_of = 1;
    }
    if (r->years) {
        if (parse_years(r->years, o) == 0) return SKP_OK;
        diag_usage(d, "--year: expected a year such as 2023 or a range 2021..2023 (years "
                   STRINGIFY(PERIOD_YEAR_MIN) " to " STRINGIFY(PERIOD_YEAR_MAX) ", a range of at most "
                   STRINGIFY(SKP_MAX_YEARS) " years), found '%s'", r->years);
        return SKP_USAGE;
    }
    if (p->year) o->year_from = o->year_to = p->year;
    else if (o->has_as_of) o->year_from = o->year_to = o->as_of.year;
    else {
        diag_usage(d, "no year to evaluate: give --year or state 'year 2023' in the plan");
        return SKP_USAGE;
    }
    return SKP_OK;
}

/* The store a request names, else the plan's `database`, next to the plan. */
char *skp_session_database_path(const SkpRequest *r, const Plan *p)
{
    if (r->db) return mem_xstrdup(r->db);
    if (!p->database) return NULL;
    if (p->database[0] == '/' || strcmp(p->dir, ".") == 0) return mem_xstrdup(p->database);
    size_t n = strlen(p->dir) + strlen(p->database) + 2;
    char *s = mem_xmalloc(n);
    snprintf(s, n, "%s/%s", p->dir, p->database);
    return s;
}

/* The request's years, scenario and changes on a session whose plan is in. */
static SkpStatus take_request(struct Session *s, const SkpRequest *r)
{
    memset(&s->opt, 0, sizeof s->opt);
    SkpStatus st = r->no_years ? SKP_OK : take_years(r, s->p, &s->opt, s->d);
    if (st) return st;
    s->opt.unit = r->unit;
    s->opt.target_override = r->target;
    char err[512];
    if (scenario_build(s->p, r->scenario, r->sets, r->nsets, &s->changes, err, sizeof err) != 0) {
        diag_usage(s->d, "%s", err);
        return SKP_USAGE;
    }
    s->opt.progress = r->progress && !r->unit;   /* long runs tell a terminal where they are */
    s->opt.overrides = s->changes.items;
    s->opt.noverrides = s->changes.n;
    s->scenario = r->scenario;
    s->nsets = r->nsets;
    return SKP_OK;
}

SkpStatus skp_session_open(const SkpRequest *r, SkpDiag *d, SkpSession **out)
{
    struct Session *s = mem_xcalloc(1, sizeof *s);
    *out = NULL;
    s->d = d;
    s->own_plan = s->own_store = 1;
    s->p = check_load(r->plan, d);
    if (!s->p) {
        diag_summary(d);
        skp_session_close(s);
        return SKP_PLAN;
    }
    SkpStatus st = take_request(s, r);
    char *dbpath = st ? NULL : skp_session_database_path(r, s->p);
    if (!st && !dbpath) {
        diag_usage(d, "no database: give --db or state 'database \"FILE.db\"' in the plan");
        st = SKP_USAGE;
    }
    if (!st && !(s->store = store_open(dbpath, STORE_READONLY, d))) st = SKP_RUNTIME;
    free(dbpath);
    if (st) {
        skp_session_close(s);
        return st;
    }
    s->cp = compile_plan(s->p);
    *out = s;
    return SKP_OK;
}

SkpStatus skp_session_new(SkpPlan *p, SkpStore *store, const SkpRequest *r, SkpDiag *d, SkpSession **out)
{
    struct Session *s = mem_xcalloc(1, sizeof *s);
    *out = NULL;
    s->d = d;
    s->p = p;
    s->store = store;
    SkpStatus st = take_request(s, r);
    if (st) {
        skp_session_close(s);
        return st;
    }
    s->cp = compile_plan(p);
    *out = s;
    return SKP_OK;
}

void skp_session_close(SkpSession *s)
{
    if (!s) return;
    compile_free(s->cp);
    if (s->own_store) store_close(s->store);
    scenario_free(&s->changes);
    if (s->own_plan) plan_free(s->p);
    free(s);
}
