/* cycles.h: what may not refer to itself (see cycles.c). */
#ifndef SKP_CHECK_CYCLES_H
#define SKP_CHECK_CYCLES_H
#include "check/checker.h"

/* Constants may use constants, and compile.c writes each one out in place
 * (every year's variant) wherever it is named. The graph: a node per
 * constant as declared (each variant) and one per name; a variant points at
 * the names its formula uses, a name at its variants. A variant in a strong
 * component of more than one node reaches itself: it is reported. When
 * there is none, each constant is measured as written out: its parts and
 * its depth, bounded like a formula's. */
typedef struct {
    int *first, *edges;    /* edges of node v: edges[first[v] .. first[v+1]) */
} ConstGraph;

typedef VEC(int) IntVec;

/* The graph of the constants, and its nodes in an order where each comes
 * after the nodes it reaches outside its component (comp: component sizes). */
void cycles_const_graph(Checker *c, ConstGraph *g, IntVec *edges, int *comp, int *order);
/* A constant defined in terms of itself is reported. */
void cycles_check_constants(Checker *c);
/* A cycle between figures' formulas is reported in full. */
void cycles_find(Checker *c);

#endif
