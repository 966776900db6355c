/* scenario.c: what-if changes for an evaluation. See scenario.h. */
#include "engine/scenario.h"
#include "base/num.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int scenario_find(const Plan *p, const char *name)
{
    for (int i = 0; i < p->nscenarios; i++)
        if (strcmp(p->scenarios[i].name, name) == 0) return i;
    return -1;
}

static void push(OverrideList *l, int *cap, const Override *o)
{
    if (l->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        l->items = mem_xrealloc(l->items, (size_t)*cap * sizeof *l->items);
    }
    l->items[l->n++] = *o;
}

/* The base chain, the oldest first, so that a scenario's own changes win. */
static void add_scenario(const Plan *p, int s, OverrideList *l, int *cap, int depth)
{
    const Scenario *sc = &p->scenarios[s];
    if (sc->base >= 0 && depth < p->nscenarios) add_scenario(p, sc->base, l, cap, depth + 1);
    for (int i = 0; i < sc->novs; i++) push(l, cap, &sc->ovs[i]);
}

static int code_id(const Plan *p, const char *code)
{
    for (int i = 0; i < p->ncodes; i++)
        if (strcmp(p->codes[i], code) == 0) return i;
    return -1;
}

/* [UNIT:]CODE.FIELD[@YEAR]=VALUE */
static const char *const fields[] = { "target", "realisation", "weight", "cap" };

/* The VALUE of a change: a number, none for a cap, a level for a target
 * or realisation. 0, or -1 with the reason in err. */
static int parse_value(const char *spec, const char *value, OverrideList *l, Override *o, char *err, size_t errn)
{
    int field = (int)o->field;
    double v;
    const char *why = NULL;
    if (field == OV_CAP && strcmp(value, "none") == 0) return 0;
    if (num_parse(value, NUM_PLAIN, &v, &why) == NUMP_OK) {
        if ((field == OV_WEIGHT && v < 0) || (field == OV_CAP && v <= 0)) {
            snprintf(err, errn, "--set %s: %s must be %s", spec, fields[field], field == OV_CAP ? "above 0 (or none)" : "0 or more");
            return -1;
        }
        o->has_value = 1;
        o->value = v;
        return 0;
    }
    if ((field == OV_TARGET || field == OV_REALISATION) && *value &&
        strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(value)) {
        o->has_value = 1;
        o->level = arena_strdup(&l->text, value);
        return 0;
    }
    snprintf(err, errn, "--set %s: '%s' is not a number%s", spec, value,
             field == OV_CAP ? " (or none)" : field == OV_WEIGHT ? "" : " or a level such as WTP");
    return -1;
}

/* [UNIT:]CODE.FIELD[@YEAR|@PERIOD]: what a change changes, where and when
 * (left is the writable copy of the part before '='). 0, or -1 with the
 * reason in err. */
static int parse_target(const Plan *p, const char *spec, char *left, Override *o, char *err, size_t errn)
{
    char *colon = strchr(left, ':');
    if (colon) { *colon = '\0'; o->unit = left; left = colon + 1; }
    char *at = strchr(left, '@');
    if (at) {
        *at = '\0';
        Period per;
        if (period_parse(at + 1, strlen(at + 1), &per) != 0) {
            snprintf(err, errn, "--set %s: '%s' is not a year or a period (" PERIOD_FORMS ")", spec, at + 1);
            return -1;
        }
        if (per.kind == PER_YEAR) o->year = per.year;
        else { o->has_period = 1; o->period = per; o->year = per.year; }
    }
    char *dot = strrchr(left, '.');
    if (!dot) {
        snprintf(err, errn, "--set %s: expected CODE.FIELD, with FIELD target, realisation, weight or cap", spec);
        return -1;
    }
    *dot = '\0';
    o->code = left;
    int field = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(dot + 1, fields[i]) == 0) field = i;
    if (field < 0) {
        snprintf(err, errn, "--set %s: unknown field '%s' (target, realisation, weight or cap)", spec, dot + 1);
        return -1;
    }
    o->field = (OverrideField)field;
    if (o->has_period && field != OV_REALISATION) {
        snprintf(err, errn, "--set %s: only a realisation can be set for a period", spec);
        return -1;
    }
    o->code_id = code_id(p, o->code);
    if (o->code_id >= 0) return 0;
    const char *best = text_suggest(o->code, p->codes, p->ncodes);
    snprintf(err, errn, "--set %s: unknown indicator '%s'%s%s%s", spec, o->code,
             best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
    return -1;
}

static int parse_set(const Plan *p, const char *spec, OverrideList *l, Override *o, char *err, size_t errn)
{
    memset(o, 0, sizeof *o);
    o->origin = "--set";
    const char *eq = strchr(spec, '=');
    if (!eq) {
        snprintf(err, errn, "--set %s: expected [UNIT:]CODE.FIELD[@YEAR]=VALUE, e.g. IKM.target=86", spec);
        return -1;
    }
    char *left = arena_strndup(&l->text, spec, (size_t)(eq - spec));
    if (parse_target(p, spec, left, o, err, errn) != 0) return -1;
    return parse_value(spec, eq + 1, l, o, err, errn);
}

int scenario_build(const Plan *p, const char *name, const char *const *sets, int nsets,
                   OverrideList *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    int cap = 0;
    if (name) {
        int s = scenario_find(p, name);
        if (s < 0) {
            const char **names = mem_xarray(p->nscenarios, sizeof *names);
            for (int i = 0; i < p->nscenarios; i++) names[i] = p->scenarios[i].name;
            const char *best = text_suggest(name, names, p->nscenarios);
            snprintf(err, errn, "--scenario: the plan has no scenario '%s'%s%s%s", name,
                     best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
            free(names);
            return -1;
        }
        add_scenario(p, s, out, &cap, 0);
    }
    for (int i = 0; i < nsets; i++) {
        Override o;
        if (parse_set(p, sets[i], out, &o, err, errn) != 0) {
            scenario_free(out);             /* nothing half-built is left to the caller */
            return -1;
        }
        push(out, &cap, &o);
    }
    return 0;
}

void scenario_free(OverrideList *l)
{
    free(l->items);
    arena_free(&l->text);
    memset(l, 0, sizeof *l);
}
