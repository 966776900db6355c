/* fuzz_check.c: libFuzzer target: the bytes are a plan; parse, check and
 * compile a plan, then free it all (src/check/,
 * src/engine/compile.c). See harness.h. */
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (fuzz_setup(FUZZ_CHECK) != 0) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_check(data, size);
    return 0;
}
