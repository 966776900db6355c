/* text.h: "did you mean": the nearest name to a misspelt one. */
#ifndef SKP_BASE_TEXT_H
#define SKP_BASE_TEXT_H

/* Edit distance (bounded, case-insensitive). */
int text_edit_distance(const char *a, const char *b);
/* The candidate closest to name within a small distance, or NULL. */
const char *text_suggest(const char *name, const char *const *cands, int n);

#endif
