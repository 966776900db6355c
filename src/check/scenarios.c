/* scenarios.c: `scenario NAME ["title"] [extends BASE] { ... }`, the
 * what-if changes a plan keeps (scenarios.h); engine/scenario.c turns
 * them and --set into the changes an evaluation applies. */
#include "check/scenarios.h"

#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"

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
                   word_desc(c, s, 0), checker_mean(c, k, override_words, 4));
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
void scenarios_declare(Checker *c, Stmt *s)
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
        checker_normalize_words(c, b);
        if (word_is(b, 0, "unit") && b->has_block) {
            const char *unit;
            if (!need_name(c, b, 1, "a unit code after 'unit'", &unit)) continue;
            expect_end(c, b, 2, "the unit code");
            for (int m = 0; m < b->nbody; m++) {
                checker_normalize_words(c, b->body[m]);
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
void scenarios_resolve(Checker *c)
{
    for (int i = 0; i < c->scenarios.len; i++) {
        Scenario *sc = &c->scenarios.items[i];
        for (int k = 0; k < sc->novs; k++) {
            Override *ov = &sc->ovs[k];
            ov->code_id = strmap_get(&c->code_map, ov->code);
            if (ov->code_id < 0)
                diag_error(c->d, ov->loc, "unknown indicator '%s' in scenario %s%s", ov->code, sc->name,
                           checker_mean(c, ov->code, c->codes.items, c->codes.len));
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
