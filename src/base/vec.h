/* vec.h: a growable array of any element type, as macros:
 *
 *     VEC(int) v = {0};  VEC_PUSH(v, 3);  ...  VEC_FREE(v);
 */
#ifndef SKP_BASE_VEC_H
#define SKP_BASE_VEC_H
#include <stdlib.h>
#include "base/mem.h"

#define VEC(T) struct { T *items; int len, cap; }
#define VEC_PUSH(v, x) do { \
    if ((v).len == (v).cap) { \
        (v).cap = (v).cap ? 2 * (v).cap : 8; \
        (v).items = mem_xrealloc((v).items, (size_t)(v).cap * sizeof *(v).items); \
    } \
    (v).items[(v).len++] = (x); \
} while (0)
#define VEC_FREE(v) do { free((v).items); (v).items = NULL; (v).len = (v).cap = 0; } while (0)

#endif
