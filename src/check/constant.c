/* constant.c: `const NAME = FORMULA` and rule sets by year (constant.h):
 * `rules "PermenPANRB 88/2021" from 2022 { const ...; cap ... }` holds its
 * constants and caps in those years only. */
#include "check/constant.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/rules.h"

static const char *years_text(Checker *c, const YearRange *y)
{
    if (y->from && y->until) return arena_printf(c->A, "%d .. %d", y->from, y->until);
    if (y->from) return arena_printf(c->A, "from %d", y->from);
    return arena_printf(c->A, "until %d", y->until);
}

static int ranges_overlap(const YearRange *a, const YearRange *b)
{
    int a_lo = a->from ? a->from : INT_MIN, a_hi = a->until ? a->until : INT_MAX;
    int b_lo = b->from ? b->from : INT_MIN, b_hi = b->until ? b->until : INT_MAX;
    return a_lo <= b_hi && b_lo <= a_hi;
}

/* const NAME = FORMULA, for every year or (in a rule set by year) for some:
 * the same name may then be given again for other years. */
static void declare_for_years(Checker *c, const Stmt *s, const YearRange *years)
{
    const char *name;
    if (!need_name(c, s, 1, "a constant name after 'const'", &name)) return;
    if (!expect_end(c, s, 2, "the constant's name")) return;
    if (!s->value || s->upper) {
        diag_error(c->d, word_loc(s, 2), "constant %s needs '= FORMULA'", name);
        return;
    }
    Const k = { name, s->value, s->words[1].loc, years != NULL, {0}, -1 };
    if (years) k.years = *years;
    int first = strmap_get(&c->const_map, name);
    if (first >= 0) {
        int last = first;
        for (int i = first; i >= 0; i = c->consts.items[i].next) {
            const Const *o = &c->consts.items[i];
            last = i;
            if (!years || !o->by_year) {
                diag_error(c->d, s->words[1].loc, "constant %s is declared twice (first at %s:%d)", name,
                           o->loc.src->path, o->loc.line);
                return;
            }
            if (ranges_overlap(&o->years, years)) {
                diag_error(c->d, s->words[1].loc, "constant %s is given twice for the same years: %s here, %s at %s:%d",
                           name, years_text(c, years), years_text(c, &o->years), o->loc.src->path, o->loc.line);
                return;
            }
        }
        c->consts.items[last].next = c->consts.len;
        VEC_PUSH(c->consts, k);
        return;
    }
    strmap_put(&c->const_map, name, c->consts.len);
    VEC_PUSH(c->consts, k);
}

void constant_declare(Checker *c, const Stmt *s)
{
    declare_for_years(c, s, NULL);
}

/* rules ["title"] from Y [until Y2] { const ...; cap ... }
 * rules ["title"] until Y { ... }
 * The regulations change with the years (AKIP components under PermenPANRB
 * 12/2015 until 2021, 88/2021 from 2022): the constants and caps stated
 * inside hold in those years only. */
/* ["title"] from Y [until Y2] | until Y: the years a rule set holds in.
 * 0 after an error (reported); *at is the word after them. */
static int rule_set_years(Checker *c, const Stmt *s, YearRange *yr, int *at)
{
    memset(yr, 0, sizeof *yr);
    yr->loc = s->loc;
    int i = 1;
    yr->title = opt_string(s, &i);
    for (int part = 0; part < 2 && i < s->nwords; part++) {
        int is_from = word_is(s, i, "from"), is_until = word_is(s, i, "until");
        if (!is_from && !is_until) break;
        double y;
        if (!need_number(c, s, i + 1, "a year", &y)) return 0;
        if (y < 1900 || y > 2999 || y != floor(y)) {
            diag_error(c->d, s->words[i + 1].loc, "expected a year from 1900 to 2999, found %s", s->words[i + 1].text);
            return 0;
        }
        if ((is_from && yr->from) || (is_until && yr->until)) {
            diag_error(c->d, s->words[i].loc, "'%s' is stated twice", s->words[i].text);
            return 0;
        }
        if (is_from) yr->from = (int)y; else yr->until = (int)y;
        i += 2;
    }
    *at = i;
    if (!yr->from && !yr->until) {
        diag_error(c->d, word_loc(s, i), "a rule set says the years it holds: rules \"TITLE\" from YEAR [until YEAR], or until YEAR; found %s",
                   word_desc(c, s, i));
        return 0;
    }
    if (yr->from && yr->until && yr->from > yr->until) {
        diag_error(c->d, s->loc, "rule set years %d .. %d are not a range", yr->from, yr->until);
        return 0;
    }
    return expect_end(c, s, i, "the rule set's years");
}

void constant_rule_set(Checker *c, Stmt *s, Scope *scope)
{
    YearRange yr;
    int i;
    if (!rule_set_years(c, s, &yr, &i)) return;
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "a rule set needs its rules in a { ... } block");
        return;
    }
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        checker_normalize_words(c, b);
        if (b->has_block) {
            diag_error(c->d, b->open_loc, "unexpected block inside a rule set");
            continue;
        }
        if (word_is(b, 0, "const")) { declare_for_years(c, b, &yr); continue; }
        if (word_is(b, 0, "cap")) {
            if (!no_value(c, b, "cap")) continue;
            Rules tmp = scope->rules;
            rules_cap(c, b, &tmp);
            Rules *r = &scope->rules;
            /* in the years two rule sets share, the later one's cap holds
             * (plan_rules_in_year takes the last that covers the year) */
            if (r->nyear_caps == MAX_YEAR_CAPS) {
                diag_error(c->d, b->loc, "at most %d caps by year are in force at once", MAX_YEAR_CAPS);
                continue;
            }
            YearCap yc = { yr, tmp.has_cap, tmp.cap };
            r->year_caps[r->nyear_caps++] = yc;
            continue;
        }
        diag_error(c->d, b->loc, "a rule set by year holds 'const' and 'cap' statements; found %s", word_desc(c, b, 0));
    }
}
