/* fmttok.h: a plan's tokens as the formatter (layout.c) sees them: every
 * token as written, comments included, each with its role in its
 * statement, and the check that a formatted text has the same tokens. */
#ifndef SKP_FRONT_FMTTOK_H
#define SKP_FRONT_FMTTOK_H
#include "base/source.h"
#include "base/diag.h"
#include "front/lexer.h"

/* A token's role: a word of a statement's head (before '=' or '{'; whether
 * two of them touch is part of their meaning: half-up, 25-100, 2023-Q4),
 * the '=' or '{' that ends a head, a part of a formula, or the rest
 * (';', '}', newlines, comments). */
typedef enum { FT_HEAD, FT_HEAD_END, FT_EXPR, FT_OTHER } FmtRole;

typedef struct {
    RawToken r;
    FmtRole role;
    int sign;           /* a '-' of a formula that is a sign, not a subtraction */
    int continued;      /* a newline right after it would continue the statement */
    int line_first;     /* the first token of its line */
    int loose_comma;    /* a ',' among words where touching means nothing (every
                           statement but 'measure', whose words are its unit's name) */
} FmtTok;

typedef struct {
    FmtTok *toks;       /* in order, ended by RAW_END */
    int n;
    int lines;          /* the source's lines */
} FmtToks;

/* The tokens of src, which must have lexed without an error. */
void fmttok_scan(const Source *src, Diag *d, FmtToks *out);
void fmttok_free(FmtToks *t);
/* 0 when a and b (of sa and sb) are the same plan to the parser and the
 * checker: the same tokens, with the same text, starting the same lines,
 * the same words touching; otherwise the line of a where they part. */
int fmttok_differ(const Source *sa, const FmtToks *a, const Source *sb, const FmtToks *b);

#endif
