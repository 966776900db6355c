/* main.c: the `sakipc` command. Finds the command (commands.c), runs it
 * through the library (sakip.h), and maps every outcome to a documented
 * exit status:
 *
 *   0 success   1 audit: a printed figure disagrees   2 usage error
 *   3 plan error   4 data error   5 runtime error (database, I/O, memory)
 *   6 a Lua hook or report template failed
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/help.h"
#include "sakip.h"

static int is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

/* After the command: running out of memory is the cause whatever the
 * command made of it (SQLite and Lua report it as errors of their own),
 * and output that could not be written fails the run. */
static int finish(int st)
{
    if (st != SKP_OK && st != SKP_RUNTIME && skp_out_of_memory()) {
        fputs("sakipc: error: out of memory\n", stderr);
        st = SKP_RUNTIME;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sakipc: error: writing output: %s\n", strerror(errno));
        return SKP_RUNTIME;
    }
    return st;
}

int main(int argc, char **argv)
{
    skp_startup();
    if (argc < 2) {
        fputs(help_main, stderr);
        return SKP_USAGE;
    }
    if (is_help(argv[1])) {
        fputs(help_main, stdout);
        fputs(help_exit, stdout);
        return SKP_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        skp_version(stdout);
        return SKP_OK;
    }
    const Command *c = commands_find(argv[1]);
    if (!c) return args_usage_error(NULL, "unknown command '%s'", argv[1]);
    return finish(commands_run(c, argc - 2, argv + 2));
}
