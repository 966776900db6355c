/* install.h: where this copy of sakipc finds what it ships with, and what
 * it is. A binary run from its build tree reads the source tree's stdlib/;
 * an installed one reads the copy installed beside it
 * (PREFIX/share/sakipc/stdlib), found from the binary's own location, so a
 * prefix can be moved or chosen at install time (cmake --install --prefix,
 * a .deb unpacked anywhere) and the source tree is never consulted by it. */
#ifndef SKP_INSTALL_H
#define SKP_INSTALL_H
#include <stdio.h>

/* The standard library directory (rule sets, reports/ templates), or NULL
 * when none is found. Looked up once per run:
 *   1. BINDIR/../share/sakipc/stdlib (the binary's installed prefix),
 *   2. the source tree's stdlib/, only for a binary inside its build tree,
 *   3. the prefix configured at build time (CMAKE_INSTALL_PREFIX).
 * $SAKIPC_STDLIB is not part of this: it is searched before it, by callers. */
const char *install_stdlib_dir(void);
/* Where a name of the standard library (an include, a template, a
 * template's require) is looked for, in order: dirs[0] = $SAKIPC_STDLIB
 * (NULL when unset), dirs[1] = install_stdlib_dir(). */
void install_stdlib_dirs(const char *dirs[2]);

/* `sakipc --version`: the version, the git revision built from, and the
 * SQLite, Lua and libxlsxwriter libraries in use at run time. */
void install_print_version(FILE *out);

#endif
