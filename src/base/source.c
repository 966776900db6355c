/* source.c: the text of plans, kept whole for the excerpts of diagnostics
 * (source.h). */
#include "base/source.h"

#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"

static Source *source_add(const char *path, char *text, size_t len, Source **list)
{
    Source *s = mem_xcalloc(1, sizeof *s);
    s->path = mem_xstrdup(path);
    s->text = text;
    s->len = len;
    s->next = *list;
    *list = s;
    return s;
}

Source *source_load(const char *path, size_t max, Source **list)
{
    size_t len;
    char *text = file_read(path, max, &len);
    return text ? source_add(path, text, len, list) : NULL;
}

Source *source_from_string(const char *name, const char *text, Source **list)
{
    return source_from_bytes(name, text, strlen(text), list);
}

Source *source_from_bytes(const char *name, const char *text, size_t len, Source **list)
{
    char *copy = mem_xmalloc(len + 1);          /* the lexer wants a NUL after the text */
    if (len) memcpy(copy, text, len);
    copy[len] = '\0';
    return source_add(name, copy, len, list);
}

void source_free_all(Source *list)
{
    while (list) {
        Source *next = list->next;
        free(list->path);
        free(list->text);
        free(list);
        list = next;
    }
}

Loc source_span(Loc a, Loc b)
{
    Loc l = a;
    l.end_line = b.end_line;
    l.end_col = b.end_col;
    return l;
}
