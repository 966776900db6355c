/* output.h: values -> reports. The achievement table in the four formats
 * people and programs read: table, csv, json, markdown. */
#ifndef SKP_OUTPUT_H
#define SKP_OUTPUT_H
#include <stdio.h>
#include "engine/budget.h"
#include "engine/eval.h"
#include "base/arena.h"


int output_format_parse(const char *s, SkpFormat *out);   /* -1 if unknown */

typedef struct Output Output;

/* color: ANSI colour for grades and statuses (table format, terminal only). */
Output *output_open(FILE *f, SkpFormat fmt, int color, int multi_year, int rollups);
int output_row(const ResultRow *row, void *out);   /* a RowSink */
/* ok: the run succeeded. A failed run that produced no row prints nothing;
 * one that did gets its rows (and the error after them on stderr). */
void output_close(Output *o, int ok);
/* Frees without printing what is kept back (table, markdown). */
void output_discard(Output *o);

/* The budget report (eval --report budget): one line per program, kegiatan
 * and sub kegiatan with serapan, sisa, the children's sums and findings. */
SkpStatus output_budget(FILE *f, SkpFormat fmt, int color, const Plan *p, const BudgetReport *r);

/* s as a JSON string, quoted and escaped. */
void output_json_string(FILE *f, const char *s);

/* A row's figures as the reports show them (diff, audit). */
typedef struct {
    const char *unit, *indicator, *group;
    int year;
    const char *target, *source, *real, *capaian, *grade, *status;
} RowText;
void output_row_text(Arena *a, const ResultRow *r, RowText *t);

/* Any table of text cells in the four formats. flags[i]: CELL_NUMBER,
 * column i is a number (right-aligned; a JSON number); CELL_OPTIONAL, the
 * table and markdown leave it out when it is empty in every row. */
enum { CELL_NUMBER = 1, CELL_OPTIONAL = 2 };
SkpStatus output_cells(FILE *f, SkpFormat fmt, int color, const char *const *names, int ncols,
                 const unsigned char *flags, const char ***rows, int nrows);

#endif
