/* seek.c: where a goal starts between two inputs (seek.h). */
#include "tools/seek.h"

#include <math.h>

/* Halvings at most: from any range a double holds down to its last bit. */
#define BISECT 60

double seek_snap(double x, int digits, int up)
{
    double scale = pow(10, digits);
    double k = up ? ceil(x * scale - 1e-9) : floor(x * scale + 1e-9);
    return k / scale;
}

/* Halves [x_no, x_yes] down to the last bit: a band that excludes its
 * bound ("> 80") is told from one that includes the next grid point only
 * when x_yes is as close to the bound as a double gets. */
static void narrow(SeekTest met, void *ctx, double *x_no, double *x_yes)
{
    for (int i = 0; i < BISECT; i++) {
        double m = (*x_no + *x_yes) / 2;
        if (m == *x_no || m == *x_yes) break;
        if (met(ctx, m)) *x_yes = m; else *x_no = m;
    }
}

SeekEdge seek_edge(SeekTest met, void *ctx, double x_no, double x_yes, int digits)
{
    double step = pow(10, -digits);
    narrow(met, ctx, &x_no, &x_yes);
    int up = x_yes > x_no;                       /* met from below: "at least" */
    double c0 = seek_snap(x_yes, digits, !up);   /* the grid point on x_no's side of x_yes */
    if (up ? c0 > x_yes : c0 < x_yes) c0 = x_yes;
    SeekEdge e;
    if (met(ctx, c0)) {
        e.value = c0;
        e.exclusive = 0;
        e.before = up ? c0 - step : c0 + step;
    } else if (fabs(c0 - x_yes) < 1e-7 * (1 + fabs(c0))) {   /* the band excludes c0 itself */
        e.value = e.before = c0;
        e.exclusive = 1;
    } else {
        e.value = up ? c0 + step : c0 - step;
        e.exclusive = 0;
        e.before = c0;
    }
    return e;
}
