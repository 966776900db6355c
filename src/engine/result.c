/* result.c: rows of the achievement table (result.h). */
#include "engine/result.h"

#include <string.h>

const char *result_status_name(Status s)
{
    static const char *const n[] = { "ok", "no data", "no target", "undefined" };
    return n[s];
}

void result_note_group(StrBuf *seen, const char *group)
{
    if (!group) return;
    size_t n = strlen(group);
    for (const char *p = seen->s; p && *p;) {          /* "A, B, C": already there? */
        const char *end = strstr(p, ", ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, group, n)) return;
        p = end ? end + 2 : NULL;
    }
    if (seen->len) strbuf_puts(seen, ", ");
    strbuf_puts(seen, group);
}
