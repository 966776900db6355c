/* install.c: the stdlib's location and the version text (install.h). */
#include "base/install.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lua.h>
#include <sqlite3.h>
#include <xlsxwriter.h>


#ifndef SAKIPC_VERSION
#error "SAKIPC_VERSION: set by CMakeLists.txt"
#endif

/* From the generated revision.c (scripts/revision.cmake): "1a2b3c4d5e6f",
 * "1a2b3c4d5e6f-dirty" or "unknown" (a build outside a git checkout). */
extern const char skp_git_revision[];

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode) && access(p, R_OK | X_OK) == 0;
}

/* The directory of the running binary, resolved through symlinks: the
 * kernel's name for it, which argv[0] and $PATH do not give reliably. */
static int exe_dir(char *buf, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", buf, n - 1);
    if (len <= 0 || (size_t)len >= n - 1) return 0;
    buf[len] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) return 0;
    *slash = '\0';
    return 1;
}

/* Is dir inside parent (or parent itself)? Both are absolute, resolved. */
static int is_inside(const char *dir, const char *parent)
{
    size_t n = strlen(parent);
    return strncmp(dir, parent, n) == 0 && (dir[n] == '/' || dir[n] == '\0');
}

static const char *find_stdlib(void)
{
    static char found[PATH_MAX];
    char bin[PATH_MAX];
    if (exe_dir(bin, sizeof bin)) {
        char beside[PATH_MAX + 64];
        snprintf(beside, sizeof beside, "%s/%s", bin, SAKIPC_STDLIB_FROM_BINDIR);
        if (is_dir(beside) && realpath(beside, found)) return found;   /* named without "bin/.." */
#ifdef SAKIPC_BUILD_DIR
        /* a build tree's binary (sakipc, the tests, the fuzz targets) */
        char *build = realpath(SAKIPC_BUILD_DIR, NULL);
        int in_build = build && is_inside(bin, build);
        free(build);
        if (in_build && is_dir(SAKIPC_SOURCE_STDLIB)) return SAKIPC_SOURCE_STDLIB;
#endif
    }
    return is_dir(SAKIPC_STDLIB_INSTALLED) ? SAKIPC_STDLIB_INSTALLED : NULL;
}

const char *install_stdlib_dir(void)
{
    static int looked;
    static const char *dir;
    if (!looked) {
        dir = find_stdlib();
        looked = 1;
    }
    return dir;
}

/* "Lua 5.4.4" out of the library's own lua_ident ("$LuaVersion: Lua 5.4.4
 * Copyright ... $..."): the release of the library linked at run time,
 * which lua_version() gives only as 504. */
static void lua_release(char *buf, size_t n)
{
    const char *p = strstr(lua_ident, "Lua ");
    if (p) snprintf(buf, n, "Lua %.*s", (int)strcspn(p + 4, " \t$"), p + 4);
    else snprintf(buf, n, "Lua %d.%d", (int)lua_version(NULL) / 100, (int)lua_version(NULL) % 100);
}

void install_print_version(FILE *out)
{
    char lua[64];
    lua_release(lua, sizeof lua);
    const char *lib = install_stdlib_dir();
    fprintf(out, "sakipc %s (git %s)\n", SAKIPC_VERSION, skp_git_revision);
    fprintf(out, "SQLite %s %s\n", sqlite3_libversion(), sqlite3_sourceid());
    fprintf(out, "%s\n", lua);
    fprintf(out, "libxlsxwriter %s\n", lxw_version());
    fprintf(out, "stdlib %s\n", lib ? lib : "(not found)");
}

void install_stdlib_dirs(const char *dirs[2])
{
    dirs[0] = getenv("SAKIPC_STDLIB");
    dirs[1] = install_stdlib_dir();
}
