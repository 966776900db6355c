/* diff.c: a plan's baseline against a what-if scenario. See diff.h.
 *
 * Both evaluations run in full (a change to one indicator moves the
 * composites and roll-ups above it); the rows are then matched by unit,
 * indicator, group and year, and compared as the reports show them, so a
 * difference below the shown precision is no difference. */
#include "tools/diff.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    RowText *rows;
    int n, cap;
    Arena text;
} RowSet;

static int collect(const ResultRow *r, void *ctx)
{
    RowSet *s = ctx;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->rows = mem_xrealloc(s->rows, (size_t)s->cap * sizeof *s->rows);
    }
    output_row_text(&s->text, r, &s->rows[s->n++]);
    return 0;
}

static const char *row_key(Arena *a, const RowText *t)
{
    return arena_printf(a, "%s\x1f%s\x1f%s\x1f%d", t->unit, t->indicator, t->group, t->year);
}

/* "86 (scenario IKM86)"; "none" where there is no target. */
static const char *with_source(Arena *a, const RowText *t)
{
    return *t->target ? arena_printf(a, "%s (%s)", t->target, t->source) : "none";
}

enum { D_UNIT, D_IND, D_GROUP, D_YEAR, D_WHAT, D_BASE, D_SCEN, ND };
typedef VEC(const char **) CellRows;

static void add(Arena *a, CellRows *out, const RowText *t, const char *what, const char *base, const char *scen)
{
    const char **cells = arena_alloc(a, ND * sizeof *cells);
    cells[D_UNIT] = t->unit;
    cells[D_IND] = t->indicator;
    cells[D_GROUP] = t->group;
    cells[D_YEAR] = arena_printf(a, "%d", t->year);
    cells[D_WHAT] = what;
    cells[D_BASE] = base;
    cells[D_SCEN] = scen;
    VEC_PUSH(*out, cells);
}

SkpStatus diff_run(const CompiledPlan *cp, Store *store, const EvalOptions *base, const EvalOptions *what,
             const char *label, SkpFormat fmt, int color, FILE *out, Diag *d)
{
    RowSet b = {0}, s = {0};
    int rc = eval_run(cp, store, base, collect, &b, d);
    if (!rc) rc = eval_run(cp, store, what, collect, &s, d);
    Arena a = {0};
    StrMap at = {0};
    CellRows rows = {0};
    int changed_rows = 0;
    for (int i = 0; !rc && i < b.n; i++) strmap_put(&at, row_key(&a, &b.rows[i]), i);
    for (int i = 0; !rc && i < s.n; i++) {
        const RowText *t = &s.rows[i];
        int j = strmap_get(&at, row_key(&a, t));
        int before = rows.len;
        if (j < 0) { add(&a, &rows, t, "row", "", "only in the scenario"); changed_rows++; continue; }
        const RowText *o = &b.rows[j];
        /* the same target from another source (70 (pk), 70 (--set)) is no
         * changed figure: its source is shown when the value moves */
        if (strcmp(o->target, t->target))
            add(&a, &rows, t, "target", with_source(&a, o), with_source(&a, t));
        if (strcmp(o->real, t->real)) add(&a, &rows, t, "realisation", o->real, t->real);
        if (strcmp(o->capaian, t->capaian)) add(&a, &rows, t, "capaian", o->capaian, t->capaian);
        if (strcmp(o->grade, t->grade)) add(&a, &rows, t, "grade", o->grade, t->grade);
        if (strcmp(o->status, t->status)) add(&a, &rows, t, "status", o->status, t->status);
        changed_rows += rows.len > before;
    }
    if (!rc) {
        static const char *const names[ND] = { "unit", "indicator", "group", "year", "what", "baseline", "scenario" };
        static const unsigned char numeric[ND] = { [D_YEAR] = CELL_NUMBER, [D_GROUP] = CELL_OPTIONAL };
        rc = output_cells(out, fmt, color, names, ND, numeric, rows.items, rows.len);
        if (!rc && (fmt == SKP_TABLE || fmt == SKP_MARKDOWN))
            fprintf(out, "\n%s%d figure%s changed in %d of %d rows: %s against the baseline\n",
                    fmt == SKP_MARKDOWN ? "- " : "", rows.len, rows.len == 1 ? "" : "s", changed_rows, s.n, label);
    }
    VEC_FREE(rows);
    strmap_free(&at);
    arena_free(&a);
    free(b.rows);
    free(s.rows);
    arena_free(&b.text);
    arena_free(&s.text);
    return rc;
}
