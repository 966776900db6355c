/* check.c: tree -> checked plan.
 *
 * Gives the parser's statements their meaning: declarations (units,
 * indicators, schemes, scales, records, constants, functions, rule sets,
 * the budget), rules (polarity, aggregation, target source, cap, rounding,
 * zero handling, grading), each with its defaults filled in from the
 * enclosing block, and band schemes checked for gaps and overlaps. Then
 * formula.c resolves every name, types every formula and finds cycles.
 * Every problem is reported; the checker never stops at the first. */
#include "check/checker.h"
#include "front/parser.h"
#include "lua/sandbox.h"
#include "base/install.h"
#include "check/measure.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/scheme.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void check_stmts(Checker *c, Stmt **stmts, int n, Scope *scope);

/* ---- words ------------------------------------------------------------- */

/* Joins words written without spaces around '-': half-up, pk-perubahan,
 * and makes '-' directly before a number a sign, except between two
 * touching words (2021-2026 is a range of years, not 2021 and -2026). */
static void normalize_words(Checker *c, Stmt *s)
{
    Word *out = arena_array(c->A, s->nwords, sizeof *out);
    int n = 0, too_long = -1;
    for (int i = 0; i < s->nwords; i++) {
        Word w = s->words[i];
        int touching_next = i + 1 < s->nwords && s->words[i + 1].loc.line == w.loc.line &&
                            s->words[i + 1].loc.col == w.loc.end_col + 1;
        if (w.kind == W_SYMBOL && strcmp(w.text, "-") == 0 && touching_next &&
            s->words[i + 1].kind == W_NUMBER && (n == 0 || (out[n - 1].kind != W_NAME && out[n - 1].kind != W_NUMBER) ||
            out[n - 1].loc.end_col + 1 != w.loc.col)) {
            Word num = s->words[++i];
            num.text = arena_printf(c->A, "-%s", num.text);
            num.num = -num.num;
            num.loc = source_span(w.loc, num.loc);
            out[n++] = num;
            continue;
        }
        if (n > 0 && w.kind == W_SYMBOL && strcmp(w.text, "-") == 0 && touching_next &&
            out[n - 1].kind == W_NAME && out[n - 1].loc.end_col + 1 == w.loc.col &&
            s->words[i + 1].kind == W_NAME) {
            Word next = s->words[++i];
            Loc joined = source_span(out[n - 1].loc, next.loc);
            if (too_long == n - 1 || strlen(out[n - 1].text) + 1 + strlen(next.text) > SKP_MAX_NAME) {
                if (too_long != n - 1)      /* once; the rest of the word is dropped */
                    diag_error(c->d, out[n - 1].loc, "name longer than %d bytes (joined with '-')", SKP_MAX_NAME);
                too_long = n - 1;
                out[n - 1].loc = joined;
                continue;
            }
            out[n - 1].text = arena_printf(c->A, "%s-%s", out[n - 1].text, next.text);
            out[n - 1].loc = joined;
            continue;
        }
        out[n++] = w;
    }
    s->words = out;
    s->nwords = n;
}

static int word_is(const Stmt *s, int i, const char *text)
{
    return i < s->nwords && s->words[i].kind != W_STRING && strcmp(s->words[i].text, text) == 0;
}

static Loc word_loc(const Stmt *s, int i)
{
    if (i < s->nwords) return s->words[i].loc;
    Loc l = s->words[s->nwords - 1].loc;
    l.col = l.end_col + 1;
    l.end_col = l.col;
    return l;
}

static const char *word_desc(Checker *c, const Stmt *s, int i)
{
    if (i >= s->nwords) return s->value ? "'='" : "end of line";
    const Word *w = &s->words[i];
    if (w->kind == W_STRING) return arena_printf(c->A, "string \"%s\"", w->text);
    return arena_printf(c->A, "'%s'", w->text);
}

/* Expects nothing after word `from`. */
static int expect_end(Checker *c, const Stmt *s, int from, const char *what)
{
    if (from < s->nwords) {
        diag_error(c->d, s->words[from].loc, "unexpected %s after %s", word_desc(c, s, from), what);
        return 0;
    }
    return 1;
}

static int no_value(Checker *c, const Stmt *s, const char *what)
{
    if (s->value) {
        diag_error(c->d, s->eq_loc, "'%s' takes no '= formula'", what);
        return 0;
    }
    if (s->has_block) {
        diag_error(c->d, s->open_loc, "'%s' takes no block", what);
        return 0;
    }
    return 1;
}

static int need_number(Checker *c, const Stmt *s, int i, const char *what, double *out)
{
    if (i < s->nwords && s->words[i].kind == W_NUMBER) {
        *out = s->words[i].num;
        return 1;
    }
    diag_error(c->d, word_loc(s, i), "expected a number for %s, found %s", what, word_desc(c, s, i));
    return 0;
}

static int need_name(Checker *c, const Stmt *s, int i, const char *what, const char **out)
{
    if (i < s->nwords && s->words[i].kind == W_NAME) {
        *out = s->words[i].text;
        return 1;
    }
    diag_error(c->d, word_loc(s, i), "expected %s, found %s", what, word_desc(c, s, i));
    return 0;
}

static const char *opt_string(const Stmt *s, int *i)
{
    if (*i < s->nwords && s->words[*i].kind == W_STRING) return s->words[(*i)++].text;
    return NULL;
}


/* ---- names ------------------------------------------------------------- */

static int intern_code(Checker *c, const char *code)
{
    int id = strmap_get(&c->code_map, code);
    if (id >= 0) return id;
    id = c->codes.len;
    VEC_PUSH(c->codes, code);
    strmap_put(&c->code_map, code, id);
    return id;
}

/* ---- rules ------------------------------------------------------------- */

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
                   i < s->nwords ? mean(c, s->words[i].text, abc, 3) : "");
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
                   word_desc(c, s, 1), mean(c, w, polarity_words, 3));
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
               word_desc(c, s, 1), mean(c, w, aggregate_words, 7));
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
        if (strcmp(src, "end") != 0) note_source(c, src);
        else note_source(c, "renstra");
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

static void rule_cap(Checker *c, const Stmt *s, Rules *r)
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
static void rule_round(Checker *c, const Stmt *s, Rules *r)
{
    int i = 1;
    Rounding *target = &r->round;
    if (word_is(s, 1, "value")) { target = &r->value_round; i = 2; }
    RoundMode mode;
    const char *w = i < s->nwords ? s->words[i].text : "";
    if (i >= s->nwords || s->words[i].kind != W_NAME || num_round_mode_parse(w, &mode) != 0) {
        diag_error(c->d, word_loc(s, i), "unknown rounding %s: expected half-up, half-even, down, up or none%s",
                   word_desc(c, s, i), mean(c, w, round_words, 5));
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
static void rule_zero(Checker *c, const Stmt *s, Rules *r)
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

static int apply_rule(Checker *c, Stmt *s, Rules *r)
{
    const char *k = s->words[0].text;
    if (s->words[0].kind != W_NAME) return 0;
    if (strcmp(k, "zero") == 0) { rule_zero(c, s, r); return 1; }
    if (strcmp(k, "target") == 0 && !s->value) {
        if (no_value(c, s, "target")) rule_target_sources(c, s, r);
        return 1;
    }
    if (strcmp(k, "polarity") == 0) { if (no_value(c, s, k)) rule_polarity(c, s, r); return 1; }
    if (strcmp(k, "aggregate") == 0) { if (no_value(c, s, k)) rule_aggregate(c, s, r); return 1; }
    if (strcmp(k, "cap") == 0) { if (no_value(c, s, k)) rule_cap(c, s, r); return 1; }
    if (strcmp(k, "round") == 0) { if (no_value(c, s, k)) rule_round(c, s, r); return 1; }
    if (strcmp(k, "period") == 0) { if (no_value(c, s, k)) rule_period_targets(c, s, r); return 1; }
    return 0;
}

/* ---- gradings ---------------------------------------------------------- */

/* grade [value|capaian] by SCHEME[, SCHEME...] */
static void parse_grade(Checker *c, const Stmt *s, GradingVec *out, PendingVec *pend)
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
        Grading g = { on, -1, s->words[i].loc };
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

/* ---- units selectors ---------------------------------------------------- */

/* units A, B | units all | units leaves | units level L | units under U */
static void parse_units(Checker *c, const Stmt *s, UnitSel *sel)
{
    sel->loc = s->loc;
    if (word_is(s, 1, "all")) { sel->kind = SEL_ALL; expect_end(c, s, 2, "'units all'"); return; }
    if (word_is(s, 1, "leaves")) { sel->kind = SEL_LEAVES; expect_end(c, s, 2, "'units leaves'"); return; }
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

/* ---- indicator ---------------------------------------------------------- */

static const char *const indicator_words[] = {
    "name", "measure", "polarity", "aggregate", "target", "realisation", "capaian", "cap",
    "round", "grade", "units", "zero", "weight", "description", "satuan", "realisasi", "per", "period", "scale"
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
    if (strcmp(k, "grade") == 0) { parse_grade(c, s, grades, pend); return; }
    if (strcmp(k, "zero") == 0) { rule_zero(c, s, &ind->rules); return; }
    if (strcmp(k, "round") == 0 && word_is(s, 1, "value")) k = "round value";   /* two separate rules */
    if (!once(c, s, seen, nseen, k)) return;
    if (strcmp(k, "target") == 0 && s->value) { indicator_formula(c, s, ind, k); return; }
    if (apply_rule(c, s, &ind->rules)) return;
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
        else parse_units(c, s, &ind->units);
    } else {
        diag_error(c->d, s->loc, "unknown indicator property '%s'%s", k,
                   mean(c, k, indicator_words, N_INDICATOR_WORDS));
    }
}

/* indicator CODE ["name"] { ... } */
static void declare_indicator(Checker *c, Stmt *s, Scope *scope)
{
    const char *code;
    if (!need_name(c, s, 1, "an indicator code after 'indicator'", &code)) return;
    int i = 2;
    Indicator ind;
    memset(&ind, 0, sizeof ind);
    ind.code = code;
    ind.name = opt_string(s, &i);
    ind.loc = s->words[1].loc;
    ind.rules = scope->rules;
    ind.weight = 1;
    ind.group.record = -1;
    ind.scale = -1;
    c->cur_per = NULL;
    ind.tujuan = scope->tujuan;
    ind.sasaran = scope->sasaran;
    expect_end(c, s, i, "the indicator's name");
    if (scope->unit) {
        ind.units.kind = SEL_LIST;
        ind.units.codes = arena_alloc(c->A, sizeof *ind.units.codes);
        ind.units.codes[0] = scope->unit;
        ind.units.locs = arena_alloc(c->A, sizeof *ind.units.locs);
        ind.units.locs[0] = scope->unit_loc;
        ind.units.ncodes = 1;
        ind.units.loc = s->loc;
    }
    GradingVec grades = {0};
    PendingVec pend = {0};
    Seen seen[32];
    int nseen = 0;
    for (int k = 0; k < s->nbody; k++) {
        Stmt *p = s->body[k];
        normalize_words(c, p);
        if (p->has_block) {
            diag_error(c->d, p->open_loc, "unexpected block inside indicator %s", code);
            continue;
        }
        if (nseen < 30) indicator_prop(c, p, &ind, &grades, &pend, seen, &nseen, scope->unit == NULL);
    }
    if (!scope->unit && ind.units.ncodes == 0 && ind.units.kind == SEL_LIST)
        diag_error(c->d, ind.loc, "indicator %s belongs to no unit: declare it inside 'unit CODE { ... }' or add 'units CODE, ...' / 'units all'", code);
    if (ind.target_hi && ind.rules.polarity != POL_RANGE && !ind.capaian)
        diag_error(c->d, ind.target_hi->loc, "a target range 'lo .. hi' needs 'polarity range'; indicator %s is %s",
                   code, polarity_name(ind.rules.polarity));
    if (ind.target_hi && ind.target_expr->kind == E_NUMBER && ind.target_hi->kind == E_NUMBER
        && ind.target_hi->num < ind.target_expr->num)
        diag_error(c->d, ind.target_hi->loc, "empty target range: the upper bound %s is below the lower bound %s",
                   ind.target_hi->text, ind.target_expr->text);
    if (grades.len > MAX_GRADES)
        diag_error(c->d, grades.items[MAX_GRADES].loc, "indicator %s has %d gradings; at most %d are allowed",
                   code, grades.len, MAX_GRADES);
    ind.grades = arena_array(c->A, grades.len, sizeof *ind.grades);
    if (grades.len) memcpy(ind.grades, grades.items, (size_t)grades.len * sizeof *grades.items);
    ind.ngrades = grades.len;
    ind.code_id = intern_code(c, code);
    if (!ind.name) ind.name = code;
    /* unique within each unit it is declared for (explicit lists only), by
     * a map of "unit code" pairs: a plan of 10,000 indicators checks in
     * linear time */
    int index = c->inds.len;
    for (int b = 0; ind.units.kind == SEL_LIST && b < ind.units.ncodes; b++) {
        const char *key = arena_printf(c->A, "%s\x1f%s", ind.units.codes[b], code);
        int first = strmap_get(&c->unit_code_map, key);
        if (first == index) continue;       /* units U1, U1: this declaration, not yet in c->inds */
        if (first >= 0)
            diag_error(c->d, ind.loc, "indicator %s is declared twice for unit %s (first at line %d)",
                       code, ind.units.codes[b], c->inds.items[first].loc.line);
        else
            strmap_put(&c->unit_code_map, key, index);
    }
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

/* ---- schemes ------------------------------------------------------------ */

/* One bound: > N, >= N, < N or <= N. Returns words consumed (0 on error). */
static int parse_bound(Checker *c, const Stmt *s, int i, Band *b)
{
    const char *op = s->words[i].text;
    int lower = strcmp(op, ">") == 0 || strcmp(op, ">=") == 0;
    int upper = strcmp(op, "<") == 0 || strcmp(op, "<=") == 0;
    if (s->words[i].kind != W_SYMBOL || (!lower && !upper)) {
        diag_error(c->d, s->words[i].loc, "expected a bound such as '> 90' or '<= 100', found %s",
                   word_desc(c, s, i));
        return 0;
    }
    double v;
    if (!need_number(c, s, i + 1, "the bound", &v)) return 0;
    if ((lower && b->has_lo) || (upper && b->has_hi)) {
        diag_error(c->d, s->words[i].loc, "band '%s' has two %s bounds", b->code, lower ? "lower" : "upper");
        return 0;
    }
    if (lower) { b->has_lo = 1; b->lo_incl = op[1] == '='; b->lo = v; }
    else { b->has_hi = 1; b->hi_incl = op[1] == '='; b->hi = v; }
    return 2;
}

/* CODE ["label"] BOUND [BOUND]   or   "label" BOUND [BOUND] */
static int parse_band(Checker *c, const Stmt *s, Band *b)
{
    int i = 0;
    memset(b, 0, sizeof *b);
    b->loc = s->loc;
    if (s->words[0].kind == W_STRING) {
        b->code = b->label = s->words[0].text;
        i = 1;
    } else {
        b->code = s->words[0].text;
        i = 1;
        b->label = opt_string(s, &i);
        if (!b->label) b->label = b->code;
    }
    if (i >= s->nwords) {
        diag_error(c->d, word_loc(s, i), "band '%s' has no bounds (write e.g. '> 90 <= 100')", b->code);
        return 0;
    }
    while (i < s->nwords) {
        int used = parse_bound(c, s, i, b);
        if (!used) return 0;
        i += used;
    }
    if (b->has_lo && b->has_hi && (b->lo > b->hi || (b->lo == b->hi && !(b->lo_incl && b->hi_incl)))) {
        char t[64];
        scheme_band_text(b, t, sizeof t);
        diag_error(c->d, b->loc, "band '%s' (%s) contains no value", b->code, t);
        return 0;
    }
    return 1;
}

/* scheme NAME ["title"] { precision N; bands } */
static void declare_scheme(Checker *c, Stmt *s)
{
    Scheme sc;
    memset(&sc, 0, sizeof sc);
    if (!need_name(c, s, 1, "a scheme name after 'scheme'", &sc.name)) return;
    int i = 2;
    sc.title = opt_string(s, &i);
    sc.loc = s->words[1].loc;
    sc.precision = -1;
    expect_end(c, s, i, "the scheme's title");
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "scheme %s needs its bands in a { ... } block", sc.name);
        return;
    }
    int prev = strmap_get(&c->scheme_map, sc.name);
    if (prev >= 0) {
        diag_error(c->d, sc.loc, "scheme %s is declared twice (first at %s:%d)", sc.name,
                   c->schemes.items[prev].loc.src->path, c->schemes.items[prev].loc.line);
        return;
    }
    VEC(Band) bands = {0};
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        normalize_words(c, b);
        if (b->has_block || b->value) {
            diag_error(c->d, b->has_block ? b->open_loc : b->eq_loc, "unexpected %s in scheme %s",
                       b->has_block ? "block" : "'='", sc.name);
            continue;
        }
        if (word_is(b, 0, "precision")) {
            double p;
            if (need_number(c, b, 1, "the precision (decimals)", &p)) {
                if (p < 0 || p > SKP_MAX_DIGITS || p != floor(p))
                    diag_error(c->d, b->words[1].loc, "precision must be a whole number from 0 to %d", SKP_MAX_DIGITS);
                else sc.precision = (int)p;
                expect_end(c, b, 2, "the precision");
            }
            continue;
        }
        Band band;
        if (!parse_band(c, b, &band)) continue;
        for (int j = 0; j < bands.len; j++)
            if (strcmp(bands.items[j].code, band.code) == 0 && strcmp(bands.items[j].label, band.label) == 0)
                diag_error(c->d, band.loc, "band '%s' appears twice in scheme %s (first at line %d)",
                           band.code, sc.name, bands.items[j].loc.line);
        VEC_PUSH(bands, band);
    }
    if (!bands.len) diag_error(c->d, sc.loc, "scheme %s has no bands", sc.name);
    sc.bands = arena_array(c->A, bands.len, sizeof *sc.bands);
    if (bands.len) memcpy(sc.bands, bands.items, (size_t)bands.len * sizeof *bands.items);
    sc.nbands = bands.len;
    VEC_FREE(bands);
    scheme_check(&sc, c->d);
    strmap_put(&c->scheme_map, sc.name, c->schemes.len);
    VEC_PUSH(c->schemes, sc);
}

/* scale NAME ["title"] { CODE ["label"] ... }: ordered levels, best first
 * (BPK opinion: WTP, WDP, TW, TMP). */
static void declare_scale(Checker *c, Stmt *s)
{
    Scheme sc;
    memset(&sc, 0, sizeof sc);
    if (!need_name(c, s, 1, "a scale name after 'scale'", &sc.name)) return;
    int i = 2;
    sc.title = opt_string(s, &i);
    sc.loc = s->words[1].loc;
    sc.precision = -1;
    sc.ordinal = 1;
    expect_end(c, s, i, "the scale's title");
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "scale %s needs its levels, best first, in a { ... } block", sc.name);
        return;
    }
    int prev = strmap_get(&c->scheme_map, sc.name);
    if (prev >= 0) {
        diag_error(c->d, sc.loc, "%s is declared twice (first at %s:%d)", sc.name,
                   c->schemes.items[prev].loc.src->path, c->schemes.items[prev].loc.line);
        return;
    }
    VEC(Band) levels = {0};
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        normalize_words(c, b);
        if (b->has_block || b->value || (b->words[0].kind != W_NAME && b->words[0].kind != W_STRING)) {
            diag_error(c->d, b->loc, "a scale lists its levels, best first: CODE [\"label\"]");
            continue;
        }
        Band lv;
        memset(&lv, 0, sizeof lv);
        lv.code = b->words[0].text;
        lv.loc = b->words[0].loc;
        int j = 1;
        const char *label = opt_string(b, &j);
        lv.label = label ? label : lv.code;
        expect_end(c, b, j, "the level");
        for (int m = 0; m < levels.len; m++)
            if (strcmp(levels.items[m].code, lv.code) == 0)
                diag_error(c->d, lv.loc, "level '%s' appears twice in scale %s (first at line %d)", lv.code, sc.name,
                           levels.items[m].loc.line);
        VEC_PUSH(levels, lv);
    }
    if (levels.len < 2) diag_error(c->d, sc.loc, "scale %s needs at least two levels", sc.name);
    sc.bands = arena_array(c->A, levels.len, sizeof *sc.bands);
    if (levels.len) memcpy(sc.bands, levels.items, (size_t)levels.len * sizeof *levels.items);
    sc.nbands = levels.len;
    VEC_FREE(levels);
    strmap_put(&c->scheme_map, sc.name, c->schemes.len);
    VEC_PUSH(c->schemes, sc);
}

/* ---- records ------------------------------------------------------------ */

/* NAME TYPE [ '[' N ']' ] [LO .. HI] [optional] */
static int parse_column(Checker *c, const Stmt *s, RecordColumn *col)
{
    static const char *const types[] = { "text", "int", "number" };
    memset(col, 0, sizeof *col);
    if (!need_name(c, s, 0, "a column name", &col->name)) return 0;
    const char *t = s->nwords > 1 ? s->words[1].text : "";
    if (word_is(s, 1, "text")) col->type = COL_TEXT;
    else if (word_is(s, 1, "int") || word_is(s, 1, "integer") || word_is(s, 1, "rupiah")) col->type = COL_INT;
    else if (word_is(s, 1, "number") || word_is(s, 1, "num")) col->type = COL_NUM;
    else {
        diag_error(c->d, word_loc(s, 1), "unknown column type %s for '%s': expected text, int or number%s",
                   word_desc(c, s, 1), col->name, mean(c, t, types, 3));
        return 0;
    }
    int i = 2;
    if (word_is(s, i, "[")) {
        double n;
        if (!need_number(c, s, i + 1, "the number of values", &n)) return 0;
        if (n < 1 || n > 64 || n != floor(n) || !word_is(s, i + 2, "]")) {
            diag_error(c->d, s->words[i].loc, "expected '[N]' with N from 1 to 64");
            return 0;
        }
        col->array_len = (int)n;
        i += 3;
    }
    if (i < s->nwords && s->words[i].kind == W_NUMBER) {
        if (!word_is(s, i + 1, "..") || i + 2 >= s->nwords || s->words[i + 2].kind != W_NUMBER) {
            diag_error(c->d, s->words[i].loc, "expected a range 'LO .. HI'");
            return 0;
        }
        col->has_range = 1;
        col->lo = s->words[i].num;
        col->hi = s->words[i + 2].num;
        i += 3;
    }
    if (word_is(s, i, "optional")) { col->optional = 1; i++; }
    return expect_end(c, s, i, "the column");
}

/* per COL[, COL]: a text column holds the unit code, an int column the
 * year; formulas over the table then see the rows of the unit and year
 * being evaluated, as they see realisations. */
static void record_per(Checker *c, const Stmt *s, RecordDecl *r)
{
    for (int w = 1; w < s->nwords; w++) {
        if (word_is(s, w, ",")) continue;
        ColType t;
        int flat = record_flat_find(r, s->words[w].text, &t);
        int declared = -1;
        for (int j = 0; j < r->ncols; j++)
            if (strcmp(r->cols[j].name, s->words[w].text) == 0) declared = j;
        if (flat < 0 || declared < 0) {
            diag_error(c->d, s->words[w].loc, "'per' names a column, and record %s has no column '%s'", r->name, s->words[w].text);
        } else if (t == COL_TEXT && r->unit_col < 0) {
            r->unit_col = flat;
        } else if (t == COL_INT && r->year_col < 0) {
            r->year_col = flat;
        } else {
            diag_error(c->d, s->words[w].loc, "'per' takes one text column (the unit code) and one int column (the year); "
                       "column '%s' is %s", s->words[w].text,
                       t == COL_TEXT ? "a second text column" : t == COL_INT ? "a second int column" : "a number");
        }
    }
    if (r->unit_col < 0 && r->year_col < 0 && s->nwords < 2)
        diag_error(c->d, s->loc, "'per' needs the columns that hold the unit code and/or the year: per unit, year");
}

/* record NAME ["title"] { columns; key a, b; per unit, year } */
static void declare_record(Checker *c, Stmt *s)
{
    RecordDecl r;
    memset(&r, 0, sizeof r);
    if (!need_name(c, s, 1, "a record table name after 'record'", &r.name)) return;
    int i = 2;
    r.title = opt_string(s, &i);
    expect_end(c, s, i, "the record's title");
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "record %s needs its columns in a { ... } block", r.name);
        return;
    }
    if (strmap_get(&c->record_map, r.name) >= 0) {
        diag_error(c->d, s->words[1].loc, "record table %s is declared twice", r.name);
        return;
    }
    VEC(RecordColumn) cols = {0};
    const Stmt *key = NULL, *per = NULL;
    r.unit_col = r.year_col = -1;
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        normalize_words(c, b);
        if (word_is(b, 0, "key")) { key = b; continue; }
        if (word_is(b, 0, "per")) { per = b; continue; }
        RecordColumn col;
        if (!parse_column(c, b, &col)) continue;
        for (int j = 0; j < cols.len; j++)
            if (strcmp(cols.items[j].name, col.name) == 0)
                diag_error(c->d, b->loc, "column '%s' appears twice in record %s", col.name, r.name);
        VEC_PUSH(cols, col);
    }
    r.cols = arena_array(c->A, cols.len, sizeof *r.cols);
    if (cols.len) memcpy(r.cols, cols.items, (size_t)cols.len * sizeof *cols.items);
    r.ncols = cols.len;
    VEC_FREE(cols);
    if (key) {
        r.key = arena_alloc(c->A, (size_t)key->nwords * sizeof *r.key);
        for (int w = 1; w < key->nwords; w++) {
            if (word_is(key, w, ",")) continue;
            int found = -1;
            for (int j = 0; j < r.ncols; j++)
                if (strcmp(r.cols[j].name, key->words[w].text) == 0) found = j;
            if (found < 0) diag_error(c->d, key->words[w].loc, "key column '%s' is not a column of record %s", key->words[w].text, r.name);
            else r.key[r.nkey++] = found;
        }
    }
    if (per) record_per(c, per, &r);
    strmap_put(&c->record_map, r.name, c->records.len);
    VEC_PUSH(c->records, r);
}

/* ---- units, tujuan, sasaran --------------------------------------------- */

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
    if (s->has_block) check_stmts(c, s->body, s->nbody, &inner);
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
    check_stmts(c, s->body, s->nbody, &inner);
}

/* ---- top level ---------------------------------------------------------- */

static const char *const top_words[] = {
    "plan", "database", "include", "year", "renstra", "const", "scheme", "unit", "tujuan",
    "sasaran", "indicator", "record", "polarity", "aggregate", "target", "cap", "round", "zero", "period",
    "function", "rules", "budget", "scale", "scenario", "hook"
};
#define N_TOP_WORDS (int)(sizeof top_words / sizeof *top_words)

static void include_file(Checker *c, const Stmt *s);

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

static void top_const_years(Checker *c, const Stmt *s, const YearRange *years);

static void top_const(Checker *c, const Stmt *s)
{
    top_const_years(c, s, NULL);
}

/* const NAME = FORMULA, for every year or (in a rule set by year) for some:
 * the same name may then be given again for other years. */
static void top_const_years(Checker *c, const Stmt *s, const YearRange *years)
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

static char *dir_of(const char *path);
static int file_exists(const char *path);

static int type_word(const char *w)
{
    return !strcmp(w, "number") ? T_NUM : !strcmp(w, "text") ? T_STR : !strcmp(w, "bool") ? T_BOOL : 0;
}

/* function NAME(a, b) = FORMULA
 * function NAME(number a, text b) returns number = lua("rules.lua") */
static void top_function(Checker *c, const Stmt *s)
{
    const char *name;
    if (!need_name(c, s, 1, "a function name after 'function'", &name)) return;
    if (!word_is(s, 2, "(")) {
        diag_error(c->d, word_loc(s, 2), "expected '(' after 'function %s', found %s", name, word_desc(c, s, 2));
        return;
    }
    VEC(const char *) params = {0};
    VEC(int) types = {0};
    int i = 3, ok = 1, typed = 0;
    if (word_is(s, i, ")")) i++;
    else for (;;) {
        const char *p;
        int t = T_NUM;
        if (i + 1 < s->nwords && s->words[i + 1].kind == W_NAME && !word_is(s, i + 1, ",")) {
            t = type_word(s->words[i].text);        /* number x, text s, bool b */
            if (!t) {
                diag_error(c->d, s->words[i].loc, "expected a parameter type (number, text or bool), found %s", word_desc(c, s, i));
                ok = 0;
                break;
            }
            typed = 1;
            i++;
        }
        if (!need_name(c, s, i, "a parameter name", &p)) { ok = 0; break; }
        VEC_PUSH(types, t);
        for (int j = 0; j < params.len; j++)
            if (strcmp(params.items[j], p) == 0) {
                diag_error(c->d, s->words[i].loc, "parameter '%s' appears twice in function %s", p, name);
                ok = 0;
            }
        if (strchr(p, '.')) {
            diag_error(c->d, s->words[i].loc, "a parameter name cannot contain '.': %s", p);
            ok = 0;
        }
        VEC_PUSH(params, p);
        i++;
        if (word_is(s, i, ",")) { i++; continue; }
        if (word_is(s, i, ")")) { i++; break; }
        diag_error(c->d, word_loc(s, i), "expected ',' or ')' in the parameters of %s, found %s", name, word_desc(c, s, i));
        ok = 0;
        break;
    }
    int ret = T_NUM;
    if (ok && word_is(s, i, "returns")) {           /* returns number|text|bool */
        ret = i + 1 < s->nwords ? type_word(s->words[i + 1].text) : 0;
        if (!ret) {
            diag_error(c->d, word_loc(s, i + 1), "expected the type it returns (number, text or bool), found %s", word_desc(c, s, i + 1));
            ok = 0;
        }
        typed = 1;
        i += 2;
    }
    if (ok && !expect_end(c, s, i, "the parameters")) ok = 0;
    if (ok && (!s->value || s->upper)) {
        diag_error(c->d, word_loc(s, i), "function %s needs '= FORMULA'", name);
        ok = 0;
    }
    const char *lua_file = NULL;
    if (ok && s->value->kind == E_CALL && strcmp(s->value->text, "lua") == 0) {
        const Expr *v = s->value;
        if (v->nargs != 1 || v->args[0]->kind != E_STRING) {
            diag_error(c->d, v->loc, "a Lua function names its file: = lua(\"rules.lua\")");
            ok = 0;
        } else {
            char *dir = dir_of(s->loc.src->path);
            lua_file = v->args[0]->text[0] == '/' ? v->args[0]->text : arena_printf(c->A, "%s/%s", dir, v->args[0]->text);
            free(dir);
            if (!file_exists(lua_file)) {
                diag_error(c->d, v->args[0]->loc, "cannot find the Lua file '%s' (looked next to %s)", v->args[0]->text, s->loc.src->path);
                ok = 0;
            }
        }
    } else if (ok && typed) {
        diag_error(c->d, s->words[1].loc, "types are declared for Lua functions (= lua(\"FILE.lua\")); a plan function takes what its formula takes");
        ok = 0;
    }
    if (ok && (builtin_index(name) >= 0 || strcmp(name, "realisasi") == 0)) {
        diag_error(c->d, s->words[1].loc, "%s is a built-in function and cannot be redefined", name);
        ok = 0;
    }
    int prev = strmap_get(&c->func_map, name);
    if (ok && prev >= 0) {
        diag_error(c->d, s->words[1].loc, "function %s is declared twice (first at %s:%d)", name,
                   c->funcs.items[prev].loc.src->path, c->funcs.items[prev].loc.line);
        ok = 0;
    }
    if (!ok) { VEC_FREE(params); VEC_FREE(types); return; }
    Func f = { name, NULL, params.len, s->value, s->words[1].loc, lua_file, NULL, ret };
    f.params = arena_array(c->A, params.len, sizeof *f.params);
    if (params.len) memcpy(f.params, params.items, (size_t)params.len * sizeof *params.items);
    f.param_types = arena_array(c->A, types.len, sizeof *f.param_types);
    if (types.len) memcpy(f.param_types, types.items, (size_t)types.len * sizeof *types.items);
    VEC_FREE(params);
    VEC_FREE(types);
    strmap_put(&c->func_map, name, c->funcs.len);
    VEC_PUSH(c->funcs, f);
}

/* rules ["title"] from Y [until Y2] { const ...; cap ... }
 * rules ["title"] until Y { ... }
 * The regulations change with the years (AKIP components under PermenPANRB
 * 12/2015 until 2021, 88/2021 from 2022): the constants and caps stated
 * inside hold in those years only. */
static void declare_rule_set(Checker *c, Stmt *s, Scope *scope)
{
    YearRange yr;
    memset(&yr, 0, sizeof yr);
    yr.loc = s->loc;
    int i = 1;
    yr.title = opt_string(s, &i);
    for (int part = 0; part < 2 && i < s->nwords; part++) {
        int is_from = word_is(s, i, "from"), is_until = word_is(s, i, "until");
        if (!is_from && !is_until) break;
        double y;
        if (!need_number(c, s, i + 1, "a year", &y)) return;
        if (y < 1900 || y > 2999 || y != floor(y)) {
            diag_error(c->d, s->words[i + 1].loc, "expected a year from 1900 to 2999, found %s", s->words[i + 1].text);
            return;
        }
        if ((is_from && yr.from) || (is_until && yr.until)) {
            diag_error(c->d, s->words[i].loc, "'%s' is stated twice", s->words[i].text);
            return;
        }
        if (is_from) yr.from = (int)y; else yr.until = (int)y;
        i += 2;
    }
    if (!yr.from && !yr.until) {
        diag_error(c->d, word_loc(s, i), "a rule set says the years it holds: rules \"TITLE\" from YEAR [until YEAR], or until YEAR; found %s",
                   word_desc(c, s, i));
        return;
    }
    if (yr.from && yr.until && yr.from > yr.until) {
        diag_error(c->d, s->loc, "rule set years %d .. %d are not a range", yr.from, yr.until);
        return;
    }
    if (!expect_end(c, s, i, "the rule set's years")) return;
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "a rule set needs its rules in a { ... } block");
        return;
    }
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        normalize_words(c, b);
        if (b->has_block) {
            diag_error(c->d, b->open_loc, "unexpected block inside a rule set");
            continue;
        }
        if (word_is(b, 0, "const")) { top_const_years(c, b, &yr); continue; }
        if (word_is(b, 0, "cap")) {
            if (!no_value(c, b, "cap")) continue;
            Rules tmp = scope->rules;
            rule_cap(c, b, &tmp);
            Rules *r = &scope->rules;
            /* in the years two rule sets share, the later one's cap holds
             * (rules_in_year takes the last that covers the year) */
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
static void resolve_budget_links(Checker *c)
{
    BudgetSpec *b = &c->p->budget;
    for (int i = 0; i < b->nlinks; i++) {
        BudgetLink *l = &b->links[i];
        l->code_ids = arena_array(c->A, l->ncodes, sizeof *l->code_ids);
        for (int k = 0; k < l->ncodes; k++) {
            l->code_ids[k] = strmap_get(&c->code_map, l->codes[k]);
            if (l->code_ids[k] < 0) {
                diag_error(c->d, l->locs[k], "unknown indicator '%s' in %s %s%s", l->codes[k], l->level, l->line,
                           mean(c, l->codes[k], c->codes.items, c->codes.len));
                continue;
            }
            for (int j = 0; j < c->inds.len; j++) {      /* one figure per unit and year, not one per group */
                const Indicator *ind = &c->inds.items[j];
                if (ind->code_id != l->code_ids[k] || ind->group.record < 0) continue;
                diag_error(c->d, l->locs[k], "%s %s cannot support %s: it has one figure per %s, not one per unit; "
                           "link an indicator made from its groups (avg(%s))", l->level, l->line, l->codes[k],
                           group_text(c, &ind->group), l->codes[k]);
                break;
            }
        }
        if (l->unit && !unit_named(c, l->unit)) {
            const char **names = arena_array(c->A, c->units.len, sizeof *names);
            for (int u = 0; u < c->units.len; u++) names[u] = c->units.items[u].code;
            diag_error(c->d, l->unit_loc, "unknown unit '%s' in %s %s: no unit block or indicator names it%s", l->unit,
                       l->level, l->line, mean(c, l->unit, names, c->units.len));
        }
        for (int j = 0; j < i; j++)
            if (!strcmp(b->links[j].line, l->line))
                diag_error(c->d, l->loc, "budget line %s is linked twice (first at line %d)", l->line, b->links[j].loc.line);
    }
}

/* budget ["title"] { round MODE DIGITS; pagu original|revised; check rollup, sisa;
 *                    program CODE supports IND, ... } */
static void declare_budget(Checker *c, Stmt *s)
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
        normalize_words(c, st);
        if (st->has_block || st->value) {
            diag_error(c->d, st->loc, "a budget block holds 'round', 'pagu', 'check', 'program', 'kegiatan' and 'subkegiatan' statements");
            continue;
        }
        if (word_is(st, 0, "round")) {
            Rules tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.round = b->round;
            rule_round(c, st, &tmp);
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

static char *dir_of(const char *path);
static int file_exists(const char *path);

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
    char *dir = dir_of(s->loc.src->path);
    const char *path = name[0] == '/' ? name : arena_printf(c->A, "%s/%s", dir, name);
    free(dir);
    if (!file_exists(path)) {
        diag_error(c->d, s->words[1].loc, "cannot find hook '%s' (looked next to %s)", name, s->loc.src->path);
        return;
    }
    VEC_PUSH(c->hooks, path);
}

/* ---- scenarios ------------------------------------------------------------ */

static const char *const override_words[] = { "target", "realisation", "weight", "cap" };
typedef VEC(Override) OverrideVec;

/* FIELD CODE [YEAR] = VALUE, inside a scenario (and its unit blocks). */
static void scenario_set(Checker *c, const Stmt *s, const char *unit, OverrideVec *out)
{
    const char *k = s->words[0].text;
    int field = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(k, override_words[i]) == 0) field = i;
    if (strcmp(k, "realisasi") == 0) field = OV_REALISATION;
    if (field < 0) {
        diag_error(c->d, s->loc, "a scenario sets target, realisation, weight or cap: 'target IKM = 86'; found %s%s",
                   word_desc(c, s, 0), mean(c, k, override_words, 4));
        return;
    }
    Override ov;
    memset(&ov, 0, sizeof ov);
    ov.unit = unit;
    ov.field = (OverrideField)field;
    ov.code_id = -1;
    ov.loc = s->loc;
    if (!need_name(c, s, 1, "an indicator code", &ov.code)) return;
    int i = 2;
    if (i < s->nwords && s->words[i].kind == W_NUMBER) {
        double y = s->words[i].num;
        if (y < 1900 || y > 2999 || y != floor(y)) {
            diag_error(c->d, s->words[i].loc, "expected a year from 1900 to 2999, found %s", s->words[i].text);
            return;
        }
        ov.year = (int)y;
        i++;
    }
    if (!expect_end(c, s, i, "the indicator (and year)")) return;
    const Expr *v = s->value;
    if (!v || s->upper) {
        diag_error(c->d, word_loc(s, i), "'%s %s' needs '= VALUE'", k, ov.code);
        return;
    }
    if (v->kind == E_NUMBER) { ov.has_value = 1; ov.value = v->num; }
    else if (v->kind == E_NEG && v->a->kind == E_NUMBER) { ov.has_value = 1; ov.value = -v->a->num; }
    else if (v->kind == E_STRING && (field == OV_TARGET || field == OV_REALISATION)) { ov.has_value = 1; ov.level = v->text; }
    else if (v->kind == E_NAME && strcmp(v->text, "none") == 0 && field == OV_CAP) ov.has_value = 0;
    else {
        diag_error(c->d, v->loc, "a scenario sets a number%s, not a formula", field == OV_CAP ? " or none" :
                   field == OV_WEIGHT ? "" : " or a level such as \"WTP\"");
        return;
    }
    if (ov.has_value && field == OV_WEIGHT && ov.value < 0) {
        diag_error(c->d, v->loc, "weight must not be negative");
        return;
    }
    if (ov.has_value && field == OV_CAP && ov.value <= 0) {
        diag_error(c->d, v->loc, "cap must be above 0 (or none)");
        return;
    }
    VEC_PUSH(*out, ov);
}

/* scenario NAME ["title"] [extends BASE] { ... } */
static void declare_scenario(Checker *c, Stmt *s)
{
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.base = -1;
    if (!need_name(c, s, 1, "a scenario name after 'scenario'", &sc.name)) return;
    sc.loc = s->words[1].loc;
    int i = 2;
    sc.title = opt_string(s, &i);
    if (word_is(s, i, "extends")) {
        if (!need_name(c, s, i + 1, "the scenario it builds on", &sc.base_name)) return;
        i += 2;
    }
    expect_end(c, s, i, "the scenario's name");
    if (!s->has_block) {
        diag_error(c->d, word_loc(s, i), "scenario %s needs its changes in a { ... } block", sc.name);
        return;
    }
    for (int k = 0; k < c->scenarios.len; k++)
        if (strcmp(c->scenarios.items[k].name, sc.name) == 0) {
            diag_error(c->d, sc.loc, "scenario %s is declared twice (first at %s:%d)", sc.name,
                       c->scenarios.items[k].loc.src->path, c->scenarios.items[k].loc.line);
            return;
        }
    OverrideVec ovs = {0};
    const char *origin = arena_printf(c->A, "scenario %s", sc.name);
    for (int k = 0; k < s->nbody; k++) {
        Stmt *b = s->body[k];
        normalize_words(c, b);
        if (word_is(b, 0, "unit") && b->has_block) {
            const char *unit;
            if (!need_name(c, b, 1, "a unit code after 'unit'", &unit)) continue;
            expect_end(c, b, 2, "the unit code");
            for (int m = 0; m < b->nbody; m++) {
                normalize_words(c, b->body[m]);
                if (b->body[m]->has_block) diag_error(c->d, b->body[m]->open_loc, "unexpected block inside a scenario's unit");
                else scenario_set(c, b->body[m], unit, &ovs);
            }
            continue;
        }
        if (b->has_block) {
            diag_error(c->d, b->open_loc, "a scenario holds changes ('target IKM = 86') and unit blocks, not this block");
            continue;
        }
        scenario_set(c, b, NULL, &ovs);
    }
    for (int k = 0; k < ovs.len; k++) ovs.items[k].origin = origin;
    sc.ovs = arena_array(c->A, ovs.len, sizeof *sc.ovs);
    if (ovs.len) memcpy(sc.ovs, ovs.items, (size_t)ovs.len * sizeof *ovs.items);
    sc.novs = ovs.len;
    VEC_FREE(ovs);
    VEC_PUSH(c->scenarios, sc);
}

/* Indicator codes and bases, once everything is declared. */
void resolve_scenarios(Checker *c)
{
    for (int i = 0; i < c->scenarios.len; i++) {
        Scenario *sc = &c->scenarios.items[i];
        for (int k = 0; k < sc->novs; k++) {
            Override *ov = &sc->ovs[k];
            ov->code_id = strmap_get(&c->code_map, ov->code);
            if (ov->code_id < 0)
                diag_error(c->d, ov->loc, "unknown indicator '%s' in scenario %s%s", ov->code, sc->name,
                           mean(c, ov->code, c->codes.items, c->codes.len));
        }
        if (!sc->base_name) continue;
        for (int k = 0; k < c->scenarios.len; k++)
            if (strcmp(c->scenarios.items[k].name, sc->base_name) == 0) sc->base = k;
        if (sc->base < 0) diag_error(c->d, sc->loc, "scenario %s extends unknown scenario '%s'", sc->name, sc->base_name);
    }
    for (int i = 0; i < c->scenarios.len; i++) {       /* A extends B extends A */
        int at = i, steps = 0;
        while (at >= 0 && steps <= c->scenarios.len) { at = c->scenarios.items[at].base; steps++; }
        if (at >= 0) diag_error(c->d, c->scenarios.items[i].loc, "scenario %s extends itself, through its bases",
                                c->scenarios.items[i].name);
    }
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

/* A statement in any block that is not an indicator body. */
static void check_stmt(Checker *c, Stmt *s, Scope *scope)
{
    normalize_words(c, s);
    const Word *w = &s->words[0];
    const char *k = w->text;
    int top = scope->unit == NULL && scope->tujuan == NULL && scope->sasaran == NULL;
    if (w->kind != W_NAME) {
        diag_error(c->d, s->loc, "expected a statement such as 'indicator' or 'scheme', found %s", word_desc(c, s, 0));
        return;
    }
    if (strcmp(k, "indicator") == 0) { declare_indicator(c, s, scope); return; }
    if (strcmp(k, "tujuan") == 0) { declare_group(c, s, scope, 1); return; }
    if (strcmp(k, "sasaran") == 0) { declare_group(c, s, scope, 0); return; }
    if (strcmp(k, "unit") == 0) { declare_unit(c, s, scope); return; }
    if (strcmp(k, "rules") == 0) {
        if (!top) diag_error(c->d, s->loc, "'rules' belongs at the top level of a plan, not inside a block");
        else {
            declare_rule_set(c, s, scope);
            c->p->defaults = scope->rules;
        }
        return;
    }
    if (apply_rule(c, s, &scope->rules)) {
        if (top) c->p->defaults = scope->rules;
        return;
    }
    if (strcmp(k, "target") == 0) {
        diag_error(c->d, s->eq_loc, "'target = FORMULA' belongs inside an indicator; here, name a source: 'target pk'");
        return;
    }
    if (!top) {
        static const char *const top_only[] = { "scheme", "scale", "scenario", "hook", "record", "include", "const", "function", "budget", "plan", "database", "year", "renstra" };
        int only = 0;
        for (int i = 0; i < (int)(sizeof top_only / sizeof *top_only); i++) only |= strcmp(k, top_only[i]) == 0;
        if (only) {
            diag_error(c->d, s->loc, "'%s' belongs at the top level of a plan, not inside a block", k);
            return;
        }
    }
    if (strcmp(k, "budget") == 0 && top) {
        if (!s->has_block) diag_error(c->d, word_loc(s, s->nwords), "'budget' needs a { ... } block (it may be empty)");
        else declare_budget(c, s);
        return;
    }
    if (strcmp(k, "scale") == 0 && top) { declare_scale(c, s); return; }
    if (strcmp(k, "scenario") == 0 && top) { declare_scenario(c, s); return; }
    if (strcmp(k, "hook") == 0 && top && !s->has_block) { declare_hook(c, s); return; }
    if (s->has_block && strcmp(k, "scheme") != 0 && strcmp(k, "record") != 0) {
        diag_error(c->d, s->loc, "unknown block '%s'%s", k, mean(c, k, top_words, N_TOP_WORDS));
        return;
    }
    if (strcmp(k, "scheme") == 0) declare_scheme(c, s);
    else if (strcmp(k, "record") == 0) declare_record(c, s);
    else if (strcmp(k, "include") == 0) include_file(c, s);
    else if (strcmp(k, "const") == 0) top_const(c, s);
    else if (strcmp(k, "function") == 0) top_function(c, s);
    else if (!no_value(c, s, k)) return;
    else if (is_plan_setting(k) && !setting_once(c, s, k)) return;
    else if (strcmp(k, "plan") == 0) top_string(c, s, &c->p->title);
    else if (strcmp(k, "database") == 0) top_string(c, s, &c->p->database);
    else if (strcmp(k, "renstra") == 0) top_renstra(c, s);
    else if (strcmp(k, "year") == 0) {
        double y;
        if (need_number(c, s, 1, "the year", &y)) {
            if (y < 1900 || y > 2999 || y != floor(y)) diag_error(c->d, s->words[1].loc, "year must be a whole year from 1900 to 2999");
            else c->p->year = (int)y;
            expect_end(c, s, 2, "the year");
        }
    } else {
        diag_error(c->d, s->loc, "unknown statement '%s'%s", k, mean(c, k, top_words, N_TOP_WORDS));
    }
}

static void check_stmts(Checker *c, Stmt **stmts, int n, Scope *scope)
{
    for (int i = 0; i < n; i++) check_stmt(c, stmts[i], scope);
}

/* ---- includes ------------------------------------------------------------ */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? mem_xstrndup(path, (size_t)(slash - path)) : mem_xstrdup(".");
}

/* Where the files a plan names (includes, hooks, Lua modules) may be, when
 * check_confine_files has said (the fuzz targets); anywhere otherwise. */
static const char *const *confined_to;
static int nconfined;

void check_confine_files(const char *const *dirs, int n)
{
    confined_to = dirs;
    nconfined = n;
}

static int file_exists(const char *path)
{
    if (access(path, R_OK) != 0) return 0;
    if (!confined_to) return 1;
    char *real = realpath(path, NULL);
    int inside = 0;
    for (int i = 0; real && i < nconfined; i++) {
        size_t n = strlen(confined_to[i]);
        inside |= strncmp(real, confined_to[i], n) == 0 && real[n] == '/';
    }
    free(real);
    return inside;
}

/* include "akip" looks for akip.skp next to the including file, then in
 * $SAKIPC_STDLIB, then in the standard library (install_stdlib_dir). A name
 * with a '/' or ending in .skp is a path relative to the including file. */
static char *find_include(Checker *c, const char *name, const char *from)
{
    char *dir = dir_of(from);
    size_t n = strlen(name);
    int is_path = strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".skp") == 0);
    const char *dirs[3] = { dir, getenv("SAKIPC_STDLIB"), install_stdlib_dir() };
    char *found = NULL;
    for (int i = 0; i < (is_path ? 1 : 3) && !found; i++) {
        if (!dirs[i] || !*dirs[i]) continue;
        char *cand = is_path && name[0] == '/' ? mem_xstrdup(name)
                   : is_path ? arena_printf(c->A, "%s/%s", dirs[i], name)
                   : arena_printf(c->A, "%s/%s.skp", dirs[i], name);
        if (file_exists(cand)) found = mem_xstrdup(cand);
        if (is_path && name[0] == '/') free(cand);
    }
    free(dir);
    return found;
}

static void check_source(Checker *c, const char *path, Loc from);

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
        check_source(c, path, s->words[1].loc);
    }
    free(real);
    free(path);
}

/* Loads, parses and interprets one file (the plan or an include). */
static void check_source(Checker *c, const char *path, Loc from)
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
    check_stmts(c, t->stmts, t->nstmts, &top);
    if (from.src) c->p->defaults = saved;
    c->include_depth--;
}

/* ---- finishing ----------------------------------------------------------- */

static void resolve_gradings(Checker *c)
{
    const char **names = mem_xarray(c->schemes.len, sizeof *names);
    for (int i = 0; i < c->schemes.len; i++) names[i] = c->schemes.items[i].name;
    for (int i = 0; i < c->pending.len; i++) {
        PendingGrade *pg = &c->pending.items[i];
        int s = strmap_get(&c->scheme_map, pg->name);
        if (s < 0)
            diag_error(c->d, pg->loc, "unknown grade scheme '%s'%s", pg->name, mean(c, pg->name, names, c->schemes.len));
        else if (c->schemes.items[s].ordinal)
            diag_error(c->d, pg->loc, "%s is a scale of levels, not a scheme of bands: grade the capaian, or state 'scale %s'",
                       pg->name, pg->name);
        else
            c->inds.items[pg->ind].grades[pg->grade].scheme = s;
    }
    for (int i = 0; i < c->inds.len; i++) {
        Indicator *ind = &c->inds.items[i];
        if (!ind->scale_name) continue;
        int s = strmap_get(&c->scheme_map, ind->scale_name);
        if (s < 0) {
            diag_error(c->d, ind->scale_loc, "unknown scale '%s'%s", ind->scale_name, mean(c, ind->scale_name, names, c->schemes.len));
            continue;
        }
        ind->scale = s;
        if (c->schemes.items[s].ordinal && (ind->rules.agg == AGG_SUM || ind->rules.agg == AGG_AVG))
            diag_error(c->d, ind->scale_loc, "levels of scale %s cannot be added up: indicator %s needs 'aggregate last', latest, max or min, not %s",
                       ind->scale_name, ind->code, aggregate_name(ind->rules.agg));
    }
    free(names);
}

/* per T.col [, T.col ...]: which columns make an indicator's groups. */
static void resolve_per(Checker *c, const PendingPer *pp)
{
    Indicator *ind = &c->inds.items[pp->ind];
    const Stmt *s = pp->s;
    GroupSpec g = { -1, {0}, 0, s->loc };
    if (s->value) {
        diag_error(c->d, s->eq_loc, "'per' takes columns, not '= FORMULA': per T.column");
        return;
    }
    for (int w = 1; w < s->nwords; w++) {
        if (word_is(s, w, ",")) continue;
        const Word *wd = &s->words[w];
        Expr tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = E_NAME;
        tmp.text = wd->text;
        tmp.loc = wd->loc;
        int rec, col;
        ColType type;
        if (wd->kind != W_NAME || !strchr(wd->text, '.') || !record_ref(c, &tmp, &rec, &col, &type)) {
            diag_error(c->d, wd->loc, "expected a column of a record table after 'per' (T.column), found %s", word_desc(c, s, w));
            return;
        }
        if (col < 0) return;                    /* unknown column: reported */
        if (g.record >= 0 && rec != g.record) {
            diag_error(c->d, wd->loc, "the columns after 'per' must all be of one record table (%s, then %s)",
                       c->records.items[g.record].name, c->records.items[rec].name);
            return;
        }
        if (g.ncols == MAX_GROUP_COLS) {
            diag_error(c->d, wd->loc, "'per' takes at most %d columns", MAX_GROUP_COLS);
            return;
        }
        g.record = rec;
        g.cols[g.ncols++] = col;
    }
    if (!g.ncols) {
        diag_error(c->d, word_loc(s, 1), "'per' needs the columns that make the groups: per T.column");
        return;
    }
    if (!ind->realisation)
        diag_error(c->d, s->loc, "indicator %s has one value per %s, so it needs 'realisation = FORMULA' (stored realisations have no groups)",
                   ind->code, group_text(c, &g));
    ind->group = g;
}

/* code_group[code]: an indicator that gives the code its groups. Every
 * definition of a code must be grouped alike, or formulas naming it could
 * not know whether it has one value or many. */
static void resolve_groups(Checker *c)
{
    for (int i = 0; i < c->pers.len; i++) resolve_per(c, &c->pers.items[i]);
    c->code_group = mem_xarray(c->codes.len, sizeof *c->code_group);
    for (int i = 0; i < c->codes.len; i++) c->code_group[i] = -1;
    for (int i = 0; i < c->inds.len; i++)
        if (c->inds.items[i].group.record >= 0 && c->code_group[c->inds.items[i].code_id] < 0)
            c->code_group[c->inds.items[i].code_id] = i;
    for (int i = 0; i < c->inds.len; i++) {
        const Indicator *ind = &c->inds.items[i];
        int g = c->code_group[ind->code_id];
        if (g < 0 || g == i) continue;
        const Indicator *o = &c->inds.items[g];
        if (ind->group.record < 0)
            diag_error(c->d, ind->loc, "indicator %s is grouped per %s at line %d but not here", ind->code,
                       group_text(c, &o->group), o->loc.line);
        else if (!same_group(&ind->group, &o->group))
            diag_error(c->d, ind->loc, "indicator %s is grouped per %s here but per %s at line %d", ind->code,
                       group_text(c, &ind->group), group_text(c, &o->group), o->loc.line);
    }
}

/* Every Lua function the plan declares must be one its module defines: the
 * module is loaded in the sandbox, as eval will load it. */
static void check_lua_modules(Checker *c)
{
    for (int i = 0; i < c->hooks.len; i++) {     /* hook files load, and give a table */
        Sandbox *h = sandbox_new(NULL);
        if (h) sandbox_load(h, c->hooks.items[i], NULL, c->d);   /* its errors are reported, and counted */
        sandbox_free(h);
    }
    for (int i = 0; i < c->funcs.len; i++) {
        const Func *f = &c->funcs.items[i];
        if (!f->lua_file) continue;
        Sandbox *h = sandbox_new(NULL);
        if (!h) { diag_error(c->d, f->loc, "cannot start Lua"); continue; }
        int before = c->d->errors;
        const char *kind;
        if (sandbox_load(h, f->lua_file, NULL, c->d) != 0) kind = "function";     /* reported */
        else kind = sandbox_field_type(h, f->name);
        if (!kind)
            diag_error(c->d, f->loc, "the Lua module %s defines no function %s (its table has no field '%s')",
                       f->lua_file, f->name, f->name);
        else if (strcmp(kind, "function"))
            diag_error(c->d, f->loc, "the Lua module %s has a field '%s', but it is a %s, not a function",
                       f->lua_file, f->name, kind);
        else if (c->d->errors > before)
            diag_note(c->d, f->loc, "function %s is declared here", f->name);
        sandbox_free(h);
    }
}

#define MOVE_VEC(dst, n, v) do { (dst) = (v).items; (n) = (v).len; } while (0)

/* before: the errors reported before the plan was read. */
static void finish_plan(Checker *c, int before)
{
    Plan *p = c->p;
    resolve_gradings(c);
    resolve_groups(c);
    check_formulas(c);
    propagate_rollups(c);
    resolve_scenarios(c);
    resolve_budget_links(c);
    check_lua_modules(c);
    check_constants(c);
    find_cycles(c);
    if (c->d->errors == before) check_sizes(c);
    MOVE_VEC(p->schemes, p->nschemes, c->schemes);
    MOVE_VEC(p->inds, p->ninds, c->inds);
    MOVE_VEC(p->units, p->nunits, c->units);
    MOVE_VEC(p->consts, p->nconsts, c->consts);
    MOVE_VEC(p->records, p->nrecords, c->records);
    MOVE_VEC(p->raggs, p->nraggs, c->raggs);
    MOVE_VEC(p->gaggs, p->ngaggs, c->gaggs);
    MOVE_VEC(p->funcs, p->nfuncs, c->funcs);
    MOVE_VEC(p->uaggs, p->nuaggs, c->uaggs);
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

/* The defaults every plan starts from: higher is better, the year's last
 * value, the PK target, no cap, half-up to 2 decimals, values not rounded. */
static void default_rules(Rules *r)
{
    memset(r, 0, sizeof *r);
    r->polarity = POL_HIGHER;
    r->range_above = POL_LOWER_A;
    r->agg = AGG_LAST;
    r->round.mode = ROUND_HALF_UP;
    r->round.digits = 2;
    r->value_round.mode = ROUND_NONE;
    static const char *pk[] = { "pk" };
    r->target.sources = pk;
    r->target.nsources = 1;
}

Plan *plan_load(const char *path, Diag *d)
{
    Plan *p = mem_xcalloc(1, sizeof *p);
    Checker c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.d = d;
    c.A = &p->arena;
    p->path = arena_strdup(&p->arena, path);
    char *dir = dir_of(path);
    p->dir = arena_strdup(&p->arena, dir);
    free(dir);
    default_rules(&p->defaults);
    note_source(&c, "pk");
    note_source(&c, "renstra");   /* the end-of-period target reads it even when no rule names it */
    int before = d->errors;
    Loc none = {0};
    check_source(&c, path, none);
    finish_plan(&c, before);
    if (d->errors == before) measure_check(p, d);     /* measure units, on a plan whose names all resolve */
    if (d->errors > before) {
        plan_free(p);
        return NULL;
    }
    return p;
}

void plan_free(Plan *p)
{
    if (!p) return;
    for (int i = 0; i < p->ntrees; i++) {
        ast_tree_free(p->trees[i]);
        free(p->trees[i]);
    }
    free(p->trees);
    free(p->schemes);
    free(p->inds);
    free(p->units);
    free(p->consts);
    free(p->records);
    free(p->raggs);
    free(p->gaggs);
    free(p->funcs);
    free(p->uaggs);
    free(p->scenarios);
    free(p->hooks);
    free(p->codes);
    free(p->sources);
    source_free_all(p->sources_list);
    arena_free(&p->arena);
    free(p);
}

int plan_scheme_index(const Plan *p, const char *name)
{
    for (int i = 0; i < p->nschemes; i++)
        if (strcmp(p->schemes[i].name, name) == 0) return i;
    return -1;
}

int year_in_range(const YearRange *r, int year)
{
    return (!r->from || year >= r->from) && (!r->until || year <= r->until);
}

Rules rules_in_year(const Rules *r, int year)
{
    Rules out = *r;
    for (int i = 0; i < r->nyear_caps; i++)
        if (year_in_range(&r->year_caps[i].years, year)) {
            const YearCap *yc = &r->year_caps[i];
            out.has_cap = yc->has_cap;
            out.cap = yc->cap;
            out.cap_rule_set = yc->years.title ? yc->years.title : "rule set by year";
        }
    out.nyear_caps = 0;
    return out;
}

const char *polarity_name(Polarity p)
{
    static const char *const n[] = { "higher", "lower A", "lower B", "lower C", "range" };
    return n[p];
}

const char *polarity_formula(Polarity p)
{
    static const char *const f[] = { "R/T x 100", "(2T-R)/T x 100", "T/R x 100", "(T-R)/T x 100",
                                     "100 inside the range, else against the nearer bound" };
    return f[p];
}

const char *aggregate_name(Aggregate a)
{
    static const char *const n[] = { "sum", "last", "average", "max", "min", "latest" };
    return n[a];
}
