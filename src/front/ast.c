/* ast.c: tree builders. The grammar calls these and nothing else. */
#include "front/ast.h"
#include "base/arena.h"

#include <stdlib.h>
#include <string.h>

WordList *ast_words(Arena *a, WordList *list, Word w)
{
    WordList *n = arena_alloc(a, sizeof *n);
    n->w = w;
    n->next = list;       /* reversed; ast_stmt puts them in order */
    return n;
}

StmtList *ast_stmts(Arena *a, StmtList *list, Stmt *s)
{
    StmtList *n = arena_alloc(a, sizeof *n);
    n->s = s;
    n->next = list;
    return n;
}

ExprList *ast_exprs(Arena *a, ExprList *list, Expr *e)
{
    ExprList *n = arena_alloc(a, sizeof *n);
    n->e = e;
    n->next = list;
    return n;
}

/* Lists are built back to front (left recursion prepends); flatten them
 * into arrays in source order. */
static Word *flatten_words(Arena *a, WordList *l, int *count)
{
    int n = 0;
    for (WordList *p = l; p; p = p->next) n++;
    Word *w = arena_array(a, n, sizeof *w);
    int i = n;
    for (WordList *p = l; p; p = p->next) w[--i] = p->w;
    *count = n;
    return w;
}

static Stmt **flatten_stmts(Arena *a, StmtList *l, int *count)
{
    int n = 0;
    for (StmtList *p = l; p; p = p->next) n++;
    Stmt **s = arena_array(a, n, sizeof *s);
    int i = n;
    for (StmtList *p = l; p; p = p->next) s[--i] = p->s;
    *count = n;
    return s;
}

Stmt *ast_stmt(Arena *a, WordList *words, Expr *value, Expr *upper, Loc eq)
{
    Stmt *s = arena_alloc(a, sizeof *s);
    s->words = flatten_words(a, words, &s->nwords);
    s->loc = s->words[0].loc;
    s->value = value;
    s->upper = upper;
    s->eq_loc = eq;
    return s;
}

Stmt *ast_block(Arena *a, WordList *words, StmtList *body, Loc open)
{
    Stmt *s = ast_stmt(a, words, NULL, NULL, open);
    s->has_block = 1;
    s->body = flatten_stmts(a, body, &s->nbody);
    s->open_loc = open;
    return s;
}

void ast_finish(Tree *t, StmtList *top)
{
    t->stmts = flatten_stmts(&t->arena, top, &t->nstmts);
}

static Expr *node(Arena *a, ExprKind k, Loc loc)
{
    Expr *e = arena_alloc(a, sizeof *e);
    e->kind = k;
    e->loc = loc;
    e->depth = 1;         /* the parser's deep() sets it for nodes with children */
    return e;
}

Expr *ast_number(Arena *a, const char *text, Loc loc)
{
    Expr *e = node(a, E_NUMBER, loc);
    e->text = text;
    e->num = strtod(text, NULL);
    return e;
}

Expr *ast_string(Arena *a, const char *text, Loc loc)
{
    Expr *e = node(a, E_STRING, loc);
    e->text = text;
    return e;
}

Expr *ast_name(Arena *a, const char *text, Loc loc)
{
    Expr *e = node(a, E_NAME, loc);
    e->text = text;
    return e;
}

Expr *ast_call(Arena *a, const char *name, ExprList *args, Loc loc)
{
    Expr *e = node(a, E_CALL, loc);
    e->text = name;
    int n = 0;
    for (ExprList *p = args; p; p = p->next) n++;
    e->args = arena_array(a, n, sizeof *e->args);
    e->nargs = n;
    for (ExprList *p = args; p; p = p->next) e->args[--n] = p->e;
    return e;
}

Expr *ast_in(Arena *a, Expr *lhs, ExprList *list, Loc loc)
{
    Expr *e = ast_call(a, "in", list, loc);
    e->kind = E_IN;
    e->a = lhs;
    return e;
}

Expr *ast_unary(Arena *a, ExprKind k, Expr *x, Loc loc)
{
    Expr *e = node(a, k, loc);
    e->a = x;
    return e;
}

Expr *ast_binary(Arena *a, ExprKind k, Expr *x, Expr *y, Loc loc)
{
    Expr *e = node(a, k, loc);
    e->a = x;
    e->b = y;
    return e;
}

Expr *ast_if(Arena *a, Expr *c, Expr *t, Expr *f, Loc loc)
{
    Expr *e = node(a, E_IF, loc);
    e->a = c;
    e->b = t;
    e->c = f;
    return e;
}

void ast_tree_free(Tree *t)
{
    arena_free(&t->arena);
    t->stmts = NULL;
    t->nstmts = 0;
}

const char *ast_op_text(ExprKind k)
{
    switch (k) {
    case E_NEG: case E_SUB: return "-";
    case E_NOT: return "not";
    case E_ADD: return "+";
    case E_MUL: return "*";
    case E_DIV: return "/";
    case E_POW: return "^";
    case E_EQ: return "=";
    case E_NE: return "!=";
    case E_LT: return "<";
    case E_LE: return "<=";
    case E_GT: return ">";
    case E_GE: return ">=";
    case E_AND: return "and";
    case E_OR: return "or";
    case E_IF: return "if";
    default: return "?";
    }
}
