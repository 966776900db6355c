/* lexer.re: plan text -> tokens (re2c).
 *
 * All state lives in a Lexer (src/front/lexer.h); there are no globals. Statements end
 * at a newline or ';', except inside parentheses and after a token that
 * cannot end one (an operator, ',', '=', 'then', ...), so long formulas may
 * be broken across lines the way a planner would. The lexer also inserts the
 * statement end before a '}' and at end of file, and remembers which words
 * opened each block so an unclosed one can be named. */
#include <stdio.h>
#include <string.h>

#include "front/lexer.h"
#include "parser_tokens.h"
#include "base/arena.h"
#include "base/strbuf.h"

void lexer_init(Lexer *lx, const Source *src, Arena *arena, Diag *diag)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->cur = lx->line_start = src->text;
    lx->lim = src->text + src->len;
    lx->line = 1;
    lx->arena = arena;
    lx->diag = diag;
}

static Loc here(const Lexer *lx, const char *from, const char *to)
{
    Loc l;
    l.src = lx->src;
    l.line = l.end_line = lx->line;
    l.col = (int)(from - lx->line_start) + 1;
    l.end_col = (int)(to - lx->line_start);
    if (l.end_col < l.col) l.end_col = l.col;
    return l;
}

/* A newline after one of these continues the statement. */
int lexer_continues(int tok)
{
    switch (tok) {
    case 0: case NL: case '{': case '(': case ',': case '=':
    case '+': case '-': case '*': case '/': case '^':
    case '<': case '>': case LE: case GE: case NE: case DOTDOT:
    case AND: case OR: case NOT: case IF: case THEN: case ELSE: case WHERE: case IN: case OVER:
        return 1;
    default:
        return 0;
    }
}

/* Keeps the first two words of each statement: "indicator IKM". */
static void note_head(Lexer *lx, int tok)
{
    if (tok == NL || tok == '{' || tok == '}') {
        lx->stmt_head[0] = '\0';     /* open_block has already copied it */
        lx->stmt_words = 0;
        return;
    }
    if (lx->stmt_words++ >= 2) return;
    size_t used = strlen(lx->stmt_head);
    int n = (int)(lx->cur - lx->tok);
    snprintf(lx->stmt_head + used, sizeof lx->stmt_head - used, "%s%.*s",
             used ? " " : "", n > 40 ? 40 : n, lx->tok);
}

static void note_text(Lexer *lx, int tok)
{
    int n = (int)(lx->cur - lx->tok);
    if (tok == NL) snprintf(lx->last_text, sizeof lx->last_text, "end of line");
    else if (tok == END) snprintf(lx->last_text, sizeof lx->last_text, "end of file");
    else snprintf(lx->last_text, sizeof lx->last_text, "'%.*s'", n > 40 ? 40 : n, lx->tok);
}

static int scan(Lexer *lx, YYSTYPE *lval, Loc *loc);

/* A '{' past SKP_MAX_NESTING: reported, and the block it opens is skipped
 * to its '}' so that its contents do not spill into the enclosing one. */
static int refuse_block(Lexer *lx, Loc loc)
{
    diag_error(lx->diag, loc, "blocks nested deeper than %d levels", SKP_MAX_NESTING);
    YYSTYPE v;
    Loc at;
    for (int open = 1; open > 0;) {
        int tok = scan(lx, &v, &at);
        if (tok == END) {            /* never closed: the parser reports the end of file */
            lx->pending = END;
            lx->pending_loc = at;
            break;
        }
        open += tok == '{' ? 1 : tok == '}' ? -1 : 0;
    }
    return YYerror;
}

static int open_block(Lexer *lx, Loc loc)
{
    if (lx->depth == SKP_MAX_NESTING) return refuse_block(lx, loc);
    OpenBlock *b = &lx->open[lx->depth++];
    b->loc = loc;
    snprintf(b->what, sizeof b->what, "%s", lx->stmt_head[0] ? lx->stmt_head : "block");
    return '{';
}

static int close_block(Lexer *lx)
{
    if (lx->depth > 0) lx->depth--;
    return '}';
}

/* Checks that s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
static const char *utf8_invalid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n) return (const char *)s + i;
        unsigned cp = len == 1 ? c : c & (0x7F >> len);
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return (const char *)s + i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (const char *)s + i;
        i += len;
    }
    return NULL;
}

/* "..." on one line; escapes \" \\ \n \t. Called with cur just past the
 * opening quote. */
static int lex_string(Lexer *lx, YYSTYPE *lval, Loc *loc)
{
    StrBuf b = {0};
    size_t len = 0;                  /* bytes after escapes; b holds no more than the limit */
    const char *p = lx->cur;
    for (;;) {
        if (p >= lx->lim || *p == '\n' || *p == '\r') {
            *loc = here(lx, lx->tok, lx->tok + 1);
            diag_error(lx->diag, *loc, "unterminated string (a string ends on the line it starts)");
            lx->cur = p;
            strbuf_free(&b);
            return YYerror;
        }
        if (*p == '"') break;
        if (*p == '\\') {
            if (p + 1 >= lx->lim || p[1] == '\n' || p[1] == '\r') {   /* a '\' at the end: unterminated */
                p++;
                continue;
            }
            char e = p[1];
            char out = e == 'n' ? '\n' : e == 't' ? '\t' : e == '"' ? '"' : e == '\\' ? '\\' : 0;
            if (!out) {
                *loc = here(lx, p, p + 2);
                if (e > ' ' && e < 0x7F)
                    diag_error(lx->diag, *loc, "unknown escape '\\%c' in string (use \\\" \\\\ \\n or \\t)", e);
                else
                    diag_error(lx->diag, *loc, "unknown escape: '\\' before byte 0x%02X in string (use \\\" \\\\ \\n or \\t)",
                               (unsigned char)e);
                out = e;
            }
            if (++len <= SKP_MAX_STRING) strbuf_putc(&b, out);
            p += 2;
            continue;
        }
        if (++len <= SKP_MAX_STRING) strbuf_putc(&b, *p);
        p++;
    }
    lx->cur = p + 1;
    *loc = here(lx, lx->tok, lx->cur);
    if (len > SKP_MAX_STRING) {
        diag_error(lx->diag, *loc, "string longer than %d bytes (%zu bytes)", SKP_MAX_STRING, len);
        strbuf_free(&b);
        return YYerror;
    }
    const char *bad = b.len ? utf8_invalid((const unsigned char *)b.s, b.len) : NULL;
    if (bad) {
        diag_error(lx->diag, *loc, "string is not valid UTF-8 (byte 0x%02X)", (unsigned char)*bad);
        strbuf_free(&b);
        return YYerror;
    }
    lval->STRING = arena_strndup(lx->arena, b.s ? b.s : "", b.len);
    strbuf_free(&b);
    return STRING;
}

static int token_text(Lexer *lx, YYSTYPE *lval, Loc loc, int tok)
{
    size_t n = (size_t)(lx->cur - lx->tok);
    size_t limit = tok == NUMBER ? SKP_MAX_NUMBER : SKP_MAX_NAME;
    if (n > limit) {
        loc.end_col = loc.col;       /* the caret at its start: the line may be very long */
        diag_error(lx->diag, loc, "%s longer than %zu bytes (%zu bytes)", tok == NUMBER ? "number" : "name", limit, n);
        return YYerror;
    }
    const char *text = arena_strndup(lx->arena, lx->tok, n);
    if (tok == NAME) lval->NAME = text;
    else lval->NUMBER = text;
    return tok;
}

static int bad_char(Lexer *lx, Loc loc)
{
    unsigned char c = (unsigned char)*lx->tok;
    if (c >= 0x80)
        diag_error(lx->diag, loc, "unexpected byte 0x%02X outside a string (text that is not ASCII belongs in \"quotes\")", c);
    else if (c < 0x20 || c == 0x7F)
        diag_error(lx->diag, loc, "unexpected control character 0x%02X", c);
    else
        diag_error(lx->diag, loc, "unexpected character '%c'", c);
    return YYerror;
}

/* One raw token; newline policy is applied by lexer_next below. */
static int scan(Lexer *lx, YYSTYPE *lval, Loc *loc)
{
    for (;;) {
        lx->tok = lx->cur;
        /*!re2c
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYCURSOR = "lx->cur";
        re2c:define:YYMARKER = "lx->mark";
        re2c:define:YYLIMIT = "lx->lim";
        re2c:define:YYFILL = "0";
        re2c:eof = 0;

        name = [A-Za-z_][A-Za-z0-9_]* ("." [A-Za-z0-9_]+)*;
        number = [0-9]+ ("." [0-9]+)?;

        $                 { *loc = here(lx, lx->tok, lx->tok); return END; }
        [ \t\r]+          { continue; }
        "#" [^\n\x00]*    { if (!lx->keep_comments) continue;
                            *loc = here(lx, lx->tok, lx->cur); return COMMENT; }
        "\n"              { *loc = here(lx, lx->tok, lx->tok);
                            lx->line++; lx->line_start = lx->cur; return NL; }
        ";"               { *loc = here(lx, lx->tok, lx->cur); return NL; }
        "and"             { *loc = here(lx, lx->tok, lx->cur); return AND; }
        "or"              { *loc = here(lx, lx->tok, lx->cur); return OR; }
        "not"             { *loc = here(lx, lx->tok, lx->cur); return NOT; }
        "if"              { *loc = here(lx, lx->tok, lx->cur); return IF; }
        "then"            { *loc = here(lx, lx->tok, lx->cur); return THEN; }
        "else"            { *loc = here(lx, lx->tok, lx->cur); return ELSE; }
        "where"           { *loc = here(lx, lx->tok, lx->cur); return WHERE; }
        "in"              { *loc = here(lx, lx->tok, lx->cur); return IN; }
        "over"            { *loc = here(lx, lx->tok, lx->cur); return OVER; }
        name              { *loc = here(lx, lx->tok, lx->cur); return token_text(lx, lval, *loc, NAME); }
        number            { *loc = here(lx, lx->tok, lx->cur); return token_text(lx, lval, *loc, NUMBER); }
        ["]               { return lex_string(lx, lval, loc); }
        ".."              { *loc = here(lx, lx->tok, lx->cur); return DOTDOT; }
        "<="              { *loc = here(lx, lx->tok, lx->cur); return LE; }
        ">="              { *loc = here(lx, lx->tok, lx->cur); return GE; }
        "!=" | "<>"       { *loc = here(lx, lx->tok, lx->cur); return NE; }
        "=="              { *loc = here(lx, lx->tok, lx->cur); return '='; }
        [-+*/^=<>(),%{}[\]] { *loc = here(lx, lx->tok, lx->cur); return *lx->tok; }
        *                 { *loc = here(lx, lx->tok, lx->cur); return bad_char(lx, *loc); }
        */
    }
}

/* The parser's yylex: raw tokens plus the statement-end rules. */
int lexer_next(YYSTYPE *lval, Loc *loc, Lexer *lx)
{
    int tok;
    if (lx->pending) {
        tok = lx->pending;
        *loc = lx->pending_loc;
        lx->pending = 0;
    } else {
        for (;;) {
            tok = scan(lx, lval, loc);
            if (tok == NL && (lx->paren_depth > 0 || lexer_continues(lx->last))) continue;
            break;
        }
        /* A '}' or the end of file also ends the statement in front of it. */
        if ((tok == '}' || tok == END) && !lexer_continues(lx->last) && lx->last != '}') {
            lx->pending = tok;
            lx->pending_loc = *loc;
            tok = NL;
        }
    }
    if (tok == '(' && lx->paren_depth == SKP_MAX_NESTING) {
        if (!lx->nest_reported)
            diag_error(lx->diag, *loc, "parentheses nested deeper than %d levels", SKP_MAX_NESTING);
        lx->nest_reported = 1;
        tok = YYerror;
    }
    if (tok == '(' ) lx->paren_depth++;
    if (tok == ')' && lx->paren_depth > 0) lx->paren_depth--;
    if (tok == '{') tok = open_block(lx, *loc);
    else if (tok == '}') tok = close_block(lx);
    if (tok == NL || tok == '{' || tok == '}') lx->paren_depth = lx->nest_reported = 0;
    note_head(lx, tok);
    note_text(lx, tok);
    lx->last = tok;
    return tok;
}

/* The formatter's view of a token (src/front/layout.c): what it is for
 * spacing, and where it is, without the parser's token numbers. */
static RawKind raw_kind(int tok, const char *text)
{
    switch (tok) {
    case END: return RAW_END;
    case YYerror: return RAW_ERROR;
    case NL: return *text == ';' ? RAW_SEMI : RAW_NEWLINE;
    case COMMENT: return RAW_COMMENT;
    case NAME: return RAW_NAME;
    case NUMBER: case STRING: return RAW_LITERAL;
    case AND: case OR: case NOT: case IF: case THEN: case ELSE: case WHERE: case IN: case OVER: return RAW_KEYWORD;
    case '{': return RAW_LBRACE;
    case '}': return RAW_RBRACE;
    case '(': return RAW_LPAREN;
    case ')': return RAW_RPAREN;
    case ',': return RAW_COMMA;
    case '=': return RAW_EQUALS;
    case '-': return RAW_MINUS;
    default: return RAW_OPERATOR;
    }
}

int lexer_raw(Lexer *lx, RawToken *t)
{
    YYSTYPE v;
    Loc loc;
    int tok = scan(lx, &v, &loc);
    t->tok = tok;
    t->start = (size_t)(lx->tok - lx->src->text);
    t->end = (size_t)(lx->cur - lx->src->text);
    t->line = tok == NL && *lx->tok == '\n' ? lx->line - 1 : lx->line;
    t->kind = raw_kind(tok, lx->tok);
    t->continues = lexer_continues(tok);
    return t->kind;
}
