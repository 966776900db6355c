/* store.c: stores and imports through the public header (sakip.h). */
#include "sakip.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/plan.h"
#include "store/import.h"
#include "store/store.h"
#include "store/tablespec.h"
#include "base/strbuf.h"
#include "base/diag.h"

SkpStore *skp_store_open(const char *path, SkpStoreMode mode, SkpDiag *d)
{
    int m = mode == SKP_STORE_CREATE ? STORE_CREATE : mode == SKP_STORE_READWRITE ? STORE_READWRITE : STORE_READONLY;
    return store_open(path, m, d);
}

void skp_store_close(SkpStore *s)
{
    store_close(s);
}

int skp_schema_version(void)
{
    return STORE_SCHEMA_VERSION;
}

int skp_store_upgraded_from(const SkpStore *s)
{
    return s->upgraded_from;
}

/* ---- import ----------------------------------------------------------------- */

typedef struct { const char *path; char *table; int rank, order; } ImportFile;

/* Units before what refers to them, then as given. */
static int by_rank(const void *x, const void *y)
{
    const ImportFile *a = x, *b = y;
    return a->rank != b->rank ? a->rank - b->rank : a->order - b->order;
}

static SkpStatus import_files(Store *store, ImportFile *files, int n, ImportOptions *opts, FILE *progress, SkpDiag *d)
{
    SkpStatus worst = SKP_OK;
    for (int i = 0; i < n; i++) {
        ImportResult res;
        memset(&res, 0, sizeof res);
        opts->table = files[i].table;
        SkpStatus st = import_csv(store, files[i].path, opts, &res, d->out);
        if (st == SKP_OK && progress)
            fprintf(progress, "%s: %ld row%s into %s (%ld new)\n", files[i].path, res.rows_read,
                    res.rows_read == 1 ? "" : "s", files[i].table, res.rows_written);
        if (st > worst) worst = st;
        d->errors += res.errors;                  /* each reported as FILE:LINE by import_csv */
        if (res.db_failed && i + 1 < n) {        /* the next files would fail the same way */
            StrBuf rest = {0};
            for (int k = i + 1; k < n; k++) strbuf_printf(&rest, " %s", files[k].path);
            diag_plain(d, "not loaded, as the database failed:%s", rest.s);
            strbuf_free(&rest);
            break;
        }
    }
    return worst;
}

SkpStatus skp_import(SkpStore *s, const SkpImport *req, SkpDiag *d)
{
    ImportOptions opts;
    memset(&opts, 0, sizeof opts);
    opts.source = req->source;
    opts.numstyle = req->indonesian ? NUM_INDONESIAN : NUM_PLAIN;
    const Plan *plan = req->plan;
    if (plan) {
        opts.records = plan->records;
        opts.nrecords = plan->nrecords;
        for (int i = 0; i < plan->ninds; i++) opts.levels |= plan->inds[i].scale_name != NULL;
    }
    ImportFile *files = mem_xarray(req->nfiles, sizeof *files);
    for (int i = 0; i < req->nfiles; i++) {
        files[i].path = req->files[i];
        files[i].table = req->table ? mem_xstrdup(req->table) : import_table_for_file(req->files[i]);
        files[i].rank = tablespec_rank(files[i].table);
        files[i].order = i;
    }
    qsort(files, (size_t)req->nfiles, sizeof *files, by_rank);
    SkpStatus st = import_files(s, files, req->nfiles, &opts, req->progress, d);
    for (int i = 0; i < req->nfiles; i++) free(files[i].table);
    free(files);
    char why[STORE_FAILURE_MAX];
    if (st == SKP_OK && store_failure(s, why, sizeof why)) {      /* a failure the import took for the end of the rows */
        diag_plain(d, "%s", why);
        st = SKP_RUNTIME;
    }
    return st;
}
