/* testfile.c: reading a plan test file (testfile.h; the syntax is in
 * docs/testing.md). The file is read a line at a time: each line is one
 * statement, words split at blanks and at = @ [ ] { } , #, strings in
 * double quotes. Inline CSV is taken as the lines it is, so that import
 * reads it as it reads a file and names the test file's lines. */
#include "tools/testfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/num.h"
#include "base/period.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/vec.h"
#include "engine/scenario.h"
#include "front/ast.h"
#include "store/import.h"
#include "store/tablespec.h"

typedef enum { TK_EOL, TK_WORD, TK_STRING, TK_SYM } TokKind;

typedef struct {
    TokKind kind;
    const char *s;          /* as written */
    size_t len;
    int col;
    const char *str;        /* TK_STRING: the text between the quotes, unescaped */
} Tok;

typedef VEC(TestData) DataVec;

typedef struct {
    TestFile *f;
    const Plan *p;
    Diag *d;
    const Source *src;
    const char *next;       /* the start of the line after the current one */
    const char *text;       /* the current line, without its newline */
    size_t len, pos;
    int line;
    int year;               /* the year of the lines that follow */
    int bad_line;           /* a line whose unclosed string was reported: nothing more on it */
    DataVec data;           /* the file's shared data */
    VEC(TestCase) tests;
    TestCase *test;         /* the test block being read, or NULL */
    DataVec tdata;
    VEC(const char *) sets;
    VEC(Expect) expects;
} Reader;

static const char *const field_names[] = { "capaian", "grade", "status", "realisation", "target", "source", "coverage" };

const char *testfile_field_name(ExpectField f)
{
    return field_names[f];
}

/* ---- lines and words ------------------------------------------------------------ */

static int next_line(Reader *r)
{
    const char *end = r->src->text + r->src->len;
    if (r->next >= end) return 0;
    const char *nl = memchr(r->next, '\n', (size_t)(end - r->next));
    r->text = r->next;
    r->len = (size_t)((nl ? nl : end) - r->next);
    if (r->len && r->text[r->len - 1] == '\r') r->len--;
    r->next = nl ? nl + 1 : end;
    r->pos = 0;
    r->line++;
    return 1;
}

static Loc loc_of(const Reader *r, int col, size_t len)
{
    Loc l = { r->src, r->line, col, r->line, col + (len ? (int)len - 1 : 0) };
    return l;
}

static Loc tok_loc(const Reader *r, Tok t)
{
    return loc_of(r, t.col, t.len);
}

static void error_at(Reader *r, Loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void error_at(Reader *r, Loc at, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(r->d, at, "%s", msg);
}

/* A string's text: \" and \\ are a quote and a backslash. */
static Tok string_token(Reader *r, Tok t)
{
    StrBuf b = {0};
    size_t i = r->pos + 1;
    for (; i < r->len && r->text[i] != '"'; i++) {
        if (r->text[i] == '\\' && i + 1 < r->len) i++;
        strbuf_putc(&b, r->text[i]);
    }
    if (i >= r->len) {
        error_at(r, loc_of(r, t.col, 1), "this string is never closed (a string ends on its line)");
        r->bad_line = r->line;
        r->pos = r->len;
        strbuf_free(&b);
        t.kind = TK_EOL;
        return t;
    }
    t.kind = TK_STRING;
    t.len = i + 1 - r->pos;
    t.str = arena_strdup(&r->f->arena, b.s ? b.s : "");
    r->pos = i + 1;
    strbuf_free(&b);
    return t;
}

static Tok next_tok(Reader *r)
{
    while (r->pos < r->len && (r->text[r->pos] == ' ' || r->text[r->pos] == '\t')) r->pos++;
    Tok t = { TK_EOL, r->text + r->pos, 0, (int)r->pos + 1, NULL };
    if (r->pos >= r->len || r->text[r->pos] == '#') return t;
    char c = r->text[r->pos];
    if (c == '"') return string_token(r, t);
    if (strchr("=@[]{},", c)) {
        t.kind = TK_SYM;
        t.len = 1;
        r->pos++;
        return t;
    }
    size_t start = r->pos;
    while (r->pos < r->len && !strchr(" \t=@[]{},#\"", r->text[r->pos])) r->pos++;
    t.kind = TK_WORD;
    t.len = r->pos - start;
    return t;
}

static Tok peek_tok(Reader *r)
{
    while (r->pos < r->len && (r->text[r->pos] == ' ' || r->text[r->pos] == '\t')) r->pos++;
    size_t pos = r->pos;
    if (pos < r->len && r->text[pos] == '"') {       /* a string is read (and checked) when taken */
        Tok t = { TK_STRING, r->text + pos, 1, (int)pos + 1, NULL };
        return t;
    }
    Tok t = next_tok(r);
    r->pos = pos;
    return t;
}

static int is_sym(Tok t, char c) { return t.kind == TK_SYM && t.s[0] == c; }
static int is_word(Tok t, const char *w) { return t.kind == TK_WORD && t.len == strlen(w) && !memcmp(t.s, w, t.len); }

static const char *tok_text(Reader *r, Tok t)
{
    return t.kind == TK_STRING ? t.str : arena_strndup(&r->f->arena, t.s, t.len);
}

/* What a message says was found instead. */
static void found(Tok t, char *buf, size_t n)
{
    if (t.kind == TK_EOL) snprintf(buf, n, "the end of the line");
    else snprintf(buf, n, "'%.*s'", (int)(t.len > 40 ? 40 : t.len), t.s);
}

/* The next token, which must be of kind k (TK_STRING also takes a word
 * when words is set); else reported, naming `what`. */
static int take(Reader *r, TokKind k, int words, const char *what, Tok *out)
{
    *out = next_tok(r);
    if (out->kind == k || (words && out->kind == TK_WORD && k == TK_STRING)) return 0;
    if (r->bad_line == r->line) return -1;
    char f[64];
    found(*out, f, sizeof f);
    error_at(r, out->kind == TK_EOL ? loc_of(r, out->col, 1) : tok_loc(r, *out), "expected %s, found %s", what, f);
    return -1;
}

static int take_sym(Reader *r, char c, const char *what)
{
    Tok t = next_tok(r);
    if (is_sym(t, c)) return 0;
    if (r->bad_line == r->line) return -1;
    char f[64];
    found(t, f, sizeof f);
    error_at(r, t.kind == TK_EOL ? loc_of(r, t.col, 1) : tok_loc(r, t), "expected %s, found %s", what, f);
    return -1;
}

static int end_of_line(Reader *r)
{
    Tok t = next_tok(r);
    if (t.kind == TK_EOL) return r->bad_line == r->line ? -1 : 0;
    char f[64];
    found(t, f, sizeof f);
    error_at(r, tok_loc(r, t), "unexpected %s: the statement ends before it", f);
    return -1;
}

/* ---- names the plan knows --------------------------------------------------------- */

static const Indicator *indicator_named(const Plan *p, const char *code)
{
    for (int i = 0; i < p->ninds; i++)
        if (strcmp(p->inds[i].code, code) == 0) return &p->inds[i];
    return NULL;
}

/* The indicator code at t, or NULL (reported). */
static const Indicator *indicator_at(Reader *r, Tok t)
{
    const char *code = tok_text(r, t);
    const Indicator *ind = indicator_named(r->p, code);
    if (ind) return ind;
    const char *best = text_suggest(code, r->p->codes, r->p->ncodes);
    error_at(r, tok_loc(r, t), "unknown indicator '%s'%s%s%s", code, best ? " (did you mean '" : " (not in the plan)",
             best ? best : "", best ? "'?)" : "");
    return NULL;
}

static int table_known(const Plan *p, const char *name)
{
    if (tablespec_builtin(name)) return 1;
    for (int i = 0; i < p->nrecords; i++)
        if (strcmp(p->records[i].name, name) == 0) return 1;
    return 0;
}

/* A table name at t, or NULL (reported). */
static const char *table_at(Reader *r, Tok t)
{
    const char *name = tok_text(r, t);
    if (table_known(r->p, name)) return name;
    StrBuf known = {0};
    for (int i = 0; i < r->p->nrecords; i++) strbuf_printf(&known, ", %s", r->p->records[i].name);
    error_at(r, tok_loc(r, t), "unknown table '%s': the tables are units, indicators, targets, period_targets, "
             "realisasi, budget, narratives%s", name, known.s ? known.s : "");
    strbuf_free(&known);
    return NULL;
}

/* A year at t (2023), or 0 (reported). */
static int year_at(Reader *r, Tok t)
{
    Period per;
    if (t.kind == TK_WORD && period_parse(t.s, t.len, &per) == 0 && per.kind == PER_YEAR) return per.year;
    error_at(r, tok_loc(r, t), "expected a year such as 2023, found '%.*s'", (int)t.len, t.s);
    return 0;
}

/* The year of what a line states, when it names none. */
static int default_year(Reader *r, Loc at)
{
    int y = r->year ? r->year : r->p->year;
    if (!y) error_at(r, at, "no year: write one (@2023), or 'year 2023' before this line (the plan states none)");
    return y;
}

/* ---- data --------------------------------------------------------------------------- */

static DataVec *data_of_scope(Reader *r)
{
    return r->test ? &r->tdata : &r->data;
}

/* `data TABLE` and the CSV lines to `end`: kept as the text they are. */
static void inline_data(Reader *r, TestData *td)
{
    int first = r->line;
    const char *start = r->next;
    while (next_line(r)) {
        size_t a = 0, b = r->len;
        while (a < b && (r->text[a] == ' ' || r->text[a] == '\t')) a++;
        while (b > a && (r->text[b - 1] == ' ' || r->text[b - 1] == '\t')) b--;
        if (b - a == 3 && memcmp(r->text + a, "end", 3) == 0) {
            if (!td->table) return;
            td->text = start;
            td->len = (size_t)(r->text - start);
            td->line0 = first;
            VEC_PUSH(*data_of_scope(r), *td);
            return;
        }
    }
    error_at(r, td->loc, "the rows of %s are never ended: a line 'end' is missing", td->table ? td->table : "this table");
}

/* The path of a data file: relative to the test file's directory. */
static const char *data_path(Reader *r, const char *name)
{
    if (name[0] == '/') return name;
    const char *slash = strrchr(r->f->path, '/');
    if (!slash) return name;
    return arena_printf(&r->f->arena, "%.*s/%s", (int)(slash - r->f->path), r->f->path, name);
}

/* data "FILE.csv" [into TABLE] | data TABLE (rows to `end`) */
static void st_data(Reader *r, Tok kw)
{
    TestData td;
    memset(&td, 0, sizeof td);
    Tok t, tab;
    if (take(r, TK_STRING, 1, "a CSV file in quotes, or a table name", &t) != 0) return;
    td.loc = source_span(tok_loc(r, kw), tok_loc(r, t));
    if (t.kind == TK_WORD) {
        td.table = table_at(r, t);
        if (end_of_line(r) == 0 || td.table) inline_data(r, &td);    /* its rows are skipped even so */
        return;
    }
    td.path = data_path(r, t.str);
    if (access(td.path, R_OK) != 0) {
        error_at(r, tok_loc(r, t), "cannot read '%s': %s", td.path, strerror(errno));
        return;
    }
    if (is_word(peek_tok(r), "into")) {
        next_tok(r);
        if (take(r, TK_WORD, 0, "a table name after 'into'", &tab) != 0 || !(td.table = table_at(r, tab))) return;
    } else {
        char *deflt = import_table_for_file(td.path);
        int ok = table_known(r->p, deflt);
        if (!ok) error_at(r, tok_loc(r, t), "no table '%s' for this file's name: write 'data \"%s\" into TABLE'", deflt, t.str);
        free(deflt);
        if (!ok) return;
    }
    if (end_of_line(r) == 0) VEC_PUSH(*data_of_scope(r), td);
}

/* A row written by a shorthand, as CSV whose one row is the line's. */
static void shorthand_row(Reader *r, Loc at, const char *table, const char *header, const char *row)
{
    TestData td;
    memset(&td, 0, sizeof td);
    td.loc = at;
    td.table = table;
    td.text = arena_printf(&r->f->arena, "%s\n%s\n", header, row);
    td.len = strlen(td.text);
    td.line0 = r->line - 2;          /* the header a line before: the row is on this line */
    VEC_PUSH(r->tdata, td);
}

/* The unit and indicator a statement starts with: UNIT IND. */
static int unit_indicator(Reader *r, Tok *unit, Tok *ind, const Indicator **out)
{
    if (take(r, TK_WORD, 0, "a unit code", unit) != 0 || take(r, TK_WORD, 0, "an indicator code", ind) != 0) return -1;
    *out = indicator_at(r, *ind);
    return *out ? 0 : -1;
}

/* `= VALUE` at the end of a row's line: the value as written. */
static const char *row_value(Reader *r)
{
    Tok v;
    if (take_sym(r, '=', "'= VALUE'") != 0 || take(r, TK_WORD, 0, "a value", &v) != 0 || end_of_line(r) != 0) return NULL;
    return tok_text(r, v);
}

/* realisation UNIT IND [@PERIOD] = VALUE: a realisasi row. */
static void st_realisation(Reader *r, Tok kw)
{
    Tok unit, ind, per;
    const Indicator *in;
    if (unit_indicator(r, &unit, &ind, &in) != 0) return;
    const char *period;
    if (is_sym(peek_tok(r), '@')) {
        next_tok(r);
        Period p;
        if (take(r, TK_WORD, 0, "a period after '@'", &per) != 0) return;
        if (period_parse(per.s, per.len, &p) != 0) {
            error_at(r, tok_loc(r, per), "'%.*s' is not a period (" PERIOD_FORMS ")", (int)per.len, per.s);
            return;
        }
        period = tok_text(r, per);
    } else {
        int y = default_year(r, tok_loc(r, kw));
        if (!y) return;
        period = arena_printf(&r->f->arena, "%d", y);
    }
    const char *v = row_value(r);
    if (!v) return;
    shorthand_row(r, tok_loc(r, kw), "realisasi", "unit,indicator,period,value",
                  arena_printf(&r->f->arena, "%.*s,%s,%s,%s", (int)unit.len, unit.s, in->code, period, v));
}

/* The source a target row gets when the line names none: the first the
 * indicator is measured against (its `target` rule), else pk. */
static const char *default_source(const Indicator *in)
{
    for (int i = 0; i < in->rules.target.nsources; i++)
        if (strcmp(in->rules.target.sources[i], "end") != 0) return in->rules.target.sources[i];
    return "pk";
}

/* target UNIT IND [@YEAR] [source NAME] = VALUE: a targets row. */
static void st_target(Reader *r, Tok kw)
{
    Tok unit, ind, t;
    const Indicator *in;
    if (unit_indicator(r, &unit, &ind, &in) != 0) return;
    int year = 0;
    if (is_sym(peek_tok(r), '@')) {
        next_tok(r);
        if (take(r, TK_WORD, 0, "a year after '@'", &t) != 0 || !(year = year_at(r, t))) return;
    } else if (!(year = default_year(r, tok_loc(r, kw)))) {
        return;
    }
    const char *source = default_source(in);
    if (is_word(peek_tok(r), "source")) {
        next_tok(r);
        if (take(r, TK_WORD, 0, "a source name (pk, renstra, ...)", &t) != 0) return;
        source = tok_text(r, t);
    }
    const char *v = row_value(r);
    if (!v) return;
    shorthand_row(r, tok_loc(r, kw), "targets", "unit,indicator,year,source,value",
                  arena_printf(&r->f->arena, "%.*s,%s,%d,%s,%s", (int)unit.len, unit.s, in->code, year, source, v));
}

/* set CHANGE: the rest of the line as --set takes it, blanks dropped. */
static void st_set(Reader *r, Tok kw)
{
    (void)kw;
    while (r->pos < r->len && (r->text[r->pos] == ' ' || r->text[r->pos] == '\t')) r->pos++;
    int col = (int)r->pos + 1;
    StrBuf b = {0};
    for (; r->pos < r->len && r->text[r->pos] != '#'; r->pos++)
        if (r->text[r->pos] != ' ' && r->text[r->pos] != '\t') strbuf_putc(&b, r->text[r->pos]);
    Loc at = loc_of(r, col, b.len ? (size_t)(r->pos - (size_t)col + 1) : 1);
    const char *change = b.s ? b.s : "";
    OverrideList ol;
    memset(&ol, 0, sizeof ol);
    char why[512];
    if (!b.len) error_at(r, at, "expected a change after 'set': [UNIT:]CODE.FIELD[@YEAR] = VALUE");
    else if (scenario_build(r->p, NULL, &change, 1, &ol, why, sizeof why) != 0)
        error_at(r, at, "%s", strncmp(why, "--set ", 6) == 0 ? why + 6 : why);     /* the change is on the line */
    else VEC_PUSH(r->sets, arena_strdup(&r->f->arena, change));
    scenario_free(&ol);
    strbuf_free(&b);
}

/* year Y: the year of the lines after it (in a test, to its end). */
static void st_year(Reader *r, Tok kw)
{
    (void)kw;
    Tok t;
    int y;
    if (take(r, TK_WORD, 0, "a year such as 2023", &t) != 0 || !(y = year_at(r, t)) || end_of_line(r) != 0) return;
    r->year = y;
    if (r->test) r->test->year = y;
    else r->f->year = y;
}

/* ---- expect ------------------------------------------------------------------------ */

/* [GROUP] after the indicator, which must be grouped when it has one. */
static int expect_group(Reader *r, const Indicator *in, Tok ind, Expect *e)
{
    int grouped = in->group.record >= 0;
    Tok g;
    if (!is_sym(peek_tok(r), '[')) {
        if (grouped) error_at(r, tok_loc(r, ind), "%s is grouped (per ...): name the group, %s[GROUP]", in->code, in->code);
        return grouped ? -1 : 0;
    }
    next_tok(r);
    if (take(r, TK_STRING, 1, "a group name", &g) != 0 || take_sym(r, ']', "']'") != 0) return -1;
    if (!grouped) {
        error_at(r, tok_loc(r, g), "%s is not grouped: it has no group '%s'", in->code, tok_text(r, g));
        return -1;
    }
    e->group = tok_text(r, g);
    return 0;
}

/* The field, and the scheme of a grade. */
static int expect_field(Reader *r, const Indicator *in, Expect *e)
{
    Tok f;
    if (take(r, TK_WORD, 0, "a field (capaian, grade, status, realisation, target, source)", &f) != 0) return -1;
    const char *name = tok_text(r, f);
    int n = (int)(sizeof field_names / sizeof *field_names);
    for (e->field = 0; (int)e->field < n && strcmp(field_names[e->field], name) != 0; e->field++) {}
    if ((int)e->field == n) {
        const char *best = text_suggest(name, field_names, n);
        error_at(r, tok_loc(r, f), "unknown field '%s'%s%s%s (the fields: capaian, grade, status, realisation, target, source)",
                 name, best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
        return -1;
    }
    if (e->field == EF_GRADE && in->ngrades == 0) {
        error_at(r, tok_loc(r, f), "%s has no grade: it is graded by no scheme", in->code);
        return -1;
    }
    Tok s = peek_tok(r);
    if (e->field != EF_GRADE || s.kind != TK_WORD || is_word(s, "missing")) return 0;
    next_tok(r);
    e->scheme = tok_text(r, s);
    int k = plan_scheme_index(r->p, e->scheme);
    for (int g = 0; k >= 0 && g < in->ngrades; g++)
        if (in->grades[g].scheme == k) return 0;
    error_at(r, tok_loc(r, s), "%s is not graded by a scheme '%s'", in->code, e->scheme);
    return -1;
}

static int numeric_field(ExpectField f)
{
    return f == EF_CAPAIAN || f == EF_REALISATION || f == EF_TARGET;
}

static int number_at(Reader *r, Tok t, double *out)
{
    const char *why = NULL;
    if (t.kind == TK_WORD && num_parse(tok_text(r, t), NUM_PLAIN, out, &why) == NUMP_OK) return 0;
    error_at(r, tok_loc(r, t), "expected a number, found '%.*s'", (int)t.len, t.s);
    return -1;
}

/* "38/40": units below with a figure / those expected, as eval shows it. */
static int coverage_text(const char *s)
{
    int present, expected, n = 0;
    return sscanf(s, "%d/%d%n", &present, &expected, &n) == 2 && s[n] == '\0' && present >= 0 && expected > 0 &&
           present <= expected;
}

/* `= VALUE [within X]`, or `missing`. */
static int expect_value(Reader *r, Expect *e)
{
    Tok v = next_tok(r), w;
    e->value_loc = tok_loc(r, v);
    e->numeric = numeric_field(e->field);
    if (is_word(v, "missing")) {
        if (e->field == EF_STATUS) error_at(r, tok_loc(r, v), "a row always has a status: expect status = \"no data\"");
        e->missing = 1;
        return e->field == EF_STATUS ? -1 : 0;
    }
    if (!is_sym(v, '=')) {
        char f[64];
        found(v, f, sizeof f);
        error_at(r, v.kind == TK_EOL ? loc_of(r, v.col, 1) : tok_loc(r, v), "expected '= VALUE' or 'missing', found %s", f);
        return -1;
    }
    if (take(r, TK_STRING, 1, "the expected value", &v) != 0) return -1;
    e->value_loc = tok_loc(r, v);
    e->written = tok_text(r, v);
    if (e->numeric ? number_at(r, v, &e->number) != 0 : (e->text = e->written, 0)) return -1;
    static const char *const statuses[] = { "ok", "no data", "no target", "undefined" };
    int ok = e->field != EF_STATUS;
    for (int i = 0; i < 4 && !ok; i++) ok = strcmp(e->text, statuses[i]) == 0;
    if (!ok) error_at(r, tok_loc(r, v), "a status is ok, \"no data\", \"no target\" or \"undefined\", not '%s'", e->text);
    if (ok && e->field == EF_COVERAGE && !coverage_text(e->text)) {
        error_at(r, tok_loc(r, v), "a coverage is PRESENT/EXPECTED, such as 38/40, not '%s'", e->text);
        return -1;
    }
    if (!ok || !is_word(peek_tok(r), "within")) return ok ? 0 : -1;
    next_tok(r);
    if (take(r, TK_WORD, 0, "a tolerance after 'within'", &w) != 0 || number_at(r, w, &e->within) != 0) return -1;
    if (!e->numeric || e->within < 0) {
        error_at(r, tok_loc(r, w), e->numeric ? "a tolerance is 0 or more" : "only numbers have a tolerance");
        return -1;
    }
    e->has_within = 1;
    return 0;
}

/* expect UNIT IND[GROUP][@YEAR] FIELD [SCHEME] (= VALUE [within X] | missing) */
static void st_expect(Reader *r, Tok kw)
{
    Expect e;
    memset(&e, 0, sizeof e);
    Tok unit, ind, y;
    const Indicator *in;
    if (unit_indicator(r, &unit, &ind, &in) != 0 || expect_group(r, in, ind, &e) != 0) return;
    e.unit = tok_text(r, unit);
    e.unit_loc = tok_loc(r, unit);
    e.indicator = in->code;
    if (is_sym(peek_tok(r), '@')) {
        next_tok(r);
        if (take(r, TK_WORD, 0, "a year after '@'", &y) != 0 || !(e.year = year_at(r, y))) return;
    } else if (!(e.year = default_year(r, tok_loc(r, kw)))) {
        return;
    }
    if (expect_field(r, in, &e) != 0 || expect_value(r, &e) != 0 || end_of_line(r) != 0) return;
    e.loc = loc_of(r, kw.col, r->len - (size_t)(kw.col - 1));
    VEC_PUSH(r->expects, e);
}

/* ---- tests and the file ---------------------------------------------------------------- */

/* test "NAME" { */
static void st_test(Reader *r, Tok kw)
{
    Tok name;
    if (take(r, TK_STRING, 0, "the test's name in quotes", &name) != 0 || take_sym(r, '{', "'{' after the test's name") != 0 ||
        end_of_line(r) != 0)
        return;
    for (int i = 0; i < r->tests.len; i++)
        if (strcmp(r->tests.items[i].name, name.str) == 0) {
            error_at(r, tok_loc(r, name), "a second test named \"%s\" (test names tell failures apart)", name.str);
            break;
        }
    TestCase t;
    memset(&t, 0, sizeof t);
    t.name = name.str;
    t.loc = source_span(tok_loc(r, kw), tok_loc(r, name));
    VEC_PUSH(r->tests, t);
    r->test = &r->tests.items[r->tests.len - 1];
}

/* `}`: the test's rows, changes and expectations are its own. */
static void close_test(Reader *r)
{
    TestCase *t = r->test;
    t->data = r->tdata.items;
    t->ndata = r->tdata.len;
    t->sets = r->sets.items;
    t->nsets = r->sets.len;
    t->expects = r->expects.items;
    t->nexpects = r->expects.len;
    memset(&r->tdata, 0, sizeof r->tdata);
    memset(&r->sets, 0, sizeof r->sets);
    memset(&r->expects, 0, sizeof r->expects);
    r->test = NULL;
    r->year = r->f->year;
}

typedef struct {
    const char *word;
    void (*run)(Reader *r, Tok kw);
    int in_test;            /* 1: only in a test; -1: only outside; 0: both */
} Statement;

static const Statement statements[] = {
    { "year", st_year, 0 }, { "data", st_data, 0 }, { "test", st_test, -1 },
    { "realisation", st_realisation, 1 }, { "target", st_target, 1 }, { "set", st_set, 1 }, { "expect", st_expect, 1 },
};
#define NSTATEMENTS ((int)(sizeof statements / sizeof *statements))

static void unknown_statement(Reader *r, Tok t)
{
    const char *words[NSTATEMENTS];
    for (int i = 0; i < NSTATEMENTS; i++) words[i] = statements[i].word;
    const char *w = tok_text(r, t), *best = text_suggest(w, words, NSTATEMENTS);
    error_at(r, tok_loc(r, t), "unknown statement '%s'%s%s%s (a test file has year, data, test; a test has "
             "realisation, target, set, expect, data, year)", w, best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
}

static void statement(Reader *r)
{
    Tok t = next_tok(r);
    if (t.kind == TK_EOL) return;
    if (is_sym(t, '}')) {
        if (r->test) { if (end_of_line(r) == 0) close_test(r); }
        else error_at(r, tok_loc(r, t), "'}' closes no test");
        return;
    }
    for (int i = 0; t.kind == TK_WORD && i < NSTATEMENTS; i++) {
        if (!is_word(t, statements[i].word)) continue;
        if (statements[i].in_test == 1 && !r->test)
            error_at(r, tok_loc(r, t), "'%s' belongs in a test: test \"NAME\" { ... }", statements[i].word);
        else if (statements[i].in_test == -1 && r->test)
            error_at(r, tok_loc(r, t), "a test inside a test: close \"%s\" with '}' first", r->test->name);
        else
            statements[i].run(r, t);
        return;
    }
    unknown_statement(r, t);
}

TestFile *testfile_read(const char *path, const Plan *p, Diag *d)
{
    TestFile *f = mem_xcalloc(1, sizeof *f);
    f->path = path;
    Source *src = source_load(path, (size_t)SKP_MAX_PLAN_BYTES, &f->sources);
    if (!src) {
        diag_plain(d, "%s: %s", path, errno == EFBIG ? "larger than the limit for a plan file" : strerror(errno));
        testfile_free(f);
        return NULL;
    }
    Reader r;
    memset(&r, 0, sizeof r);
    r.f = f;
    r.p = p;
    r.d = d;
    r.src = src;
    r.next = src->text;
    while (next_line(&r)) statement(&r);
    if (r.test) {
        error_at(&r, r.test->loc, "test \"%s\" is never closed: '}' is missing", r.test->name);
        close_test(&r);
    }
    f->data = r.data.items;
    f->ndata = r.data.len;
    f->tests = r.tests.items;
    f->ntests = r.tests.len;
    return f;
}

void testfile_free(TestFile *f)
{
    if (!f) return;
    for (int i = 0; i < f->ntests; i++) {
        free(f->tests[i].data);
        free(f->tests[i].sets);
        free(f->tests[i].expects);
    }
    free(f->tests);
    free(f->data);
    source_free_all(f->sources);
    arena_free(&f->arena);
    free(f);
}
