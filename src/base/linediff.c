/* linediff.c: unified diffs of two texts (linediff.h): the shortest edit
 * script by Myers' O((N+M)D) algorithm over lines, then hunks with their
 * context. */
#include "base/linediff.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/vec.h"

#define CONTEXT 3
#define MAX_EDITS 2000      /* beyond this, the changed middle is shown replaced whole */

typedef struct { const char *s; size_t n; int eol; } DLine;   /* eol: ends with '\n' */
typedef VEC(DLine) Lines;

typedef enum { OP_SAME, OP_DEL, OP_ADD } OpKind;
typedef struct { OpKind op; int a, b; } Op;
typedef VEC(Op) Ops;

static Lines split(const char *s, size_t len)
{
    Lines v = {0};
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
        DLine l = { s + i, n, nl != NULL };
        VEC_PUSH(v, l);
        i += n + (nl != NULL);
    }
    return v;
}

static int same(const DLine *x, const DLine *y)
{
    return x->n == y->n && x->eol == y->eol && memcmp(x->s, y->s, x->n) == 0;
}

/* Myers: the edits turning a[0..n) into b[0..m) (offsets ao, bo), in
 * reverse order into *rev; -1 when there are more than MAX_EDITS. */
static int myers(const DLine *a, int n, const DLine *b, int m, int ao, int bo, Ops *rev)
{
    int max = n + m < MAX_EDITS ? n + m : MAX_EDITS, off = max + 1;
    int *v = mem_xcalloc((size_t)(2 * max + 3), sizeof *v);
    int **trace = mem_xcalloc((size_t)max + 1, sizeof *trace);
    int d, found = 0;
    for (d = 0; d <= max && !found; d++) {
        trace[d] = mem_xmalloc((size_t)(2 * max + 3) * sizeof **trace);
        memcpy(trace[d], v, (size_t)(2 * max + 3) * sizeof *v);
        for (int k = -d; k <= d && !found; k += 2) {
            int x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && same(&a[x], &b[y])) x++, y++;
            v[off + k] = x;
            found = x >= n && y >= m;
        }
    }
    int steps = d, x = n, y = m;
    for (d = steps - 1; found && d >= 0; d--) {
        const int *t = trace[d];
        int k = x - y;
        int pk = k == -d || (k != d && t[off + k - 1] < t[off + k + 1]) ? k + 1 : k - 1;
        int px = t[off + pk], py = px - pk;
        for (; x > px && y > py; x--, y--) VEC_PUSH(*rev, ((Op){ OP_SAME, ao + x - 1, bo + y - 1 }));
        if (d > 0) VEC_PUSH(*rev, x == px ? ((Op){ OP_ADD, ao + px, bo + py }) : ((Op){ OP_DEL, ao + px, bo + py }));
        x = px;
        y = py;
    }
    for (d = 0; d < steps; d++) free(trace[d]);
    free(trace);
    free(v);
    return found ? 0 : -1;
}

/* The edits from a to b, in order. */
static Ops edits(const Lines *a, const Lines *b)
{
    int n = a->len, m = b->len, pre = 0, suf = 0;
    while (pre < n && pre < m && same(&a->items[pre], &b->items[pre])) pre++;
    while (suf < n - pre && suf < m - pre && same(&a->items[n - 1 - suf], &b->items[m - 1 - suf])) suf++;
    Ops rev = {0}, ops = {0};
    for (int i = 0; i < suf; i++) VEC_PUSH(rev, ((Op){ OP_SAME, n - 1 - i, m - 1 - i }));
    int mid_a = n - pre - suf, mid_b = m - pre - suf;
    if (myers(a->items + pre, mid_a, b->items + pre, mid_b, pre, pre, &rev) != 0) {
        rev.len = suf;
        for (int i = mid_b - 1; i >= 0; i--) VEC_PUSH(rev, ((Op){ OP_ADD, pre + mid_a, pre + i }));
        for (int i = mid_a - 1; i >= 0; i--) VEC_PUSH(rev, ((Op){ OP_DEL, pre + i, pre }));
    }
    for (int i = pre - 1; i >= 0; i--) VEC_PUSH(rev, ((Op){ OP_SAME, i, i }));
    for (int i = rev.len - 1; i >= 0; i--) VEC_PUSH(ops, rev.items[i]);
    VEC_FREE(rev);
    return ops;
}

static void put_line(StrBuf *out, char mark, const DLine *l)
{
    strbuf_putc(out, mark);
    strbuf_putn(out, l->s, l->n);
    strbuf_puts(out, l->eol ? "\n" : "\n\\ No newline at end of file\n");
}

/* "-3,4": where a hunk starts on one side and how many lines it has there. */
static void put_range(StrBuf *out, char side, int start, int count)
{
    if (count == 1) strbuf_printf(out, " %c%d", side, start + 1);
    else strbuf_printf(out, " %c%d,%d", side, count ? start + 1 : start, count);
}

/* The hunk of ops [from, to). */
static void hunk(StrBuf *out, const Ops *ops, int from, int to, const Lines *a, const Lines *b)
{
    int na = 0, nb = 0, sa = -1, sb = -1;
    for (int i = from; i < to; i++) {
        const Op *o = &ops->items[i];
        if (sa < 0) { sa = o->a; sb = o->b; }
        na += o->op != OP_ADD;
        nb += o->op != OP_DEL;
    }
    strbuf_puts(out, "@@");
    put_range(out, '-', sa, na);
    put_range(out, '+', sb, nb);
    strbuf_puts(out, " @@\n");
    for (int i = from; i < to; i++) {
        const Op *o = &ops->items[i];
        if (o->op == OP_SAME) put_line(out, ' ', &a->items[o->a]);
        else if (o->op == OP_DEL) put_line(out, '-', &a->items[o->a]);
        else put_line(out, '+', &b->items[o->b]);
    }
}

void linediff_unified(StrBuf *out, const char *name, const char *a, size_t alen, const char *b, size_t blen)
{
    Lines la = split(a, alen), lb = split(b, blen);
    Ops ops = edits(&la, &lb);
    int headed = 0;
    for (int i = 0; i < ops.len;) {
        if (ops.items[i].op == OP_SAME) { i++; continue; }
        int from = i > CONTEXT ? i - CONTEXT : 0, end = i;
        for (;;) {      /* to the last change closer than 2 * CONTEXT to the one before */
            while (end < ops.len && ops.items[end].op != OP_SAME) end++;
            int next = end;
            while (next < ops.len && ops.items[next].op == OP_SAME) next++;
            if (next == ops.len || next - end > 2 * CONTEXT) break;
            end = next;
        }
        int to = end + CONTEXT < ops.len ? end + CONTEXT : ops.len;
        if (!headed) strbuf_printf(out, "--- a/%s\n+++ b/%s\n", name, name);
        headed = 1;
        hunk(out, &ops, from, to, &la, &lb);
        i = to;
    }
    VEC_FREE(ops);
    VEC_FREE(la);
    VEC_FREE(lb);
}
