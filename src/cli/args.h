/* args.h: a command's arguments, parsed by the options its entry in the
 * command table lists (see args.c). */
#ifndef SKP_CLI_ARGS_H
#define SKP_CLI_ARGS_H

/* The values an option can set: one slot each. */
typedef enum {
    V_DB, V_YEAR, V_AS_OF, V_UNIT, V_TARGET, V_FORMAT, V_REPORT, V_SCENARIO,
    V_INDICATOR, V_GRADE, V_SCHEME, V_CAPAIAN, V_VARY, V_PERIOD, V_GROUP,
    V_TOLERANCE, V_TEMPLATE, V_OUT, V_MEMORY, V_INSTRUCTIONS,
    V_PLAN, V_TABLE, V_SOURCE, V_ONLY, V_AT_RISK, V_LIMIT,
    NVALUES
} ValueSlot;

/* Options given more than once, each time adding to a list. */
typedef enum { L_SET, L_PRINTED, L_HOOK, NLISTS } ListSlot;
#define ARGS_MAX_LIST 64

typedef enum { OPT_VALUE, OPT_LIST, OPT_FLAG } OptionKind;

typedef struct {
    const char *name;       /* "--db" */
    OptionKind kind;
    int slot;               /* ValueSlot, ListSlot, or the flag's index */
    const char *what;       /* a list's items, for "at most 64 --set changes" */
} OptionSpec;

/* How a command takes its other arguments. */
typedef enum { POS_DB, POS_PLAN, POS_DB_FILES, POS_PLAN_FILES, POS_FILES, POS_RAW } PositionalKind;

typedef struct {
    const char *cmd;                        /* for messages */
    const char *values[NVALUES];
    const char *lists[NLISTS][ARGS_MAX_LIST];
    int nlist[NLISTS];
    int flags[4];
    const char *first;                      /* PLAN or DB */
    const char **rest;                      /* the FILEs of import, the TESTFILEs of test */
    int nrest;
    char **raw;                             /* POS_RAW: the arguments as given */
    int nraw;
} Args;

typedef enum { ARGS_OK, ARGS_HELP, ARGS_FAILED } ArgsResult;

/* Parses argv by the options of the command (NULL-terminated) into a.
 * ARGS_HELP for -h/--help; ARGS_FAILED after a usage error (reported). */
ArgsResult args_parse(Args *a, const char *cmd, const OptionSpec *options, PositionalKind pos, int argc, char **argv);
void args_free(Args *a);

/* "sakipc: error: MESSAGE" and "Try 'sakipc CMD --help'." on stderr;
 * returns SKP_USAGE. cmd NULL: the program's own help. */
int args_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
