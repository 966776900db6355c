/* test_parser.c: the parser (grammar/parser.y through parser_parse,
 * src/front/parser.h) and the tree it builds (src/front/ast.h): statements
 * of words, `= expr`, `= lo .. hi` and blocks; operator precedence and
 * associativity; if-then-else, `in (...)`, calls with `where` and `over`;
 * syntax errors with their counts and exact messages; the nesting limits.
 * Every expected tree is worked out by hand from the precedence table in
 * docs/language.md (section 7) and grammar/parser.y. */
#include "check.h"
#include "front/parser.h"
#include "base/source.h"

#include <stdlib.h>

/* ---- fixture -------------------------------------------------------------- */

/* A parsed plan: its source, its tree, the messages and the count of errors
 * parser_parse returned. */
typedef struct {
    Source *srcs;
    Tree tree;
    int errors;
    char *msg;           /* the messages, written to memory */
    size_t msglen;
    Diag d;
} Parsed;

static void parse(Parsed *p, const char *text)
{
    memset(p, 0, sizeof *p);
    FILE *f = open_memstream(&p->msg, &p->msglen);
    if (!f) {
        perror("open_memstream");
        exit(2);
    }
    diag_init(&p->d, f);
    Source *src = source_from_string("t.skp", text, &p->srcs);
    p->errors = parser_parse(src, &p->tree, &p->d);
    fflush(f);
}

/* The messages so far ("" when there were none). */
static const char *messages(Parsed *p)
{
    fflush(p->d.out);
    return p->msg ? p->msg : "";
}

static void parsed_free(Parsed *p)
{
    fclose(p->d.out);
    free(p->msg);
    ast_tree_free(&p->tree);
    source_free_all(p->srcs);
}

/* Appends to a fixed buffer, keeping it NUL-terminated when full. */
static void put(char *buf, size_t n, const char *s)
{
    size_t used = strlen(buf);
    snprintf(buf + used, n - used, "%s", s);
}

/* An expression as an s-expression: numbers as written, names, "strings",
 * (OP a b), (neg a), (not a), (if c t e), (in x a b ...), and
 * (call f args... [where w] [over o]). The operators are spelt here, not
 * by ast_op_text, so that the test does not lean on the code it tests. */
static void sexpr_into(const Expr *e, char *buf, size_t n)
{
    static const char *const ops[] = {
        [E_ADD] = "+", [E_SUB] = "-", [E_MUL] = "*", [E_DIV] = "/", [E_POW] = "^",
        [E_EQ] = "=", [E_NE] = "!=", [E_LT] = "<", [E_LE] = "<=", [E_GT] = ">", [E_GE] = ">=",
        [E_AND] = "and", [E_OR] = "or",
    };
    if (!e) { put(buf, n, "NULL"); return; }
    switch (e->kind) {
    case E_NUMBER: case E_NAME: put(buf, n, e->text); return;
    case E_STRING: put(buf, n, "\""); put(buf, n, e->text); put(buf, n, "\""); return;
    case E_NEG: case E_NOT:
        put(buf, n, e->kind == E_NEG ? "(neg " : "(not ");
        sexpr_into(e->a, buf, n);
        put(buf, n, ")");
        return;
    case E_IF:
        put(buf, n, "(if ");
        sexpr_into(e->a, buf, n); put(buf, n, " ");
        sexpr_into(e->b, buf, n); put(buf, n, " ");
        sexpr_into(e->c, buf, n); put(buf, n, ")");
        return;
    case E_CALL: case E_IN:
        put(buf, n, e->kind == E_IN ? "(in " : "(call ");
        if (e->kind == E_IN) sexpr_into(e->a, buf, n);
        else put(buf, n, e->text);
        for (int i = 0; i < e->nargs; i++) { put(buf, n, " "); sexpr_into(e->args[i], buf, n); }
        if (e->where) { put(buf, n, " where "); sexpr_into(e->where, buf, n); }
        if (e->over) { put(buf, n, " over "); put(buf, n, e->over); }
        put(buf, n, ")");
        return;
    default:
        put(buf, n, "(");
        put(buf, n, ops[e->kind]);
        put(buf, n, " ");
        sexpr_into(e->a, buf, n); put(buf, n, " ");
        sexpr_into(e->b, buf, n); put(buf, n, ")");
        return;
    }
}

/* The value of the first statement of text, as an s-expression; "ERRORS"
 * with the messages printed when it does not parse cleanly. */
static const char *tree_of(const char *text)
{
    static char buf[2048];
    Parsed p;
    parse(&p, text);
    buf[0] = '\0';
    if (p.errors || p.tree.nstmts < 1) {
        printf("tree_of(\"%s\"): %d errors:\n%s", text, p.errors, messages(&p));
        snprintf(buf, sizeof buf, "ERRORS");
    } else {
        sexpr_into(p.tree.stmts[0]->value, buf, sizeof buf);
    }
    parsed_free(&p);
    return buf;
}

/* Statement i of the tree, or an empty one when there is no such
 * statement (the count is checked first; this keeps a wrong tree from
 * crashing the checks after it). */
static const Stmt *stmt_at(const Parsed *p, int i)
{
    static const Stmt none;
    return i < p->tree.nstmts ? p->tree.stmts[i] : &none;
}

/* A statement's words as "N:name #:number S:string Y:symbol". */
static const char *words_of(const Stmt *s)
{
    static char buf[1024];
    static const char kind[] = { [W_NAME] = 'N', [W_NUMBER] = '#', [W_STRING] = 'S', [W_SYMBOL] = 'Y' };
    buf[0] = '\0';
    for (int i = 0; i < s->nwords; i++) {
        char w[300];
        snprintf(w, sizeof w, "%s%c:%s", i ? " " : "", kind[s->words[i].kind], s->words[i].text);
        put(buf, sizeof buf, w);
    }
    return buf;
}

/* ---- statements ------------------------------------------------------------ */

static void test_word_statements(void)
{
    Parsed p;
    parse(&p, "plan \"Rencana\"\nrenstra 2021 .. 2026\nmeasure indeks 25-100\ngrade value by IKM, CAPAIAN5\n");
    CHECK_INT(p.errors, 0);
    CHECK_STR(messages(&p), "");
    CHECK_INT(p.tree.nstmts, 4);
    const Stmt *s = stmt_at(&p, 0);
    CHECK_STR(words_of(s), "N:plan S:Rencana");
    CHECK(s->value == NULL && s->upper == NULL && !s->has_block);
    CHECK_INT(s->loc.line, 1);
    CHECK_INT(s->words[1].loc.col, 6);
    CHECK_INT(s->words[1].loc.end_col, 14);
    s = stmt_at(&p, 1);
    CHECK_STR(words_of(s), "N:renstra #:2021 Y:.. #:2026");
    CHECK_EQ_DBL(s->words[1].num, 2021.0);
    CHECK_EQ_DBL(s->words[3].num, 2026.0);
    CHECK_INT(s->loc.line, 2);
    CHECK_STR(words_of(stmt_at(&p, 2)), "N:measure N:indeks #:25 Y:- #:100");
    CHECK_EQ_DBL(stmt_at(&p, 2)->words[4].num, 100.0);
    CHECK_STR(words_of(stmt_at(&p, 3)), "N:grade N:value N:by N:IKM Y:, N:CAPAIAN5");
    parsed_free(&p);
    /* every symbol that may be a word; where/in/over are names, and/or/not symbols */
    parse(&p, "x % , - + / [ ] ( ) * < > <= >= .. y\na where in over and or not b\n");
    CHECK_INT(p.errors, 0);
    CHECK_INT(p.tree.nstmts, 2);
    CHECK_STR(words_of(stmt_at(&p, 0)), "N:x Y:% Y:, Y:- Y:+ Y:/ Y:[ Y:] Y:( Y:) Y:* Y:< Y:> Y:<= Y:>= Y:.. N:y");
    CHECK_STR(words_of(stmt_at(&p, 1)), "N:a N:where N:in N:over Y:and Y:or Y:not N:b");
    parsed_free(&p);
    /* ';' separates statements; empty ones are nothing */
    parse(&p, ";;a;;b 1;\n\n");
    CHECK_INT(p.errors, 0);
    CHECK_INT(p.tree.nstmts, 2);
    CHECK_STR(words_of(stmt_at(&p, 1)), "N:b #:1");
    parsed_free(&p);
    parse(&p, "# nothing but a comment\n");
    CHECK_INT(p.errors, 0);
    CHECK_INT(p.tree.nstmts, 0);
    parsed_free(&p);
}

static void test_value_statements(void)
{
    Parsed p;
    parse(&p, "realisation = A * 2\ntarget = 2 .. 4\ntarget = 90 .. 110 + 1\nzero target = if R = 0 then 100 else 0\n");
    CHECK_INT(p.errors, 0);
    CHECK_INT(p.tree.nstmts, 4);
    const Stmt *s = stmt_at(&p, 0);
    CHECK_STR(words_of(s), "N:realisation");
    CHECK_INT(s->value->kind, E_MUL);
    CHECK_INT(s->value->loc.col, 17);             /* an operator's place is the operator */
    CHECK_INT(s->value->a->loc.col, 15);
    CHECK_INT(s->eq_loc.col, 13);
    CHECK(s->upper == NULL);
    s = stmt_at(&p, 1);
    CHECK_STR(words_of(s), "N:target");
    CHECK_INT(s->value->kind, E_NUMBER);
    CHECK_STR(s->value->text, "2");
    CHECK_EQ_DBL(s->value->num, 2.0);
    CHECK_INT(s->upper->kind, E_NUMBER);
    CHECK_EQ_DBL(s->upper->num, 4.0);
    s = stmt_at(&p, 2);
    CHECK_EQ_DBL(s->value->num, 90.0);
    CHECK_INT(s->upper->kind, E_ADD);
    s = stmt_at(&p, 3);
    CHECK_STR(words_of(s), "N:zero N:target");
    CHECK_INT(s->value->kind, E_IF);
    CHECK_INT(s->value->a->kind, E_EQ);
    CHECK_INT(s->value->loc.col, 15);             /* an if's place is the 'if' */
    parsed_free(&p);
    /* numbers keep their text; num is its value */
    parse(&p, "x = 007.50\n");
    CHECK_STR(stmt_at(&p, 0)->value->text, "007.50");
    CHECK_EQ_DBL(stmt_at(&p, 0)->value->num, 7.5);
    parsed_free(&p);
}

static void test_blocks(void)
{
    Parsed p;
    parse(&p, "unit U {\n  indicator A { polarity higher; aggregate sum }\n  indicator B\n}\nu { }\n");
    CHECK_INT(p.errors, 0);
    CHECK_STR(messages(&p), "");
    CHECK_INT(p.tree.nstmts, 2);
    const Stmt *u = stmt_at(&p, 0);
    CHECK_STR(words_of(u), "N:unit N:U");
    CHECK_INT(u->has_block, 1);
    CHECK_INT(u->open_loc.line, 1);
    CHECK_INT(u->open_loc.col, 8);
    CHECK_INT(u->nbody, 2);
    const Stmt *a = u->body[0];
    CHECK_STR(words_of(a), "N:indicator N:A");
    CHECK_INT(a->loc.line, 2);
    CHECK_INT(a->loc.col, 3);
    CHECK_INT(a->has_block, 1);
    CHECK_INT(a->nbody, 2);
    CHECK_STR(words_of(a->body[0]), "N:polarity N:higher");
    CHECK_STR(words_of(a->body[1]), "N:aggregate N:sum");
    CHECK_STR(words_of(u->body[1]), "N:indicator N:B");
    CHECK_INT(u->body[1]->has_block, 0);
    CHECK_INT(stmt_at(&p, 1)->has_block, 1);     /* an empty block */
    CHECK_INT(stmt_at(&p, 1)->nbody, 0);
    parsed_free(&p);
}

/* ---- expressions ------------------------------------------------------------ */

/* 1 + 2 * 3 ^ 2 - -4: ^ binds tightest, then unary -, then * and /, then
 * + and - from the left: (1 + (2 * (3 ^ 2))) - (-4). */
static void test_precedence_shape(void)
{
    Parsed p;
    parse(&p, "realisation = 1 + 2 * 3 ^ 2 - -4");
    CHECK_INT(p.errors, 0);
    CHECK_INT(p.tree.nstmts, 1);
    const Expr *e = stmt_at(&p, 0)->value;
    CHECK_INT(e->kind, E_SUB);
    CHECK_INT(e->loc.col, 29);
    CHECK_INT(e->a->kind, E_ADD);
    CHECK_INT(e->a->loc.col, 17);
    CHECK_INT(e->a->a->kind, E_NUMBER);
    CHECK_EQ_DBL(e->a->a->num, 1.0);
    CHECK_INT(e->a->b->kind, E_MUL);
    CHECK_INT(e->a->b->a->kind, E_NUMBER);
    CHECK_EQ_DBL(e->a->b->a->num, 2.0);
    CHECK_INT(e->a->b->b->kind, E_POW);
    CHECK_EQ_DBL(e->a->b->b->a->num, 3.0);
    CHECK_EQ_DBL(e->a->b->b->b->num, 2.0);
    CHECK_INT(e->b->kind, E_NEG);
    CHECK_INT(e->b->loc.col, 31);
    CHECK_INT(e->b->a->kind, E_NUMBER);
    CHECK_STR(e->b->a->text, "4");
    CHECK(e->b->b == NULL);
    /* depth: a leaf is 1, each operator one more than its deeper operand */
    CHECK_INT(e->b->depth, 2);
    CHECK_INT(e->a->b->b->depth, 2);
    CHECK_INT(e->a->depth, 4);
    CHECK_INT(e->depth, 5);
    parsed_free(&p);
    CHECK_STR(tree_of("realisation = 1 + 2 * 3 ^ 2 - -4"), "(- (+ 1 (* 2 (^ 3 2))) (neg 4))");
}

static void test_precedence_table(void)
{
    CHECK_STR(tree_of("x = 2 ^ 3 ^ 2"), "(^ 2 (^ 3 2))");            /* right-associative */
    CHECK_STR(tree_of("x = -2 ^ 2"), "(neg (^ 2 2))");               /* -4, as documented */
    CHECK_STR(tree_of("x = a ^ -b"), "(^ a (neg b))");
    CHECK_STR(tree_of("x = -a * b"), "(* (neg a) b)");
    CHECK_STR(tree_of("x = - - a"), "(neg (neg a))");
    CHECK_STR(tree_of("x = a - b - c"), "(- (- a b) c)");            /* left-associative */
    CHECK_STR(tree_of("x = a / b * c"), "(* (/ a b) c)");
    CHECK_STR(tree_of("x = a + b * c"), "(+ a (* b c))");
    CHECK_STR(tree_of("x = (a + b) * c"), "(* (+ a b) c)");
    CHECK_STR(tree_of("x = a < b + 1"), "(< a (+ b 1))");
    CHECK_STR(tree_of("x = a == b"), "(= a b)");
    CHECK_STR(tree_of("x = a <> b"), "(!= a b)");
    CHECK_STR(tree_of("x = not a = b"), "(not (= a b))");            /* not is looser than = */
    CHECK_STR(tree_of("x = not a and b"), "(and (not a) b)");        /* ... and tighter than and */
    CHECK_STR(tree_of("x = a or b and c"), "(or a (and b c))");
    CHECK_STR(tree_of("x = a and b or c and d"), "(or (and a b) (and c d))");
    CHECK_STR(tree_of("x = a >= 1 and b <= 2 or not c > 3"), "(or (and (>= a 1) (<= b 2)) (not (> c 3)))");
    CHECK_STR(tree_of("x = a.b + U.1 * \"s\""), "(+ a.b (* U.1 \"s\"))");
    CHECK_STR(tree_of("x = ((((1))))"), "1");                        /* parentheses make no node */
}

static void test_if_and_in(void)
{
    CHECK_STR(tree_of("x = if a > 1 then 2 else 3 + 4"), "(if (> a 1) 2 (+ 3 4))");   /* else takes the rest */
    CHECK_STR(tree_of("x = if a then b else if c then d else e"), "(if a b (if c d e))");
    CHECK_STR(tree_of("x = 1 + if a then 2 else 3"), "(+ 1 (if a 2 3))");
    CHECK_STR(tree_of("x = if a or b then 1 else\n  2"), "(if (or a b) 1 2)");
    CHECK_STR(tree_of("x = a in (1, 2, 3)"), "(in a 1 2 3)");
    CHECK_STR(tree_of("x = a + 1 in (2)"), "(in (+ a 1) 2)");
    CHECK_STR(tree_of("x = not a in (1)"), "(not (in a 1))");
    CHECK_STR(tree_of("x = a in (\"X\", \"Y\") and b"), "(and (in a \"X\" \"Y\") b)");
    Parsed p;
    parse(&p, "x = a in (1, 2)");
    const Expr *e = stmt_at(&p, 0)->value;
    CHECK_INT(e->kind, E_IN);
    CHECK_INT(e->nargs, 2);
    CHECK_INT(e->a->kind, E_NAME);
    CHECK_STR(e->a->text, "a");
    CHECK_INT(e->loc.col, 7);                      /* the 'in' */
    CHECK_INT(e->depth, 2);
    parsed_free(&p);
}

static void test_calls(void)
{
    CHECK_STR(tree_of("x = f()"), "(call f)");
    CHECK_STR(tree_of("x = max(a, b + 1, min(c))"), "(call max a (+ b 1) (call min c))");
    CHECK_STR(tree_of("x = count(T where T.x = 1 and T.y > 2)"), "(call count T where (and (= T.x 1) (> T.y 2)))");
    CHECK_STR(tree_of("x = sum(T.a * T.b where T.c in (\"A\"))"), "(call sum (* T.a T.b) where (in T.c \"A\"))");
    CHECK_STR(tree_of("x = sum(A over children)"), "(call sum A over children)");
    CHECK_STR(tree_of("x = avg(capaian(A) over descendants) / 2"), "(/ (call avg (call capaian A) over descendants) 2)");
    CHECK_STR(tree_of("x = target(A,\n  year - 1,\n  \"renstra\")"), "(call target A (- year 1) \"renstra\")");
    Parsed p;
    parse(&p, "x = round(a, 2) + sum(B over children)");
    const Expr *e = stmt_at(&p, 0)->value;
    const Expr *r = e->a, *s = e->b;
    CHECK_INT(r->kind, E_CALL);
    CHECK_STR(r->text, "round");
    CHECK_INT(r->nargs, 2);
    CHECK_INT(r->loc.col, 5);                      /* a call's place is its name */
    CHECK(r->where == NULL && r->over == NULL);
    CHECK_INT(r->depth, 2);
    CHECK_STR(s->over, "children");
    CHECK_INT(s->over_loc.col, 30);
    CHECK_INT(s->nargs, 1);
    parsed_free(&p);
}

/* ---- syntax errors ---------------------------------------------------------- */

/* text gives exactly one error, and that message is `first_line` followed by
 * the source line and the caret. */
#define CHECK_ONE_ERROR(text, first_line) do { \
    Parsed one_; \
    parse(&one_, (text)); \
    CHECK_INT(one_.errors, 1); \
    CHECK_PREFIX(messages(&one_), first_line "\n"); \
    CHECK_INT(one_.d.errors, 1); \
    parsed_free(&one_); \
} while (0)

static void test_unexpected_tokens(void)
{
    Parsed p;
    parse(&p, "x = * 2\n");
    CHECK_INT(p.errors, 1);
    CHECK_STR(messages(&p), "t.skp:1:5: error: unexpected '*', expected an expression\n"
                            "    1 | x = * 2\n      |     ^\n");
    CHECK_INT(p.tree.nstmts, 0);
    parsed_free(&p);
    /* many tokens could follow: none is named */
    CHECK_ONE_ERROR("x = 1 2\n", "t.skp:1:7: error: unexpected number '2'");
    CHECK_ONE_ERROR("x = a b\n", "t.skp:1:7: error: unexpected name 'b'");
    CHECK_ONE_ERROR("x = \"s\" \"t\"\n", "t.skp:1:9: error: unexpected string");
    CHECK_ONE_ERROR("x = f(1,)\n", "t.skp:1:9: error: unexpected ')', expected an expression");
    /* comparisons do not chain */
    CHECK_ONE_ERROR("x = a < b < c\n", "t.skp:1:11: error: unexpected '<'");
    CHECK_ONE_ERROR("x = a = b = c\n", "t.skp:1:11: error: unexpected '='");
    /* '^' and '!=' are not words */
    CHECK_ONE_ERROR("measure a ^ b\n", "t.skp:1:11: error: unexpected '^'");
    CHECK_ONE_ERROR("measure a != b\n", "t.skp:1:11: error: unexpected '!='");
    /* regression: the suffix was never written, as yyreport_syntax_error
     * compared a symbol kind with the character code of '}' */
    CHECK_ONE_ERROR("}\n", "t.skp:1:1: error: unexpected '}' (no block is open)");
    /* a block needs words in front of it */
    CHECK_ONE_ERROR("{\n", "t.skp:1:1: error: unexpected '{'");
    /* 'else' on a line of its own starts a new statement: two errors */
    Parsed q;
    parse(&q, "x = if a then b\nelse c\n");
    CHECK_INT(q.errors, 2);
    CHECK_PREFIX(messages(&q), "t.skp:1:16: error: unexpected end of line\n");
    CHECK_CONTAINS(messages(&q), "\nt.skp:2:1: error: unexpected 'else'\n");
    parsed_free(&q);
}

static void test_errors_at_the_end(void)
{
    /* '=' carries the statement over the newline to the end of the file */
    CHECK_ONE_ERROR("x =\n", "t.skp:2:1: error: unexpected end of file, expected an expression");
    CHECK_ONE_ERROR("x = 1 +", "t.skp:1:8: error: unexpected end of file, expected an expression");
    /* an unclosed '(' at the end: the statement ends there all the same */
    CHECK_ONE_ERROR("x = (1 + 2\n", "t.skp:2:1: error: unexpected end of line");
    Parsed p;
    parse(&p, "unit U {\n  indicator A {\n    polarity higher\n");
    CHECK_INT(p.errors, 1);
    CHECK_STR(messages(&p), "t.skp:2:15: error: 'indicator A' opened at line 2 is never closed: "
                            "expected '}' before end of file\n    2 |   indicator A {\n      |               ^\n");
    parsed_free(&p);
    /* a block is named by its first two words; the name string after them is left out */
    CHECK_ONE_ERROR("unit SETWAN \"Sekretariat\" {\n",
                    "t.skp:1:27: error: 'unit SETWAN' opened at line 1 is never closed: expected '}' before end of file");
    /* regression: "the tree holds every statement that parsed" (parser.h)
     * also when an error at the end of the file makes bison give up, as no
     * token is left to recover on; the tree was empty, and `sakipc check`
     * reported no other error of such a file */
    parse(&p, "a = 1\nunit U {\n");
    CHECK_INT(p.errors, 1);
    CHECK_INT(p.tree.nstmts, 1);
    parsed_free(&p);
    parse(&p, "a = 1\nb = 1 +");
    CHECK_INT(p.errors, 1);
    CHECK_INT(p.tree.nstmts, 1);
    parsed_free(&p);
}

/* After an error the parser goes on at the next line: every error is
 * reported, and the tree holds the statements that parsed. */
static void test_error_recovery(void)
{
    Parsed p;
    parse(&p, "a = 1\nb = * 2\nc = 3\nd = )\ne = 5\n");
    CHECK_INT(p.errors, 2);
    CHECK_PREFIX(messages(&p), "t.skp:2:5: error: unexpected '*', expected an expression\n");
    CHECK_CONTAINS(messages(&p), "\nt.skp:4:5: error: unexpected ')', expected an expression\n");
    CHECK_INT(p.tree.nstmts, 3);
    CHECK_STR(words_of(stmt_at(&p, 0)), "N:a");
    CHECK_STR(words_of(stmt_at(&p, 1)), "N:c");
    CHECK_STR(words_of(stmt_at(&p, 2)), "N:e");
    parsed_free(&p);
    /* inside a block as well */
    parse(&p, "unit U {\n  x = (\n  y = 2\n}\nz = 3\n");
    CHECK_INT(p.errors, 1);
    CHECK_PREFIX(messages(&p), "t.skp:4:1: error: unexpected end of line\n");   /* before the '}' */
    CHECK_INT(p.tree.nstmts, 2);
    CHECK_INT(stmt_at(&p, 0)->nbody, 0);
    CHECK_STR(words_of(stmt_at(&p, 1)), "N:z");
    parsed_free(&p);
    /* errors of the lexer count: the bad token is not reported twice */
    parse(&p, "x = 1 @ 2\ny = 2\n");
    CHECK_INT(p.errors, 1);
    CHECK_PREFIX(messages(&p), "t.skp:1:7: error: unexpected character '@'\n");
    CHECK_NOT_CONTAINS(messages(&p), "unexpected error");
    CHECK_INT(p.tree.nstmts, 1);
    parsed_free(&p);
    /* an unknown escape is an error, but the string and its statement stay */
    parse(&p, "x = \"a\\qb\"\n");
    CHECK_INT(p.errors, 1);
    CHECK_INT(p.tree.nstmts, 1);
    CHECK_STR(stmt_at(&p, 0)->value->text, "aqb");
    parsed_free(&p);
}

/* ---- limits ----------------------------------------------------------------- */

/* "x = 1 + 1 + ... + 1" with n operators. */
static char *chain(int n)
{
    char *t = malloc(6 + 4 * (size_t)n + 1);
    strcpy(t, "x = 1");
    for (int i = 0; i < n; i++) strcat(t, " + 1");
    return t;
}

/* A chain of operators is as deep as it is long: 199 '+' make 200 levels,
 * 200 make 201, reported once at the operator that passes the limit. */
static void test_formula_depth(void)
{
    Parsed p;
    char *t = chain(SKP_MAX_NESTING - 1);
    parse(&p, t);
    CHECK_INT(p.errors, 0);
    CHECK_INT(stmt_at(&p, 0)->value->kind, E_ADD);
    CHECK_INT(stmt_at(&p, 0)->value->depth, SKP_MAX_NESTING);
    parsed_free(&p);
    free(t);
    t = chain(SKP_MAX_NESTING + 1);
    parse(&p, t);
    CHECK_INT(p.errors, 1);
    /* the 200th '+' is at column 5 + 4 x 199 + 2 */
    CHECK_PREFIX(messages(&p), "t.skp:1:803: error: formula nested deeper than 200 levels\n");
    CHECK_INT(p.tree.nstmts, 1);                   /* the statement stays, cut to a leaf */
    CHECK_INT(stmt_at(&p, 0)->value->kind, E_NUMBER);
    CHECK_INT(stmt_at(&p, 0)->value->depth, SKP_MAX_NESTING + 1);
    parsed_free(&p);
    free(t);
    /* prefix operators: 200 '-' before a number, reported at the outermost */
    char *neg = malloc(4 + SKP_MAX_NESTING + 2);
    strcpy(neg, "x = ");
    memset(neg + 4, '-', SKP_MAX_NESTING);
    strcpy(neg + 4 + SKP_MAX_NESTING, "1");
    parse(&p, neg);
    CHECK_INT(p.errors, 1);
    CHECK_PREFIX(messages(&p), "t.skp:1:5: error: formula nested deeper than 200 levels\n");
    parsed_free(&p);
    neg[4] = ' ';                                  /* 199 of them: fine */
    parse(&p, neg);
    CHECK_INT(p.errors, 0);
    CHECK_INT(stmt_at(&p, 0)->value->depth, SKP_MAX_NESTING);
    parsed_free(&p);
    free(neg);
}

/* "x = ((...(1)...))" with n pairs. */
static char *parens(int n)
{
    char *t = malloc(4 + 2 * (size_t)n + 2);
    strcpy(t, "x = ");
    memset(t + 4, '(', (size_t)n);
    t[4 + n] = '1';
    memset(t + 5 + n, ')', (size_t)n);
    t[5 + 2 * n] = '\0';
    return t;
}

static void test_paren_and_block_depth(void)
{
    Parsed p;
    char *t = parens(SKP_MAX_NESTING);
    parse(&p, t);
    CHECK_INT(p.errors, 0);
    CHECK_STR(stmt_at(&p, 0)->value->text, "1");
    parsed_free(&p);
    free(t);
    t = parens(SKP_MAX_NESTING + 1);
    parse(&p, t);
    CHECK_INT(p.errors, 1);
    CHECK_PREFIX(messages(&p), "t.skp:1:205: error: parentheses nested deeper than 200 levels\n");
    CHECK_INT(p.tree.nstmts, 0);
    parsed_free(&p);
    free(t);
    /* 201 blocks "a{a{...}}": the innermost is refused and skipped */
    char *b = malloc(3 * (SKP_MAX_NESTING + 1) + 1);
    for (int i = 0; i <= SKP_MAX_NESTING; i++) memcpy(b + 2 * i, "a{", 2);
    memset(b + 2 * (SKP_MAX_NESTING + 1), '}', SKP_MAX_NESTING + 1);
    b[3 * (SKP_MAX_NESTING + 1)] = '\0';
    parse(&p, b);
    CHECK_INT(p.errors, 1);
    CHECK_PREFIX(messages(&p), "t.skp:1:402: error: blocks nested deeper than 200 levels\n");
    CHECK_INT(p.tree.nstmts, 1);
    const Stmt *s = stmt_at(&p, 0);
    int levels = 1;
    while (s->nbody == 1) { s = s->body[0]; levels++; }
    CHECK_INT(levels, SKP_MAX_NESTING);
    CHECK_INT(s->nbody, 0);
    parsed_free(&p);
    /* never closed: the refused block and then the end of the file */
    b[2 * (SKP_MAX_NESTING + 1)] = '\0';
    parse(&p, b);
    CHECK_INT(p.errors, 2);
    CHECK_PREFIX(messages(&p), "t.skp:1:402: error: blocks nested deeper than 200 levels\n");
    CHECK_CONTAINS(messages(&p), "\nt.skp:1:400: error: 'a' opened at line 1 is never closed: expected '}' before end of file\n");
    parsed_free(&p);
    free(b);
}

int main(void)
{
    test_word_statements();
    test_value_statements();
    test_blocks();
    test_precedence_shape();
    test_precedence_table();
    test_if_and_in();
    test_calls();
    test_unexpected_tokens();
    test_errors_at_the_end();
    test_error_recovery();
    test_formula_depth();
    test_paren_and_block_depth();
    return CHECK_DONE();
}
