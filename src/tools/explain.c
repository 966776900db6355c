/* explain.c: how one figure was derived. See explain.h.
 *
 * The unit is evaluated once with the machine's trace on: every part of
 * the indicator's formulas reports the value it took in the year asked.
 * The stored rows behind the figure (realisations, targets) are then read
 * for that one unit and indicator, with the CSV line each came from. */
#include "tools/explain.h"
#include "engine/capaian.h"
#include "check/plan.h"
#include "store/store.h"
#include "engine/grade.h"
#include "base/num.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"
#include "check/scheme.h"

#include <stdlib.h>
#include <string.h>

/* The parts of the formulas being explained, and the values they took. */
typedef struct {
    const Expr *at;
    Value v;
    int seen;
} Part;

typedef struct {
    const Plan *p;
    const ExplainQuery *q;
    int year, code;
    Part *parts;
    int nparts, cap;
    Arena text;
    /* figures of the units below, for roll-ups: "unit|code|figure" -> value text */
    int rollups;
    StrMap below;
    VEC(const char *) below_texts;
    Store *store;
    /* the row */
    int found;
    StrBuf groups;            /* the indicator's groups, when it is grouped and not found */
    ResultRow row;
    GradeResult grades[MAX_GRADES];
    const char *strs[8];      /* the row's texts, copied */
} Explain;

/* ---- collecting -------------------------------------------------------------- */

static void add_parts(Explain *x, const Expr *e)
{
    if (!e) return;
    if (x->nparts == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 64;
        x->parts = mem_xrealloc(x->parts, (size_t)x->cap * sizeof *x->parts);
    }
    x->parts[x->nparts].at = e;
    x->parts[x->nparts].seen = 0;
    x->nparts++;
    add_parts(x, e->a);
    add_parts(x, e->b);
    add_parts(x, e->c);
    add_parts(x, e->where);
    for (int i = 0; i < e->nargs; i++) add_parts(x, e->args[i]);
    if (e->res == RES_RECORD_AGG) add_parts(x, x->p->raggs[e->res_id].value);
    if (e->res == RES_GROUP_AGG) add_parts(x, x->p->gaggs[e->res_id].value);
}

static int by_at(const void *a, const void *b)
{
    const Expr *x = ((const Part *)a)->at, *y = ((const Part *)b)->at;
    return x < y ? -1 : x > y;
}

static void trace(void *ctx, const char *unit, const char *group, int year, const Expr *at, Value v)
{
    Explain *x = ctx;
    if (!x->nparts || year != x->year || strcmp(unit, x->q->unit) != 0) return;
    if (x->q->group && (!group || strcmp(group, x->q->group) != 0)) return;
    Part key = { at, { 0, 0, 0, 0 }, 0 };
    Part *p = bsearch(&key, x->parts, (size_t)x->nparts, sizeof *x->parts, by_at);
    if (!p) return;
    if (v.text) v.text = arena_strdup(&x->text, v.text);    /* the engine's texts do not outlive the unit */
    p->v = v;
    p->seen = 1;
}

static const char *keep(Explain *x, const char *s) { return s ? arena_strdup(&x->text, s) : NULL; }


/* The map holds indexes into a list of texts. */
static int below_slot(Explain *x, const char *text)
{
    VEC_PUSH(x->below_texts, text);
    return x->below_texts.len - 1;
}

static int sink(const ResultRow *r, void *ctx)
{
    Explain *x = ctx;
    if (x->rollups && r->year == x->year && !r->group) {      /* every unit's figures, for the roll-up lines */
        const char *v = r->has_real ? num_text(&x->text, r->real, -1) : arena_printf(&x->text, "missing (%s)", r->reason);
        const char *c = r->has_capaian ? num_text(&x->text, r->capaian, -1) : "missing";
        const char *t = r->has_target ? num_text(&x->text, r->target, -1) : "missing";
        strmap_put(&x->below, arena_printf(&x->text, "%s|%s|R", r->unit, r->ind->code), below_slot(x, v));
        strmap_put(&x->below, arena_printf(&x->text, "%s|%s|C", r->unit, r->ind->code), below_slot(x, c));
        strmap_put(&x->below, arena_printf(&x->text, "%s|%s|T", r->unit, r->ind->code), below_slot(x, t));
    }
    if (x->found || r->year != x->year || r->ind->code_id != x->code || strcmp(r->unit, x->q->unit) != 0) return 0;
    if (x->q->group ? !r->group || strcmp(r->group, x->q->group) != 0 : r->group != NULL) {
        result_note_group(&x->groups, r->group);
        return 0;
    }
    x->found = 1;
    x->row = *r;
    memcpy(x->grades, r->grades, sizeof x->grades);
    x->row.unit = keep(x, r->unit);
    x->row.unit_name = keep(x, r->unit_name);
    x->row.group = keep(x, r->group);
    x->row.target_source = keep(x, r->target_source);
    x->row.basis = keep(x, r->basis);
    x->row.reason = keep(x, r->reason);
    x->row.rule = keep(x, r->rule);
    x->row.target_level = keep(x, r->target_level);
    x->row.real_level = keep(x, r->real_level);
    return 0;
}

/* ---- text of formulas and values ------------------------------------------------ */

static int prec(const Expr *e)
{
    switch (e->kind) {
    case E_IF: return 1;
    case E_OR: return 2;
    case E_AND: return 3;
    case E_NOT: return 4;
    case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: case E_IN: return 5;
    case E_ADD: case E_SUB: return 6;
    case E_MUL: case E_DIV: return 7;
    case E_NEG: return 8;
    case E_POW: return 9;
    default: return 10;
    }
}

static void expr_text(StrBuf *b, const Expr *e, int outer);

static void sub_text(StrBuf *b, const Expr *e, int outer)
{
    int paren = prec(e) < outer;
    if (paren) strbuf_putc(b, '(');
    expr_text(b, e, prec(e));
    if (paren) strbuf_putc(b, ')');
}

/* A formula as the checker left it (functions expanded, weighted means
 * spelt out), with the parentheses it needs. */
static void expr_text(StrBuf *b, const Expr *e, int outer)
{
    (void)outer;
    switch (e->kind) {
    case E_NUMBER: strbuf_puts(b, e->text); return;
    case E_STRING: strbuf_printf(b, "\"%s\"", e->text); return;
    case E_NAME:
        if (e->res == RES_WEIGHT) strbuf_printf(b, "weight(%s)", e->text);
        else strbuf_puts(b, e->text);
        return;
    case E_CALL:
        strbuf_printf(b, "%s(", e->text);
        for (int i = 0; i < e->nargs; i++) {
            if (i) strbuf_puts(b, ", ");
            expr_text(b, e->args[i], 0);
        }
        if (e->where) { strbuf_puts(b, " where "); expr_text(b, e->where, 0); }
        if (e->over) strbuf_printf(b, " over %s", e->over);
        strbuf_putc(b, ')');
        return;
    case E_NEG: strbuf_putc(b, '-'); sub_text(b, e->a, prec(e)); return;
    case E_NOT: strbuf_puts(b, "not "); sub_text(b, e->a, prec(e)); return;
    case E_IF:
        strbuf_puts(b, "if "); expr_text(b, e->a, 0);
        strbuf_puts(b, " then "); expr_text(b, e->b, 0);
        strbuf_puts(b, " else "); expr_text(b, e->c, 0);
        return;
    case E_IN:
        sub_text(b, e->a, prec(e) + 1);
        strbuf_puts(b, " in (");
        for (int i = 0; i < e->nargs; i++) { if (i) strbuf_puts(b, ", "); expr_text(b, e->args[i], 0); }
        strbuf_putc(b, ')');
        return;
    default:
        sub_text(b, e->a, prec(e) + (e->kind == E_POW));
        strbuf_printf(b, " %s ", e->kind == E_AND ? "and" : e->kind == E_OR ? "or" : ast_op_text(e->kind));
        sub_text(b, e->b, prec(e) + (e->kind != E_POW));
        return;
    }
}

static const char *value_text(Arena *a, Value v)
{
    char buf[64];
    switch (v.kind) {
    case V_NUM: num_format(buf, sizeof buf, v.num, -1); return arena_strdup(a, buf);
    case V_BOOL: return v.num != 0 ? "true" : "false";
    case V_STR: return arena_printf(a, "\"%s\"", v.text);
    default: return arena_printf(a, "missing (%s)", v.text && *v.text ? v.text : "no value");
    }
}

/* The parts worth listing: references and calls, not literals or operators. */
static int is_input(const Expr *e)
{
    if (e->kind == E_CALL) return 1;
    if (e->kind != E_NAME) return 0;
    return e->res == RES_IND || e->res == RES_CONST || e->res == RES_WEIGHT || e->res == RES_YEAR ||
           e->res == RES_SELF_R || e->res == RES_SELF_T;
}

/* ---- the stored rows behind a figure --------------------------------------------- */

typedef struct { const char *label, *value, *where; } DataRow;

typedef VEC(DataRow) DataRows;

/* The rows of the unit and indicator for the year (for `latest`, up to it). */
/* The rows of the unit and indicator for the year (for `latest`, up to it);
 * a row whose first column is a period counts only when the period ends by
 * the evaluation date (cutoff, in months), as the evaluation counts it. */
static int query_rows(Explain *x, Store *store, const char *sql, int year_col, int up_to, int32_t cutoff,
                      DataRows *out, Diag *d)
{
    sqlite3_stmt *st = store_prepare(store, sql, d);
    if (!st) return SKP_RUNTIME;
    sqlite3_bind_text(st, 1, x->q->unit, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, x->p->codes[x->code], -1, SQLITE_STATIC);
    int rc;
    while ((rc = store_step(store, st)) == SQLITE_ROW) {
        /* label and file are never NULL in a store import wrote: NULL is a
         * read that found no memory, not a row to show as "?" */
        const char *label = (const char *)sqlite3_column_text(st, 0);
        const char *file = (const char *)sqlite3_column_text(st, 2);
        if (!label || (!file && mem_out_of_memory())) { rc = SQLITE_NOMEM; break; }
        int year = year_col ? sqlite3_column_int(st, 4) : atoi(label);
        if (up_to ? year > x->year : year != x->year) continue;
        Period per;
        if (!year_col && period_parse(label, strcspn(label, " "), &per) == 0 && period_end(per) > cutoff) continue;
        DataRow r;
        r.label = arena_strdup(&x->text, label);
        if (sqlite3_column_type(st, 1) == SQLITE_TEXT) {      /* a level */
            const char *level = (const char *)sqlite3_column_text(st, 1);
            if (!level) { rc = SQLITE_NOMEM; break; }
            r.value = arena_strdup(&x->text, level);
        } else r.value = num_text(&x->text, sqlite3_column_double(st, 1), -1);
        r.where = arena_printf(&x->text, "%s:%d", file ? file : "?", sqlite3_column_int(st, 3));
        VEC_PUSH(*out, r);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) return 0;
    store_read_failed(d, store);
    return SKP_RUNTIME;
}

/* ---- printing ---------------------------------------------------------------------- */

typedef struct {
    FILE *f;
    int json;
} Printer;


static void line_span(const Expr *e, const Source *src, int *lo, int *hi)
{
    if (!e) return;
    if (e->loc.src == src && e->loc.line) {
        if (e->loc.line < *lo) *lo = e->loc.line;
        if (e->loc.line > *hi) *hi = e->loc.line;
    }
    line_span(e->a, src, lo, hi);
    line_span(e->b, src, lo, hi);
    line_span(e->c, src, lo, hi);
    line_span(e->where, src, lo, hi);
    for (int i = 0; i < e->nargs; i++) line_span(e->args[i], src, lo, hi);
}

/* The plan's own lines that hold the formula, as written. */
static void print_source(FILE *f, const Expr *e)
{
    const Source *src = e->loc.src;
    if (!src) return;
    int lo = e->loc.line, hi = e->loc.line;
    line_span(e, src, &lo, &hi);
    const char *p = src->text;
    for (int line = 1; *p && line <= hi; line++) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (line >= lo) fprintf(f, "    %s:%d | %.*s\n", src->path, line, (int)n, p);
        if (!end) break;
        p = end + 1;
    }
}

/* Under a roll-up, the figure of each unit below that has the indicator. */
static void print_below(Explain *x, FILE *f, const UnitAgg *ua)
{
    const char *sql = ua->descendants
        ? "WITH RECURSIVE d(code) AS (SELECT code FROM units WHERE parent = ?1 "
          "UNION ALL SELECT u.code FROM units u JOIN d ON u.parent = d.code) SELECT code FROM d ORDER BY code"
        : "SELECT code FROM units WHERE parent = ?1 ORDER BY code";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(x->store->db, sql, -1, &st, NULL) != SQLITE_OK) return;
    sqlite3_bind_text(st, 1, x->q->unit, -1, SQLITE_STATIC);
    static const char figs[] = { 'R', 'T', 'C' };
    static const char *const names[] = { "", "target ", "capaian " };
    while (store_step(x->store, st) == SQLITE_ROW) {
        const char *u = (const char *)sqlite3_column_text(st, 0);
        int i = strmap_get(&x->below, arena_printf(&x->text, "%s|%s|%c", u, x->p->codes[ua->code], figs[ua->fig]));
        if (i >= 0) fprintf(f, "        %s: %s%s = %s\n", u, names[ua->fig], x->p->codes[ua->code], x->below_texts.items[i]);
    }
    sqlite3_finalize(st);
}

/* The formula as the checker reads it, as written in the plan, then each
 * input and its value. */
static void print_formula(Explain *x, Printer *pr, const char *what, const Expr *e)
{
    StrBuf t = {0};
    expr_text(&t, e, 0);
    const char *at = e->loc.src ? arena_printf(&x->text, "%s:%d", e->loc.src->path, e->loc.line) : "?";
    if (pr->json) {
        fprintf(pr->f, ", \"%s_formula\": ", what);
        output_json_string(pr->f, t.s);
        fprintf(pr->f, ", \"%s_at\": ", what);
        output_json_string(pr->f, at);
        fprintf(pr->f, ", \"%s_inputs\": [", what);
    } else {
        fprintf(pr->f, "  %s = %s   (%s)\n", what, t.s, at);
        print_source(pr->f, e);
    }
    strbuf_free(&t);
    int n = 0;
    const char **done = mem_xcalloc((size_t)x->nparts + 1, sizeof *done);
    int ndone = 0;
    /* pre-order, as the formula reads, each input once */
    VEC(const Expr *) stack = {0};
    VEC_PUSH(stack, e);
    while (stack.len) {
        const Expr *n0 = stack.items[--stack.len];
        if (!n0) continue;
        Part key = { n0, { 0, 0, 0, 0 }, 0 };
        const Part *p = bsearch(&key, x->parts, (size_t)x->nparts, sizeof *x->parts, by_at);
        if (is_input(n0) && p && p->seen) {
            StrBuf s = {0};
            expr_text(&s, n0, 0);
            int dup = 0;
            for (int i = 0; i < ndone; i++) dup |= strcmp(done[i], s.s) == 0;
            if (!dup) {
                done[ndone++] = arena_strdup(&x->text, s.s);
                const char *v = value_text(&x->text, p->v);
                if (pr->json) {
                    fputs(n++ ? ", {\"input\": " : "{\"input\": ", pr->f);
                    output_json_string(pr->f, s.s);
                    fputs(", \"value\": ", pr->f);
                    if (p->v.kind == V_NUM) fputs(v, pr->f); else output_json_string(pr->f, v);
                    fputc('}', pr->f);
                } else {
                    fprintf(pr->f, "      %s = %s\n", s.s, v);
                }
            }
            strbuf_free(&s);
            if (n0->res == RES_UNIT_AGG && !pr->json) print_below(x, pr->f, &x->p->uaggs[n0->res_id]);
            if (n0->kind == E_CALL && n0->res != RES_CALL) continue;   /* an aggregate: its insides are per row */
        }
        for (int i = n0->nargs - 1; i >= 0; i--) VEC_PUSH(stack, n0->args[i]);
        VEC_PUSH(stack, n0->c);
        VEC_PUSH(stack, n0->b);
        VEC_PUSH(stack, n0->a);
    }
    VEC_FREE(stack);
    free(done);
    if (pr->json) fputc(']', pr->f);
}

static void print_rows(Printer *pr, const char *name, const DataRows *rows, const char *table)
{
    if (pr->json) {
        fprintf(pr->f, ", \"%s\": [", name);
        for (int i = 0; i < rows->len; i++) {
            fputs(i ? ", {\"key\": " : "{\"key\": ", pr->f);
            output_json_string(pr->f, rows->items[i].label);
            fputs(", \"value\": ", pr->f);
            output_json_string(pr->f, rows->items[i].value);
            fputs(", \"from\": ", pr->f);
            output_json_string(pr->f, rows->items[i].where);
            fputc('}', pr->f);
        }
        fputc(']', pr->f);
        return;
    }
    if (!rows->len) return;
    fprintf(pr->f, "    stored in %s:\n", table);
    for (int i = 0; i < rows->len; i++)
        fprintf(pr->f, "      %-16s %-12s %s\n", rows->items[i].label, rows->items[i].value, rows->items[i].where);
}

static void print_capaian(Explain *x, Printer *pr, const CompiledInd *ci)
{
    const ResultRow *r = &x->row;
    const Indicator *ind = ci->ind;
    if (ind->capaian) { print_formula(x, pr, "capaian", ind->capaian); }
    if (pr->json) {
        fputs(", \"capaian\": ", pr->f);
        if (r->has_capaian) fputs(num_text(&x->text, r->capaian, -1), pr->f); else fputs("null", pr->f);
        fputs(", \"capaian_rule\": ", pr->f);
        output_json_string(pr->f, r->rule ? r->rule : "");
        fprintf(pr->f, ", \"capped\": %s", r->capped ? "true" : "false");
        return;
    }
    if (!r->has_capaian) return;
    fprintf(pr->f, "capaian = %s\n", num_text(&x->text, r->capaian, ind->rules.round.mode == ROUND_NONE ? -1 : ind->rules.round.digits));
    if (!ind->capaian && ind->scale < 0 && r->has_real && r->has_target) {
        double raw;
        if (capaian_compute(ind->rules.polarity, ind->rules.range_above, r->real, r->target, r->has_target_hi,
                            r->target_hi, &raw) == CAP_OK)
            fprintf(pr->f, "  %s with R = %s, T = %s%s%s: %s\n", plan_polarity_formula(ind->rules.polarity),
                    num_text(&x->text, r->real, -1), num_text(&x->text, r->target, -1),
                    r->has_target_hi ? " .. " : "", r->has_target_hi ? num_text(&x->text, r->target_hi, -1) : "",
                    num_text(&x->text, raw, -1));
    }
    fprintf(pr->f, "  rule: %s%s\n", r->rule, r->capped ? " (the cap applied)" : "");
}

static void print_grades(Explain *x, Printer *pr)
{
    const ResultRow *r = &x->row;
    if (pr->json) fputs(", \"grades\": [", pr->f);
    for (int g = 0; g < r->ngrades; g++) {
        const GradeResult *gr = &x->grades[g];
        int on_value = gr->on == GRADE_VALUE;
        int have = on_value ? r->has_real : r->has_capaian;
        double v = on_value ? r->real_shown : r->capaian;
        char why[256] = "";
        if (gr->band) scheme_band_text(gr->band, why, sizeof why);
        else if (have) grade_miss_text(gr->scheme, v, why, sizeof why);
        if (pr->json) {
            fputs(g ? ", {\"scheme\": " : "{\"scheme\": ", pr->f);
            output_json_string(pr->f, gr->scheme->name);
            fprintf(pr->f, ", \"on\": \"%s\", \"graded\": %s", on_value ? "value" : "capaian",
                    have ? num_text(&x->text, v, -1) : "null");
            if (g < r->ind->ngrades && r->ind->grades[g].from) {
                fputs(", \"default_of\": ", pr->f);     /* a block's grade, not the indicator's own */
                output_json_string(pr->f, r->ind->grades[g].from);
            }
            fputs(", \"grade\": ", pr->f);
            if (gr->band) output_json_string(pr->f, gr->band->code); else fputs("null", pr->f);
            fputs(", \"band\": ", pr->f);
            if (*why) output_json_string(pr->f, why); else fputs("null", pr->f);
            fputc('}', pr->f);
            continue;
        }
        if (!have) { fprintf(pr->f, "grade by %s (%s): none, the %s is missing\n", gr->scheme->name, on_value ? "value" : "capaian", on_value ? "realisation" : "capaian"); continue; }
        fprintf(pr->f, "grade by %s (%s): %s\n", gr->scheme->name, on_value ? "value" : "capaian",
                gr->band ? (strcmp(gr->band->code, gr->band->label) ? arena_printf(&x->text, "%s (%s)", gr->band->code, gr->band->label) : gr->band->code) : "none");
        if (on_value && r->ind->rules.value_round.mode != ROUND_NONE) {
            char rt[64];
            fprintf(pr->f, "  the value %s %s: %s\n", num_text(&x->text, r->real, -1),
                    num_rounding_text(r->ind->rules.value_round, rt, sizeof rt), num_text(&x->text, v, -1));
        }
        if (gr->band) fprintf(pr->f, "  band %s: %s contains %s\n", gr->band->code, why, num_text(&x->text, v, -1));
        else fprintf(pr->f, "  %s\n", why);
        const Grading *own = g < r->ind->ngrades ? &r->ind->grades[g] : NULL;
        if (own && own->from)
            fprintf(pr->f, "  graded so for every indicator of %s (%s:%d)\n", own->from, own->loc.src->path, own->loc.line);
    }
    if (pr->json) fputc(']', pr->f);
}

/* The stored rows a figure read: shown when the plan does not compute
 * them with a formula. */
typedef struct {
    DataRows reals, targets, ptargets;
} Stored;

/* What an explanation holds, freed on every way out. */
static void explain_free(Explain *x, Stored *st)
{
    VEC_FREE(st->reals);
    VEC_FREE(st->targets);
    VEC_FREE(st->ptargets);
    free(x->parts);
    VEC_FREE(x->below_texts);
    strbuf_free(&x->groups);
    strmap_free(&x->below);
    arena_free(&x->text);
}

/* The query makes sense: one year, a format that can show a derivation, an
 * indicator the plan has. Then the formula parts to trace, in source order. */
static SkpStatus explain_prepare(Explain *x, const EvalOptions *opt, SkpFormat fmt, Diag *d)
{
    const ExplainQuery *q = x->q;
    if (opt->year_from != opt->year_to) {
        diag_plain(d, "explain shows one figure: give --year Y");
        return SKP_USAGE;
    }
    if (fmt == SKP_CSV) {
        diag_plain(d, "explain prints a derivation: --format table (the default), markdown or json");
        return SKP_USAGE;
    }
    x->year = opt->year_from;
    x->code = -1;
    for (int i = 0; i < x->p->ncodes; i++) if (strcmp(x->p->codes[i], q->indicator) == 0) x->code = i;
    if (x->code < 0) {
        const char *best = text_suggest(q->indicator, x->p->codes, x->p->ncodes);
        diag_plain(d, "unknown indicator '%s'%s%s%s", q->indicator, best ? " (did you mean '" : "", best ? best : "", best ? "'?)" : "");
        return SKP_USAGE;
    }
    for (int i = 0; i < x->p->ninds; i++) {
        const Indicator *ind = &x->p->inds[i];
        if (ind->code_id != x->code) continue;
        add_parts(x, ind->realisation);
        add_parts(x, ind->target_expr);
        add_parts(x, ind->target_hi);
        add_parts(x, ind->capaian);
    }
    if (x->nparts) qsort(x->parts, (size_t)x->nparts, sizeof *x->parts, by_at);
    return SKP_OK;
}

/* Evaluates the plan as eval would, keeping the one row asked for and the
 * value of every traced part: the figure explained is the figure eval prints. */
static SkpStatus explain_evaluate(Explain *x, const CompiledPlan *cp, const EvalOptions *opt, Diag *d)
{
    const ExplainQuery *q = x->q;
    EvalOptions o = *opt;
    x->rollups = cp->plan->nuaggs > 0;
    o.unit = x->rollups ? NULL : q->unit;    /* with roll-ups, the units below are evaluated too: keep their rows */
    o.trace = trace;
    o.trace_ctx = x;
    SkpStatus rc = eval_run(cp, x->store, &o, sink, x, d);
    if (!rc && !x->found && x->groups.len)
        diag_plain(d, "unit %s has no %s%s%s in %d: %s is grouped; its groups: %s", q->unit,
                   q->indicator, q->group ? " for group " : "", q->group ? q->group : "", x->year, q->indicator, x->groups.s);
    else if (!rc && !x->found)
        diag_plain(d, "unit %s has no %s%s%s in %d", q->unit, q->indicator, q->group ? " for group " : "",
                   q->group ? q->group : "", x->year);
    if (!rc && !x->found) rc = SKP_USAGE;
    return rc;
}

/* The stored rows behind the figure, for the periods that end by the
 * evaluation date: --as-of, else the end of the year. */
static int read_stored(Explain *x, const EvalOptions *opt, Stored *st, Diag *d)
{
    const Indicator *ind = x->row.ind;
    int32_t cutoff = opt->has_as_of ? period_end(opt->as_of) : x->year * 12 + 12;
    if (!ind->realisation &&
        query_rows(x, x->store, "SELECT period, value, " STORE_SRC_PATH ", src_line FROM realisasi WHERE unit = ?1 AND indicator = ?2 ORDER BY period",
                   0, ind->rules.agg == AGG_LATEST, cutoff, &st->reals, d))
        return -1;
    if (ind->target_expr) return 0;
    if (query_rows(x, x->store, "SELECT source, value, " STORE_SRC_PATH ", src_line, year FROM targets WHERE unit = ?1 AND indicator = ?2 ORDER BY source",
                   1, 0, cutoff, &st->targets, d))
        return -1;
    return query_rows(x, x->store, "SELECT period || ' ' || source, value, " STORE_SRC_PATH ", src_line FROM period_targets "
                      "WHERE unit = ?1 AND indicator = ?2 ORDER BY source, period", 0, 0, cutoff, &st->ptargets, d);
}

static void print_json_head(Explain *x, FILE *out)
{
    const ResultRow *r = &x->row;
    const Indicator *ind = r->ind;
    fputs("{\"unit\": ", out); output_json_string(out, r->unit);
    fputs(", \"indicator\": ", out); output_json_string(out, ind->code);
    fputs(", \"name\": ", out); output_json_string(out, ind->name);
    if (r->group) { fputs(", \"group\": ", out); output_json_string(out, r->group); }
    fprintf(out, ", \"year\": %d, \"status\": ", r->year); output_json_string(out, result_status_name(r->status));
    fputs(", \"reason\": ", out); if (r->reason) output_json_string(out, r->reason); else fputs("null", out);
    fputs(", \"realisation\": ", out); fputs(r->has_real ? num_text(&x->text, r->real, -1) : "null", out);
    fputs(", \"basis\": ", out); if (r->has_real && r->basis) output_json_string(out, r->basis); else fputs("null", out);
    fprintf(out, ", \"aggregate\": \"%s\"", plan_aggregate_name(ind->rules.agg));
}

/* The figure's first lines: which row it is, its status, its realisation. */
static void print_head(Explain *x, Printer *pr, SkpFormat fmt)
{
    if (pr->json) { print_json_head(x, pr->f); return; }
    const ResultRow *r = &x->row;
    const Indicator *ind = r->ind;
    FILE *out = pr->f;
    if (fmt == SKP_MARKDOWN) fputs("```text\n", out);
    fprintf(out, "%s %s \"%s\"%s%s, %d: %s%s%s\n\n", r->unit, ind->code, ind->name, r->group ? ", group " : "",
            r->group ? r->group : "", r->year, result_status_name(r->status), r->reason ? ": " : "", r->reason ? r->reason : "");
    if (ind->measure && ind->measure_from)
        fprintf(out, "measure %s, for every indicator of %s (%s:%d)\n\n", ind->measure, ind->measure_from,
                ind->measure_loc.src->path, ind->measure_loc.line);
    fprintf(out, "realisation = %s", r->has_real ? (r->real_level ? r->real_level : num_text(&x->text, r->real, -1)) : "missing");
    fprintf(out, "%s%s%s\n", r->has_real && r->basis ? "   (" : "", r->has_real && r->basis ? r->basis : "", r->has_real && r->basis ? ")" : "");
    if (!ind->realisation)
        fprintf(out, "  from the realisasi table, aggregate %s over the periods that end by the evaluation date\n",
                plan_aggregate_name(ind->rules.agg));
}

/* The target rule as the plan states it, and --target when it overrides. */
static void print_target_rule(Explain *x, FILE *out, const EvalOptions *opt)
{
    const TargetSpec *t = &x->row.ind->rules.target;
    StrBuf b = {0};
    for (int i = 0; i < t->nsources; i++) strbuf_printf(&b, "%s%s", i ? " or " : "", t->sources[i]);
    fprintf(out, "  rule: target %s%s%s\n", b.s ? b.s : "",
            t->loc.src ? arena_printf(&x->text, "   (%s:%d)", t->loc.src->path, t->loc.line) : "",
            opt->target_override ? arena_printf(&x->text, "; --target %s", opt->target_override) : "");
    strbuf_free(&b);
}

static void print_target(Explain *x, Printer *pr, const EvalOptions *opt)
{
    const ResultRow *r = &x->row;
    const Indicator *ind = r->ind;
    FILE *out = pr->f;
    if (pr->json) {
        fputs(", \"target\": ", out);
        if (r->has_target && r->target_level) output_json_string(out, r->target_level);
        else fputs(r->has_target ? num_text(&x->text, r->target, -1) : "null", out);
        fputs(", \"source\": ", out); if (r->has_target) output_json_string(out, r->target_source); else fputs("null", out);
        return;
    }
    if (ind->rules.target.none && !ind->target_expr && !r->has_target) fputs("target: none ('target none'), so no capaian", out);
    else fprintf(out, "target = %s", r->has_target ? (r->target_level ? r->target_level : num_text(&x->text, r->target, -1)) : "missing");
    if (r->has_target) fprintf(out, "   (%s)", r->target_source);
    fputc('\n', out);
    if (!ind->target_expr && !ind->rules.target.none) print_target_rule(x, out, opt);
}

/* A rolled-up figure: how many of the units below it is made from, and
 * what the plan says the others mean. */
static void print_coverage(Explain *x, Printer *pr)
{
    const ResultRow *r = &x->row;
    if (!r->coverage_expected) return;
    const Rules *rules = &r->ind->rules;
    char pct[32];
    num_format(pct, sizeof pct, rules->coverage_min, -1);
    const char *rule = rules->coverage_min > 0 ? arena_printf(&x->text, "coverage at least %s%%", pct)
                     : rules->missing_skip ? "missing skip" : "missing fail";
    if (pr->json) {
        fprintf(pr->f, ", \"coverage\": {\"present\": %d, \"expected\": %d, \"rule\": ", r->coverage_present, r->coverage_expected);
        output_json_string(pr->f, rule);
        fputc('}', pr->f);
        return;
    }
    const char *means = rules->coverage_min > 0
        ? arena_printf(&x->text, "those without a figure are left out while at least %s%% have one", pct)
        : rules->missing_skip ? "those without a figure are left out"
        : "one without a figure makes the roll-up missing (the default)";
    fprintf(pr->f, "coverage: %d of %d units below have a figure (%s%%); %s: %s\n", r->coverage_present, r->coverage_expected,
            num_text(&x->text, (double)r->coverage_present * 100 / r->coverage_expected, 2), rule, means);
}

static void print_explanation(Explain *x, const CompiledPlan *cp, const EvalOptions *opt, const Stored *st,
                              SkpFormat fmt, FILE *out)
{
    const Indicator *ind = x->row.ind;
    Printer pr = { out, fmt == SKP_JSON };
    print_head(x, &pr, fmt);
    if (ind->realisation) print_formula(x, &pr, "realisation", ind->realisation);
    else print_rows(&pr, "realisations", &st->reals, "realisasi");
    print_coverage(x, &pr);
    print_target(x, &pr, opt);
    if (ind->target_expr) print_formula(x, &pr, "target", ind->target_expr);
    else {
        print_rows(&pr, "targets", &st->targets, "targets");
        print_rows(&pr, "period_targets", &st->ptargets, "period_targets (those that end by the evaluation date)");
    }
    print_capaian(x, &pr, &cp->inds[ind - x->p->inds]);
    print_grades(x, &pr);
    char rt[64];
    if (pr.json) fputs("}\n", out);
    else if (ind->rules.value_round.mode != ROUND_NONE && !x->row.ngrades)
        fprintf(out, "the realisation is shown %s\n", num_rounding_text(ind->rules.value_round, rt, sizeof rt));
    if (fmt == SKP_MARKDOWN) fputs("```\n", out);
}

SkpStatus explain_run(const CompiledPlan *cp, Store *store, const EvalOptions *opt, const ExplainQuery *q,
                SkpFormat fmt, FILE *out, Diag *d)
{
    Explain x;
    memset(&x, 0, sizeof x);
    x.p = cp->plan;
    x.q = q;
    x.store = store;
    Stored st = {0};
    SkpStatus rc = explain_prepare(&x, opt, fmt, d);
    if (!rc) rc = explain_evaluate(&x, cp, opt, d);
    /* a failed read: nothing printed from part of the rows */
    if (!rc && read_stored(&x, opt, &st, d) != 0) rc = SKP_RUNTIME;
    if (!rc) {
        print_explanation(&x, cp, opt, &st, fmt, out);
        if (ferror(out)) rc = SKP_RUNTIME;
    }
    explain_free(&x, &st);
    return rc;
}
