/* budgetblock.c: `budget ["title"] { ... }` (budgetblock.h): how the
 * budget table is read (rounding, which pagu, the checks) and the budget
 * lines that pay for indicators (`program 2 supports IKM, SAKIP`). */
#include "check/budgetblock.h"

#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/table.h"
#include "check/rules.h"

/* Word w opens a budget statement: a line joined by a trailing ',' or 'in'. */
static int is_link_word(const Stmt *st, int w)
{
    static const char *const words[] = { "program", "kegiatan", "subkegiatan", "round", "pagu", "check" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (word_is(st, w, words[i])) return 1;
    return 0;
}

/* program|kegiatan|subkegiatan CODE supports IND, IND ... [in UNIT] */
static void budget_link(Checker *c, const Stmt *st, BudgetLink *l)
{
    memset(l, 0, sizeof *l);
    l->loc = st->loc;
    l->level = st->words[0].text;
    int w = 1;
    if (w >= st->nwords || st->words[w].kind == W_SYMBOL || word_is(st, w, "supports")) {
        diag_error(c->d, word_loc(st, w), "expected the code of a budget line after '%s', found %s", l->level,
                   word_desc(c, st, w));
        return;
    }
    l->line = st->words[w++].text;
    if (!word_is(st, w, "supports")) {
        diag_error(c->d, word_loc(st, w), "expected 'supports' and the indicators the %s pays for, found %s", l->level,
                   word_desc(c, st, w));
        return;
    }
    w++;
    l->codes = arena_alloc(c->A, (size_t)st->nwords * sizeof *l->codes);
    l->locs = arena_alloc(c->A, (size_t)st->nwords * sizeof *l->locs);
    for (; w < st->nwords && !word_is(st, w, "in"); w++) {
        if (l->ncodes && word_is(st, w, ",")) {
            /* a ',' at the end of a line joins the next line: a statement there is no indicator */
            if (w + 1 >= st->nwords || (st->words[w + 1].loc.line != st->words[w].loc.line && is_link_word(st, w + 1))) {
                diag_error(c->d, st->words[w].loc, "expected an indicator code after ','");
                l->ncodes = 0;
                return;
            }
            w++;
        }
        if (st->words[w].kind != W_NAME) {
            diag_error(c->d, word_loc(st, w), "expected an indicator code, found %s", word_desc(c, st, w));
            l->ncodes = 0;
            return;
        }
        l->locs[l->ncodes] = st->words[w].loc;
        l->codes[l->ncodes++] = st->words[w].text;
    }
    if (!l->ncodes) {
        diag_error(c->d, word_loc(st, w), "'supports' names at least one indicator: %s %s supports IKM, SAKIP",
                   l->level, l->line);
        return;
    }
    if (word_is(st, w, "in")) {
        w++;
        if (w >= st->nwords || st->words[w].kind != W_NAME ||
            (st->words[w].loc.line != st->words[w - 1].loc.line && is_link_word(st, w))) {
            if (w < st->nwords && st->words[w].loc.line != st->words[w - 1].loc.line)
                diag_error(c->d, st->words[w - 1].loc, "expected a unit after 'in'");
            else
                diag_error(c->d, word_loc(st, w), "expected a unit after 'in', found %s", word_desc(c, st, w));
            l->ncodes = 0;
            return;
        }
        l->unit_loc = st->words[w].loc;
        l->unit = st->words[w++].text;
    }
    expect_end(c, st, w, "the indicators");
}

/* A unit the plan may have: one with a block, or one an indicator lists
 * (`units U.B`); any unit at all when an indicator selects units by level
 * or place in the tree, as the database has them. */
static int unit_named(Checker *c, const char *unit)
{
    if (strmap_get(&c->unit_map, unit) >= 0) return 1;
    for (int i = 0; i < c->inds.len; i++) {
        const UnitSel *u = &c->inds.items[i].units;
        if (u->kind != SEL_LIST) return 1;
        for (int k = 0; k < u->ncodes; k++)
            if (!strcmp(u->codes[k], unit)) return 1;
    }
    return 0;
}

/* The indicators and units of budget links, once everything is declared. */
void budgetblock_resolve(Checker *c)
{
    BudgetSpec *b = &c->p->budget;
    for (int i = 0; i < b->nlinks; i++) {
        BudgetLink *l = &b->links[i];
        l->code_ids = arena_array(c->A, l->ncodes, sizeof *l->code_ids);
        for (int k = 0; k < l->ncodes; k++) {
            l->code_ids[k] = strmap_get(&c->code_map, l->codes[k]);
            if (l->code_ids[k] < 0) {
                diag_error(c->d, l->locs[k], "unknown indicator '%s' in %s %s%s", l->codes[k], l->level, l->line,
                           checker_mean(c, l->codes[k], c->codes.items, c->codes.len));
                continue;
            }
            for (int j = 0; j < c->inds.len; j++) {      /* one figure per unit and year, not one per group */
                const Indicator *ind = &c->inds.items[j];
                if (ind->code_id != l->code_ids[k] || ind->group.record < 0) continue;
                diag_error(c->d, l->locs[k], "%s %s cannot support %s: it has one figure per %s, not one per unit; "
                           "link an indicator made from its groups (avg(%s))", l->level, l->line, l->codes[k],
                           table_group_text(c, &ind->group), l->codes[k]);
                break;
            }
        }
        if (l->unit && !unit_named(c, l->unit)) {
            const char **names = arena_array(c->A, c->units.len, sizeof *names);
            for (int u = 0; u < c->units.len; u++) names[u] = c->units.items[u].code;
            diag_error(c->d, l->unit_loc, "unknown unit '%s' in %s %s: no unit block or indicator names it%s", l->unit,
                       l->level, l->line, checker_mean(c, l->unit, names, c->units.len));
        }
        for (int j = 0; j < i; j++)
            if (!strcmp(b->links[j].line, l->line))
                diag_error(c->d, l->loc, "budget line %s is linked twice (first at line %d)", l->line, b->links[j].loc.line);
    }
}

/* budget ["title"] { round MODE DIGITS; pagu original|revised; check rollup, sisa;
 *                    program CODE supports IND, ... } */
void budgetblock_declare(Checker *c, Stmt *s)
{
    BudgetSpec *b = &c->p->budget;
    if (b->declared) {
        diag_error(c->d, s->loc, "'budget' is stated twice (first at %s:%d)", b->loc.src->path, b->loc.line);
        return;
    }
    b->declared = 1;
    b->loc = s->loc;
    b->round.mode = ROUND_HALF_UP;
    b->round.digits = 2;
    int i = 1;
    b->title = opt_string(s, &i);
    expect_end(c, s, i, "the budget's title");
    VEC(BudgetLink) links = { 0 };
    for (int k = 0; k < s->nbody; k++) {
        Stmt *st = s->body[k];
        checker_normalize_words(c, st);
        if (st->has_block || st->value) {
            diag_error(c->d, st->loc, "a budget block holds 'round', 'pagu', 'check', 'program', 'kegiatan' and 'subkegiatan' statements");
            continue;
        }
        if (word_is(st, 0, "round")) {
            Rules tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.round = b->round;
            rules_round(c, st, &tmp);
            b->round = tmp.round;
        } else if (word_is(st, 0, "pagu")) {
            if (word_is(st, 1, "revised")) b->revised = 1;
            else if (word_is(st, 1, "original")) b->revised = 0;
            else { diag_error(c->d, word_loc(st, 1), "expected 'pagu original' or 'pagu revised', found %s", word_desc(c, st, 1)); continue; }
            expect_end(c, st, 2, "the pagu");
        } else if (word_is(st, 0, "check")) {
            for (int w = 1; w < st->nwords; w++) {
                if (word_is(st, w, ",")) continue;
                if (word_is(st, w, "rollup")) b->check_rollup = 1;
                else if (word_is(st, w, "sisa")) b->check_sisa = 1;
                else diag_error(c->d, st->words[w].loc, "unknown budget check %s: expected rollup or sisa", word_desc(c, st, w));
            }
            if (st->nwords < 2) diag_error(c->d, word_loc(st, 1), "'check' names the checks: check rollup, sisa");
        } else if (word_is(st, 0, "program") || word_is(st, 0, "kegiatan") || word_is(st, 0, "subkegiatan")) {
            BudgetLink l;
            budget_link(c, st, &l);
            if (!l.ncodes) continue;
            VEC_PUSH(links, l);
        } else {
            diag_error(c->d, st->loc, "a budget block holds 'round', 'pagu', 'check', 'program', 'kegiatan' and 'subkegiatan' statements; found %s",
                       word_desc(c, st, 0));
        }
    }
    b->links = arena_array(c->A, links.len, sizeof *b->links);
    if (links.len) memcpy(b->links, links.items, (size_t)links.len * sizeof *links.items);
    b->nlinks = links.len;
    VEC_FREE(links);
}
