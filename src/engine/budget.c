/* budget.c: the budget table -> absorption, left-overs and roll-ups. See budget.h. */
#include "engine/budget.h"
#include "store/store.h"
#include "base/num.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *col_text(BudgetReport *r, sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? arena_strdup(&r->text, (const char *)t) : NULL;
}

static int col_int(sqlite3_stmt *st, int i, int64_t *out)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return 0;
    *out = sqlite3_column_int64(st, i);
    return 1;
}

static int read_lines(const Plan *p, Store *store, BudgetReport *r, Diag *d)
{
    sqlite3_stmt *st = store_prepare(store,
        "SELECT code, parent, level, name, pagu, pagu_revised, realisasi, printed_sisa, " STORE_SRC_PATH ", src_line, "
        "printed_percent FROM budget ORDER BY 9, src_line, code", d);
    if (!st) return SKP_RUNTIME;
    VEC(BudgetRow) rows = {0};
    int rc;
    while ((rc = store_step(store, st)) == SQLITE_ROW) {
        BudgetRow b;
        memset(&b, 0, sizeof b);
        b.code = col_text(r, st, 0);
        b.parent = col_text(r, st, 1);
        if (b.parent && !*b.parent) b.parent = NULL;
        b.level = col_text(r, st, 2);
        b.name = col_text(r, st, 3);
        b.has_pagu_original = col_int(st, 4, &b.pagu_original);
        b.has_pagu_revised = col_int(st, 5, &b.pagu_revised);
        b.has_pagu_change = b.has_pagu_original && b.has_pagu_revised &&
                            !__builtin_sub_overflow(b.pagu_revised, b.pagu_original, &b.pagu_change);
        b.has_pagu = b.has_pagu_original;
        b.pagu = b.pagu_original;
        if (p->budget.revised && b.has_pagu_revised) {
            b.pagu = b.pagu_revised;
            b.has_pagu = 1;
            b.pagu_is_revised = 1;
        }
        b.has_real = col_int(st, 6, &b.real);
        b.has_printed_sisa = col_int(st, 7, &b.printed_sisa);
        b.file = col_text(r, st, 8);
        b.line = sqlite3_column_int(st, 9);
        if ((b.has_printed_percent = sqlite3_column_type(st, 10) != SQLITE_NULL))
            b.printed_percent = sqlite3_column_double(st, 10);
        VEC_PUSH(rows, b);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        diag_plain(d, "reading the budget: %s", sqlite3_errmsg(store->db));
        VEC_FREE(rows);
        return 5;
    }
    r->rows = rows.items;
    r->nrows = rows.len;
    return 0;
}

/* "1,234,567": rupiah in messages, grouped so that a reader can compare
 * ten-digit figures by eye. */
static const char *rupiah(Arena *a, int64_t v)
{
    char digits[32], out[48];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -(v + 1) : v));
    if (v < 0) {                        /* -(v + 1) avoids overflow at INT64_MIN; add the 1 back */
        int i = n - 1;
        while (i >= 0 && digits[i] == '9') digits[i--] = '0';
        if (i >= 0) digits[i]++;
        else { memmove(digits + 1, digits, (size_t)n + 1); digits[0] = '1'; n++; }
    }
    int k = 0;
    if (v < 0) out[k++] = '-';
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) out[k++] = ',';
        out[k++] = digits[i];
    }
    out[k] = '\0';
    return arena_strdup(a, out);
}

/* One finding about a line, "; "-separated from the others. */
static void note(StrBuf *b, const char *text)
{
    if (b->len) strbuf_puts(b, "; ");
    strbuf_puts(b, text);
}

/* "pagu 437,908,000, but its children sum to 340,350,700 (difference 97,557,300)" */
static const char *differs(Arena *a, const char *what, int64_t stated, const char *other, int64_t computed)
{
    int64_t diff;
    const char *d = __builtin_sub_overflow(stated, computed, &diff) ? "beyond 64-bit rupiah" : rupiah(a, diff);
    return arena_printf(a, "%s %s, but %s %s (difference %s)", what, rupiah(a, stated), other, rupiah(a, computed), d);
}

/* Sums of the direct children of each line: a kegiatan against its sub
 * kegiatan, a program against its kegiatan as they are printed. */
static void roll_up(BudgetReport *r)
{
    StrMap at = {0};
    for (int i = 0; i < r->nrows; i++) strmap_put(&at, r->rows[i].code, i);
    int *missing = mem_xarray(r->nrows, sizeof *missing);
    int *overflow = mem_xarray(r->nrows, sizeof *overflow);
    for (int i = 0; i < r->nrows; i++) {
        const BudgetRow *c = &r->rows[i];
        if (!c->parent) continue;
        int p = strmap_get(&at, c->parent);
        if (p < 0) continue;            /* the importer refuses unknown parents */
        BudgetRow *pr = &r->rows[p];
        pr->nchildren++;
        if (!c->has_pagu || !c->has_real) {
            missing[p] = 1;
            if (!pr->child_missing) pr->child_missing = c->code;
            continue;
        }
        if (__builtin_add_overflow(pr->children_pagu, c->pagu, &pr->children_pagu) ||
            __builtin_add_overflow(pr->children_real, c->real, &pr->children_real))
            overflow[p] = 1;
    }
    for (int i = 0; i < r->nrows; i++) {
        BudgetRow *b = &r->rows[i];
        b->has_children_sum = b->nchildren > 0 && !missing[i] && !overflow[i];
        if (overflow[i]) b->nchildren = -b->nchildren;   /* marks it for the notes */
    }
    free(missing);
    free(overflow);
    strmap_free(&at);
}

static void line_figures(const Plan *p, BudgetReport *r, BudgetRow *b)
{
    StrBuf why = {0};
    b->status = "ok";
    if (!b->has_pagu || !b->has_real) {
        b->status = "no data";
        note(&why, !b->has_pagu && !b->has_real ? "no pagu and no realisasi" : !b->has_pagu ? "no pagu" : "no realisasi");
    } else {
        if (b->pagu == 0) {
            b->status = "undefined";
            note(&why, "pagu is 0, so serapan (realisasi / pagu) is undefined");
        } else {
            b->has_serapan = 1;
            b->serapan_exact = (double)b->real / (double)b->pagu * 100;
            b->serapan = num_round(b->serapan_exact, p->budget.round);
        }
        if (__builtin_sub_overflow(b->pagu, b->real, &b->sisa)) {
            b->status = "undefined";
            note(&why, "pagu - realisasi is beyond 64-bit rupiah");
        } else b->has_sisa = 1;
    }
    if (b->nchildren < 0) {
        b->nchildren = -b->nchildren;
        if (strcmp(b->status, "ok") == 0) b->status = "undefined";
        note(&why, arena_printf(&r->text, "the sum of the children of %s is beyond 64-bit rupiah", b->code));
    }
    if (p->budget.check_rollup && b->child_missing)      /* missing is not zero: no sum to compare */
        note(&why, arena_printf(&r->text, "roll-up not checked: %s has no %s", b->child_missing,
                                "pagu or realisasi"));
    if (b->has_children_sum) {
        if (b->children_pagu != 0) {
            b->has_children_serapan = 1;
            b->children_serapan = num_round((double)b->children_real / (double)b->children_pagu * 100, p->budget.round);
        }
        int pagu_off = b->has_pagu && b->pagu != b->children_pagu;
        int real_off = b->has_real && b->real != b->children_real;
        if (p->budget.check_rollup && (pagu_off || real_off)) {
            b->rollup_mismatch = 1;
            if (pagu_off) note(&why, differs(&r->text, "pagu", b->pagu, "its children sum to", b->children_pagu));
            if (real_off) note(&why, differs(&r->text, "realisasi", b->real, "its children sum to", b->children_real));
        }
    }
    if (p->budget.check_sisa && b->has_sisa && b->has_printed_sisa && b->sisa != b->printed_sisa) {
        b->sisa_mismatch = 1;
        note(&why, differs(&r->text, "printed sisa", b->printed_sisa, "pagu - realisasi =", b->sisa));
    }
    if ((b->rollup_mismatch || b->sisa_mismatch) && strcmp(b->status, "ok") == 0) b->status = "mismatch";
    r->rollup_mismatches += b->rollup_mismatch;
    r->sisa_mismatches += b->sisa_mismatch;
    b->notes = arena_strdup(&r->text, why.s ? why.s : "");
    strbuf_free(&why);
}

const BudgetRow *budget_line(const BudgetReport *r, const char *code)
{
    for (int i = 0; i < r->nrows; i++)
        if (!strcmp(r->rows[i].code, code)) return &r->rows[i];
    return NULL;
}

/* Every `program CODE supports ...` of the plan names a line of the table,
 * of the level it says. Returns 0, or 4 (the data does not fit the plan). */
static int check_links(const Plan *p, const BudgetReport *out, Diag *d)
{
    int bad = 0;
    for (int i = 0; i < p->budget.nlinks; i++) {
        const BudgetLink *l = &p->budget.links[i];
        const BudgetRow *row = budget_line(out, l->line);
        if (!row) {
            diag_error(d, l->loc, "budget line '%s' is not in the database's budget table", l->line);
            bad = 1;
        } else if (row->level && strcmp(row->level, l->level)) {
            diag_error(d, l->loc, "budget line %s is a %s in the budget table (%s:%d), not a %s", l->line, row->level,
                       row->file ? row->file : "?", row->line, l->level);
            bad = 1;
        }
    }
    return bad ? SKP_DATA : SKP_OK;
}

int budget_efficiency_exact(const BudgetRow *b, double capaian, double *e)
{
    if (!b->has_pagu || !b->has_real) return 0;
    double planned = (double)b->pagu * (capaian / 100);   /* PAK x CK */
    if (planned == 0) return 0;
    *e = (planned - (double)b->real) / planned * 100;
    return 1;
}

int budget_efficiency(const Plan *p, const BudgetRow *b, double capaian, double *e)
{
    if (!budget_efficiency_exact(b, capaian, e)) return 0;
    *e = num_round(*e, p->budget.round);
    return 1;
}

int budget_link_of(const Plan *p, const char *code)
{
    for (int i = 0; i < p->budget.nlinks; i++)
        if (!strcmp(p->budget.links[i].line, code)) return i;
    return -1;
}

void budget_link_add(const Plan *p, BudgetLinkSum *sums, int year, const ResultRow *row, Arena *text)
{
    if (row->year != year || row->group) return;
    for (int i = 0; i < p->budget.nlinks; i++) {
        const BudgetLink *l = &p->budget.links[i];
        if (l->unit && strcmp(row->unit, l->unit)) continue;
        int linked = 0;
        for (int k = 0; k < l->ncodes; k++) linked |= row->ind->code_id == l->code_ids[k];
        if (!linked) continue;
        if (!row->has_capaian) {
            if (!sums[i].missing)
                sums[i].missing = arena_printf(text, "%s %s %d has no capaian (%s)", row->unit, row->ind->code, row->year,
                                               row->reason ? row->reason : result_status_name(row->status));
            continue;
        }
        sums[i].sum += row->capaian;
        sums[i].n++;
    }
}

int budget_link_capaian(const Plan *p, const BudgetLinkSum *sums, int l, int year, double *mean, int *nfig,
                        char *why, size_t whyn)
{
    const BudgetLinkSum *s = &sums[l];
    if (s->missing) {
        snprintf(why, whyn, "%s", s->missing);
        return 0;
    }
    if (!s->n) {
        const char *unit = p->budget.links[l].unit;
        snprintf(why, whyn, "none of its indicators was evaluated for %s in %d", unit ? unit : "any unit", year);
        return 0;
    }
    *mean = num_round(s->sum / s->n, p->budget.round);
    *nfig = s->n;
    return 1;
}

SkpStatus budget_run(const Plan *p, Store *store, BudgetReport *out, Diag *d)
{
    memset(out, 0, sizeof *out);
    int rc = read_lines(p, store, out, d);
    if (rc) return rc;
    roll_up(out);
    for (int i = 0; i < out->nrows; i++) line_figures(p, out, &out->rows[i]);
    return check_links(p, out, d);
}

void budget_free(BudgetReport *r)
{
    free(r->rows);
    arena_free(&r->text);
    memset(r, 0, sizeof *r);
}
