/* rules.c: the rules a plan, unit, tujuan, sasaran or indicator states
 * (rules.h): polarity, aggregation, target sources, cap, rounding, zero
 * handling, period targets; and an indicator's gradings and unit selectors. */
#include "check/rules.h"

#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "base/vec.h"

static const char *const polarity_words[] = { "higher", "lower", "range" };
static const char *const aggregate_words[] = { "sum", "last", "average", "avg", "max", "min", "latest" };
static const char *const round_words[] = { "half-up", "half-even", "down", "up", "none" };

static int lower_formula(Checker *c, const Stmt *s, int i, Polarity *out)
{
    static const char *const abc[] = { "A", "B", "C" };
    if (word_is(s, i, "A")) *out = POL_LOWER_A;
    else if (word_is(s, i, "B")) *out = POL_LOWER_B;
    else if (word_is(s, i, "C")) *out = POL_LOWER_C;
    else {
        diag_error(c->d, word_loc(s, i),
                   "'%s' needs the formula it uses: A ((2T-R)/T), B (T/R) or C ((T-R)/T), found %s%s",
                   s->words[i - 1].text, word_desc(c, s, i),
                   i < s->nwords ? checker_mean(c, s->words[i].text, abc, 3) : "");
        return 0;
    }
    return 1;
}

/* polarity higher | lower A|B|C | range [A|B|C] */
static void rule_polarity(Checker *c, const Stmt *s, Rules *r)
{
    if (word_is(s, 1, "higher")) {
        r->polarity = POL_HIGHER;
        expect_end(c, s, 2, "'polarity higher'");
    } else if (word_is(s, 1, "lower")) {
        if (lower_formula(c, s, 2, &r->polarity)) expect_end(c, s, 3, "the polarity");
    } else if (word_is(s, 1, "range")) {
        Polarity above = POL_LOWER_A;
        if (s->nwords > 2 && !lower_formula(c, s, 2, &above)) return;
        r->polarity = POL_RANGE;
        r->range_above = above;   /* the formula used above the range */
        expect_end(c, s, s->nwords > 2 ? 3 : 2, "the polarity");
    } else {
        const char *w = s->nwords > 1 ? s->words[1].text : "";
        diag_error(c->d, word_loc(s, 1), "unknown polarity %s: expected higher, lower A|B|C or range%s",
                   word_desc(c, s, 1), checker_mean(c, w, polarity_words, 3));
    }
}

static void rule_aggregate(Checker *c, const Stmt *s, Rules *r)
{
    static const Aggregate map[] = { AGG_SUM, AGG_LAST, AGG_AVG, AGG_AVG, AGG_MAX, AGG_MIN, AGG_LATEST };
    for (int k = 0; k < 7; k++)
        if (word_is(s, 1, aggregate_words[k])) {
            r->agg = map[k];
            expect_end(c, s, 2, "the aggregation");
            return;
        }
    const char *w = s->nwords > 1 ? s->words[1].text : "";
    diag_error(c->d, word_loc(s, 1),
               "unknown aggregation %s: expected sum, last, average, max, min or latest%s",
               word_desc(c, s, 1), checker_mean(c, w, aggregate_words, 7));
}

/* target pk | target pk-perubahan or pk | target end */
static void rule_target_sources(Checker *c, const Stmt *s, Rules *r)
{
    if (word_is(s, 1, "none")) {     /* a figure reported without a target (NRR, serapan) */
        r->target.sources = NULL;
        r->target.nsources = 0;
        r->target.none = 1;
        r->target.loc = s->loc;
        expect_end(c, s, 2, "'target none'");
        return;
    }
    VEC(const char *) list = {0};
    int i = 1;
    for (;;) {
        const char *src;
        if (i < s->nwords && s->words[i].kind == W_STRING) src = s->words[i].text;
        else if (!need_name(c, s, i, "a target source (renstra, pk, pk-perubahan, end, ...)", &src)) break;
        VEC_PUSH(list, src);
        if (strcmp(src, "end") != 0) checker_note_source(c, src);
        else checker_note_source(c, "renstra");
        i++;
        if (i >= s->nwords) break;
        if (word_is(s, i, "or") || word_is(s, i, ",")) { i++; continue; }
        expect_end(c, s, i, "the target source");
        break;
    }
    if (!list.len) { VEC_FREE(list); return; }
    r->target.sources = arena_alloc(c->A, (size_t)list.len * sizeof *list.items);
    if (list.len) memcpy(r->target.sources, list.items, (size_t)list.len * sizeof *list.items);
    r->target.nsources = list.len;
    r->target.none = 0;
    r->target.loc = s->loc;
    VEC_FREE(list);
}

void rules_cap(Checker *c, const Stmt *s, Rules *r)
{
    if (word_is(s, 1, "none")) {
        r->has_cap = 0;
        r->nyear_caps = 0;
        expect_end(c, s, 2, "'cap none'");
        return;
    }
    double v;
    if (!need_number(c, s, 1, "the cap (e.g. cap 120, or cap none)", &v)) return;
    if (v <= 0) {
        diag_error(c->d, s->words[1].loc, "cap must be above 0, found %s", s->words[1].text);
        return;
    }
    r->has_cap = 1;
    r->cap = v;
    r->nyear_caps = 0;      /* a cap stated for every year replaces those by year */
    expect_end(c, s, 2, "the cap");
}

/* round MODE DIGITS | round none | round value MODE DIGITS */
void rules_round(Checker *c, const Stmt *s, Rules *r)
{
    int i = 1;
    Rounding *target = &r->round;
    if (word_is(s, 1, "value")) { target = &r->value_round; i = 2; }
    RoundMode mode;
    const char *w = i < s->nwords ? s->words[i].text : "";
    if (i >= s->nwords || s->words[i].kind != W_NAME || num_round_mode_parse(w, &mode) != 0) {
        diag_error(c->d, word_loc(s, i), "unknown rounding %s: expected half-up, half-even, down, up or none%s",
                   word_desc(c, s, i), checker_mean(c, w, round_words, 5));
        return;
    }
    if (mode == ROUND_NONE) {
        target->mode = ROUND_NONE;
        target->digits = 0;
        expect_end(c, s, i + 1, "'round none'");
        return;
    }
    double digits;
    if (!need_number(c, s, i + 1, "the number of decimals", &digits)) return;
    if (digits < 0 || digits > SKP_MAX_DIGITS || digits != floor(digits)) {
        diag_error(c->d, s->words[i + 1].loc, "decimals must be a whole number from 0 to %d, found %s",
                   SKP_MAX_DIGITS, s->words[i + 1].text);
        return;
    }
    target->mode = mode;
    target->digits = (int)digits;
    expect_end(c, s, i + 2, "the rounding");
}

/* zero target = FORMULA | undefined ; zero realisation = ... */
void rules_zero(Checker *c, const Stmt *s, Rules *r)
{
    Expr **slot = NULL;
    if (word_is(s, 1, "target")) slot = &r->zero_target;
    else if (word_is(s, 1, "realisation") || word_is(s, 1, "realisasi")) slot = &r->zero_realisation;
    if (!slot) {
        diag_error(c->d, word_loc(s, 1), "expected 'zero target = ...' or 'zero realisation = ...', found %s",
                   word_desc(c, s, 1));
        return;
    }
    if (!expect_end(c, s, 2, "the zero rule")) return;
    if (!s->value || s->upper) {
        diag_error(c->d, word_loc(s, 2), "'zero %s' needs '= FORMULA' (or '= undefined')", s->words[1].text);
        return;
    }
    *slot = s->value;
}

/* Rules a plan, unit, tujuan, sasaran or indicator may state. Returns 1 if
 * the statement was one of them (reported or not). */
/* period targets cumulative | period targets separate */
static void rule_period_targets(Checker *c, const Stmt *s, Rules *r)
{
    if (!word_is(s, 1, "targets")) {
        diag_error(c->d, word_loc(s, 1), "expected 'period targets cumulative' or 'period targets separate', found %s",
                   word_desc(c, s, 1));
        return;
    }
    if (word_is(s, 2, "cumulative")) r->targets_cumulative = 1;
    else if (word_is(s, 2, "separate")) r->targets_cumulative = 0;
    else {
        diag_error(c->d, word_loc(s, 2), "expected 'cumulative' (each period's target is to date) or 'separate' "
                   "(each is for its period alone), found %s", word_desc(c, s, 2));
        return;
    }
    expect_end(c, s, 3, "the period targets rule");
}

/* missing skip | missing fail: what a unit below without a figure does to a roll-up */
static void rule_missing(Checker *c, const Stmt *s, Rules *r)
{
    static const char *const words[] = { "skip", "fail" };
    if (word_is(s, 1, "skip") || word_is(s, 1, "fail")) {
        r->missing_skip = word_is(s, 1, "skip");
        r->coverage_min = 0;
        expect_end(c, s, 2, "the missing-data rule");
        return;
    }
    const char *w = s->nwords > 1 ? s->words[1].text : "";
    diag_error(c->d, word_loc(s, 1), "expected 'missing skip' (a roll-up leaves out the units below without a figure) "
               "or 'missing fail' (one of them makes it missing), found %s%s", word_desc(c, s, 1), checker_mean(c, w, words, 2));
}

/* coverage at least P%: missing units below are left out while at least P% have a figure */
static void rule_coverage(Checker *c, const Stmt *s, Rules *r)
{
    if (!word_is(s, 1, "at") || !word_is(s, 2, "least")) {
        diag_error(c->d, word_loc(s, word_is(s, 1, "at") ? 2 : 1), "expected 'coverage at least P%%' (say 'coverage at least 90%%'), found %s",
                   word_desc(c, s, word_is(s, 1, "at") ? 2 : 1));
        return;
    }
    double v;
    if (!need_number(c, s, 3, "the share of units below that must have a figure (coverage at least 90%)", &v)) return;
    if (v <= 0 || v > 100) {
        diag_error(c->d, s->words[3].loc, "coverage must be above 0%% and at most 100%%, found %s", s->words[3].text);
        return;
    }
    r->missing_skip = 1;
    r->coverage_min = v;
    expect_end(c, s, word_is(s, 4, "%") ? 5 : 4, "the coverage rule");
}

int rules_apply(Checker *c, Stmt *s, Rules *r)
{
    const char *k = s->words[0].text;
    if (s->words[0].kind != W_NAME) return 0;
    if (strcmp(k, "zero") == 0) { rules_zero(c, s, r); return 1; }
    if (strcmp(k, "target") == 0 && !s->value) {
        if (no_value(c, s, "target")) rule_target_sources(c, s, r);
        return 1;
    }
    if (strcmp(k, "polarity") == 0) { if (no_value(c, s, k)) rule_polarity(c, s, r); return 1; }
    if (strcmp(k, "aggregate") == 0) { if (no_value(c, s, k)) rule_aggregate(c, s, r); return 1; }
    if (strcmp(k, "cap") == 0) { if (no_value(c, s, k)) rules_cap(c, s, r); return 1; }
    if (strcmp(k, "round") == 0) { if (no_value(c, s, k)) rules_round(c, s, r); return 1; }
    if (strcmp(k, "period") == 0) { if (no_value(c, s, k)) rule_period_targets(c, s, r); return 1; }
    if (strcmp(k, "missing") == 0) { if (no_value(c, s, k)) rule_missing(c, s, r); return 1; }
    if (strcmp(k, "coverage") == 0) { if (no_value(c, s, k)) rule_coverage(c, s, r); return 1; }
    return 0;
}

/* grade [value|capaian] by SCHEME[, SCHEME...] */
void rules_grade(Checker *c, const Stmt *s, GradingVec *out, PendingVec *pend)
{
    int i = 1;
    GradeOn on = GRADE_CAPAIAN;
    if (word_is(s, i, "value") || word_is(s, i, "realisation") || word_is(s, i, "realisasi")) { on = GRADE_VALUE; i++; }
    else if (word_is(s, i, "capaian")) i++;
    if (!word_is(s, i, "by")) {
        diag_error(c->d, word_loc(s, i), "expected 'grade value by SCHEME' or 'grade capaian by SCHEME', found %s",
                   word_desc(c, s, i));
        return;
    }
    i++;
    for (;;) {
        const char *name;
        if (!need_name(c, s, i, "a grade scheme name", &name)) return;
        Grading g = { on, -1, s->words[i].loc, NULL };
        PendingGrade pg = { name, s->words[i].loc, -1, out->len };
        VEC_PUSH(*out, g);
        VEC_PUSH(*pend, pg);
        i++;
        if (i >= s->nwords) break;
        if (word_is(s, i, ",")) { i++; continue; }
        expect_end(c, s, i, "the scheme name");
        return;
    }
}

/* units A, B | units all | units leaves | units roots | units level L | units under U */
void rules_units(Checker *c, const Stmt *s, UnitSel *sel)
{
    sel->loc = s->loc;
    if (word_is(s, 1, "all")) { sel->kind = SEL_ALL; expect_end(c, s, 2, "'units all'"); return; }
    if (word_is(s, 1, "leaves")) { sel->kind = SEL_LEAVES; expect_end(c, s, 2, "'units leaves'"); return; }
    if (word_is(s, 1, "roots")) { sel->kind = SEL_ROOTS; expect_end(c, s, 2, "'units roots'"); return; }
    if (word_is(s, 1, "level") || word_is(s, 1, "under")) {
        sel->kind = word_is(s, 1, "level") ? SEL_LEVEL : SEL_UNDER;
        sel->codes = arena_alloc(c->A, sizeof *sel->codes);
        const char *name;
        if (!need_name(c, s, 2, sel->kind == SEL_LEVEL ? "a level name" : "a unit code", &name)) return;
        sel->codes[0] = name;
        sel->locs = arena_alloc(c->A, sizeof *sel->locs);
        sel->locs[0] = s->words[2].loc;
        sel->ncodes = 1;
        expect_end(c, s, 3, "the unit selector");
        return;
    }
    sel->kind = SEL_LIST;
    sel->codes = arena_alloc(c->A, (size_t)s->nwords * sizeof *sel->codes);
    sel->locs = arena_alloc(c->A, (size_t)s->nwords * sizeof *sel->locs);
    for (int i = 1; i < s->nwords; i++) {
        if (word_is(s, i, ",")) continue;
        const char *name;
        if (!need_name(c, s, i, "a unit code, 'all', 'level L' or 'under U'", &name)) return;
        sel->locs[sel->ncodes] = s->words[i].loc;
        sel->codes[sel->ncodes++] = name;
    }
    if (!sel->ncodes) diag_error(c->d, word_loc(s, 1), "expected unit codes after 'units'");
}
