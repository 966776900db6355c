/* luaapi.c: the part of the `sakip` module every Lua file gets, templates
 * and eval hooks alike: grading a value and writing figures as the reports
 * do. See luaapi.h. */
#include "report/luaapi.h"
#include "engine/grade.h"
#include "base/num.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

/* sakip.grade(SCHEME, v): the band of v in the plan's scheme, as code and
 * label; nil when v is in no band or the scheme is a scale. */
static int api_grade(lua_State *L)
{
    const Plan *p = lua_touserdata(L, lua_upvalueindex(1));
    const char *name = luaL_checkstring(L, 1);
    double v = luaL_checknumber(L, 2);
    int s = plan_scheme_index(p, name);
    if (s < 0) return luaL_error(L, "the plan has no grade scheme '%s'", name);
    const Scheme *sc = &p->schemes[s];
    int b = sc->ordinal ? -1 : grade_find(sc, v);
    if (b < 0) { lua_pushnil(L); return 1; }
    lua_pushstring(L, sc->bands[b].code);
    lua_pushstring(L, sc->bands[b].label);
    return 2;
}

/* v at d decimals, rounded half-up the decimal way as every figure of a
 * report is (84.975 -> 84.98); d -1 or absent: as computed. */
/* A double at d decimals (0 to 9), rounded half-up the decimal way;
 * outside that range, as computed. */
static void format_rounded(char *buf, size_t n, double v, int d)
{
    if (d < 0 || d > 9) { num_format(buf, n, v, -1); return; }
    num_format(buf, n, num_round(v, (Rounding){ ROUND_HALF_UP, d }), d);
}

/* Argument 1 at d decimals; an integer (rupiah) exactly, never through a
 * double. Big enough for any double written out in full (1e308: 309 digits). */
#define FORMAT_MAX 400

static void format_arg(lua_State *L, char *buf, size_t n, int d)
{
    if (lua_isinteger(L, 1)) {
        lua_Integer i = lua_tointeger(L, 1);
        if (d <= 0 || d > 9) snprintf(buf, n, "%lld", (long long)i);
        else snprintf(buf, n, "%lld.%0*d", (long long)i, d, 0);
        return;
    }
    format_rounded(buf, n, luaL_checknumber(L, 1), d);
}

static int api_format(lua_State *L)
{
    char buf[FORMAT_MAX];
    format_arg(L, buf, sizeof buf, (int)luaL_optinteger(L, 2, -1));
    lua_pushstring(L, buf);
    return 1;
}

/* 62.644.362.476 and 84,98: what Indonesian readers expect. */
static int api_format_id(lua_State *L)
{
    char buf[FORMAT_MAX], out[FORMAT_MAX + FORMAT_MAX / 3 + 2];
    format_arg(L, buf, sizeof buf, (int)luaL_optinteger(L, 2, -1));
    const char *p = buf;
    size_t k = 0;
    if (*p == '-') out[k++] = *p++;
    size_t int_len = strcspn(p, ".");
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0) out[k++] = '.';
        out[k++] = p[i];
    }
    if (p[int_len] == '.') {
        out[k++] = ',';
        for (const char *q = p + int_len + 1; *q && k < sizeof out - 1; q++) out[k++] = *q;
    }
    out[k] = '\0';
    lua_pushstring(L, out);
    return 1;
}

/* sakip.csv(s): s as one CSV field, quoted when it must be. Lengths, not C
 * strings: a NUL byte inside s is kept, not an end. */
static int api_csv(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    int quote = 0;
    for (size_t i = 0; i < n; i++) quote |= s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) { lua_pushvalue(L, 1); return 1; }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') luaL_addchar(&b, '"');
        luaL_addchar(&b, s[i]);
    }
    luaL_addchar(&b, '"');
    luaL_pushresult(&b);
    return 1;
}

/* sakip.json(s): s as a JSON string; control characters (NUL too) as \uXXXX. */
static int api_json(lua_State *L)
{
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '"');
    for (size_t i = 0; i < n; i++) {
        char esc[8];
        if (s[i] == '"' || s[i] == '\\') { luaL_addchar(&b, '\\'); luaL_addchar(&b, (char)s[i]); }
        else if (s[i] == '\n') luaL_addstring(&b, "\\n");
        else if (s[i] < 0x20) { snprintf(esc, sizeof esc, "\\u%04x", s[i]); luaL_addstring(&b, esc); }
        else luaL_addchar(&b, (char)s[i]);
    }
    luaL_addchar(&b, '"');
    luaL_pushresult(&b);
    return 1;
}

void luaapi_common(lua_State *L, const Plan *p)
{
    static const luaL_Reg fns[] = {
        { "format", api_format }, { "format_id", api_format_id }, { "csv", api_csv }, { "json", api_json },
        { NULL, NULL },
    };
    luaL_setfuncs(L, fns, 0);
    lua_pushlightuserdata(L, (void *)p);
    lua_pushcclosure(L, api_grade, 1);
    lua_setfield(L, -2, "grade");
}
