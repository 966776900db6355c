/* tally.c: the grade recap. See tally.h. */
#include "output/tally.h"
#include "base/arena.h"
#include "base/mem.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>

/* counts[((scheme * 2 + on) * nyears + year) * (maxbands + 1) + band]; band
 * maxbands holds the figures not placed */
struct Tally {
    const Plan *p;
    int year_from, nyears, maxbands;
    long *counts;
    unsigned char *used;        /* (scheme, on) pairs some row was graded by */
};

Tally *tally_new(const Plan *p, int year_from, int year_to)
{
    Tally *t = mem_xcalloc(1, sizeof *t);
    t->p = p;
    t->year_from = year_from;
    t->nyears = year_to - year_from + 1;
    for (int s = 0; s < p->nschemes; s++)
        if (p->schemes[s].nbands > t->maxbands) t->maxbands = p->schemes[s].nbands;
    size_t cells = (size_t)(p->nschemes ? p->nschemes : 1) * 2 * (size_t)t->nyears * (size_t)(t->maxbands + 1);
    t->counts = mem_xcalloc(cells, sizeof *t->counts);
    t->used = mem_xcalloc((size_t)(p->nschemes ? p->nschemes : 1) * 2, 1);
    return t;
}

static long *cell(Tally *t, int scheme, int on, int year, int band)
{
    return &t->counts[(((size_t)scheme * 2 + (size_t)on) * (size_t)t->nyears + (size_t)year) * (size_t)(t->maxbands + 1)
                      + (size_t)band];
}

int tally_row(const ResultRow *row, void *ctx)
{
    Tally *t = ctx;
    int y = row->year - t->year_from;
    if (y < 0 || y >= t->nyears) return 0;
    for (int g = 0; g < row->ngrades; g++) {
        const GradeResult *gr = &row->grades[g];
        int s = (int)(gr->scheme - t->p->schemes);
        int on = gr->on == GRADE_VALUE;
        int band = gr->band ? (int)(gr->band - gr->scheme->bands) : t->maxbands;
        t->used[s * 2 + on] = 1;
        (*cell(t, s, on, y, band))++;
    }
    return 0;
}

SkpStatus tally_print(Tally *t, FILE *f, SkpFormat fmt, int color)
{
    static const char *const names[] = { "scheme", "on", "year", "band", "label", "count" };
    static const unsigned char flags[] = { 0, 0, CELL_NUMBER, 0, 0, CELL_NUMBER };
    Arena a = { 0 };
    VEC(const char **) rows = { 0 };
    for (int s = 0; s < t->p->nschemes; s++) {
        const Scheme *sc = &t->p->schemes[s];
        for (int on = 0; on < 2; on++) {
            if (!t->used[s * 2 + on]) continue;
            for (int y = 0; y < t->nyears; y++) {
                for (int b = 0; b <= sc->nbands; b++) {
                    long n = *cell(t, s, on, y, b == sc->nbands ? t->maxbands : b);
                    if (b == sc->nbands && n == 0) continue;       /* nothing unplaced: no line */
                    const char **r = arena_alloc(&a, 6 * sizeof *r);
                    r[0] = sc->name;
                    r[1] = on ? "value" : "capaian";
                    r[2] = arena_printf(&a, "%d", t->year_from + y);
                    r[3] = b < sc->nbands ? sc->bands[b].code : "-";
                    r[4] = b < sc->nbands ? sc->bands[b].label : "not graded";
                    r[5] = arena_printf(&a, "%ld", n);
                    VEC_PUSH(rows, r);
                }
            }
        }
    }
    int rc = output_cells(f, fmt, color, names, 6, flags, rows.items, rows.len);
    VEC_FREE(rows);
    arena_free(&a);
    return rc;
}

void tally_free(Tally *t)
{
    if (!t) return;
    free(t->counts);
    free(t->used);
    free(t);
}
