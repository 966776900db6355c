/* text.c: "did you mean" (text.h). */
#include "base/text.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

/* Levenshtein distance on lower-cased bytes; names are short, so the
 * quadratic table is fine, but we bound it to keep it on the stack. */
int text_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63) return 99;
    int row[64];
    for (size_t j = 0; j <= m; j++) row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int up = row[j];
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = diag + cost;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

/* Best candidate within a small edit distance, for "did you mean". */
const char *text_suggest(const char *name, const char *const *cands, int n)
{
    const char *best = NULL;
    int bestd = INT_MAX;
    int limit = (int)strlen(name) / 3 + 1;
    for (int i = 0; i < n; i++) {
        if (!cands[i]) continue;
        int dist = text_edit_distance(name, cands[i]);
        if (dist < bestd && dist <= limit && dist > 0) {
            best = cands[i];
            bestd = dist;
        } else if (dist == 0 && strcmp(name, cands[i]) != 0) {  /* differs in case only */
            return cands[i];
        }
    }
    return best;
}
