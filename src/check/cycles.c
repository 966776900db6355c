/* cycles.c: what may not refer to itself (cycles.h): constants defined
 * in terms of themselves, and figures whose formulas go round ("A
 * realisation -> B realisation -> A realisation"). */
#include "check/cycles.h"

#include <stdlib.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "base/strmap.h"

static void const_refs(const Expr *e, IntVec *out)
{
    if (!e) return;
    if (e->kind == E_NAME && e->res == RES_CONST) VEC_PUSH(*out, e->res_id);
    const_refs(e->a, out);
    const_refs(e->b, out);
    const_refs(e->c, out);
    const_refs(e->where, out);
    for (int i = 0; i < e->nargs; i++) const_refs(e->args[i], out);
}

/* Tarjan's strong components, without recursion (a plan may chain many
 * constants). Calls done(v) for every node, each after the nodes it
 * reaches outside its component; marks comp_size. */
static void strong_components(const ConstGraph *g, int nn, int *comp_size, int *order)
{
    int *index = mem_xmalloc((size_t)nn * sizeof *index), *low = mem_xmalloc((size_t)nn * sizeof *low);
    int *on = mem_xcalloc((size_t)nn, sizeof *on), *stack = mem_xmalloc((size_t)nn * sizeof *stack);
    int *call = mem_xmalloc((size_t)nn * sizeof *call), *next = mem_xmalloc((size_t)nn * sizeof *next);
    int counter = 0, sp = 0, norder = 0;
    for (int v = 0; v < nn; v++) index[v] = -1;
    for (int root = 0; root < nn; root++) {
        if (index[root] >= 0) continue;
        int cp = 0;
        call[cp++] = root;
        index[root] = low[root] = counter++;
        next[root] = g->first[root];
        stack[sp++] = root;
        on[root] = 1;
        while (cp > 0) {
            int v = call[cp - 1];
            if (next[v] < g->first[v + 1]) {
                int w = g->edges[next[v]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    next[w] = g->first[w];
                    stack[sp++] = w;
                    on[w] = 1;
                    call[cp++] = w;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            cp--;
            if (cp > 0 && low[v] < low[call[cp - 1]]) low[call[cp - 1]] = low[v];
            if (low[v] != index[v]) continue;
            int from = sp;
            do from--; while (stack[from] != v);
            for (int k = from; k < sp; k++) {
                on[stack[k]] = 0;
                comp_size[stack[k]] = sp - from;
                order[norder++] = stack[k];
            }
            sp = from;
        }
    }
    free(index);
    free(low);
    free(on);
    free(stack);
    free(call);
    free(next);
}

/* The graph of the constants (above), and its nodes in an order where
 * each comes after the nodes it reaches outside its component. */
void cycles_const_graph(Checker *c, ConstGraph *g, IntVec *edges, int *comp, int *order)
{
    int n = c->consts.len;
    g->first = mem_xmalloc((size_t)(2 * n + 1) * sizeof *g->first);
    for (int i = 0; i < n; i++) {
        g->first[i] = edges->len;
        const_refs(c->consts.items[i].value, edges);
        for (int k = g->first[i]; k < edges->len; k++) edges->items[k] += n;   /* to the name node */
    }
    for (int h = 0; h < n; h++) {
        g->first[n + h] = edges->len;
        if (strmap_get(&c->const_map, c->consts.items[h].name) != h) continue;   /* not a head */
        for (int v = h; v >= 0; v = c->consts.items[v].next) VEC_PUSH(*edges, v);
    }
    g->first[2 * n] = edges->len;
    g->edges = edges->items;
    strong_components(g, 2 * n, comp, order);
}

void cycles_check_constants(Checker *c)
{
    int n = c->consts.len;
    if (!n) return;
    ConstGraph g;
    IntVec edges = {0};
    int *comp = mem_xmalloc((size_t)(2 * n) * sizeof *comp), *order = mem_xmalloc((size_t)(2 * n) * sizeof *order);
    cycles_const_graph(c, &g, &edges, comp, order);
    for (int i = 0; i < n; i++)
        if (comp[i] > 1)
            diag_error(c->d, c->consts.items[i].loc, "constant %s is defined in terms of itself", c->consts.items[i].name);
    free(comp);
    free(order);
    free(g.first);
    VEC_FREE(edges);
}

static const char *node_text(Checker *c, int node)
{
    static const char *const kinds[] = { "realisation", "target", "capaian" };
    return arena_printf(c->A, "%s %s", c->codes.items[node / 3], kinds[node % 3]);
}

/* Depth-first search over figure dependencies; a back edge closes a cycle,
 * which is printed in full: "A realisation -> B realisation -> A realisation". */
void cycles_find(Checker *c)
{
    int nn = c->codes.len * 3;
    if (!nn) return;
    /* capaian is made of the realisation and the target (capaian(X) in X's own formulas) */
    for (int i = 0; i < c->inds.len; i++) {
        const Indicator *ind = &c->inds.items[i];
        int base = ind->code_id * 3;
        Edge r = { base + NODE_C, base + NODE_R, ind->loc }, t = { base + NODE_C, base + NODE_T, ind->loc };
        VEC_PUSH(c->edges, r);
        VEC_PUSH(c->edges, t);
    }
    int *state = mem_xcalloc((size_t)nn, sizeof *state);   /* 0 new, 1 on stack, 2 done */
    int *stack = mem_xmalloc((size_t)nn * sizeof *stack);
    int *edge_at = mem_xmalloc((size_t)nn * sizeof *edge_at);
    for (int start = 0; start < nn; start++) {
        if (state[start]) continue;
        int sp = 0;
        stack[sp] = start;
        edge_at[sp] = 0;
        state[start] = 1;
        while (sp >= 0) {
            int n = stack[sp], found = 0;
            for (int e = edge_at[sp]; e < c->edges.len; e++) {
                const Edge *ed = &c->edges.items[e];
                if (ed->from_node != n) continue;
                edge_at[sp] = e + 1;
                if (state[ed->to_node] == 1) {
                    StrBuf b = {0};
                    int k = 0;
                    while (stack[k] != ed->to_node) k++;
                    for (; k <= sp; k++) strbuf_printf(&b, "%s -> ", node_text(c, stack[k]));
                    strbuf_puts(&b, node_text(c, ed->to_node));
                    diag_error(c->d, ed->loc, "cycle in formulas: %s", b.s);
                    strbuf_free(&b);
                    continue;
                }
                if (state[ed->to_node] == 0) {
                    state[ed->to_node] = 1;
                    stack[++sp] = ed->to_node;
                    edge_at[sp] = 0;
                    found = 1;
                    break;
                }
            }
            if (!found) {
                state[n] = 2;
                sp--;
            }
        }
    }
    free(state);
    free(stack);
    free(edge_at);
}
