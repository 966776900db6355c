/* lexer.h: the lexer's state (re2c free-form: no globals, all state here). */
#ifndef SKP_LEX_H
#define SKP_LEX_H
#include "front/ast.h"
#include "base/arena.h"

/* The limits (SKP_MAX_NESTING, SKP_MAX_NAME, ...) are in ast.h. */

typedef struct {
    Loc loc;                    /* the '{' */
    char what[96];              /* "indicator IKM": the words that opened it */
} OpenBlock;

typedef struct Lexer {
    const Source *src;
    const char *cur, *tok, *lim, *mark;
    const char *line_start;
    int line;
    int paren_depth;            /* newlines inside ( ) do not end a statement */
    int nest_reported;          /* the statement's nesting error is out: no more of them */
    int last;                   /* last token returned, for newline rules */
    int pending;                /* token queued behind a synthetic NL, or 0 */
    Loc pending_loc;
    int at_eof;
    /* the words that start the current statement, for "opened at" messages */
    char stmt_head[96];
    int stmt_words;
    OpenBlock open[SKP_MAX_NESTING];
    int depth;
    Arena *arena;
    Diag *diag;
    char last_text[64];         /* printable form of the last token, for messages */
} Lexer;

void lexer_init(Lexer *lx, const Source *src, Arena *arena, Diag *diag);

#endif
