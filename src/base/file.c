/* file.c: whole files, bounded (file.h). */
#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
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

/* The mode a report file gets: the mode of the file it replaces, or what
 * a new file gets under the umask (mkstemp's 0600 is not what a report needs). */
mode_t file_mode_for(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* A temporary file next to path (the rename is then atomic): its file
 * descriptor, with the name in a malloc'd *tmp; -1 when it cannot be made. */
int file_temp_next_to(const char *path, char **tmp)
{
    size_t n = strlen(path) + 16;
    *tmp = mem_xmalloc(n);
    snprintf(*tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(*tmp);
    if (fd >= 0) fchmod(fd, file_mode_for(path));
    return fd;
}
