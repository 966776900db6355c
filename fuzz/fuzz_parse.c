/* fuzz_parse.c: libFuzzer target: the bytes are a plan; lex and parse a plan
 * (grammar/lexer.re, grammar/parser.y, src/front/ast.c), and format one that
 * parses (src/front/layout.c: no failure, idempotent). See harness.h. */
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (fuzz_setup(FUZZ_PARSE) != 0) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse(data, size);
    return 0;
}
