/* finish.c: what is resolved once every file is read (finish.h): the
 * schemes gradings name, the groups of `per T.col`, the Lua modules of
 * functions and hooks, and which indicators roll up. */
#include "check/finish.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/install.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/table.h"
#include "lua/sandbox.h"

/* Does the text of a .skp file declare `scheme NAME` at the start of a line? */
static int declares_scheme(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        while (*p == ' ' || *p == '\t') p++;
        if (strncmp(p, "scheme", 6) || (p[6] != ' ' && p[6] != '\t')) continue;
        p += 6;
        while (*p == ' ' || *p == '\t') p++;
        if (!strncmp(p, name, n) && !isalnum((unsigned char)p[n]) && p[n] != '_') return 1;
    }
    return 0;
}

/* The rule set of $SAKIPC_STDLIB or the standard library that declares
 * scheme name ("capaian5"), or NULL: an unknown scheme is most often one
 * the plan forgot to include. */
static const char *stdlib_with_scheme(Checker *c, const char *name)
{
    const char *dirs[2];
    install_stdlib_dirs(dirs);
    for (int i = 0; i < 2; i++) {
        DIR *dir = dirs[i] && *dirs[i] ? opendir(dirs[i]) : NULL;
        if (!dir) continue;
        const char *found = NULL;
        for (struct dirent *e; !found && (e = readdir(dir));) {
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 4, ".skp")) continue;
            char *text = file_read(arena_printf(c->A, "%s/%s", dirs[i], e->d_name), 1 << 20, NULL);
            if (text && declares_scheme(text, name)) found = arena_strndup(c->A, e->d_name, n - 4);
            free(text);
        }
        closedir(dir);
        if (found) return found;
    }
    return NULL;
}

static const char *scheme_hint(Checker *c, const char *name, const char *const *names, int n)
{
    const char *lib = stdlib_with_scheme(c, name);
    if (lib) return arena_printf(c->A, " (it is in the standard library: include \"%s\")", lib);
    return checker_mean(c, name, names, n);
}

void finish_gradings(Checker *c)
{
    const char **names = mem_xarray(c->schemes.len, sizeof *names);
    for (int i = 0; i < c->schemes.len; i++) names[i] = c->schemes.items[i].name;
    Loc said = { 0 };                  /* a block's default grade is pending once per indicator: say it once */
    for (int i = 0; i < c->pending.len; i++) {
        PendingGrade *pg = &c->pending.items[i];
        int s = strmap_get(&c->scheme_map, pg->name);
        int again = said.src == pg->loc.src && said.line == pg->loc.line && said.col == pg->loc.col;
        if (s < 0 || c->schemes.items[s].ordinal) {
            if (again) continue;
            said = pg->loc;
        }
        if (s < 0)
            diag_error(c->d, pg->loc, "unknown grade scheme '%s'%s", pg->name, scheme_hint(c, pg->name, names, c->schemes.len));
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
            diag_error(c->d, ind->scale_loc, "unknown scale '%s'%s", ind->scale_name, scheme_hint(c, ind->scale_name, names, c->schemes.len));
            continue;
        }
        ind->scale = s;
        if (c->schemes.items[s].ordinal && (ind->rules.agg == AGG_SUM || ind->rules.agg == AGG_AVG))
            diag_error(c->d, ind->scale_loc, "levels of scale %s cannot be added up: indicator %s needs 'aggregate last', latest, max or min, not %s",
                       ind->scale_name, ind->code, plan_aggregate_name(ind->rules.agg));
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
        if (wd->kind != W_NAME || !strchr(wd->text, '.') || !table_ref(c, &tmp, &rec, &col, &type)) {
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
                   ind->code, table_group_text(c, &g));
    ind->group = g;
}

/* code_group[code]: an indicator that gives the code its groups. Every
 * definition of a code must be grouped alike, or formulas naming it could
 * not know whether it has one value or many. */
void finish_groups(Checker *c)
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
                       table_group_text(c, &o->group), o->loc.line);
        else if (!table_same_group(&ind->group, &o->group))
            diag_error(c->d, ind->loc, "indicator %s is grouped per %s here but per %s at line %d", ind->code,
                       table_group_text(c, &ind->group), table_group_text(c, &o->group), o->loc.line);
    }
}

/* Every Lua function the plan declares must be one its module defines: the
 * module is loaded in the sandbox, as eval will load it. */
void finish_lua_modules(Checker *c)
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

/* An indicator whose formula uses a rolled-up figure of its own unit is
 * evaluated after the units below as well. */
static int refs_rollup(const Checker *c, const Expr *e, const int *code_rollup)
{
    if (!e || e->res == RES_UNIT_AGG) return 0;
    if (e->kind == E_NAME && e->res == RES_IND && code_rollup[e->res_id]) return 1;
    if (e->kind == E_CALL && e->res == RES_CALL && e->res_id <= FN_LATEST && e->nargs && code_rollup[e->args[0]->res_id]) return 1;
    if (refs_rollup(c, e->a, code_rollup) || refs_rollup(c, e->b, code_rollup) || refs_rollup(c, e->c, code_rollup)) return 1;
    for (int i = 0; i < e->nargs; i++)
        if (refs_rollup(c, e->args[i], code_rollup)) return 1;
    if (e->res == RES_GROUP_AGG) return refs_rollup(c, c->gaggs.items[e->res_id].value, code_rollup);
    return 0;
}

void finish_rollups(Checker *c)
{
    if (!c->uaggs.len) return;
    int *code_rollup = mem_xarray(c->codes.len, sizeof *code_rollup);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < c->inds.len; i++)
            if (c->inds.items[i].rollup) code_rollup[c->inds.items[i].code_id] = 1;
        for (int i = 0; i < c->inds.len; i++) {
            Indicator *ind = &c->inds.items[i];
            if (ind->rollup) continue;
            const Expr *fs[] = { ind->realisation, ind->target_expr, ind->target_hi, ind->capaian,
                                 ind->rules.zero_target, ind->rules.zero_realisation };
            for (int k = 0; k < 6 && !ind->rollup; k++)
                if (refs_rollup(c, fs[k], code_rollup)) ind->rollup = changed = 1;
        }
    }
    free(code_rollup);
}
