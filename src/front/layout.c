/* layout.c: a plan in the canonical layout (layout.h). Line by line, as
 * the author broke them: each line's indentation from the blocks open
 * before it (and one level more for a statement's continuation line), its
 * tokens with one spacing between them, its comment after them. Then the
 * comments of lines that follow one another aligned, blank lines made at
 * most one, and the result lexed again to check that it is the same plan.
 *
 * Spacing (fmttok.h gives each token its role in its statement):
 *   - the words of a statement's head keep whether they touch (half-up,
 *     25-100, 2023-Q4, int[9], 0..4 mean what they say because they
 *     touch); a gap between them is one space, or, where the author left
 *     two or more (or a tab) to line up a column, as much as puts the next
 *     word at the column it had, relative to the line's first token;
 *   - the '=' or '{' that ends a head: after one space (or such a column);
 *   - in a formula: one space around operators and after ',', none inside
 *     ( ) nor before ',', none between a function and its '(', none after
 *     a sign;
 *   - ';' after no space and before one, '{ a; b }' with spaces inside. */
#include "front/layout.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "front/fmttok.h"
#include "front/parser.h"

#define INDENT 4

typedef struct {
    int used;               /* a token on it (otherwise blank) */
    int code;               /* a token other than a comment */
    int indent;             /* in levels */
    int opens, closes;      /* its code ends with '{', starts with '}' */
    StrBuf text;            /* the code, without indentation */
    int width;              /* of text, in characters */
    const FmtTok *comment;  /* trailing or whole-line */
    int comment_col;        /* where a trailing comment starts, after the indentation */
    int from, to;           /* its code tokens */
} Line;

typedef struct {
    const Source *src;
    const FmtToks *tk;
    Line *lines;            /* [1 .. tk->lines] */
} Layout;

/* Characters, not bytes (UTF-8 in strings and comments). */
static int width_of(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* The column of the byte at `at` in its source line (tabs to every 8th). */
static int src_col(const Source *src, size_t at)
{
    size_t s = at;
    while (s > 0 && src->text[s - 1] != '\n') s--;
    int col = 0;
    for (size_t i = s; i < at; i++) {
        unsigned char c = (unsigned char)src->text[i];
        if (c == '\t') col = (col / 8 + 1) * 8;
        else col += (c & 0xC0) != 0x80;
    }
    return col;
}

/* The spaces between p and t on one line; *may_align when the gap may
 * line up a column instead. */
static int gap(const FmtTok *p, const FmtTok *t, int *may_align)
{
    RawKind pk = p->r.kind, tk = t->r.kind;
    *may_align = 0;
    if (tk == RAW_SEMI) return 0;
    if (pk == RAW_SEMI || pk == RAW_LBRACE || pk == RAW_RBRACE || tk == RAW_RBRACE) return 1;
    if (t->loose_comma) return 0;
    if (t->role == FT_HEAD || t->role == FT_HEAD_END) {
        if (t->role == FT_HEAD && !p->loose_comma && p->r.end == t->r.start) return 0;
        *may_align = 1;
        return 1;
    }
    if (p->role == FT_HEAD_END) return 1;
    if (tk == RAW_RPAREN || tk == RAW_COMMA || pk == RAW_LPAREN || p->sign) return 0;
    if (tk == RAW_LPAREN && pk == RAW_NAME) return 0;
    return 1;
}

/* Source line l is code indented to column base, with a token after its
 * first at column col. */
static int has_column(const Layout *L, int l, int base, int col)
{
    if (l < 1 || l > L->tk->lines || !L->lines[l].code) return 0;
    const Line *ln = &L->lines[l];
    const FmtTok *t = L->tk->toks;
    if (src_col(L->src, t[ln->from].r.start) != base) return 0;
    for (int i = ln->from + 1; i < ln->to; i++)
        if (src_col(L->src, t[i].r.start) == col) return 1;
    return 0;
}

/* The author left more than one space (or a tab) before t, to line it up
 * with a token of the line above or below. */
static int aligned(const Layout *L, const FmtTok *p, const FmtTok *t, int base)
{
    const Source *src = L->src;
    if (t->r.start - p->r.end < 2 && !memchr(src->text + p->r.end, '\t', t->r.start - p->r.end)) return 0;
    int col = src_col(src, t->r.start);
    return has_column(L, t->r.line - 1, base, col) || has_column(L, t->r.line + 1, base, col);
}

/* The code of a line: tokens [from, to). */
static void line_code(Layout *L, Line *ln, int from, int to)
{
    const FmtTok *t = L->tk->toks;
    int base = src_col(L->src, t[from].r.start);
    for (int i = from; i < to; i++) {
        if (i > from) {
            int may_align, n = gap(&t[i - 1], &t[i], &may_align);
            if (may_align && aligned(L, &t[i - 1], &t[i], base)) {
                int want = src_col(L->src, t[i].r.start) - base - ln->width;
                n = want > 2 ? want : 2;
            }
            for (int k = 0; k < n; k++) strbuf_putc(&ln->text, ' ');
            ln->width += n;
        }
        size_t len = t[i].r.end - t[i].r.start;
        strbuf_putn(&ln->text, L->src->text + t[i].r.start, len);
        ln->width += width_of(L->src->text + t[i].r.start, len);
    }
}

/* One line's tokens [from, to), the comment included: its code and
 * indentation. *depth: the blocks open; cont: it continues a statement. */
static void take_line(Layout *L, int from, int to, int *depth, int cont)
{
    const FmtTok *t = L->tk->toks;
    Line *ln = &L->lines[t[from].r.line];
    ln->used = 1;
    if (t[to - 1].r.kind == RAW_COMMENT) ln->comment = &t[--to];
    if (to == from) return;
    ln->code = 1;
    int closes = 0;
    while (from + closes < to && t[from + closes].r.kind == RAW_RBRACE) closes++;
    ln->closes = closes > 0;
    ln->indent = *depth - closes + (cont && t[from].r.kind != RAW_RPAREN);
    if (ln->indent < 0) ln->indent = 0;
    for (int i = from; i < to; i++) *depth += (t[i].r.kind == RAW_LBRACE) - (t[i].r.kind == RAW_RBRACE);
    if (*depth < 0) *depth = 0;
    ln->opens = t[to - 1].r.kind == RAW_LBRACE;
    ln->from = from;
    ln->to = to;
}

static void take_lines(Layout *L)
{
    const FmtTok *t = L->tk->toks;
    int n = L->tk->n, depth = 0, cont = 0;
    for (int i = 0; i < n;) {
        if (t[i].r.kind == RAW_END || t[i].r.kind == RAW_ERROR) break;
        if (t[i].r.kind == RAW_NEWLINE) {
            cont = t[i++].continued;
            continue;
        }
        int j = i;
        while (j < n && t[j].r.line == t[i].r.line && t[j].r.kind != RAW_NEWLINE && t[j].r.kind != RAW_END) j++;
        take_line(L, i, j, &depth, cont);
        i = j;
    }
    for (int l = 1; l <= L->tk->lines; l++)
        if (L->lines[l].code) line_code(L, &L->lines[l], L->lines[l].from, L->lines[l].to);
}

/* A whole-line comment is indented as the code after it (as the inside of
 * the block when that code is its '}'). */
static void comment_indents(Layout *L)
{
    int next = 0;
    for (int l = L->tk->lines; l >= 1; l--) {
        Line *ln = &L->lines[l];
        if (!ln->used) continue;
        if (ln->code) next = ln->closes ? ln->indent + 1 : ln->indent;
        else ln->indent = next;
    }
}

static int trailing(const Line *ln)
{
    return ln->used && ln->code && ln->comment;
}

/* Trailing comments of lines in a run (one after another, same
 * indentation, each with one) start at one column: two spaces after the
 * longest code of the run. */
static void align_comments(Layout *L)
{
    int last = L->tk->lines;
    for (int l = 1; l <= last;) {
        if (!trailing(&L->lines[l])) {
            l++;
            continue;
        }
        int e = l, w = 0;
        for (; e <= last && trailing(&L->lines[e]) && L->lines[e].indent == L->lines[l].indent; e++)
            if (L->lines[e].width > w) w = L->lines[e].width;
        for (int k = l; k < e; k++) L->lines[k].comment_col = w + 2;
        l = e;
    }
}

static void put_spaces(StrBuf *out, int n)
{
    for (int i = 0; i < n; i++) strbuf_putc(out, ' ');
}

static void put_comment(const Source *src, const FmtTok *c, StrBuf *out)
{
    size_t n = c->r.end - c->r.start;
    while (n > 0 && strchr(" \t\r", src->text[c->r.start + n - 1])) n--;
    strbuf_putn(out, src->text + c->r.start, n);
}

/* The lines out: blank runs as one blank line, none at the start or end,
 * none after a '{' or before a '}'. */
static void emit(const Layout *L, StrBuf *out)
{
    int blank = 0, any = 0, prev_opens = 0;
    for (int l = 1; l <= L->tk->lines; l++) {
        const Line *ln = &L->lines[l];
        if (!ln->used) {
            blank = 1;
            continue;
        }
        if (blank && any && !prev_opens && !ln->closes) strbuf_putc(out, '\n');
        blank = 0;
        put_spaces(out, ln->indent * INDENT);
        if (ln->code) strbuf_putn(out, ln->text.s, ln->text.len);
        if (ln->code && ln->comment) put_spaces(out, ln->comment_col - ln->width);
        if (ln->comment) put_comment(L->src, ln->comment, out);
        strbuf_putc(out, '\n');
        any = 1;
        prev_opens = ln->opens;
    }
}

/* src (its tokens tk) laid out into out. */
static void lay_out(const Source *src, const FmtToks *tk, StrBuf *out)
{
    Layout L = { src, tk, mem_xarray(tk->lines + 1, sizeof(Line)) };
    take_lines(&L);
    comment_indents(&L);
    align_comments(&L);
    emit(&L, out);
    for (int l = 0; l <= tk->lines; l++) strbuf_free(&L.lines[l].text);
    free(L.lines);
}

/* Laid out again until nothing changes: a column lined up with a token
 * that has moved is given up on the next round. At most a few rounds;
 * *text the last. */
static void settle(const Source *src, StrBuf *text, Diag *d)
{
    for (int round = 0; round < 4; round++) {
        Source *list = NULL;
        Source *res = source_from_bytes(src->path, text->s ? text->s : "", text->len, &list);
        FmtToks tk;
        fmttok_scan(res, d, &tk);
        StrBuf again = {0};
        lay_out(res, &tk, &again);
        fmttok_free(&tk);
        source_free_all(list);
        int same = again.len == text->len && memcmp(again.s ? again.s : "", text->s ? text->s : "", again.len) == 0;
        strbuf_free(text);
        *text = again;
        if (same) return;
    }
}

/* 0 when text is the same plan as src (tk), or the line of src where it is not. */
static int differs(const Source *src, const FmtToks *tk, const StrBuf *text, Diag *d)
{
    Source *list = NULL;
    Source *res = source_from_bytes(src->path, text->s ? text->s : "", text->len, &list);
    FmtToks again;
    fmttok_scan(res, d, &again);
    int line = fmttok_differ(src, tk, res, &again);
    fmttok_free(&again);
    source_free_all(list);
    return line;
}

int layout_format(const Source *src, Diag *d, StrBuf *out)
{
    Tree tree;
    memset(&tree, 0, sizeof tree);
    int errors = parser_parse(src, &tree, d);
    ast_tree_free(&tree);
    if (errors) return errors;
    FmtToks tk;
    fmttok_scan(src, d, &tk);
    StrBuf text = {0};
    lay_out(src, &tk, &text);
    settle(src, &text, d);
    int line = differs(src, &tk, &text, d);
    fmttok_free(&tk);
    if (line)
        diag_plain(d, "%s:%d: internal error: the formatted plan would differ from the plan; the file is left as it is",
                   src->path, line);
    else if (text.len)
        strbuf_putn(out, text.s, text.len);
    strbuf_free(&text);
    return line ? -1 : 0;
}
