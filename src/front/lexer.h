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
    int keep_comments;          /* scan hands back '#' comments as COMMENT (the formatter's
                                   mode; the parser never sees one) */
} Lexer;

void lexer_init(Lexer *lx, const Source *src, Arena *arena, Diag *diag);

/* A newline after token tok (a parser token number) continues the
 * statement: an operator, ',', '=', '(', 'then', ... */
int lexer_continues(int tok);

/* What a raw token is, for the formatter: no parser token numbers needed. */
typedef enum {
    RAW_END, RAW_ERROR, RAW_NEWLINE, RAW_SEMI, RAW_COMMENT,
    RAW_NAME, RAW_LITERAL,          /* a number or a string */
    RAW_KEYWORD,                    /* and or not if then else where in over */
    RAW_LBRACE, RAW_RBRACE, RAW_LPAREN, RAW_RPAREN, RAW_COMMA, RAW_EQUALS, RAW_MINUS,
    RAW_OPERATOR                    /* + * / ^ < > <= >= != .. % [ ] */
} RawKind;

typedef struct {
    RawKind kind;
    int tok;                        /* the parser's token number, to compare tokens */
    int continues;                  /* a newline after it continues the statement */
    size_t start, end;              /* its bytes in the source */
    int line;
} RawToken;

/* The next token as it is written: no statement ends made up, newlines
 * and ';' as they come, comments too when keep_comments is set. Returns
 * t->kind; RAW_END at the end (and for ever after). */
int lexer_raw(Lexer *lx, RawToken *t);

#endif
