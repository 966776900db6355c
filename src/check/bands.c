/* bands.c: the `scheme` and `scale` statements (bands.h): a scheme's
 * bands with their bounds (checked for gaps and overlaps as soon as the
 * scheme is read), a scale's levels, best first. */
#include "check/bands.h"

#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/scheme.h"

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
void bands_declare(Checker *c, Stmt *s)
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
        checker_normalize_words(c, b);
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
void bands_declare_scale(Checker *c, Stmt *s)
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
        checker_normalize_words(c, b);
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
