/* fuzz_eval.c: libFuzzer target: the bytes are a plan; evaluate a plan
 * against a small store built from the examples (src/engine/eval.c and what it
 * calls, src/output/output.c, src/engine/budget.c). See harness.h. */
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (fuzz_setup(FUZZ_EVAL) != 0) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_eval(data, size);
    return 0;
}
