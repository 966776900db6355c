/* sandbox.c: Lua 5.4 hooks, sandboxed. See sandbox.h. */
#include "lua/sandbox.h"
#include "base/mem.h"
#include "base/strbuf.h"

#include <errno.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_STEP 1000          /* instructions between two checks of the budget */

enum { TRIP_NONE, TRIP_MEMORY, TRIP_INSTRUCTIONS };

struct Sandbox {
    lua_State *L;
    SandboxLimits lim;
    size_t used;                 /* bytes allocated */
    long counted;                /* instructions run, to COUNT_STEP */
    int tripped;
    int running;                 /* the hook's Lua code is running: the budgets apply. The
                                    host's own few allocations (the libraries, the API,
                                    pushing a function's name) are outside them, so they
                                    never fail where Lua cannot catch the error */
    const char *path;
    char *path_copy;
    int module;                  /* registry reference of the hook's table */
    /* the table's functions, each looked up once (raw: no metamethod runs
     * outside a protected call): name and registry reference, LUA_NOREF
     * when the table has no such function */
    struct { char *name; int ref; } fns[16];
    int nfns;
};

/* ---- budgets ---------------------------------------------------------------------- */

static void count_hook(lua_State *L, lua_Debug *ar);

static void *budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Sandbox *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    if (h->running && nsize > old && h->used + (nsize - old) > h->lim.memory) {
        h->tripped = h->tripped ? h->tripped : TRIP_MEMORY;
        if (h->L) lua_sethook(h->L, count_hook, LUA_MASKCOUNT, 1);   /* the next instruction raises it again */
        return NULL;
    }
    /* Out of memory (real, or injected by SAKIPC_FAIL_ALLOC when growing):
     * inside the hook's protected call Lua collects and retries, then raises
     * a memory error that the call reports; the host's own calls are not
     * protected, and Lua would abort, so there it is the clean exit 5. */
    void *p = nsize > old && MEM_FAULT() ? NULL : realloc(ptr, nsize);
    if (p) h->used = h->used - old + nsize;
    else {
        mem_alloc_failed();
        if (!h->running) mem_die_out_of_memory(nsize);
    }
    return p;
}

static Sandbox *hook_of(lua_State *L)
{
    return *(Sandbox **)lua_getextraspace(L);
}

/* Once a budget has tripped, every instruction raises again, so a pcall in
 * the hook can catch the error but cannot go on. */
static void count_hook(lua_State *L, lua_Debug *ar)
{
    Sandbox *h = hook_of(L);
    h->counted += h->tripped ? 1 : COUNT_STEP;
    if (!h->tripped && h->counted > h->lim.instructions) h->tripped = TRIP_INSTRUCTIONS;
    if (!h->tripped) return;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    char where[256] = "";
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        snprintf(where, sizeof where, "%s:%d: ", ar->short_src, ar->currentline);
    if (h->tripped == TRIP_MEMORY)
        luaL_error(L, "%smemory budget of %I bytes exceeded", where, (lua_Integer)h->lim.memory);
    luaL_error(L, "%sinstruction budget of %I exceeded", where, (lua_Integer)h->lim.instructions);
}

/* ---- the sandbox -------------------------------------------------------------------- */

static int strict_index(lua_State *L)
{
    return luaL_error(L, "undeclared global '%s' (hooks declare with local)", luaL_optstring(L, 2, "?"));
}

static int strict_newindex(lua_State *L)
{
    return luaL_error(L, "assignment to undeclared global '%s' (hooks declare with local)", luaL_optstring(L, 2, "?"));
}

/* The message handler of the sandbox's xpcall: the hook's own handler,
 * unless a budget has tripped. A budget's error is raised inside the count
 * hook, and Lua runs the message handler right there, with hooks off: a
 * handler that looped would run for ever, beyond any budget. */
static int guarded_handler(lua_State *L)
{
    if (hook_of(L)->tripped) return 1;       /* the budget's message, as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* xpcall(f, handler, ...) as in Lua, with the handler guarded. */
static int sandbox_xpcall(lua_State *L)
{
    int nargs = lua_gettop(L) - 2;
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);                       /* f, guard, args... */
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 1);                     /* f, guard, f, args... */
    if (lua_pcall(L, nargs, LUA_MULTRET, 2) != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;                            /* false, the message */
    }
    lua_pushboolean(L, 1);
    lua_replace(L, 1);
    lua_remove(L, 2);
    return lua_gettop(L);                    /* true, f's results */
}

/* setmetatable(t, mt) as in Lua, but no finalizers: Lua runs __gc with
 * hooks off, outside the instruction budget. */
static int sandbox_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int has_gc = lua_rawget(L, 2) != LUA_TNIL;
        lua_pop(L, 1);
        if (has_gc) return luaL_error(L, "a __gc metamethod is not allowed in a hook (finalizers run outside the budgets)");
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* The quantified items of a Lua pattern ('a?', '%d+', '[xy]*', '.-'). */
static int pattern_quantifiers(const char *p, size_t n)
{
    int q = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] == '%' && i + 1 < n && (p[i + 1] == 'b' || p[i + 1] == 'f')) {
            i += p[i + 1] == 'b' ? 4 : 2;            /* %bxy; %f is followed by its set */
            continue;
        }
        if (p[i] == '%') i += 2;
        else if (p[i] == '[') {                      /* a set: up to its closing ']' */
            i++;
            if (i < n && p[i] == '^') i++;
            if (i < n && p[i] == ']') i++;
            while (i < n && p[i] != ']') i += p[i] == '%' ? 2 : 1;
            i++;
        } else i++;
        if (i < n && strchr("*+-?", p[i])) { q++; i++; }
    }
    return q;
}

/* string.find, match, gmatch and gsub, bounded. Lua's matcher backtracks
 * in C, where the count hook never runs: ("a?"):rep(40) against forty a's
 * takes 2^40 steps. With q quantified items over len bytes it tries at most
 * the ways of sharing the bytes among the items, C(len + q, q), from each
 * start position (one when the pattern is anchored with '^'). A match whose
 * bound exceeds what is left of the instruction budget is refused before
 * it starts; patterns with few items over names and codes stay far below. */
static int bounded_match(lua_State *L)
{
    size_t len, plen;
    luaL_checklstring(L, 1, &len);
    const char *p = luaL_checklstring(L, 2, &plen);
    int plain = lua_tointeger(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);   /* find(s, p, init, true) */
    int q = plain ? 0 : pattern_quantifiers(p, plen);
    if (q > 0) {
        Sandbox *h = hook_of(L);
        double left = (double)h->lim.instructions - (double)h->counted;
        double bound = plen && p[0] == '^' ? 1 : (double)len + 1;
        for (int i = 1; i <= q && bound <= left; i++) bound = bound * ((double)len + i) / i;
        if (bound > left) {
            char shown[48];
            snprintf(shown, sizeof shown, plen > 40 ? "%.37s..." : "%s", p);
            return luaL_error(L, "pattern '%s' with %d quantified items over %d bytes may take more than the %I "
                              "instructions left of the budget", shown, q, (int)len, (lua_Integer)left);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void bound_patterns(lua_State *L)
{
    static const char *const fns[] = { "find", "match", "gmatch", "gsub" };
    lua_getglobal(L, "string");
    for (int i = 0; i < 4; i++) {
        lua_getfield(L, -1, fns[i]);
        lua_pushinteger(L, i == 0);                  /* find alone has a plain search */
        lua_pushcclosure(L, bounded_match, 2);
        lua_setfield(L, -2, fns[i]);
    }
    lua_pop(L, 1);
}

static void open_lib(lua_State *L, const char *name, lua_CFunction open)
{
    luaL_requiref(L, name, open, 1);
    lua_pop(L, 1);
}

/* Only what a report or a check needs; nothing that reaches files, the
 * process, other modules or bytecode. */
static void sandbox(lua_State *L)
{
    open_lib(L, LUA_GNAME, luaopen_base);
    open_lib(L, LUA_STRLIBNAME, luaopen_string);
    open_lib(L, LUA_TABLIBNAME, luaopen_table);
    open_lib(L, LUA_MATHLIBNAME, luaopen_math);
    open_lib(L, LUA_UTF8LIBNAME, luaopen_utf8);
    static const char *const gone[] = { "dofile", "loadfile", "load", "require", "print", "collectgarbage" };
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        lua_pushnil(L);
        lua_setglobal(L, gone[i]);
    }
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setglobal(L, "xpcall");
    bound_patterns(L);
    lua_pushcfunction(L, sandbox_setmetatable);
    lua_setglobal(L, "setmetatable");
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_getglobal(L, "math");               /* a report must not vary from run to run */
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pushnil(L);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
    lua_pushglobaltable(L);
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, strict_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "sakipc sandbox");
    lua_setfield(L, -2, "__metatable");     /* getmetatable(_G) cannot undo it */
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

Sandbox *sandbox_new(const SandboxLimits *lim)
{
    Sandbox *h = mem_xcalloc(1, sizeof *h);
    h->lim.memory = lim && lim->memory ? lim->memory : SANDBOX_DEFAULT_MEMORY;
    h->lim.instructions = lim && lim->instructions ? lim->instructions : SANDBOX_DEFAULT_INSTRUCTIONS;
    h->module = LUA_NOREF;
    h->L = lua_newstate(budget_alloc, h);
    if (!h->L) { free(h); return NULL; }
    *(Sandbox **)lua_getextraspace(h->L) = h;
    sandbox(h->L);
    lua_sethook(h->L, count_hook, LUA_MASKCOUNT, COUNT_STEP);
    return h;
}

void sandbox_free(Sandbox *h)
{
    if (!h) return;
    lua_close(h->L);
    for (int i = 0; i < h->nfns; i++) free(h->fns[i].name);
    free(h->path_copy);
    free(h);
}

lua_State *sandbox_lua(Sandbox *h) { return h->L; }
const char *sandbox_path(const Sandbox *h) { return h->path ? h->path : "hook"; }

/* ---- running -------------------------------------------------------------------------- */

/* The message handler of every call into a hook: the message, with the
 * traceback. An error object that is not a string is described, not
 * printed by address: error({}) must give the same text on every run. */
static int traceback(lua_State *L)
{
    hook_of(L)->running = 0;                 /* the report of an error may use memory */
    const char *msg = lua_tostring(L, 1);
    if (!msg && luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        msg = luaL_tolstring(L, 1, NULL);
    }
    if (!msg) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Runs the function below nargs arguments; on an error, reports it. */
static int protected_call(Sandbox *h, int nargs, int nresults, Diag *d)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    h->running = 1;
    int rc = lua_pcall(L, nargs, nresults, base);
    h->running = 0;
    lua_remove(L, base);
    if (rc == LUA_OK && !h->tripped) return 0;
    const char *msg = rc == LUA_OK ? "" : lua_tostring(L, -1);
    if (!msg) msg = "error";
    /* a budget's own error names the place; a bare "not enough memory" does
     * not, and a hook that caught the error and returned has none */
    const char *caught = rc == LUA_OK ? " (a pcall caught the error, but the budget stays run out)" : "";
    if (h->tripped == TRIP_MEMORY && !strstr(msg, "budget"))
        diag_plain(d, "hook %s: memory budget of %zu bytes exceeded%s%s%s", sandbox_path(h), h->lim.memory, caught,
                   *msg ? "\n" : "", msg);
    else if (h->tripped == TRIP_INSTRUCTIONS && !strstr(msg, "budget"))
        diag_plain(d, "hook %s: instruction budget of %ld exceeded%s%s%s", sandbox_path(h), h->lim.instructions, caught,
                   *msg ? "\n" : "", msg);
    else
        diag_plain(d, "hook %s: %s", sandbox_path(h), msg);
    if (rc != LUA_OK) lua_pop(L, 1);
    return -1;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf b = {0};
    char buf[8192];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) strbuf_putn(&b, buf, k);
    int bad = ferror(f);
    fclose(f);
    if (bad) { strbuf_free(&b); return NULL; }
    *n = b.len;
    if (!b.s) { b.s = mem_xmalloc(1); b.s[0] = '\0'; }
    return b.s;
}

/* ---- require: modules of a library ---------------------------------------------------- */

/* The upvalues of require. */
enum { REQ_CACHE = 1, REQ_ROOTS, REQ_SUBDIR, REQ_WHERE };

/* Lua's own libraries: the sandbox gives string, table, math and utf8 as
 * globals and none of the others, so require never loads one. */
static const char *const lua_library_names[] = {
    "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8", NULL,
};

/* Pushes a refused name as a message may show it: a control byte (a NUL,
 * a line break) as \ddd, so that the message neither ends early nor
 * seems to hold lines it does not. */
static const char *push_shown_name(lua_State *L, const char *name, size_t n)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7f) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\%03u", c);
            luaL_addstring(&b, esc);
        } else luaL_addchar(&b, (char)c);
    }
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}

static int module_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* NAME must be [a-z][a-z0-9_-]*: no dot, no slash, no NUL, nothing that could
 * name a file outside the library's directory. Raises an error otherwise. */
static void check_module_name(lua_State *L, const char *name, size_t n)
{
    int ok = n > 0 && name[0] >= 'a' && name[0] <= 'z';
    for (size_t i = 1; ok && i < n; i++) ok = module_name_char(name[i]);
    const char *subdir = lua_tostring(L, lua_upvalueindex(REQ_SUBDIR));
    if (!ok)
        luaL_error(L, "require '%s': not a module name (NAME of %s/NAME.lua: a lowercase letter, then lowercase "
                   "letters, digits, '_' or '-')", push_shown_name(L, name, n), subdir);
    for (int i = 0; lua_library_names[i]; i++)
        if (!strcmp(name, lua_library_names[i]))
            luaL_error(L, "require '%s': Lua's own libraries are not modules (string, table, math and utf8 are "
                       "globals already; there is no io, os, package, debug or coroutine)", name);
}

/* Is the main chunk of the module named `chunk` on the call stack? Then it
 * is still loading, and requiring it again would loop. */
static int module_loading(lua_State *L, const char *chunk)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "S", &ar) && !strcmp(ar.what, "main") && !strcmp(ar.source, chunk)) return 1;
    return 0;
}

/* Pushes the module compiled from ROOT/SUBDIR/NAME.lua, for the first root
 * that has the file; text only, named `chunk` in messages. Raises an error
 * when no root has it, or it cannot be read or compiled. */
static void push_module_chunk(lua_State *L, const char *name, const char *chunk)
{
    const char *subdir = lua_tostring(L, lua_upvalueindex(REQ_SUBDIR));
    lua_Integer nroots = luaL_len(L, lua_upvalueindex(REQ_ROOTS));
    for (lua_Integer i = 1; i <= nroots; i++) {
        lua_rawgeti(L, lua_upvalueindex(REQ_ROOTS), i);
        const char *path = lua_pushfstring(L, "%s/%s/%s.lua", lua_tostring(L, -1), subdir, name);
        size_t n;
        char *text = read_all(path, &n);     /* freed before anything can raise an error */
        if (!text && (errno == ENOENT || errno == ENOTDIR)) { lua_pop(L, 2); continue; }
        if (!text) luaL_error(L, "require '%s': %s: %s", name, path, strerror(errno));
        int rc = luaL_loadbufferx(L, text, n, chunk, "t");   /* "t": bytecode is refused */
        free(text);
        if (rc != LUA_OK) {                  /* a syntax error names the file and line; bytecode does not */
            const char *msg = lua_tostring(L, -1);
            int named = !strncmp(msg, chunk + 1, strlen(chunk + 1));
            luaL_error(L, "require '%s': %s%s%s", name, named ? "" : chunk + 1, named ? "" : ": ", msg);
        }
        lua_replace(L, -3);
        lua_pop(L, 1);
        return;
    }
    luaL_error(L, "require '%s': no module %s/%s.lua (looked under %s)", name, subdir, name,
               lua_tostring(L, lua_upvalueindex(REQ_WHERE)));
}

/* require(NAME): the module's value, the module run once per state. It
 * runs inside the caller's protected call, so the budgets, the strict
 * globals and the traceback of its errors are the caller's. */
static int sandbox_require(lua_State *L)
{
    size_t n;
    const char *name = luaL_checklstring(L, 1, &n);
    lua_settop(L, 1);
    check_module_name(L, name, n);
    if (lua_getfield(L, lua_upvalueindex(REQ_CACHE), name) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    const char *chunk = lua_pushfstring(L, "@%s/%s.lua", lua_tostring(L, lua_upvalueindex(REQ_SUBDIR)), name);
    if (module_loading(L, chunk))
        return luaL_error(L, "require '%s': %s is still loading (modules that require each other in a loop)",
                          name, chunk + 1);
    push_module_chunk(L, name, chunk);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {                  /* a module that returns nothing is loaded all the same */
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, lua_upvalueindex(REQ_CACHE), name);
    return 1;
}

void sandbox_enable_require(Sandbox *h, const char *const *roots, int nroots, const char *subdir, const char *where)
{
    lua_State *L = h->L;
    lua_pushglobaltable(L);
    lua_pushliteral(L, "require");
    lua_newtable(L);                         /* REQ_CACHE: name -> the module's value */
    lua_createtable(L, nroots, 0);           /* REQ_ROOTS: the roots to search, in order */
    int k = 0;
    for (int i = 0; i < nroots; i++)
        if (roots[i] && *roots[i]) {
            lua_pushstring(L, roots[i]);
            lua_rawseti(L, -2, ++k);
        }
    lua_pushstring(L, subdir);
    lua_pushstring(L, where);
    lua_pushcclosure(L, sandbox_require, 4);
    lua_rawset(L, -3);                       /* past the strict-globals guard */
    lua_pop(L, 1);
}

/* require is there while the file's top level runs, where a file names
 * the modules it uses; its functions (render, the hooks) run without it,
 * as in every sandbox that has none. */
static void remove_require(lua_State *L)
{
    lua_pushglobaltable(L);
    lua_pushliteral(L, "require");
    lua_pushnil(L);
    lua_rawset(L, -3);                       /* past the strict-globals guard */
    lua_pop(L, 1);
}

int sandbox_load(Sandbox *h, const char *path, const char *shown, Diag *d)
{
    lua_State *L = h->L;
    free(h->path_copy);
    h->path_copy = mem_xstrdup(shown ? shown : path);
    h->path = h->path_copy;
    size_t n;
    char *text = read_all(path, &n);
    if (!text) {
        diag_plain(d, "hook %s: %s", h->path, strerror(errno));
        return -1;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char chunk[512];
    snprintf(chunk, sizeof chunk, "@%s", base);
    h->running = 1;                                      /* a file too big for the budget */
    int rc = luaL_loadbufferx(L, text, n, chunk, "t");   /* "t": bytecode is refused */
    h->running = 0;
    free(text);
    if (rc != LUA_OK) {
        if (h->tripped == TRIP_MEMORY)
            diag_plain(d, "hook %s: memory budget of %zu bytes exceeded while loading the file", h->path, h->lim.memory);
        else
            diag_plain(d, "hook %s: %s", h->path, lua_tostring(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    int ran = protected_call(h, 0, 1, d);
    remove_require(L);
    if (ran != 0) return -1;
    if (!lua_istable(L, -1)) {
        diag_plain(d, "hook %s: the file must return a table of functions, not %s", h->path, luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    for (int i = 0; i < h->nfns; i++) free(h->fns[i].name);   /* another file: look up anew */
    h->nfns = 0;
    h->module = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* Pushes the hook table's function `name` and returns 1, or returns 0 when
 * it has none. Found once: events and Lua functions are called per row. */
static int push_fn(Sandbox *h, const char *name)
{
    lua_State *L = h->L;
    for (int i = 0; i < h->nfns; i++)
        if (!strcmp(h->fns[i].name, name)) {
            if (h->fns[i].ref == LUA_NOREF) return 0;
            lua_rawgeti(L, LUA_REGISTRYINDEX, h->fns[i].ref);
            return 1;
        }
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->module);
    lua_pushstring(L, name);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    int found = lua_isfunction(L, -1);
    if (h->nfns == (int)(sizeof h->fns / sizeof *h->fns)) {     /* no room to remember: look up again next time */
        if (!found) lua_pop(L, 1);
        return found;
    }
    h->fns[h->nfns].name = mem_xstrdup(name);
    if (found) {
        lua_pushvalue(L, -1);
        h->fns[h->nfns].ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        lua_pop(L, 1);
        h->fns[h->nfns].ref = LUA_NOREF;
    }
    h->nfns++;
    return found;
}

static int call_n(Sandbox *h, const char *name, int nargs, int nresults, Diag *d)
{
    lua_State *L = h->L;
    if (!push_fn(h, name)) {
        lua_pop(L, nargs);
        return 0;
    }
    lua_insert(L, -1 - nargs);
    return protected_call(h, nargs, nresults, d) == 0 ? 1 : -1;
}

int sandbox_call(Sandbox *h, const char *name, int nargs, Diag *d) { return call_n(h, name, nargs, 0, d); }
int sandbox_call_value(Sandbox *h, const char *name, int nargs, Diag *d) { return call_n(h, name, nargs, 1, d); }

int sandbox_has(Sandbox *h, const char *name)
{
    if (!push_fn(h, name)) return 0;
    lua_pop(h->L, 1);
    return 1;
}

const char *sandbox_field_type(Sandbox *h, const char *name)
{
    lua_State *L = h->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->module);
    lua_pushstring(L, name);
    int t = lua_rawget(L, -2);
    lua_pop(L, 2);
    return t == LUA_TNIL ? NULL : lua_typename(L, t);
}
