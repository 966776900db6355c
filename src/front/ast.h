/* ast.h: the tree the parser builds, and nothing more.
 *
 * A plan is a list of statements. A statement is a run of words, optionally
 * followed by `= expr` (or `= expr .. expr`) or by a `{ ... }` block of
 * statements:
 *
 *     indicator IKM "IKM Pelayanan" {        <- words + block
 *         polarity higher                    <- words
 *         realisation = latest(SAKIP)        <- words + expr
 *     }
 *
 * Giving the words meaning is the checker's job (src/check/), which is why the
 * grammar stays small and every misspelt keyword gets a "did you mean".
 * All nodes live in the tree's arena. */
#ifndef SKP_AST_H
#define SKP_AST_H
#include "base/diag.h"
#include "base/arena.h"

/* ---- limits ----------------------------------------------------------------
 * What one plan may hold, in one place (docs/language.md, section 1). Each
 * is reported as `file:line:col: error: ...` naming the limit, so that no
 * plan, however written, can exhaust the stack or the memory of a check. */
#define SKP_MAX_NESTING 200              /* levels of blocks, of parentheses, of a formula's operators */
#define SKP_MAX_NAME 128                 /* bytes in a name (hyphenated words joined: pk-perubahan) */
#define SKP_MAX_NUMBER 128               /* bytes in a number as written */
#define SKP_MAX_STRING 4096              /* bytes in a string, after its escapes */
#define SKP_MAX_PLAN_BYTES (16L << 20)   /* bytes in a plan or an included file (16 MiB) */
#define SKP_MAX_INCLUDE_DEPTH 16         /* files including files */
#define SKP_MAX_CALL_DEPTH 32            /* plan functions calling plan functions */
#define SKP_MAX_FORMULA_PARTS 100000     /* parts of one formula with its functions and constants written out */
#define SKP_MAX_PLAN_PARTS 10000000      /* the same, summed over every formula of the plan */
#define SKP_MAX_YEARS 50                 /* years in the Renstra period */

typedef enum {
    W_NAME,    /* identifier, possibly dotted: SETWAN.SIDANG */
    W_NUMBER,  /* 84.84 (text kept as written) */
    W_STRING,  /* "IKM Pelayanan" (unescaped, UTF-8) */
    W_SYMBOL   /* % , - [ ] .. < > <= >= / + and keywords used as words */
} WordKind;

typedef struct {
    WordKind kind;
    const char *text;
    double num;
    Loc loc;
} Word;

typedef enum {
    E_NUMBER, E_STRING, E_NAME, E_CALL,
    E_NEG, E_NOT,
    E_ADD, E_SUB, E_MUL, E_DIV, E_POW,
    E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE,
    E_AND, E_OR,
    E_IF,
    E_IN                  /* a in (args...) */
} ExprKind;

typedef struct Expr {
    ExprKind kind;
    Loc loc;              /* the whole expression; for operators, the operator */
    double num;
    const char *text;     /* number as written, string value, or name */
    struct Expr *a, *b, *c;
    struct Expr **args;   /* E_CALL, E_IN */
    int nargs;
    struct Expr *where;   /* E_CALL over a record table: the row filter */
    const char *over;     /* E_CALL `sum(X over children)`: the units rolled up */
    Loc over_loc;
    /* Filled in by the checker: what a name or call refers to. */
    int res;              /* ExprRes (check.h) */
    int res_id;           /* const index, code id, builtin id, ... */
    int type;             /* ExprType (check.h) */
    int depth;            /* levels of the tree below and including this node (at most SKP_MAX_NESTING) */
} Expr;

typedef struct Stmt {
    Loc loc;              /* first word */
    Word *words;
    int nwords;
    Expr *value;          /* after '=' (NULL if none) */
    Expr *upper;          /* after '..' in `= lo .. hi` */
    Loc eq_loc;
    int has_block;
    struct Stmt **body;
    int nbody;
    Loc open_loc;         /* the '{' */
} Stmt;

typedef struct {
    Arena arena;
    Stmt **stmts;
    int nstmts;
} Tree;

/* ---- builders, called from grammar actions only ---- */
typedef struct WordList { Word w; struct WordList *next; } WordList;
typedef struct StmtList { Stmt *s; struct StmtList *next; } StmtList;
typedef struct ExprList { Expr *e; struct ExprList *next; } ExprList;

WordList *ast_words(Arena *a, WordList *list, Word w);
Stmt *ast_stmt(Arena *a, WordList *words, Expr *value, Expr *upper, Loc eq);
Stmt *ast_block(Arena *a, WordList *words, StmtList *body, Loc open);
StmtList *ast_stmts(Arena *a, StmtList *list, Stmt *s);
ExprList *ast_exprs(Arena *a, ExprList *list, Expr *e);
Expr *ast_number(Arena *a, const char *text, Loc loc);
Expr *ast_string(Arena *a, const char *text, Loc loc);
Expr *ast_name(Arena *a, const char *text, Loc loc);
Expr *ast_call(Arena *a, const char *name, ExprList *args, Loc loc);
Expr *ast_in(Arena *a, Expr *lhs, ExprList *list, Loc loc);
Expr *ast_unary(Arena *a, ExprKind k, Expr *x, Loc loc);
Expr *ast_binary(Arena *a, ExprKind k, Expr *x, Expr *y, Loc loc);
Expr *ast_if(Arena *a, Expr *c, Expr *t, Expr *e, Loc loc);
void ast_finish(Tree *t, StmtList *top);

void ast_tree_free(Tree *t);

const char *ast_op_text(ExprKind k);  /* "+", "and", ... for messages */

#endif
