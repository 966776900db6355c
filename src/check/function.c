/* function.c: `function NAME(a, b) = FORMULA`, expanded where it is
 * called, and `function NAME(number a) returns number = lua("f.lua")`, a
 * function a sandboxed Lua module defines (function.h). */
#include "check/function.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "check/builtin.h"

static int type_word(const char *w)
{
    return !strcmp(w, "number") ? T_NUM : !strcmp(w, "text") ? T_STR : !strcmp(w, "bool") ? T_BOOL : 0;
}

typedef VEC(const char *) NameVec;
typedef VEC(int) TypeVec;

/* (a, b) or (number a, text b): the parameters, from word *at (after the
 * '('), each with its type (number unless stated); *typed when a type was
 * stated. 0 after an error (reported). */
static int parse_params(Checker *c, const Stmt *s, const char *name, NameVec *params, TypeVec *types, int *at, int *typed)
{
    int i = *at, ok = 1;
    if (word_is(s, i, ")")) { *at = i + 1; return 1; }
    for (;;) {
        const char *p;
        int t = T_NUM;
        if (i + 1 < s->nwords && s->words[i + 1].kind == W_NAME && !word_is(s, i + 1, ",")) {
            t = type_word(s->words[i].text);        /* number x, text s, bool b */
            if (!t) {
                diag_error(c->d, s->words[i].loc, "expected a parameter type (number, text or bool), found %s", word_desc(c, s, i));
                return 0;
            }
            *typed = 1;
            i++;
        }
        if (!need_name(c, s, i, "a parameter name", &p)) return 0;
        VEC_PUSH(*types, t);
        for (int j = 0; j < params->len; j++)
            if (strcmp(params->items[j], p) == 0) {
                diag_error(c->d, s->words[i].loc, "parameter '%s' appears twice in function %s", p, name);
                ok = 0;
            }
        if (strchr(p, '.')) {
            diag_error(c->d, s->words[i].loc, "a parameter name cannot contain '.': %s", p);
            ok = 0;
        }
        VEC_PUSH(*params, p);
        i++;
        if (word_is(s, i, ",")) { i++; continue; }
        if (word_is(s, i, ")")) { i++; break; }
        diag_error(c->d, word_loc(s, i), "expected ',' or ')' in the parameters of %s, found %s", name, word_desc(c, s, i));
        return 0;
    }
    *at = i;
    return ok;
}

/* [returns number|text|bool] = FORMULA after the parameters: the type it
 * gives (number unless stated). 0 after an error (reported). */
static int parse_result(Checker *c, const Stmt *s, const char *name, int *at, int *ret, int *typed)
{
    int i = *at;
    *ret = T_NUM;
    if (word_is(s, i, "returns")) {
        *ret = i + 1 < s->nwords ? type_word(s->words[i + 1].text) : 0;
        if (!*ret) {
            diag_error(c->d, word_loc(s, i + 1), "expected the type it returns (number, text or bool), found %s", word_desc(c, s, i + 1));
            return 0;
        }
        *typed = 1;
        i += 2;
    }
    *at = i;
    if (!expect_end(c, s, i, "the parameters")) return 0;
    if (!s->value || s->upper) {
        diag_error(c->d, word_loc(s, i), "function %s needs '= FORMULA'", name);
        return 0;
    }
    return 1;
}

/* = lua("rules.lua"): the Lua file, next to the file that names it (NULL
 * with *ok 0 after an error); a plan function (*ok 1, NULL) states no types. */
static const char *lua_file_of(Checker *c, const Stmt *s, int typed, int *ok)
{
    const Expr *v = s->value;
    if (v->kind != E_CALL || strcmp(v->text, "lua") != 0) {
        if (typed) {
            diag_error(c->d, s->words[1].loc, "types are declared for Lua functions (= lua(\"FILE.lua\")); a plan function takes what its formula takes");
            *ok = 0;
        }
        return NULL;
    }
    if (v->nargs != 1 || v->args[0]->kind != E_STRING) {
        diag_error(c->d, v->loc, "a Lua function names its file: = lua(\"rules.lua\")");
        *ok = 0;
        return NULL;
    }
    char *dir = checker_dir_of(s->loc.src->path);
    const char *file = v->args[0]->text[0] == '/' ? v->args[0]->text : arena_printf(c->A, "%s/%s", dir, v->args[0]->text);
    free(dir);
    if (!checker_file_exists(file)) {
        diag_error(c->d, v->args[0]->loc, "cannot find the Lua file '%s' (looked next to %s)", v->args[0]->text, s->loc.src->path);
        *ok = 0;
        return NULL;
    }
    return file;
}

/* A function's name must be its own: not a built-in, not declared before. */
static int name_free(Checker *c, const Stmt *s, const char *name)
{
    if (builtin_index(name) >= 0 || strcmp(name, "realisasi") == 0) {
        diag_error(c->d, s->words[1].loc, "%s is a built-in function and cannot be redefined", name);
        return 0;
    }
    int prev = strmap_get(&c->func_map, name);
    if (prev >= 0) {
        diag_error(c->d, s->words[1].loc, "function %s is declared twice (first at %s:%d)", name,
                   c->funcs.items[prev].loc.src->path, c->funcs.items[prev].loc.line);
        return 0;
    }
    return 1;
}

/* function NAME(a, b) = FORMULA
 * function NAME(number a, text b) returns number = lua("rules.lua") */
void function_declare(Checker *c, const Stmt *s)
{
    const char *name;
    if (!need_name(c, s, 1, "a function name after 'function'", &name)) return;
    if (!word_is(s, 2, "(")) {
        diag_error(c->d, word_loc(s, 2), "expected '(' after 'function %s', found %s", name, word_desc(c, s, 2));
        return;
    }
    NameVec params = {0};
    TypeVec types = {0};
    int i = 3, typed = 0, ret = T_NUM;
    int ok = parse_params(c, s, name, &params, &types, &i, &typed) && parse_result(c, s, name, &i, &ret, &typed);
    const char *lua_file = ok ? lua_file_of(c, s, typed, &ok) : NULL;
    if (ok) ok = name_free(c, s, name);
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
