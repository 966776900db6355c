/* result.c: rows of the achievement table (result.h). */
#include "engine/result.h"

const char *result_status_name(Status s)
{
    static const char *const n[] = { "ok", "no data", "no target", "undefined" };
    return n[s];
}
