/* file.c: whole files, bounded (file.h). */
#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/strbuf.h"
#include "base/mem.h"

char *file_read(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf b = {0};
    char chunk[65536];
    size_t n;
    int err = 0;
    while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) err = EFBIG;
        else strbuf_putn(&b, chunk, n);
    }
    if (!err && ferror(f)) err = EIO;
    fclose(f);
    if (err) {
        strbuf_free(&b);
        errno = err;
        return NULL;
    }
    if (!b.s) b.s = mem_xstrdup("");
    if (len) *len = b.len;
    return b.s;
}
