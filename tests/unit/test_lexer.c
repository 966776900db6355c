/* test_lexer.c: the lexer (grammar/lexer.re through lexer_init and
 * lexer_next, src/front/lexer.h): token kinds, their text and places,
 * numbers and names as written, strings with escapes and UTF-8, comments,
 * the statement-end rules, keywords, and the errors it reports. Every
 * expected token and column is counted by hand from the input. The parser
 * has its own program (test_parser.c). */
#include "check.h"
#include "front/lexer.h"
#include "base/source.h"
#include "parser_tokens.h"

#include <stdlib.h>

/* ---- fixture -------------------------------------------------------------- */

/* A Diag that writes into memory, so that a message can be compared whole. */
typedef struct {
    Diag d;
    char *buf;
    size_t len;
} MemDiag;

static void memdiag_open(MemDiag *m)
{
    m->buf = NULL;
    m->len = 0;
    FILE *f = open_memstream(&m->buf, &m->len);
    if (!f) {
        perror("open_memstream");
        exit(2);
    }
    diag_init(&m->d, f);
}

static void memdiag_close(MemDiag *m, char *copy, size_t n)
{
    fclose(m->d.out);
    snprintf(copy, n, "%s", m->buf ? m->buf : "");
    free(m->buf);
}

/* What the last lex_dump or lex_tokens reported, for the checks after it. */
static char messages[16384];
static int nerrors;

/* The printable name of token t ("NAME", "LE", ... or the character). */
static const char *tok_name(int t, char *one)
{
    switch (t) {
    case END: return "END";
    case YYerror: return "ERR";
    case NAME: return "NAME";
    case NUMBER: return "NUMBER";
    case STRING: return "STRING";
    case NL: return "NL";
    case DOTDOT: return "DOTDOT";
    case LE: return "LE";
    case GE: return "GE";
    case NE: return "NE";
    case AND: return "AND";
    case OR: return "OR";
    case NOT: return "NOT";
    case IF: return "IF";
    case THEN: return "THEN";
    case ELSE: return "ELSE";
    case WHERE: return "WHERE";
    case IN: return "IN";
    case OVER: return "OVER";
    default:
        one[0] = (char)t;
        one[1] = '\0';
        return one;
    }
}

/* Lexes src to its end and writes every token as KIND[text]@line:col-end_col
 * (text for names, numbers and strings only), separated by spaces. The
 * messages go to `messages`, their count to `nerrors`. At most 400 tokens:
 * a lexer that never reached the end would show as a missing END. */
static const char *dump_source(const Source *src)
{
    static char out[16384];
    size_t used = 0;
    Arena arena = {0};
    MemDiag md;
    Lexer lx;
    memdiag_open(&md);
    lexer_init(&lx, src, &arena, &md.d);
    out[0] = '\0';
    for (int i = 0; i < 400; i++) {
        YYSTYPE v;
        Loc l;
        char one[2];
        memset(&v, 0, sizeof v);
        int t = lexer_next(&v, &l, &lx);
        const char *text = t == NAME ? v.NAME : t == NUMBER ? v.NUMBER : t == STRING ? v.STRING : NULL;
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s%s%s%s@%d:%d-%d", used ? " " : "",
                                 tok_name(t, one), text ? "[" : "", text ? text : "", text ? "]" : "",
                                 l.line, l.col, l.end_col);
        if (t == END || used >= sizeof out) break;
    }
    nerrors = md.d.errors;
    memdiag_close(&md, messages, sizeof messages);
    arena_free(&arena);
    return out;
}

/* dump_source of a plan held in a string, named t.skp. */
static const char *lex_dump(const char *text)
{
    Source *list = NULL;
    const char *out = dump_source(source_from_string("t.skp", text, &list));
    source_free_all(list);
    return out;
}

/* The kinds of text's tokens through END, into kinds[] (at most max);
 * returns how many. For inputs too long to dump. */
static int lex_kinds(const char *text, int *kinds, int max)
{
    Source *list = NULL;
    Source *src = source_from_string("t.skp", text, &list);
    Arena arena = {0};
    MemDiag md;
    Lexer lx;
    memdiag_open(&md);
    lexer_init(&lx, src, &arena, &md.d);
    int n = 0;
    while (n < max) {
        YYSTYPE v;
        Loc l;
        int t = lexer_next(&v, &l, &lx);
        kinds[n++] = t;
        if (t == END) break;
    }
    nerrors = md.d.errors;
    memdiag_close(&md, messages, sizeof messages);
    arena_free(&arena);
    source_free_all(list);
    return n;
}

/* A string of n copies of c, for the limits. */
static char *repeat(const char *prefix, char c, int n, const char *suffix)
{
    size_t p = strlen(prefix), s = strlen(suffix);
    char *t = malloc(p + (size_t)n + s + 1);
    memcpy(t, prefix, p);
    memset(t + p, c, (size_t)n);
    memcpy(t + p + (size_t)n, suffix, s + 1);
    return t;
}

/* ---- tokens --------------------------------------------------------------- */

static void test_statement_tokens(void)
{
    CHECK_STR(lex_dump("indicator IKM \"IKM Pelayanan\" {\n    polarity higher\n}\n"),
              "NAME[indicator]@1:1-9 NAME[IKM]@1:11-13 STRING[IKM Pelayanan]@1:15-29 {@1:31-31 "
              "NAME[polarity]@2:5-12 NAME[higher]@2:14-19 NL@2:20-20 }@3:1-1 NL@3:2-2 END@4:1-1");
    CHECK_INT(nerrors, 0);
    CHECK_STR(messages, "");
    /* the token values themselves, as the parser sees them */
    CHECK_INT('{', 123);
    CHECK_INT(END, 0);
    CHECK(NAME > 255 && NUMBER > 255 && STRING > 255 && NL > 255);
    CHECK_STR(lex_dump(""), "END@1:1-1");
    CHECK_STR(lex_dump("x"), "NAME[x]@1:1-1 NL@1:2-2 END@1:2-2");
}

static void test_symbols(void)
{
    CHECK_STR(lex_dump("x = == != <> < <= > >= .. + - * / ^ % , [ ] ( )"),
              "NAME[x]@1:1-1 =@1:3-3 =@1:5-6 NE@1:8-9 NE@1:11-12 <@1:14-14 LE@1:16-17 >@1:19-19 "
              "GE@1:21-22 DOTDOT@1:24-25 +@1:27-27 -@1:29-29 *@1:31-31 /@1:33-33 ^@1:35-35 %@1:37-37 "
              ",@1:39-39 [@1:41-41 ]@1:43-43 (@1:45-45 )@1:47-47 NL@1:48-48 END@1:48-48");
    CHECK_INT(nerrors, 0);
    /* no spaces needed between symbols and words */
    CHECK_STR(lex_dump("a<=b>=c"), "NAME[a]@1:1-1 LE@1:2-3 NAME[b]@1:4-4 GE@1:5-6 NAME[c]@1:7-7 NL@1:8-8 END@1:8-8");
}

/* Nine reserved words; anything longer that starts with one is a name, and
 * case counts. */
static void test_keywords(void)
{
    CHECK_STR(lex_dump("and or not if then else where in over And IF index in.x android notx over_"),
              "AND@1:1-3 OR@1:5-6 NOT@1:8-10 IF@1:12-13 THEN@1:15-18 ELSE@1:20-23 WHERE@1:25-29 "
              "IN@1:31-32 OVER@1:34-37 NAME[And]@1:39-41 NAME[IF]@1:43-44 NAME[index]@1:46-50 "
              "NAME[in.x]@1:52-55 NAME[android]@1:57-63 NAME[notx]@1:65-68 NAME[over_]@1:70-74 "
              "NL@1:75-75 END@1:75-75");
    CHECK_INT(nerrors, 0);
    /* `year`, `target`, `unit` are plain names to the lexer */
    CHECK_STR(lex_dump("year target unit"),
              "NAME[year]@1:1-4 NAME[target]@1:6-11 NAME[unit]@1:13-16 NL@1:17-17 END@1:17-17");
}

/* Numbers keep their text as written; no exponent, no sign, no leading point. */
static void test_numbers(void)
{
    CHECK_STR(lex_dump("2023 84.84 0.5 007 1..2 1e3 -5 3.14159"),
              "NUMBER[2023]@1:1-4 NUMBER[84.84]@1:6-10 NUMBER[0.5]@1:12-14 NUMBER[007]@1:16-18 "
              "NUMBER[1]@1:20-20 DOTDOT@1:21-22 NUMBER[2]@1:23-23 NUMBER[1]@1:25-25 NAME[e3]@1:26-27 "
              "-@1:29-29 NUMBER[5]@1:30-30 NUMBER[3.14159]@1:32-38 NL@1:39-39 END@1:39-39");
    CHECK_INT(nerrors, 0);
    /* "2021-2026": a number, '-', a number; the checker joins them */
    CHECK_STR(lex_dump("2021-2026"), "NUMBER[2021]@1:1-4 -@1:5-5 NUMBER[2026]@1:6-9 NL@1:10-10 END@1:10-10");
    /* ".5" and "12." are not numbers: the lone '.' is an error */
    CHECK_STR(lex_dump("12."), "NUMBER[12]@1:1-2 ERR@1:3-3 NL@1:4-4 END@1:4-4");
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:3: error: unexpected character '.'\n");
}

/* Names: letters, digits, '_', dotted parts. A hyphen is a token of its
 * own (the checker joins half-up into one word), so the columns touch. */
static void test_names(void)
{
    CHECK_STR(lex_dump("SETWAN.SIDANG U.1 _x S1.1.2 x_9 half-up pk-perubahan"),
              "NAME[SETWAN.SIDANG]@1:1-13 NAME[U.1]@1:15-17 NAME[_x]@1:19-20 NAME[S1.1.2]@1:22-27 "
              "NAME[x_9]@1:29-31 NAME[half]@1:33-36 -@1:37-37 NAME[up]@1:38-39 NAME[pk]@1:41-42 "
              "-@1:43-43 NAME[perubahan]@1:44-52 NL@1:53-53 END@1:53-53");
    CHECK_INT(nerrors, 0);
    /* a dot needs a part after it: "a..b" is a range, "U.1..U.3" too */
    CHECK_STR(lex_dump("a..b"), "NAME[a]@1:1-1 DOTDOT@1:2-3 NAME[b]@1:4-4 NL@1:5-5 END@1:5-5");
    CHECK_STR(lex_dump("U.1..U.3"), "NAME[U.1]@1:1-3 DOTDOT@1:4-5 NAME[U.3]@1:6-8 NL@1:9-9 END@1:9-9");
    /* a name cannot start with a digit: "1abc" is a number and a name */
    CHECK_STR(lex_dump("1abc"), "NUMBER[1]@1:1-1 NAME[abc]@1:2-4 NL@1:5-5 END@1:5-5");
    CHECK_INT(nerrors, 0);
}

static void test_strings(void)
{
    YYSTYPE v;
    Loc l;
    /* \" \\ \n \t, unescaped; the place spans the quotes */
    CHECK_STR(lex_dump("\"a\\\"b\\\\c\\nd\\te\""), "STRING[a\"b\\c\nd\te]@1:1-15 NL@1:16-16 END@1:16-16");
    CHECK_INT(nerrors, 0);
    /* UTF-8 is kept byte for byte; columns count bytes */
    CHECK_STR(lex_dump("\"caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x99\x82\" x"),
              "STRING[caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x99\x82]@1:1-16 NAME[x]@1:18-18 NL@1:19-19 END@1:19-19");
    CHECK_INT(nerrors, 0);
    /* the largest code point, U+10FFFF, and U+D7FF just below the surrogates */
    CHECK_STR(lex_dump("\"\xF4\x8F\xBF\xBF\xED\x9F\xBF\""), "STRING[\xF4\x8F\xBF\xBF\xED\x9F\xBF]@1:1-9 NL@1:10-10 END@1:10-10");
    CHECK_INT(nerrors, 0);
    CHECK_STR(lex_dump("\"\""), "STRING[]@1:1-2 NL@1:3-3 END@1:3-3");
    /* '#' inside a string is text, outside it starts a comment */
    CHECK_STR(lex_dump("\"a # b\" # c"), "STRING[a # b]@1:1-7 NL@1:12-12 END@1:12-12");
    /* the value is in the arena, NUL-terminated, escapes resolved */
    Source *list = NULL;
    Arena arena = {0};
    MemDiag md;
    Lexer lx;
    memdiag_open(&md);
    lexer_init(&lx, source_from_string("t.skp", "\"tab\\there\"", &list), &arena, &md.d);
    CHECK_INT(lexer_next(&v, &l, &lx), STRING);
    CHECK_STR(v.STRING, "tab\there");
    CHECK_INT(strlen(v.STRING), 8);
    CHECK_INT(l.col, 1);
    CHECK_INT(l.end_col, 11);
    memdiag_close(&md, messages, sizeof messages);
    arena_free(&arena);
    source_free_all(list);
}

static void test_string_limit(void)
{
    char *ok = repeat("\"", 'x', SKP_MAX_STRING, "\"");
    int kinds[8];
    CHECK_INT(lex_kinds(ok, kinds, 8), 3);
    CHECK_INT(kinds[0], STRING);
    CHECK_INT(nerrors, 0);
    free(ok);
    char *big = repeat("\"", 'x', SKP_MAX_STRING + 1, "\"");
    CHECK_INT(lex_kinds(big, kinds, 8), 3);
    CHECK_INT(kinds[0], YYerror);
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:1: error: string longer than 4096 bytes (4097 bytes)\n");
    free(big);
    /* the limit counts bytes after escapes: 4096 "\n" escapes are 4096 bytes */
    char *esc = malloc(2 * SKP_MAX_STRING + 3);
    esc[0] = '"';
    for (int i = 0; i < SKP_MAX_STRING; i++) memcpy(esc + 1 + 2 * i, "\\n", 2);
    memcpy(esc + 1 + 2 * SKP_MAX_STRING, "\"", 2);
    CHECK_INT(lex_kinds(esc, kinds, 8), 3);
    CHECK_INT(kinds[0], STRING);
    CHECK_INT(nerrors, 0);
    free(esc);
}

static void test_comments(void)
{
    CHECK_STR(lex_dump("year 2023   # the default year\nx # another"),
              "NAME[year]@1:1-4 NUMBER[2023]@1:6-9 NL@1:31-31 NAME[x]@2:1-1 NL@2:12-12 END@2:12-12");
    /* a plan of comments and blank lines is no statement at all */
    CHECK_STR(lex_dump("# only\n\n# comments\n"), "END@4:1-1");
    /* a comment after an operator: the statement goes on */
    CHECK_STR(lex_dump("x = 1 + # more\n 2"),
              "NAME[x]@1:1-1 =@1:3-3 NUMBER[1]@1:5-5 +@1:7-7 NUMBER[2]@2:2-2 NL@2:3-3 END@2:3-3");
    CHECK_INT(nerrors, 0);
}

/* ---- the statement-end rules ---------------------------------------------- */

static void test_newline_parentheses(void)
{
    /* inside ( ) a newline is no statement end */
    CHECK_STR(lex_dump("a = (1 +\n2\n)\n"),
              "NAME[a]@1:1-1 =@1:3-3 (@1:5-5 NUMBER[1]@1:6-6 +@1:8-8 NUMBER[2]@2:1-1 )@3:1-1 NL@3:2-2 END@4:1-1");
    /* ';' is a newline to the lexer, so inside ( ) it is skipped too */
    CHECK_STR(lex_dump("f(a; b)"), "NAME[f]@1:1-1 (@1:2-2 NAME[a]@1:3-3 NAME[b]@1:6-6 )@1:7-7 NL@1:8-8 END@1:8-8");
    /* a '}' ends the statement in front of it and forgets an unclosed '(' */
    CHECK_STR(lex_dump("u { x = (1 }\ny"),
              "NAME[u]@1:1-1 {@1:3-3 NAME[x]@1:5-5 =@1:7-7 (@1:9-9 NUMBER[1]@1:10-10 NL@1:12-12 }@1:12-12 "
              "NL@1:13-13 NAME[y]@2:1-1 NL@2:2-2 END@2:2-2");
    CHECK_INT(nerrors, 0);
}

static void test_newline_after_operator(void)
{
    CHECK_STR(lex_dump("a = 1 *\n 2\nb"),
              "NAME[a]@1:1-1 =@1:3-3 NUMBER[1]@1:5-5 *@1:7-7 NUMBER[2]@2:2-2 NL@2:3-3 NAME[b]@3:1-1 NL@3:2-2 END@3:2-2");
    /* a line that starts with an operator is a new statement */
    CHECK_STR(lex_dump("a = 1\n+ 2\n"),
              "NAME[a]@1:1-1 =@1:3-3 NUMBER[1]@1:5-5 NL@1:6-6 +@2:1-1 NUMBER[2]@2:3-3 NL@2:4-4 END@3:1-1");
    /* every token that cannot end a statement carries it to the next line */
    CHECK_STR(lex_dump("a ,\nb ..\nc where\nd in\ne over\nf and\ng or\nh not\ni"),
              "NAME[a]@1:1-1 ,@1:3-3 NAME[b]@2:1-1 DOTDOT@2:3-4 NAME[c]@3:1-1 WHERE@3:3-7 NAME[d]@4:1-1 "
              "IN@4:3-4 NAME[e]@5:1-1 OVER@5:3-6 NAME[f]@6:1-1 AND@6:3-5 NAME[g]@7:1-1 OR@7:3-4 "
              "NAME[h]@8:1-1 NOT@8:3-5 NAME[i]@9:1-1 NL@9:2-2 END@9:2-2");
    CHECK_STR(lex_dump("a if\nb then\nc else\nd <\ne >=\nf !=\ng ^\nh -\ni /\nj"),
              "NAME[a]@1:1-1 IF@1:3-4 NAME[b]@2:1-1 THEN@2:3-6 NAME[c]@3:1-1 ELSE@3:3-6 NAME[d]@4:1-1 "
              "<@4:3-3 NAME[e]@5:1-1 GE@5:3-4 NAME[f]@6:1-1 NE@6:3-4 NAME[g]@7:1-1 ^@7:3-3 NAME[h]@8:1-1 "
              "-@8:3-3 NAME[i]@9:1-1 /@9:3-3 NAME[j]@10:1-1 NL@10:2-2 END@10:2-2");
    /* '%', ']' and ')' can end a statement; "then" on the next line cannot continue one */
    CHECK_STR(lex_dump("a %\nb ]\nc\nthen"),
              "NAME[a]@1:1-1 %@1:3-3 NL@1:4-4 NAME[b]@2:1-1 ]@2:3-3 NL@2:4-4 NAME[c]@3:1-1 NL@3:2-2 "
              "THEN@4:1-4 END@4:5-5");
    CHECK_INT(nerrors, 0);
}

static void test_newline_statement_ends(void)
{
    CHECK_STR(lex_dump("a; b"), "NAME[a]@1:1-1 NL@1:2-2 NAME[b]@1:4-4 NL@1:5-5 END@1:5-5");
    /* blank lines: one NL, none before the first statement */
    CHECK_STR(lex_dump("\n\n  a\n\n"), "NAME[a]@3:3-3 NL@3:4-4 END@5:1-1");
    /* "\r\n": the '\r' is a space */
    CHECK_STR(lex_dump("a\r\nb"), "NAME[a]@1:1-1 NL@1:3-3 NAME[b]@2:1-1 NL@2:2-2 END@2:2-2");
    /* '}' ends the statement before it; no NL after a '}' at the end */
    CHECK_STR(lex_dump("u { a }"), "NAME[u]@1:1-1 {@1:3-3 NAME[a]@1:5-5 NL@1:7-7 }@1:7-7 END@1:8-8");
    /* newlines after '{' are skipped; after '}' one is kept */
    CHECK_STR(lex_dump("u {\n\n}\n\nv"), "NAME[u]@1:1-1 {@1:3-3 }@3:1-1 NL@3:2-2 NAME[v]@5:1-1 NL@5:2-2 END@5:2-2");
    CHECK_INT(nerrors, 0);
}

/* ---- errors --------------------------------------------------------------- */

static void test_bad_characters(void)
{
    CHECK_STR(lex_dump("a @ b"), "NAME[a]@1:1-1 ERR@1:3-3 NAME[b]@1:5-5 NL@1:6-6 END@1:6-6");
    CHECK_INT(nerrors, 1);
    CHECK_STR(messages, "t.skp:1:3: error: unexpected character '@'\n    1 | a @ b\n      |   ^\n");
    CHECK_STR(lex_dump("a\x01"), "NAME[a]@1:1-1 ERR@1:2-2 NL@1:3-3 END@1:3-3");
    CHECK_PREFIX(messages, "t.skp:1:2: error: unexpected control character 0x01\n");
    lex_dump("\x7f");
    CHECK_PREFIX(messages, "t.skp:1:1: error: unexpected control character 0x7F\n");
    /* outside a string, each byte of a non-ASCII character is reported:
     * one character, two messages */
    CHECK_STR(lex_dump("caf\xC3\xA9"), "NAME[caf]@1:1-3 ERR@1:4-4 ERR@1:5-5 NL@1:6-6 END@1:6-6");
    CHECK_INT(nerrors, 2);
    CHECK_PREFIX(messages, "t.skp:1:4: error: unexpected byte 0xC3 outside a string "
                           "(text that is not ASCII belongs in \"quotes\")\n");
    CHECK_CONTAINS(messages, "t.skp:1:5: error: unexpected byte 0xA9 outside a string");
    /* a NUL inside the text is a character, not the end of the plan */
    char text[] = "a\0b";
    Source src = { "t.skp", text, 3, NULL };
    CHECK_STR(dump_source(&src), "NAME[a]@1:1-1 ERR@1:2-2 NAME[b]@1:3-3 NL@1:4-4 END@1:4-4");
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:2: error: unexpected control character 0x00\n");
}

static void test_unterminated_string(void)
{
    CHECK_STR(lex_dump("x \"abc\ny"), "NAME[x]@1:1-1 ERR@1:3-3 NL@1:7-7 NAME[y]@2:1-1 NL@2:2-2 END@2:2-2");
    CHECK_INT(nerrors, 1);
    CHECK_STR(messages, "t.skp:1:3: error: unterminated string (a string ends on the line it starts)\n"
                        "    1 | x \"abc\n      |   ^\n");
    /* at the end of the file */
    CHECK_STR(lex_dump("\"abc"), "ERR@1:1-1 NL@1:5-5 END@1:5-5");
    CHECK_PREFIX(messages, "t.skp:1:1: error: unterminated string");
    /* a '\' before the end of the line or file does not escape it */
    CHECK_STR(lex_dump("\"ab\\"), "ERR@1:1-1 NL@1:5-5 END@1:5-5");
    CHECK_INT(nerrors, 1);
    CHECK_STR(lex_dump("\"ab\\\nc"), "ERR@1:1-1 NL@1:5-5 NAME[c]@2:1-1 NL@2:2-2 END@2:2-2");
    CHECK_INT(nerrors, 1);
}

/* An unknown escape is reported and kept as its character; the string is
 * still a STRING token. */
static void test_bad_escapes(void)
{
    CHECK_STR(lex_dump("\"a\\qb\""), "STRING[aqb]@1:1-6 NL@1:7-7 END@1:7-7");
    CHECK_INT(nerrors, 1);
    CHECK_STR(messages, "t.skp:1:3: error: unknown escape '\\q' in string (use \\\" \\\\ \\n or \\t)\n"
                        "    1 | \"a\\qb\"\n      |   ^~\n");
    lex_dump("\"\\\x01\"");
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:2: error: unknown escape: '\\' before byte 0x01 in string (use \\\" \\\\ \\n or \\t)\n");
    /* a '\' before a UTF-8 character: reported by its first byte */
    CHECK_STR(lex_dump("\"\\\xC3\xA9\""), "STRING[\xC3\xA9]@1:1-5 NL@1:6-6 END@1:6-6");
    CHECK_PREFIX(messages, "t.skp:1:2: error: unknown escape: '\\' before byte 0xC3 in string");
}

static void test_invalid_utf8(void)
{
    CHECK_STR(lex_dump("\"a\xFF\""), "ERR@1:1-4 NL@1:5-5 END@1:5-5");
    CHECK_INT(nerrors, 1);
    CHECK_STR(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xFF)\n    1 | \"a\xFF\"\n      | ^~~~\n");
    /* the first bad byte is named: overlong, surrogate, past U+10FFFF,
     * cut short, a stray continuation byte, a bad byte after good text */
    lex_dump("\"\xC0\xAF\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xC0)\n");
    lex_dump("\"\xE0\x80\xAF\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xE0)\n");
    lex_dump("\"\xED\xA0\x80\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xED)\n");
    lex_dump("\"\xF4\x90\x80\x80\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xF4)\n");
    lex_dump("\"x\xE2\x9C\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xE2)\n");
    lex_dump("\"\x80\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0x80)\n");
    lex_dump("\"ok \xE2\x9C\x93 \xFE\"");
    CHECK_PREFIX(messages, "t.skp:1:1: error: string is not valid UTF-8 (byte 0xFE)\n");
    CHECK_INT(nerrors, 1);
}

static void test_long_names_and_numbers(void)
{
    char *name = repeat("", 'a', SKP_MAX_NAME, "");
    int kinds[8];
    CHECK_INT(lex_kinds(name, kinds, 8), 3);
    CHECK_INT(kinds[0], NAME);
    CHECK_INT(nerrors, 0);
    free(name);
    /* one byte over: the caret at the start of the name only */
    name = repeat("", 'a', SKP_MAX_NAME + 1, "");
    CHECK_INT(lex_kinds(name, kinds, 8), 3);
    CHECK_INT(kinds[0], YYerror);
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:1: error: name longer than 128 bytes (129 bytes)\n");
    CHECK_CONTAINS(messages, "\n      | ^\n");
    CHECK_NOT_CONTAINS(messages, "^~");
    free(name);
    /* the dots of a dotted name count: 64 + 1 + 64 = 129 */
    char *dotted = repeat("", 'a', 64, ".bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    CHECK_INT(strlen(dotted), 129);
    lex_kinds(dotted, kinds, 8);
    CHECK_INT(kinds[0], YYerror);
    CHECK_PREFIX(messages, "t.skp:1:1: error: name longer than 128 bytes (129 bytes)\n");
    free(dotted);
    char *num = repeat("x = ", '9', SKP_MAX_NUMBER, "");
    CHECK_INT(lex_kinds(num, kinds, 8), 5);
    CHECK_INT(kinds[2], NUMBER);
    CHECK_INT(nerrors, 0);
    free(num);
    num = repeat("x = ", '9', SKP_MAX_NUMBER + 1, "");
    lex_kinds(num, kinds, 8);
    CHECK_INT(kinds[2], YYerror);
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:5: error: number longer than 128 bytes (129 bytes)\n");
    free(num);
}

/* 200 levels of parentheses are allowed; the 201st '(' is an error, and
 * only the first is reported. */
static void test_paren_nesting(void)
{
    int kinds[512];
    char *ok = repeat("", '(', SKP_MAX_NESTING, "");
    int n = lex_kinds(ok, kinds, 512);
    CHECK_INT(n, SKP_MAX_NESTING + 1);            /* no NL: '(' continues the statement */
    CHECK_INT(kinds[SKP_MAX_NESTING - 1], '(');
    CHECK_INT(kinds[SKP_MAX_NESTING], END);
    CHECK_INT(nerrors, 0);
    free(ok);
    char *deep = repeat("", '(', SKP_MAX_NESTING + 2, "");
    n = lex_kinds(deep, kinds, 512);
    CHECK_INT(n, SKP_MAX_NESTING + 4);            /* 200 '(', 2 errors, NL, END */
    CHECK_INT(kinds[SKP_MAX_NESTING - 1], '(');
    CHECK_INT(kinds[SKP_MAX_NESTING], YYerror);
    CHECK_INT(kinds[SKP_MAX_NESTING + 1], YYerror);
    CHECK_INT(kinds[SKP_MAX_NESTING + 2], NL);
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:201: error: parentheses nested deeper than 200 levels\n");
    free(deep);
}

/* The 201st '{' is refused and its block skipped to its '}': what is in it
 * never reaches the parser. */
static void test_block_nesting(void)
{
    int kinds[1024];
    char *open = repeat("", '{', SKP_MAX_NESTING + 1, " x ");
    char *text = repeat(open, '}', SKP_MAX_NESTING + 1, "");
    int n = lex_kinds(text, kinds, 1024);
    /* 200 '{', the error, the NL that ends it before the next '}', 200 '}', END */
    CHECK_INT(n, 2 * SKP_MAX_NESTING + 3);
    CHECK_INT(kinds[SKP_MAX_NESTING - 1], '{');
    CHECK_INT(kinds[SKP_MAX_NESTING], YYerror);
    CHECK_INT(kinds[SKP_MAX_NESTING + 1], NL);
    CHECK_INT(kinds[SKP_MAX_NESTING + 2], '}');
    CHECK_INT(kinds[2 * SKP_MAX_NESTING + 1], '}');
    CHECK_INT(kinds[2 * SKP_MAX_NESTING + 2], END);
    int names = 0;
    for (int i = 0; i < n; i++) names += kinds[i] == NAME;
    CHECK_INT(names, 0);
    CHECK_INT(nerrors, 1);
    CHECK_PREFIX(messages, "t.skp:1:201: error: blocks nested deeper than 200 levels\n");
    free(open);
    free(text);
    /* never closed: the skipping stops at the end of the file. refuse_block
     * means to queue that END (lx->pending = END), but END is 0, which
     * lx->pending reads as "nothing queued": the END is scanned again and,
     * after an error token, gets the usual NL in front of it. */
    char *unclosed = repeat("", '{', SKP_MAX_NESTING + 1, "");
    n = lex_kinds(unclosed, kinds, 1024);
    CHECK_INT(n, SKP_MAX_NESTING + 3);
    CHECK_INT(kinds[SKP_MAX_NESTING], YYerror);
    CHECK_INT(kinds[SKP_MAX_NESTING + 1], NL);
    CHECK_INT(kinds[SKP_MAX_NESTING + 2], END);
    CHECK_INT(nerrors, 1);
    free(unclosed);
}

/* The lexer remembers the words that opened each block, for the parser's
 * "never closed" message. */
static void test_open_blocks(void)
{
    Source *list = NULL;
    Arena arena = {0};
    MemDiag md;
    Lexer lx;
    YYSTYPE v;
    Loc l;
    memdiag_open(&md);
    lexer_init(&lx, source_from_string("t.skp", "unit SETWAN \"Sekretariat\" {\n indicator IKM {\n{", &list),
               &arena, &md.d);
    while (lexer_next(&v, &l, &lx) != END) {}
    CHECK_INT(lx.depth, 3);
    CHECK_STR(lx.open[0].what, "unit SETWAN");
    CHECK_INT(lx.open[0].loc.line, 1);
    CHECK_INT(lx.open[0].loc.col, 27);
    CHECK_STR(lx.open[1].what, "indicator IKM");
    CHECK_INT(lx.open[1].loc.line, 2);
    CHECK_INT(lx.open[1].loc.col, 16);
    CHECK_STR(lx.open[2].what, "block");          /* a '{' with no words before it */
    CHECK_INT(lx.open[2].loc.line, 3);
    CHECK_STR(lx.last_text, "end of file");
    memdiag_close(&md, messages, sizeof messages);
    CHECK_STR(messages, "");
    arena_free(&arena);
    source_free_all(list);
}

int main(void)
{
    test_statement_tokens();
    test_symbols();
    test_keywords();
    test_numbers();
    test_names();
    test_strings();
    test_string_limit();
    test_comments();
    test_newline_parentheses();
    test_newline_after_operator();
    test_newline_statement_ends();
    test_bad_characters();
    test_unterminated_string();
    test_bad_escapes();
    test_invalid_utf8();
    test_long_names_and_numbers();
    test_paren_nesting();
    test_block_nesting();
    test_open_blocks();
    return CHECK_DONE();
}
