/* indicator.c: `indicator CODE "name" { ... }` (indicator.h): its
 * properties and rules, its formulas, its gradings and the units it
 * belongs to, each checked as it is read. */
#include "check/indicator.h"

#include <string.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/rules.h"

static const char *const indicator_words[] = {
    "name", "measure", "polarity", "aggregate", "target", "realisation", "capaian", "cap",
    "round", "grade", "units", "zero", "weight", "description", "satuan", "realisasi", "per", "period", "scale",
    "missing", "coverage"
};
#define N_INDICATOR_WORDS (int)(sizeof indicator_words / sizeof *indicator_words)

typedef struct { const char *key; int line; } Seen;

/* A property stated twice is a mistake worth naming (which one wins?). */
static int once(Checker *c, const Stmt *s, Seen *seen, int *nseen, const char *key)
{
    for (int i = 0; i < *nseen; i++)
        if (strcmp(seen[i].key, key) == 0) {
            diag_error(c->d, s->loc, "'%s' is stated twice (first at line %d)", key, seen[i].line);
            return 0;
        }
    seen[*nseen].key = key;
    seen[(*nseen)++].line = s->loc.line;
    return 1;
}

static char *join_words(Checker *c, const Stmt *s, int from)
{
    StrBuf b = {0};
    for (int i = from; i < s->nwords; i++) {
        if (i > from && !(s->words[i].loc.col == s->words[i - 1].loc.end_col + 1)) strbuf_putc(&b, ' ');
        strbuf_puts(&b, s->words[i].text);
    }
    char *r = arena_strdup(c->A, b.s ? b.s : "");
    strbuf_free(&b);
    return r;
}

static void indicator_formula(Checker *c, Stmt *s, Indicator *ind, const char *key)
{
    if (!s->value) {
        diag_error(c->d, word_loc(s, 1), "'%s' needs '= FORMULA'", key);
        return;
    }
    expect_end(c, s, 1, key);
    if (s->upper && strcmp(key, "target") != 0) {
        diag_error(c->d, s->upper->loc, "a range 'lo .. hi' is only allowed for 'target'");
        return;
    }
    if (strcmp(key, "target") == 0) {
        ind->target_expr = s->value;
        ind->target_hi = s->upper;
    } else if (strcmp(key, "capaian") == 0) {
        ind->capaian = s->value;
    } else {
        ind->realisation = s->value;
    }
}

/* One statement inside `indicator CODE "name" { ... }`. */
static void indicator_prop(Checker *c, Stmt *s, Indicator *ind, GradingVec *grades,
                           PendingVec *pend, Seen *seen, int *nseen, int top_level)
{
    const char *k = s->words[0].text;
    if (s->words[0].kind != W_NAME) {
        diag_error(c->d, s->loc, "expected a property name, found %s", word_desc(c, s, 0));
        return;
    }
    if (strcmp(k, "realisasi") == 0) k = "realisation";
    if (strcmp(k, "satuan") == 0) k = "measure";
    if (strcmp(k, "grade") == 0) { rules_grade(c, s, grades, pend); return; }
    if (strcmp(k, "zero") == 0) { rules_zero(c, s, &ind->rules); return; }
    if (strcmp(k, "round") == 0 && word_is(s, 1, "value")) k = "round value";   /* two separate rules */
    if (!once(c, s, seen, nseen, k)) return;
    if (strcmp(k, "target") == 0 && s->value) { indicator_formula(c, s, ind, k); return; }
    if (rules_apply(c, s, &ind->rules)) return;
    if (strcmp(k, "realisation") == 0 || strcmp(k, "capaian") == 0) { indicator_formula(c, s, ind, k); return; }
    if (!no_value(c, s, k)) return;
    if (strcmp(k, "name") == 0 || strcmp(k, "description") == 0) {
        int i = 1;
        const char *t = opt_string(s, &i);
        if (!t) diag_error(c->d, word_loc(s, 1), "expected a \"string\" after '%s'", k);
        else if (strcmp(k, "name") == 0) ind->name = t;
        expect_end(c, s, i, k);
    } else if (strcmp(k, "measure") == 0) {
        if (s->nwords < 2) diag_error(c->d, word_loc(s, 1), "expected a measure unit (%%, indeks, dokumen, rupiah, ...)");
        else ind->measure = s->words[1].kind == W_STRING && s->nwords == 2 ? s->words[1].text : join_words(c, s, 1);
        ind->measure_from = NULL;
    } else if (strcmp(k, "weight") == 0) {
        double w;
        if (need_number(c, s, 1, "the weight", &w)) {
            if (w < 0) diag_error(c->d, s->words[1].loc, "weight must not be negative, found %s", s->words[1].text);
            ind->weight = w;
            expect_end(c, s, 2, "the weight");
        }
    } else if (strcmp(k, "scale") == 0) {
        const char *name;
        if (need_name(c, s, 1, "a scale or scheme name after 'scale'", &name)) {
            ind->scale_name = name;              /* resolved once every scale is known */
            ind->scale_loc = s->words[1].loc;
            expect_end(c, s, 2, "the scale");
        }
    } else if (strcmp(k, "per") == 0) {
        c->cur_per = s;          /* resolved once every record table is known */
    } else if (strcmp(k, "units") == 0) {
        if (!top_level)
            diag_error(c->d, s->loc, "'units' is for indicators declared outside a unit block; this one belongs to unit %s",
                       ind->units.codes[0]);
        else rules_units(c, s, &ind->units);
    } else {
        diag_error(c->d, s->loc, "unknown indicator property '%s'%s", k,
                   checker_mean(c, k, indicator_words, N_INDICATOR_WORDS));
    }
}

int indicator_is_property(const char *k)
{
    for (int i = 0; i < N_INDICATOR_WORDS; i++)
        if (strcmp(indicator_words[i], k) == 0) return 1;
    return 0;
}

/* "sasaran S1", "unit SETWAN", "the plan": whose default a property is. */
static const char *scope_label(Checker *c, const Scope *scope)
{
    if (scope->sasaran) return arena_printf(c->A, "sasaran %s", scope->sasaran);
    if (scope->tujuan) return arena_printf(c->A, "tujuan %s", scope->tujuan);
    if (scope->unit) return arena_printf(c->A, "unit %s", scope->unit);
    return "the plan";
}

/* grade ... by S in a block: checked once here, applied to each indicator
 * of the block that states no grade of its own. The first in a block
 * replaces those it inherited; more in the same block add to it. */
static void default_grade(Checker *c, Stmt *s, Scope *scope)
{
    GradingVec g = {0};
    PendingVec pend = {0};
    int errors = c->d->errors;
    rules_grade(c, s, &g, &pend);
    int ok = c->d->errors == errors;
    VEC_FREE(g);
    VEC_FREE(pend);
    if (!ok) return;
    if (!scope->grades_here) scope->ngrades = 0;
    scope->grades_here = 1;
    if (scope->ngrades == MAX_GRADES) {
        diag_error(c->d, s->loc, "more than %d 'grade' statements for the indicators of %s", MAX_GRADES, scope_label(c, scope));
        return;
    }
    scope->grades[scope->ngrades++] = s;
    scope->grades_from = scope_label(c, scope);
}

int indicator_default(Checker *c, Stmt *s, Scope *scope)
{
    const char *k = s->words[0].text;
    if (s->value || s->has_block) return 0;
    if (strcmp(k, "grade") == 0) { default_grade(c, s, scope); return 1; }
    if (strcmp(k, "measure") == 0 || strcmp(k, "satuan") == 0) {
        if (s->nwords < 2) diag_error(c->d, word_loc(s, 1), "expected a measure unit (%%, indeks, dokumen, rupiah, ...)");
        else {
            scope->measure = s->words[1].kind == W_STRING && s->nwords == 2 ? s->words[1].text : join_words(c, s, 1);
            scope->measure_from = scope_label(c, scope);
            scope->measure_loc = s->loc;
        }
        return 1;
    }
    if (strcmp(k, "weight") == 0) {
        double w;
        if (need_number(c, s, 1, "the weight", &w)) {
            if (w < 0) diag_error(c->d, s->words[1].loc, "weight must not be negative, found %s", s->words[1].text);
            scope->has_weight = 1;
            scope->weight = w;
            expect_end(c, s, 2, "the weight");
        }
        return 1;
    }
    return 0;
}

/* A new indicator: its code and name, the rules, grouping and default
 * properties of the scope it is written in, and the scope's unit as its
 * only unit. */
static Indicator new_indicator(Checker *c, const Stmt *s, const char *code, int *at, const Scope *scope)
{
    Indicator ind;
    memset(&ind, 0, sizeof ind);
    ind.code = code;
    ind.name = opt_string(s, at);
    ind.loc = s->words[1].loc;
    ind.rules = scope->rules;
    ind.weight = scope->has_weight ? scope->weight : 1;
    ind.measure = scope->measure;
    ind.measure_from = scope->measure_from;
    ind.measure_loc = scope->measure_loc;
    ind.group.record = -1;
    ind.scale = -1;
    ind.tujuan = scope->tujuan;
    ind.sasaran = scope->sasaran;
    if (scope->unit) {
        ind.units.kind = SEL_LIST;
        ind.units.codes = arena_alloc(c->A, sizeof *ind.units.codes);
        ind.units.codes[0] = scope->unit;
        ind.units.locs = arena_alloc(c->A, sizeof *ind.units.locs);
        ind.units.locs[0] = scope->unit_loc;
        ind.units.ncodes = 1;
        ind.units.loc = s->loc;
    }
    return ind;
}

/* What can only be judged once the whole block is read. */
static void whole_indicator(Checker *c, const Indicator *ind, const Scope *scope, const GradingVec *grades)
{
    const char *code = ind->code;
    if (!scope->unit && ind->units.ncodes == 0 && ind->units.kind == SEL_LIST)
        diag_error(c->d, ind->loc, "indicator %s belongs to no unit: declare it inside 'unit CODE { ... }' or add 'units CODE, ...' / 'units all'", code);
    if (ind->target_hi && ind->rules.polarity != POL_RANGE && !ind->capaian)
        diag_error(c->d, ind->target_hi->loc, "a target range 'lo .. hi' needs 'polarity range'; indicator %s is %s",
                   code, plan_polarity_name(ind->rules.polarity));
    if (ind->target_hi && ind->target_expr->kind == E_NUMBER && ind->target_hi->kind == E_NUMBER
        && ind->target_hi->num < ind->target_expr->num)
        diag_error(c->d, ind->target_hi->loc, "empty target range: the upper bound %s is below the lower bound %s",
                   ind->target_hi->text, ind->target_expr->text);
    if (grades->len > MAX_GRADES)
        diag_error(c->d, grades->items[MAX_GRADES].loc, "indicator %s has %d gradings; at most %d are allowed",
                   code, grades->len, MAX_GRADES);
}

/* An indicator is declared once for each unit it is declared for
 * (explicit lists only), checked by a map of "unit code" pairs: a plan of
 * 10,000 indicators checks in linear time. */
static void unique_in_units(Checker *c, const Indicator *ind, int index)
{
    for (int b = 0; ind->units.kind == SEL_LIST && b < ind->units.ncodes; b++) {
        const char *key = arena_printf(c->A, "%s\x1f%s", ind->units.codes[b], ind->code);
        int first = strmap_get(&c->unit_code_map, key);
        if (first == index) continue;       /* units U1, U1: this declaration, not yet in c->inds */
        if (first >= 0)
            diag_error(c->d, ind->loc, "indicator %s is declared twice for unit %s (first at line %d)",
                       ind->code, ind->units.codes[b], c->inds.items[first].loc.line);
        else
            strmap_put(&c->unit_code_map, key, index);
    }
}

/* indicator CODE ["name"] { ... } */
void indicator_declare(Checker *c, Stmt *s, Scope *scope)
{
    const char *code;
    if (!need_name(c, s, 1, "an indicator code after 'indicator'", &code)) return;
    int i = 2;
    Indicator ind = new_indicator(c, s, code, &i, scope);
    c->cur_per = NULL;
    expect_end(c, s, i, "the indicator's name");
    GradingVec grades = {0};
    PendingVec pend = {0};
    Seen seen[32];
    int nseen = 0;
    for (int k = 0; k < s->nbody; k++) {
        Stmt *p = s->body[k];
        checker_normalize_words(c, p);
        if (p->has_block) {
            diag_error(c->d, p->open_loc, "unexpected block inside indicator %s", code);
            continue;
        }
        if (nseen < 30) indicator_prop(c, p, &ind, &grades, &pend, seen, &nseen, scope->unit == NULL);
    }
    if (!grades.len)                         /* none of its own: the block's, with where they were stated */
        for (int g = 0; g < scope->ngrades; g++) {
            int first = grades.len;
            rules_grade(c, scope->grades[g], &grades, &pend);
            for (int k = first; k < grades.len; k++) grades.items[k].from = scope->grades_from;
        }
    whole_indicator(c, &ind, scope, &grades);
    ind.grades = arena_array(c->A, grades.len, sizeof *ind.grades);
    if (grades.len) memcpy(ind.grades, grades.items, (size_t)grades.len * sizeof *grades.items);
    ind.ngrades = grades.len;
    ind.code_id = checker_intern_code(c, code);
    if (!ind.name) ind.name = code;
    int index = c->inds.len;
    unique_in_units(c, &ind, index);
    if (c->cur_per) {
        PendingPer pp = { index, c->cur_per };
        VEC_PUSH(c->pers, pp);
    }
    VEC_PUSH(c->inds, ind);
    for (int g = 0; g < pend.len; g++) {
        pend.items[g].ind = index;
        VEC_PUSH(c->pending, pend.items[g]);
    }
    VEC_FREE(grades);
    VEC_FREE(pend);
}
