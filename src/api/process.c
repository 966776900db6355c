/* process.c: the process and small helpers of the public header (sakip.h). */
#include "sakip.h"

#include <signal.h>
#include <string.h>

#include "base/diag.h"
#include "base/install.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/period.h"
#include "store/store.h"

void skp_diag_init(SkpDiag *d, FILE *out)
{
    diag_init(d, out);
}

void skp_diag_summary(SkpDiag *d)
{
    diag_summary(d);
}

void skp_startup(void)
{
    mem_fault_init();          /* SAKIPC_FAIL_ALLOC: a testing aid, off unless set */
    store_startup();
    /* A file size limit (ulimit -f) must fail a write with EFBIG, which
     * SQLite reports and import rolls back, not kill the process half-way. */
    signal(SIGXFSZ, SIG_IGN);
}

int skp_out_of_memory(void)
{
    return mem_out_of_memory();
}

void skp_version(FILE *out)
{
    install_print_version(out);
}

int skp_number_parse(const char *text, double *out)
{
    const char *why = NULL;
    return num_parse(text, NUM_PLAIN, out, &why) == NUMP_OK ? 0 : -1;
}

int skp_period_year(const char *period)
{
    Period p;
    if (period_parse(period, strlen(period), &p) != 0 || p.kind == PER_YEAR) return -1;
    return p.year;
}
