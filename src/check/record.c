/* record.c: the flat (stored) columns of a record table. */
#include "check/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int record_flat_count(const RecordDecl *r)
{
    int n = 0;
    for (int i = 0; i < r->ncols; i++) n += r->cols[i].array_len ? r->cols[i].array_len : 1;
    return n;
}

int record_flat_find(const RecordDecl *r, const char *name, ColType *type)
{
    int flat = 0;
    for (int i = 0; i < r->ncols; i++) {
        const RecordColumn *c = &r->cols[i];
        if (c->array_len == 0) {
            if (strcmp(c->name, name) == 0) { if (type) *type = c->type; return flat; }
            flat++;
            continue;
        }
        size_t n = strlen(c->name);
        if (strncmp(name, c->name, n) == 0 && name[n] == '_') {
            char *end;
            long k = strtol(name + n + 1, &end, 10);
            if (*end == '\0' && end != name + n + 1 && k >= 1 && k <= c->array_len) {
                if (type) *type = c->type;
                return flat + (int)k - 1;
            }
        }
        flat += c->array_len;
    }
    return -1;
}

const char *record_flat_name(const RecordDecl *r, int i, char *buf, unsigned n)
{
    for (int k = 0; k < r->ncols; k++) {
        const RecordColumn *c = &r->cols[k];
        int w = c->array_len ? c->array_len : 1;
        if (i < w) {
            if (c->array_len) snprintf(buf, n, "%s_%d", c->name, i + 1);
            else snprintf(buf, n, "%s", c->name);
            return buf;
        }
        i -= w;
    }
    snprintf(buf, n, "?");
    return buf;
}
