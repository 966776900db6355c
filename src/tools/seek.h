/* seek.h: goal seek, the part `need` and `margin` share: where, between an
 * input that does not reach a goal and one that does, the goal starts,
 * stated on the input's precision grid (10^-digits). Each tool says what
 * "reaching" is and how an input is tried: `need` evaluates the unit
 * again; `margin` probes the row in memory (engine/probe.h). */
#ifndef SKP_TOOLS_SEEK_H
#define SKP_TOOLS_SEEK_H

/* 1 when the goal is met with the input at x. */
typedef int (*SeekTest)(void *ctx, double x);

typedef struct {
    double value;       /* the boundary, on the grid */
    int exclusive;      /* the goal is met beyond value but not at it ("above 80");
                           else at value ("at least 80.01") */
    double before;      /* the grid point next to value on the side that does not meet it
                           (value itself when exclusive) */
} SeekEdge;

/* The boundary between x_no (not met) and x_yes (met): bisection, then the
 * grid point where it starts. Assumes one change between the two. */
SeekEdge seek_edge(SeekTest met, void *ctx, double x_no, double x_yes, int digits);

/* x on the grid of 10^-digits: the point at or above it (up) or at or below. */
double seek_snap(double x, int digits, int up);

#endif
