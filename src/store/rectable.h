/* rectable.h: record tables in the store (see rectable.c). */
#ifndef SKP_STORE_RECTABLE_H
#define SKP_STORE_RECTABLE_H
#include "check/record.h"
#include "store/store.h"

/* Creates rec_<name> for a declared record table, or checks that an existing
 * one has the same declaration (stored in record_tables). 0 on success, 1
 * when the declarations differ, -1 when the database failed (reported). */
int rectable_ensure(Store *s, const RecordDecl *r, Diag *d);
/* The canonical text of a declaration, e.g. "no int, title text, scores int[9] 1..4". Caller frees. */
char *rectable_declaration(const RecordDecl *r);

#endif
