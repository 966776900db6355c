/* statement.c: the statements of a plan file (statement.h). Each file is
 * read, parsed and its statements given their meaning in order: units,
 * tujuan and sasaran blocks, indicators, schemes, records, constants,
 * functions, rule sets, budget, scenarios, hooks, the plan's settings,
 * rules, and includes, which read another file the same way. */
#include "check/statement.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/install.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/budgetblock.h"
#include "check/constant.h"
#include "check/function.h"
#include "check/indicator.h"
#include "check/table.h"
#include "check/rules.h"
#include "check/scenarios.h"
#include "check/scheme.h"
#include "front/parser.h"
#include "check/bands.h"

static const char *const top_words[] = {
    "plan", "database", "include", "year", "renstra", "const", "scheme", "unit", "tujuan",
    "sasaran", "indicator", "record", "polarity", "aggregate", "target", "cap", "round", "zero", "period",
    "function", "rules", "budget", "scale", "scenario", "hook", "missing", "coverage"
};
#define N_TOP_WORDS (int)(sizeof top_words / sizeof *top_words)

static void statement_check_block(Checker *c, Stmt **stmts, int n, Scope *scope);
static void include_file(Checker *c, const Stmt *s);

static void declare_group(Checker *c, Stmt *s, Scope *scope, int is_tujuan)
{
    Scope inner = *scope;
    int i = 1;
    const char *code = NULL;
    if (i < s->nwords && s->words[i].kind == W_NAME) code = s->words[i++].text;
    const char *title = opt_string(s, &i);
    expect_end(c, s, i, is_tujuan ? "the tujuan" : "the sasaran");
    const char *label = code && title ? arena_printf(c->A, "%s %s", code, title) : code ? code : title;
    if (!label) diag_error(c->d, word_loc(s, 1), "%s needs a code or a \"title\"", is_tujuan ? "tujuan" : "sasaran");
    if (is_tujuan) { inner.tujuan = label; inner.sasaran = NULL; }
    else inner.sasaran = label;
    inner.grades_here = 0;
    if (s->has_block) statement_check_block(c, s->body, s->nbody, &inner);
}

static void declare_unit(Checker *c, Stmt *s, Scope *scope)
{
    PlanUnit u;
    if (scope->unit) {
        diag_error(c->d, s->loc, "unit blocks do not nest (unit %s is inside unit %s); the hierarchy comes from the units table",
                   s->nwords > 1 ? s->words[1].text : "?", scope->unit);
        return;
    }
    if (!need_name(c, s, 1, "a unit code after 'unit'", &u.code)) return;
    int i = 2;
    u.name = opt_string(s, &i);
    u.loc = s->words[1].loc;
    expect_end(c, s, i, "the unit's name");
    if (strmap_get(&c->unit_map, u.code) < 0) {
        strmap_put(&c->unit_map, u.code, c->units.len);
        VEC_PUSH(c->units, u);
    }
    if (!s->has_block) return;
    Scope inner = *scope;
    inner.unit = u.code;
    inner.unit_loc = u.loc;
    inner.grades_here = 0;
    statement_check_block(c, s->body, s->nbody, &inner);
}

static void top_string(Checker *c, const Stmt *s, const char **out)
{
    int i = 1;
    const char *t = opt_string(s, &i);
    if (!t) diag_error(c->d, word_loc(s, 1), "expected a \"string\" after '%s'", s->words[0].text);
    else *out = t;
    expect_end(c, s, i, s->words[0].text);
}

/* renstra 2021 .. 2026 */
static void top_renstra(Checker *c, const Stmt *s)
{
    double a, b;
    if (!need_number(c, s, 1, "the first Renstra year", &a)) return;
    if (!word_is(s, 2, "..") && !word_is(s, 2, "-")) {
        diag_error(c->d, word_loc(s, 2), "expected 'renstra FIRST .. LAST', found %s", word_desc(c, s, 2));
        return;
    }
    if (!need_number(c, s, 3, "the last Renstra year", &b)) return;
    if (a < 1900 || b > 2999 || a > b || a != floor(a) || b != floor(b)) {
        diag_error(c->d, s->words[1].loc, "Renstra period %s .. %s is not a range of years", s->words[1].text, s->words[3].text);
        return;
    }
    if (b - a + 1 > SKP_MAX_YEARS) {
        diag_error(c->d, s->words[1].loc, "Renstra period %s .. %s spans more than %d years", s->words[1].text,
                   s->words[3].text, SKP_MAX_YEARS);
        return;
    }
    c->p->renstra_from = (int)a;
    c->p->renstra_to = (int)b;
    expect_end(c, s, 4, "the Renstra period");
}

/* hook "FILE.lua": a Lua file with event hooks for eval, next to the file
 * that names it. */
static void declare_hook(Checker *c, const Stmt *s)
{
    int i = 1;
    const char *name = opt_string(s, &i);
    if (!name) {
        diag_error(c->d, word_loc(s, 1), "expected the hook's file after 'hook': hook \"checks.lua\"");
        return;
    }
    if (!expect_end(c, s, i, "the hook's file") || no_value(c, s, "hook") == 0) return;
    char *dir = checker_dir_of(s->loc.src->path);
    const char *path = name[0] == '/' ? name : arena_printf(c->A, "%s/%s", dir, name);
    free(dir);
    if (!checker_file_exists(path)) {
        diag_error(c->d, s->words[1].loc, "cannot find hook '%s' (looked next to %s)", name, s->loc.src->path);
        return;
    }
    VEC_PUSH(c->hooks, path);
}

/* plan, database, year and renstra are stated once per plan: a second one
 * would silently win, so it is an error that points at the first. */
static int is_plan_setting(const char *k)
{
    return strcmp(k, "plan") == 0 || strcmp(k, "database") == 0 || strcmp(k, "year") == 0 || strcmp(k, "renstra") == 0;
}

static int setting_once(Checker *c, const Stmt *s, const char *k)
{
    for (int i = 0; i < c->settings.len; i++)
        if (strcmp(c->settings.items[i].key, k) == 0) {
            diag_error(c->d, s->loc, "'%s' is stated twice (first at %s:%d)", k,
                       c->settings.items[i].file, c->settings.items[i].line);
            return 0;
        }
    SettingSeen seen = { k, s->loc.src->path, s->loc.line };
    VEC_PUSH(c->settings, seen);
    return 1;
}

/* Statements a unit, tujuan or sasaran block may hold as well as the top
 * level: blocks, rule sets and rules. 1 when s was one of them. */
static int block_stmt(Checker *c, Stmt *s, Scope *scope, int top)
{
    const char *k = s->words[0].text;
    if (strcmp(k, "indicator") == 0) { indicator_declare(c, s, scope); return 1; }
    if (strcmp(k, "tujuan") == 0) { declare_group(c, s, scope, 1); return 1; }
    if (strcmp(k, "sasaran") == 0) { declare_group(c, s, scope, 0); return 1; }
    if (strcmp(k, "unit") == 0) { declare_unit(c, s, scope); return 1; }
    if (strcmp(k, "rules") == 0) {
        if (!top) diag_error(c->d, s->loc, "'rules' belongs at the top level of a plan, not inside a block");
        else {
            constant_rule_set(c, s, scope);
            c->p->defaults = scope->rules;
        }
        return 1;
    }
    if (rules_apply(c, s, &scope->rules)) {
        if (top) c->p->defaults = scope->rules;
        return 1;
    }
    if (indicator_default(c, s, scope)) return 1;
    if (strcmp(k, "target") == 0) {
        diag_error(c->d, s->eq_loc, "'target = FORMULA' belongs inside an indicator; here, name a source: 'target pk'");
        return 1;
    }
    return 0;
}

/* year 2023 */
static void top_year(Checker *c, const Stmt *s)
{
    double y;
    if (!need_number(c, s, 1, "the year", &y)) return;
    if (y < 1900 || y > 2999 || y != floor(y)) diag_error(c->d, s->words[1].loc, "year must be a whole year from 1900 to 2999");
    else c->p->year = (int)y;
    expect_end(c, s, 2, "the year");
}

/* Statements of the top level only: declarations and the plan's settings. */
static void top_stmt(Checker *c, Stmt *s)
{
    const char *k = s->words[0].text;
    if (strcmp(k, "budget") == 0) {
        if (!s->has_block) diag_error(c->d, word_loc(s, s->nwords), "'budget' needs a { ... } block (it may be empty)");
        else budgetblock_declare(c, s);
        return;
    }
    if (strcmp(k, "scale") == 0) { bands_declare_scale(c, s); return; }
    if (strcmp(k, "scenario") == 0) { scenarios_declare(c, s); return; }
    if (strcmp(k, "hook") == 0 && !s->has_block) { declare_hook(c, s); return; }
    if (s->has_block && strcmp(k, "scheme") != 0 && strcmp(k, "record") != 0) {
        diag_error(c->d, s->loc, "unknown block '%s'%s", k, checker_mean(c, k, top_words, N_TOP_WORDS));
        return;
    }
    if (strcmp(k, "scheme") == 0) bands_declare(c, s);
    else if (strcmp(k, "record") == 0) table_declare(c, s);
    else if (strcmp(k, "include") == 0) include_file(c, s);
    else if (strcmp(k, "const") == 0) constant_declare(c, s);
    else if (strcmp(k, "function") == 0) function_declare(c, s);
    else if (indicator_is_property(k))
        diag_error(c->d, s->loc, "'%s' is a property of one indicator: write it inside 'indicator CODE { ... }' "
                   "(a plan, unit, tujuan or sasaran may state grade, measure and weight, and the rules, for all its indicators)", k);
    else if (!no_value(c, s, k)) return;
    else if (is_plan_setting(k) && !setting_once(c, s, k)) return;
    else if (strcmp(k, "plan") == 0) top_string(c, s, &c->p->title);
    else if (strcmp(k, "database") == 0) top_string(c, s, &c->p->database);
    else if (strcmp(k, "renstra") == 0) top_renstra(c, s);
    else if (strcmp(k, "year") == 0) top_year(c, s);
    else diag_error(c->d, s->loc, "unknown statement '%s'%s", k, checker_mean(c, k, top_words, N_TOP_WORDS));
}

/* A statement in any block that is not an indicator body. */
static void check_stmt(Checker *c, Stmt *s, Scope *scope)
{
    checker_normalize_words(c, s);
    const Word *w = &s->words[0];
    int top = scope->unit == NULL && scope->tujuan == NULL && scope->sasaran == NULL;
    if (w->kind != W_NAME) {
        diag_error(c->d, s->loc, "expected a statement such as 'indicator' or 'scheme', found %s", word_desc(c, s, 0));
        return;
    }
    if (block_stmt(c, s, scope, top)) return;
    if (!top) {
        static const char *const top_only[] = { "scheme", "scale", "scenario", "hook", "record", "include", "const", "function", "budget", "plan", "database", "year", "renstra" };
        for (int i = 0; i < (int)(sizeof top_only / sizeof *top_only); i++)
            if (strcmp(w->text, top_only[i]) == 0) {
                diag_error(c->d, s->loc, "'%s' belongs at the top level of a plan, not inside a block", w->text);
                return;
            }
    }
    top_stmt(c, s);
}

static void statement_check_block(Checker *c, Stmt **stmts, int n, Scope *scope)
{
    for (int i = 0; i < n; i++) check_stmt(c, stmts[i], scope);
}

/* include "akip" looks for akip.skp next to the including file, then in
 * $SAKIPC_STDLIB, then in the standard library (install_stdlib_dir). A name
 * with a '/' or ending in .skp is a path relative to the including file. */
static char *find_include(Checker *c, const char *name, const char *from)
{
    char *dir = checker_dir_of(from);
    size_t n = strlen(name);
    int is_path = strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".skp") == 0);
    const char *dirs[3] = { dir, NULL, NULL };
    install_stdlib_dirs(dirs + 1);
    char *found = NULL;
    for (int i = 0; i < (is_path ? 1 : 3) && !found; i++) {
        if (!dirs[i] || !*dirs[i]) continue;
        char *cand = is_path && name[0] == '/' ? mem_xstrdup(name)
                   : is_path ? arena_printf(c->A, "%s/%s", dirs[i], name)
                   : arena_printf(c->A, "%s/%s.skp", dirs[i], name);
        if (checker_file_exists(cand)) found = mem_xstrdup(cand);
        if (is_path && name[0] == '/') free(cand);
    }
    free(dir);
    return found;
}

static void include_file(Checker *c, const Stmt *s)
{
    int i = 1;
    const char *name = opt_string(s, &i);
    if (!name && i < s->nwords && s->words[i].kind == W_NAME) name = s->words[i++].text;
    if (!name) {
        diag_error(c->d, word_loc(s, 1), "expected a name or \"path\" after 'include'");
        return;
    }
    expect_end(c, s, i, "the include");
    char *path = find_include(c, name, s->loc.src->path);
    if (!path) {
        diag_error(c->d, s->words[1].loc, "cannot find '%s' to include (looked next to %s, in $SAKIPC_STDLIB and in the standard library)",
                   name, s->loc.src->path);
        return;
    }
    char *real = realpath(path, NULL);
    if (!real) real = mem_xstrdup(path);
    for (int k = 0; k < c->include_depth; k++)
        if (strcmp(c->include_stack[k], real) == 0) {
            diag_error(c->d, s->words[1].loc, "'%s' includes itself (through %d file%s)", name,
                       c->include_depth - k, c->include_depth - k == 1 ? "" : "s");
            free(real);
            free(path);
            return;
        }
    int seen = 0;
    for (int k = 0; k < c->included.len; k++) seen |= strcmp(c->included.items[k], real) == 0;
    if (!seen) {
        VEC_PUSH(c->included, arena_strdup(c->A, real));
        statement_check_file(c, path, s->words[1].loc);
    }
    free(real);
    free(path);
}

/* Loads, parses and interprets one file (the plan or an include). */
/* Parses one source and interprets its statements. */
static void check_source(Checker *c, Source *src, const char *path, Loc from)
{
    Tree *t = mem_xcalloc(1, sizeof *t);
    VEC_PUSH(c->trees, t);
    parser_parse(src, t, c->d);
    char *real = realpath(path, NULL);
    c->include_stack[c->include_depth++] = arena_strdup(c->A, real ? real : path);
    free(real);
    Scope top;
    memset(&top, 0, sizeof top);
    top.rules = c->p->defaults;
    /* An included file starts from the includer's rules; the rules it
     * states stay in it and do not leak back to the includer. */
    Rules saved = c->p->defaults;
    statement_check_block(c, t->stmts, t->nstmts, &top);
    if (from.src) c->p->defaults = saved;
    c->include_depth--;
}

void statement_check_file(Checker *c, const char *path, Loc from)
{
    if (c->include_depth >= SKP_MAX_INCLUDE_DEPTH) {
        diag_error(c->d, from, "includes nested deeper than %d levels", SKP_MAX_INCLUDE_DEPTH);
        return;
    }
    Source *src = source_load(path, (size_t)SKP_MAX_PLAN_BYTES, &c->p->sources_list);
    if (!src && errno == EFBIG) {
        if (from.src) diag_error(c->d, from, "'%s' is larger than %ld MiB, the limit for a plan file", path, SKP_MAX_PLAN_BYTES >> 20);
        else diag_plain(c->d, "plan '%s' is larger than %ld MiB, the limit for a plan file", path, SKP_MAX_PLAN_BYTES >> 20);
        return;
    }
    if (!src) {
        if (from.src) diag_error(c->d, from, "cannot read '%s': %s", path, strerror(errno));
        else diag_plain(c->d, "cannot read plan '%s': %s", path, strerror(errno));
        return;
    }
    check_source(c, src, path, from);
}

void statement_check_text(Checker *c, const char *name, const char *text, size_t len)
{
    if (len > (size_t)SKP_MAX_PLAN_BYTES) {
        diag_plain(c->d, "plan '%s' is larger than %ld MiB, the limit for a plan file", name, SKP_MAX_PLAN_BYTES >> 20);
        return;
    }
    Loc none = {0};
    check_source(c, source_from_bytes(name, text, len, &c->p->sources_list), name, none);
}
