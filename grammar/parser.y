/* parser.y: tokens -> tree (bison).
 *
 * The grammar builds the tree and nothing else: every action calls an ast_*
 * builder (ast.c). Statements are words, optionally `= expr`, `= expr .. expr`
 * or a `{ block }`; the checker gives them meaning. Expressions are the
 * planner's formulas, with the usual precedence:
 *
 *   if-then-else  <  or  <  and  <  not  <  = != < <= > >=  <  + -  <  * /  <  unary -  <  ^
 *
 * Nodes live in the tree's arena, so there is nothing for %destructor to
 * free: discarded symbols during error recovery are reclaimed with the arena.
 *
 * Nesting is bounded (SKP_MAX_NESTING, ast.h) so that no plan can exhaust a
 * stack: the lexer counts blocks and parentheses, every expression rule
 * below goes through deep() with the depth of the tree it built, and the
 * parser's own stack is capped at a size that only a plan past those limits
 * can reach (a run of prefix operators, - - - ... x, before any reduction). */
%code requires {
#include "front/ast.h"
#include "front/lexer.h"
#include "base/strbuf.h"
typedef struct ParseCtx {
    Lexer lex;
    Tree *tree;
    Diag *diag;
    int errors;
    int exhausted;              /* the parser's stack overflowed (reported) */
    StmtList *top;              /* the plan's statements, kept as each one parses, so that
                                   an error at the end of the file, which ends the parse,
                                   loses none of them */
} ParseCtx;
#define YYLTYPE Loc
#define YYLLOC_DEFAULT(Cur, Rhs, N) do { \
    if (N) { (Cur) = source_span(YYRHSLOC(Rhs, 1), YYRHSLOC(Rhs, N)); } \
    else { (Cur) = YYRHSLOC(Rhs, 0); (Cur).col = (Cur).end_col; (Cur).line = (Cur).end_line; } \
} while (0)
}

%code provides {
int lexer_next(YYSTYPE *lval, Loc *loc, Lexer *lx);
}

%code {
#include "front/parser.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int yylex(YYSTYPE *lval, Loc *loc, ParseCtx *ctx) { return lexer_next(lval, loc, &ctx->lex); }
static Word word(ParseCtx *ctx, WordKind k, const char *text, Loc loc);
static void yyerror(Loc *loc, ParseCtx *ctx, const char *msg);
static Expr *deep(ParseCtx *ctx, Expr *e);
#define A (&ctx->tree->arena)
/* Each level of nesting takes at most a few states of the stack (IF expr
 * THEN expr ELSE, NAME '(' arglist ',', words '{' stmts ...): a plan within
 * the limits stays well below this. */
#define YYMAXDEPTH (16 * SKP_MAX_NESTING)
}

%define api.pure full
%define api.value.type union
%define parse.error custom
%define parse.lac full
%locations
%param {ParseCtx *ctx}
%expect 0

%token <const char *> NAME "name" NUMBER "number" STRING "string"
%token NL "end of line" DOTDOT "'..'" LE "'<='" GE "'>='" NE "'!='"
%token AND "'and'" OR "'or'" NOT "'not'" IF "'if'" THEN "'then'" ELSE "'else'"
%token WHERE "'where'" IN "'in'" OVER "'over'"
%token COMMENT "comment"          /* only in the lexer's keep_comments mode (the formatter) */
%token END 0 "end of file"

%nterm <StmtList *> stmts
%nterm <Stmt *> stmt
%nterm <WordList *> words
%nterm <Word> word
%nterm <Expr *> expr
%nterm <ExprList *> args arglist

%precedence ELSE
%left OR
%left AND
%precedence NOT
%nonassoc '=' NE '<' '>' LE GE IN
%left '+' '-'
%left '*' '/'
%precedence UMINUS
%right '^'

%%

/* The top level is kept outside bison's stack (ctx->top): an error at the
 * end of the file leaves no token to recover on and bison gives up, taking
 * its stack with it. */
plan:
    %empty
  | plan NL
  | plan stmt                     { ctx->top = ast_stmts(A, ctx->top, $2); }
  | plan error NL                 { yyerrok; }
;

stmts:
    %empty                        { $$ = NULL; }
  | stmts NL                      { $$ = $1; }
  | stmts stmt                    { $$ = ast_stmts(A, $1, $2); }
  | stmts error NL                { $$ = $1; yyerrok; }
;

stmt:
    words NL                      { $$ = ast_stmt(A, $1, NULL, NULL, @1); }
  | words '=' expr NL             { $$ = ast_stmt(A, $1, $3, NULL, @2); }
  | words '=' expr DOTDOT expr NL { $$ = ast_stmt(A, $1, $3, $5, @2); }
  | words '{' stmts '}'           { $$ = ast_block(A, $1, $3, @2); }
;

words:
    word                          { $$ = ast_words(A, NULL, $1); }
  | words word                    { $$ = ast_words(A, $1, $2); }
;

word:
    NAME                          { $$ = word(ctx, W_NAME, $1, @1); }
  | NUMBER                        { $$ = word(ctx, W_NUMBER, $1, @1); }
  | STRING                        { $$ = word(ctx, W_STRING, $1, @1); }
  | '%'                           { $$ = word(ctx, W_SYMBOL, "%", @1); }
  | ','                           { $$ = word(ctx, W_SYMBOL, ",", @1); }
  | '-'                           { $$ = word(ctx, W_SYMBOL, "-", @1); }
  | '+'                           { $$ = word(ctx, W_SYMBOL, "+", @1); }
  | '/'                           { $$ = word(ctx, W_SYMBOL, "/", @1); }
  | '['                           { $$ = word(ctx, W_SYMBOL, "[", @1); }
  | ']'                           { $$ = word(ctx, W_SYMBOL, "]", @1); }
  | '('                           { $$ = word(ctx, W_SYMBOL, "(", @1); }
  | ')'                           { $$ = word(ctx, W_SYMBOL, ")", @1); }
  | '*'                           { $$ = word(ctx, W_SYMBOL, "*", @1); }
  | '<'                           { $$ = word(ctx, W_SYMBOL, "<", @1); }
  | '>'                           { $$ = word(ctx, W_SYMBOL, ">", @1); }
  | LE                            { $$ = word(ctx, W_SYMBOL, "<=", @1); }
  | GE                            { $$ = word(ctx, W_SYMBOL, ">=", @1); }
  | DOTDOT                        { $$ = word(ctx, W_SYMBOL, "..", @1); }
  | AND                           { $$ = word(ctx, W_SYMBOL, "and", @1); }
  | OR                            { $$ = word(ctx, W_SYMBOL, "or", @1); }
  | NOT                           { $$ = word(ctx, W_SYMBOL, "not", @1); }
  | WHERE                         { $$ = word(ctx, W_NAME, "where", @1); }
  | IN                            { $$ = word(ctx, W_NAME, "in", @1); }
  | OVER                          { $$ = word(ctx, W_NAME, "over", @1); }
;

expr:
    NUMBER                        { $$ = ast_number(A, $1, @1); }
  | STRING                        { $$ = ast_string(A, $1, @1); }
  | NAME                          { $$ = ast_name(A, $1, @1); }
  | NAME '(' args ')'             { $$ = deep(ctx, ast_call(A, $1, $3, @1)); }
  | NAME '(' arglist WHERE expr ')' { $$ = ast_call(A, $1, $3, @1); $$->where = $5; $$ = deep(ctx, $$); }
  | NAME '(' arglist OVER NAME ')' { $$ = ast_call(A, $1, $3, @1); $$->over = $5; $$->over_loc = @5; $$ = deep(ctx, $$); }
  | expr IN '(' arglist ')'       { $$ = deep(ctx, ast_in(A, $1, $4, @2)); }
  | '(' expr ')'                  { $$ = $2; }
  | '-' expr %prec UMINUS         { $$ = deep(ctx, ast_unary(A, E_NEG, $2, @1)); }
  | NOT expr                      { $$ = deep(ctx, ast_unary(A, E_NOT, $2, @1)); }
  | expr '+' expr                 { $$ = deep(ctx, ast_binary(A, E_ADD, $1, $3, @2)); }
  | expr '-' expr                 { $$ = deep(ctx, ast_binary(A, E_SUB, $1, $3, @2)); }
  | expr '*' expr                 { $$ = deep(ctx, ast_binary(A, E_MUL, $1, $3, @2)); }
  | expr '/' expr                 { $$ = deep(ctx, ast_binary(A, E_DIV, $1, $3, @2)); }
  | expr '^' expr                 { $$ = deep(ctx, ast_binary(A, E_POW, $1, $3, @2)); }
  | expr '=' expr                 { $$ = deep(ctx, ast_binary(A, E_EQ, $1, $3, @2)); }
  | expr NE expr                  { $$ = deep(ctx, ast_binary(A, E_NE, $1, $3, @2)); }
  | expr '<' expr                 { $$ = deep(ctx, ast_binary(A, E_LT, $1, $3, @2)); }
  | expr LE expr                  { $$ = deep(ctx, ast_binary(A, E_LE, $1, $3, @2)); }
  | expr '>' expr                 { $$ = deep(ctx, ast_binary(A, E_GT, $1, $3, @2)); }
  | expr GE expr                  { $$ = deep(ctx, ast_binary(A, E_GE, $1, $3, @2)); }
  | expr AND expr                 { $$ = deep(ctx, ast_binary(A, E_AND, $1, $3, @2)); }
  | expr OR expr                  { $$ = deep(ctx, ast_binary(A, E_OR, $1, $3, @2)); }
  | IF expr THEN expr ELSE expr   { $$ = deep(ctx, ast_if(A, $2, $4, $6, @1)); }
;

args:
    %empty                        { $$ = NULL; }
  | arglist                       { $$ = $1; }
;

arglist:
    expr                          { $$ = ast_exprs(A, NULL, $1); }
  | arglist ',' expr              { $$ = ast_exprs(A, $1, $3); }
;

%%

static Word word(ParseCtx *ctx, WordKind k, const char *text, Loc loc)
{
    Word w;
    w.kind = k;
    w.text = text;
    w.num = 0;
    w.loc = loc;
    if (k == W_NUMBER) w.num = strtod(text, NULL);
    return w;
}

/* The depth of the tree e heads, checked against SKP_MAX_NESTING. A tree
 * too deep is reported once, where it passes the limit, and replaced by a
 * leaf marked as past it, so that the enclosing nodes stay quiet and the
 * checker never walks more than SKP_MAX_NESTING levels. */
static Expr *deep(ParseCtx *ctx, Expr *e)
{
    int d = 0;
    const Expr *kids[4] = { e->a, e->b, e->c, e->where };
    for (int i = 0; i < 4; i++)
        if (kids[i] && kids[i]->depth > d) d = kids[i]->depth;
    for (int i = 0; i < e->nargs; i++)
        if (e->args[i]->depth > d) d = e->args[i]->depth;
    e->depth = d + 1;
    if (e->depth <= SKP_MAX_NESTING) return e;
    if (d <= SKP_MAX_NESTING) {         /* this node passes the limit: report it */
        ctx->errors++;
        diag_error(ctx->diag, e->loc, "formula nested deeper than %d levels", SKP_MAX_NESTING);
    }
    Expr *leaf = ast_number(A, "0", e->loc);
    leaf->depth = SKP_MAX_NESTING + 1;
    return leaf;
}

/* Only bison's own failures arrive here: "memory exhausted", when its
 * stack reaches YYMAXDEPTH. Syntax errors go through yyreport_syntax_error. */
static void yyerror(Loc *loc, ParseCtx *ctx, const char *msg)
{
    ctx->errors++;
    ctx->exhausted = 1;
    if (strcmp(msg, "memory exhausted") == 0)
        diag_error(ctx->diag, *loc, "nesting deeper than %d levels", SKP_MAX_NESTING);
    else
        diag_error(ctx->diag, *loc, "%s", msg);
}

/* Token names as a planner reads them: quotes stripped from bison's aliases. */
static void put_symbol(StrBuf *b, yysymbol_kind_t sym)
{
    const char *name = yysymbol_name(sym);
    size_t n = strlen(name);
    if (n >= 2 && name[0] == '"') strbuf_putn(b, name + 1, n - 2);
    else strbuf_puts(b, name);
}

/* "unexpected X, expected A, B or C"; an end of file inside a block names
 * the block and the line that opened it (Lua's check_match). */
static int yyreport_syntax_error(const yypcontext_t *yyctx, ParseCtx *ctx)
{
    Lexer *lx = &ctx->lex;
    yysymbol_kind_t got = yypcontext_token(yyctx);
    const Loc *at = yypcontext_location(yyctx);
    ctx->errors++;
    if (got == YYSYMBOL_YYEOF && lx->depth > 0) {
        OpenBlock *b = &lx->open[lx->depth - 1];
        diag_error(ctx->diag, b->loc, "'%s' opened at line %d is never closed: expected '}' before end of file",
                   b->what, b->loc.line);
        lx->depth = 0;
        return 0;
    }
    if (got == YYSYMBOL_YYerror) return 0;  /* the lexer has reported it */
    StrBuf msg = {0};
    strbuf_puts(&msg, "unexpected ");
    if (got == YYSYMBOL_NAME || got == YYSYMBOL_NUMBER)
        strbuf_printf(&msg, "%s %s", got == YYSYMBOL_NAME ? "name" : "number", lx->last_text);
    else if (got == YYSYMBOL_STRING) strbuf_puts(&msg, "string");
    else if (got == YYSYMBOL_YYEOF) strbuf_puts(&msg, "end of file");
    else if (got == YYSYMBOL_NL) strbuf_puts(&msg, "end of line");
    else put_symbol(&msg, got);
    if (got == YYTRANSLATE('}') && lx->depth == 0) strbuf_puts(&msg, " (no block is open)");
    yysymbol_kind_t expected[8];
    int n = yypcontext_expected_tokens(yyctx, expected, 8);
    if (n > 0 && n <= 5) {
        strbuf_puts(&msg, ", expected ");
        for (int i = 0; i < n; i++) {
            if (i) strbuf_puts(&msg, i == n - 1 ? " or " : ", ");
            put_symbol(&msg, expected[i]);
        }
    } else if (n > 5 || n == 0) {
        /* Many continuations: name the one that is almost always meant. */
        int wants_expr = 0;
        for (int i = 0; i < n; i++) wants_expr |= expected[i] == YYSYMBOL_NUMBER;
        if (wants_expr) strbuf_puts(&msg, ", expected an expression");
    }
    diag_error(ctx->diag, *at, "%s", msg.s);
    strbuf_free(&msg);
    return 0;
}

int parser_parse(const Source *src, Tree *t, Diag *d)
{
    ParseCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.tree = t;
    ctx.diag = d;
    lexer_init(&ctx.lex, src, &t->arena, d);
    int before = d->errors;
    int rc = yyparse(&ctx);
    ast_finish(t, ctx.top);      /* every statement that parsed, whatever came after */
    if (rc == 2 && !ctx.exhausted) diag_plain(d, "%s: out of memory while parsing", src->path);
    return d->errors - before;
}
