/* args.c: parsing a command's arguments by its options (args.h). An
 * option that takes a value is "--opt VALUE" or "--opt=VALUE"; options
 * and arguments come in any order; -h or --help anywhere shows the help. */
#include "cli/args.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sakip.h"

int args_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sakipc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'sakipc %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return SKP_USAGE;
}

static int is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* The option arg is (as "--opt" or "--opt=VALUE"), or NULL. */
static const OptionSpec *option_of(const OptionSpec *options, const char *arg, const char **inline_value)
{
    for (const OptionSpec *o = options; o && o->name; o++) {
        size_t n = strlen(o->name);
        if (strncmp(arg, o->name, n) != 0) continue;
        if (arg[n] == '\0') { *inline_value = NULL; return o; }
        if (arg[n] == '=' && o->kind != OPT_FLAG) { *inline_value = arg + n + 1; return o; }
    }
    return NULL;
}

/* Takes option o at argv[*i]. 0, or SKP_USAGE (reported). */
static int take_option(Args *a, const OptionSpec *o, const char *inline_value, int argc, char **argv, int *i)
{
    if (o->kind == OPT_FLAG) { a->flags[o->slot] = 1; return 0; }
    const char *v = inline_value;
    if (!v) {
        if (*i + 1 >= argc) return args_usage_error(a->cmd, "option '%s' needs a value", argv[*i]);
        v = argv[++*i];
    }
    if (o->kind == OPT_VALUE) { a->values[o->slot] = v; return 0; }
    if (a->nlist[o->slot] == ARGS_MAX_LIST)
        return args_usage_error(a->cmd, "at most %d %s %s, found more", ARGS_MAX_LIST, o->name, o->what);
    a->lists[o->slot][a->nlist[o->slot]++] = v;
    return 0;
}

/* An argument that is no option: PLAN or DB first, then FILEs (import,
 * test) or more PLANs (fmt). */
static int take_positional(Args *a, PositionalKind pos, const char *arg)
{
    if (!a->first) { a->first = arg; return 0; }
    if (pos != POS_DB_FILES && pos != POS_PLAN_FILES && pos != POS_FILES)
        return args_usage_error(a->cmd, "unexpected argument '%s'", arg);
    a->rest = realloc(a->rest, (size_t)(a->nrest + 1) * sizeof *a->rest);
    if (!a->rest) { fputs("sakipc: error: out of memory\n", stderr); exit(SKP_RUNTIME); }
    a->rest[a->nrest++] = arg;
    return 0;
}

ArgsResult args_parse(Args *a, const char *cmd, const OptionSpec *options, PositionalKind pos, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    if (pos == POS_RAW) {
        a->raw = argv;
        a->nraw = argc;
        return ARGS_OK;
    }
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *inline_value;
        if (is_help(arg)) return ARGS_HELP;
        const OptionSpec *o = option_of(options, arg, &inline_value);
        int rc = o ? take_option(a, o, inline_value, argc, argv, &i)
               : arg[0] == '-' && arg[1] ? args_usage_error(cmd, "unknown option '%s'", arg)
               : take_positional(a, pos, arg);
        if (rc) return ARGS_FAILED;
    }
    return ARGS_OK;
}

void args_free(Args *a)
{
    free(a->rest);
    a->rest = NULL;
}
