/* checker.c: what every part of the checker shares (checker.h): words of
 * a statement made whole, indicator codes interned, "did you mean", target
 * sources noted, and the files a plan may name. */
#include "check/checker.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/vec.h"

/* Where the files a plan names (includes, hooks, Lua modules) may be, when
 * checker_confine_files has said (the fuzz targets); anywhere otherwise. */
static const char *const *confined_to;
static int nconfined;

void checker_confine_files(const char *const *dirs, int n)
{
    confined_to = dirs;
    nconfined = n;
}

/* Joins words written without spaces around '-': half-up, pk-perubahan,
 * and makes '-' directly before a number a sign, except between two
 * touching words (2021-2026 is a range of years, not 2021 and -2026). */
void checker_normalize_words(Checker *c, Stmt *s)
{
    Word *out = arena_array(c->A, s->nwords, sizeof *out);
    int n = 0, too_long = -1;
    for (int i = 0; i < s->nwords; i++) {
        Word w = s->words[i];
        int touching_next = i + 1 < s->nwords && s->words[i + 1].loc.line == w.loc.line &&
                            s->words[i + 1].loc.col == w.loc.end_col + 1;
        if (w.kind == W_SYMBOL && strcmp(w.text, "-") == 0 && touching_next &&
            s->words[i + 1].kind == W_NUMBER && (n == 0 || (out[n - 1].kind != W_NAME && out[n - 1].kind != W_NUMBER) ||
            out[n - 1].loc.end_col + 1 != w.loc.col)) {
            Word num = s->words[++i];
            num.text = arena_printf(c->A, "-%s", num.text);
            num.num = -num.num;
            num.loc = source_span(w.loc, num.loc);
            out[n++] = num;
            continue;
        }
        if (n > 0 && w.kind == W_SYMBOL && strcmp(w.text, "-") == 0 && touching_next &&
            out[n - 1].kind == W_NAME && out[n - 1].loc.end_col + 1 == w.loc.col &&
            s->words[i + 1].kind == W_NAME) {
            Word next = s->words[++i];
            Loc joined = source_span(out[n - 1].loc, next.loc);
            if (too_long == n - 1 || strlen(out[n - 1].text) + 1 + strlen(next.text) > SKP_MAX_NAME) {
                if (too_long != n - 1)      /* once; the rest of the word is dropped */
                    diag_error(c->d, out[n - 1].loc, "name longer than %d bytes (joined with '-')", SKP_MAX_NAME);
                too_long = n - 1;
                out[n - 1].loc = joined;
                continue;
            }
            out[n - 1].text = arena_printf(c->A, "%s-%s", out[n - 1].text, next.text);
            out[n - 1].loc = joined;
            continue;
        }
        out[n++] = w;
    }
    s->words = out;
    s->nwords = n;
}

int checker_intern_code(Checker *c, const char *code)
{
    int id = strmap_get(&c->code_map, code);
    if (id >= 0) return id;
    id = c->codes.len;
    VEC_PUSH(c->codes, code);
    strmap_put(&c->code_map, code, id);
    return id;
}

char *checker_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? mem_xstrndup(path, (size_t)(slash - path)) : mem_xstrdup(".");
}

int checker_file_exists(const char *path)
{
    if (access(path, R_OK) != 0) return 0;
    if (!confined_to) return 1;
    char *real = realpath(path, NULL);
    int inside = 0;
    for (int i = 0; real && i < nconfined; i++) {
        size_t n = strlen(confined_to[i]);
        inside |= strncmp(real, confined_to[i], n) == 0 && real[n] == '/';
    }
    free(real);
    return inside;
}

/* " (did you mean 'IKM'?)", or "" when nothing is close. */
const char *checker_mean(Checker *c, const char *name, const char *const *cands, int n)
{
    const char *s = text_suggest(name, cands, n);
    return s ? arena_printf(c->A, " (did you mean '%s'?)", s) : "";
}

/* Every target source the plan names, rules and formulas alike. */
void checker_note_source(Checker *c, const char *src)
{
    if (strmap_get(&c->source_map, src) >= 0) return;
    strmap_put(&c->source_map, src, c->sources.len);
    VEC_PUSH(c->sources, src);
}
