/* fmttok.c: a plan's tokens for the formatter, with their roles (fmttok.h).
 * The roles follow the lexer's own rule for where a statement ends (a
 * newline or ';' outside parentheses, not after a token that continues
 * it: lexer_continues) and the grammar's shape of a statement: words,
 * then '= formula' or '{ block }'. */
#include "front/fmttok.h"

#include <string.h>

#include "base/arena.h"
#include "base/vec.h"

typedef struct {
    int open;           /* the statement has a token */
    int paren;          /* '(' not closed yet */
    int continues;      /* its last token continues it past a newline */
    FmtRole mode;       /* FT_HEAD until its '=', then FT_EXPR */
    RawKind prev;       /* its last token */
    FmtRole prev_role;
    int measure;        /* it is a 'measure' statement */
} StmtState;

static void stmt_reset(StmtState *st)
{
    memset(st, 0, sizeof *st);
    st->mode = FT_HEAD;
}

/* A '-' after a value or ')' subtracts; after anything else it is a sign. */
static int is_sign(const StmtState *st)
{
    if (st->prev_role == FT_HEAD_END) return 1;
    return !(st->prev == RAW_NAME || st->prev == RAW_LITERAL || st->prev == RAW_RPAREN);
}

/* A word or a formula's token: its role, and the statement goes on. */
static void code_token(StmtState *st, FmtTok *t, const char *src_text)
{
    if (st->mode == FT_HEAD) {
        t->role = t->r.kind == RAW_EQUALS ? FT_HEAD_END : FT_HEAD;
        if (!st->open) st->measure = t->r.end - t->r.start == 7 && memcmp(src_text + t->r.start, "measure", 7) == 0;
        t->loose_comma = t->r.kind == RAW_COMMA && !st->measure;
        if (t->r.kind == RAW_EQUALS) st->mode = FT_EXPR;
    } else {
        t->role = FT_EXPR;
        t->sign = t->r.kind == RAW_MINUS && is_sign(st);
    }
    st->open = 1;
    if (t->r.kind == RAW_LPAREN) st->paren++;
    if (t->r.kind == RAW_RPAREN && st->paren > 0) st->paren--;
    st->prev = t->r.kind;
    st->prev_role = t->role;
    st->continues = t->r.continues;
}

static void give_role(StmtState *st, FmtTok *t, const char *src_text)
{
    switch (t->r.kind) {
    case RAW_COMMENT: case RAW_END: case RAW_ERROR:
        t->role = FT_OTHER;
        return;
    case RAW_NEWLINE: case RAW_SEMI:
        t->role = FT_OTHER;
        if (!(st->open && (st->paren > 0 || st->continues))) stmt_reset(st);
        break;
    case RAW_LBRACE:
        t->role = st->mode == FT_HEAD ? FT_HEAD_END : FT_OTHER;
        stmt_reset(st);
        break;
    case RAW_RBRACE:
        t->role = FT_OTHER;
        stmt_reset(st);
        break;
    default:
        code_token(st, t, src_text);
        break;
    }
    t->continued = st->open && (st->paren > 0 || st->continues);
}

void fmttok_scan(const Source *src, Diag *d, FmtToks *out)
{
    VEC(FmtTok) v = {0};
    Arena arena = {0};
    Lexer lx;
    lexer_init(&lx, src, &arena, d);
    lx.keep_comments = 1;
    StmtState st;
    stmt_reset(&st);
    int last_line = 0;
    for (;;) {
        FmtTok t;
        memset(&t, 0, sizeof t);
        lexer_raw(&lx, &t.r);
        if (t.r.kind != RAW_NEWLINE) {
            t.line_first = t.r.line != last_line;
            last_line = t.r.line;
        }
        give_role(&st, &t, src->text);
        VEC_PUSH(v, t);
        if (t.r.kind == RAW_END || t.r.kind == RAW_ERROR) break;
    }
    arena_free(&arena);
    out->toks = v.items;
    out->n = v.len;
    out->lines = 1;
    for (size_t i = 0; i < src->len; i++) out->lines += src->text[i] == '\n';
}

void fmttok_free(FmtToks *t)
{
    free(t->toks);
    t->toks = NULL;
    t->n = 0;
}

/* A comment's text without the blanks after it. */
static size_t comment_len(const Source *s, const FmtTok *t)
{
    size_t n = t->r.end - t->r.start;
    while (n > 0 && strchr(" \t\r", s->text[t->r.start + n - 1])) n--;
    return n;
}

static int touches(const FmtToks *t, int i)
{
    return i > 0 && t->toks[i].role == FT_HEAD && t->toks[i - 1].role == FT_HEAD &&
           !t->toks[i].loose_comma && !t->toks[i - 1].loose_comma &&
           !t->toks[i].line_first && t->toks[i - 1].r.end == t->toks[i].r.start;
}

static int same_token(const Source *sa, const FmtToks *a, int i, const Source *sb, const FmtToks *b, int j)
{
    const FmtTok *x = &a->toks[i], *y = &b->toks[j];
    if (x->r.kind == RAW_END && y->r.kind == RAW_END) return 1;     /* after the last line's newline, or not */
    if (x->r.tok != y->r.tok || x->line_first != y->line_first || touches(a, i) != touches(b, j)) return 0;
    size_t nx = x->r.kind == RAW_COMMENT ? comment_len(sa, x) : x->r.end - x->r.start;
    size_t ny = y->r.kind == RAW_COMMENT ? comment_len(sb, y) : y->r.end - y->r.start;
    return nx == ny && memcmp(sa->text + x->r.start, sb->text + y->r.start, nx) == 0;
}

int fmttok_differ(const Source *sa, const FmtToks *a, const Source *sb, const FmtToks *b)
{
    int i = 0, j = 0;
    for (;;) {
        while (i < a->n && a->toks[i].r.kind == RAW_NEWLINE) i++;
        while (j < b->n && b->toks[j].r.kind == RAW_NEWLINE) j++;
        if (i == a->n || j == b->n) break;
        if (!same_token(sa, a, i, sb, b, j)) return a->toks[i].r.line;
        i++;
        j++;
    }
    return i == a->n && j == b->n ? 0 : a->lines;
}
