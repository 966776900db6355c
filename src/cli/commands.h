/* commands.h: the commands of `sakipc`, in one table (see commands.c). */
#ifndef SKP_CLI_COMMANDS_H
#define SKP_CLI_COMMANDS_H
#include "cli/args.h"

typedef struct Command {
    const char *name;                   /* "eval" */
    const char *help;                   /* `sakipc eval --help` */
    const OptionSpec *options;          /* ended by a NULL name */
    PositionalKind positional;          /* PLAN, DB, DB FILE..., or the raw arguments */
    int (*run)(const Args *a);          /* returns the exit status */
} Command;

/* The command called `name`, or NULL. */
const Command *commands_find(const char *name);
/* Parses the command's arguments and runs it: its exit status. */
int commands_run(const Command *c, int argc, char **argv);

#endif
