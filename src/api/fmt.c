/* fmt.c: `sakipc fmt` through the public header (sakip.h): each plan file
 * laid out by src/front/layout.c, then printed, listed, diffed or written
 * back (a temporary file beside it, renamed over it: whole or not at all). */
#include "sakip.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/file.h"
#include "base/linediff.h"
#include "base/mem.h"
#include "base/source.h"
#include "base/strbuf.h"
#include "front/ast.h"
#include "front/layout.h"

static SkpStatus write_back(const char *path, const StrBuf *b, Diag *d)
{
    char *tmp;
    int fd = file_temp_next_to(path, &tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    int ok = f && (!b->len || fwrite(b->s, 1, b->len, f) == b->len);
    if (f && fclose(f) != 0) ok = 0;
    else if (!f && fd >= 0) close(fd);
    if (ok && rename(tmp, path) != 0) ok = 0;
    if (!ok) {
        diag_plain(d, "cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0) unlink(tmp);
    }
    free(tmp);
    return ok ? SKP_OK : SKP_RUNTIME;
}

/* What the request does with one file's formatted text. */
static SkpStatus deliver(const SkpFmt *q, const char *path, const Source *src, const StrBuf *b, Diag *d)
{
    FILE *out = q->out ? q->out : stdout;
    if (!q->write && !q->check && !q->diff) {
        if (b->len) fwrite(b->s, 1, b->len, out);
        return ferror(out) ? SKP_RUNTIME : SKP_OK;
    }
    int changed = b->len != src->len || memcmp(b->s ? b->s : "", src->text, b->len) != 0;
    if (!changed) return SKP_OK;
    if (q->check) fprintf(out, "%s\n", path);
    if (q->diff) {
        StrBuf diff = {0};
        linediff_unified(&diff, path, src->text, src->len, b->s ? b->s : "", b->len);
        if (diff.len) fwrite(diff.s, 1, diff.len, out);
        strbuf_free(&diff);
    }
    SkpStatus st = ferror(out) ? SKP_RUNTIME : SKP_OK;
    if (!st && q->write) st = write_back(path, b, d);
    return st ? st : q->check ? SKP_DISAGREES : SKP_OK;
}

/* The formatted text of src into b: SKP_OK, SKP_PLAN or SKP_RUNTIME. */
static SkpStatus format(const Source *src, StrBuf *b, Diag *d)
{
    int rc = layout_format(src, d, b);
    return rc > 0 ? SKP_PLAN : rc < 0 ? SKP_RUNTIME : SKP_OK;
}

static SkpStatus fmt_file(const SkpFmt *q, const char *path, Diag *d)
{
    Source *list = NULL;
    Source *src = source_load(path, (size_t)SKP_MAX_PLAN_BYTES, &list);
    if (!src) {
        if (errno == EFBIG) diag_plain(d, "plan '%s' is larger than %ld MiB, the limit for a plan file", path, SKP_MAX_PLAN_BYTES >> 20);
        else diag_plain(d, "cannot read plan '%s': %s", path, strerror(errno));
        return SKP_RUNTIME;
    }
    StrBuf b = {0};
    SkpStatus st = format(src, &b, d);
    if (st == SKP_OK) st = deliver(q, path, src, &b, d);
    strbuf_free(&b);
    source_free_all(list);
    return st;
}

SkpStatus skp_fmt(const SkpFmt *req, SkpDiag *d)
{
    SkpStatus worst = SKP_OK;
    for (int i = 0; i < req->nfiles; i++) {
        SkpStatus st = fmt_file(req, req->files[i], d);
        if (st > worst) worst = st;
    }
    if (req->out) fflush(req->out);
    return worst;
}

SkpStatus skp_fmt_text(const char *name, const char *text, size_t len, char **out, size_t *outlen, SkpDiag *d)
{
    *out = NULL;
    *outlen = 0;
    if (len > (size_t)SKP_MAX_PLAN_BYTES) {
        diag_plain(d, "plan '%s' is larger than %ld MiB, the limit for a plan file", name, SKP_MAX_PLAN_BYTES >> 20);
        return SKP_PLAN;
    }
    Source *list = NULL;
    Source *src = source_from_bytes(name, text, len, &list);
    StrBuf b = {0};
    SkpStatus st = format(src, &b, d);
    source_free_all(list);
    if (st) {
        strbuf_free(&b);
        return st;
    }
    *out = b.s ? b.s : mem_xstrdup("");
    *outlen = b.len;
    return SKP_OK;
}
