/* harness.h: the three fuzz targets' work, shared by the libFuzzer entry
 * points (fuzz_*.c, built with clang and -fsanitize=fuzzer by
 * -DSAKIPC_FUZZ=ON) and by the replay driver (replay.c, built with the
 * normal compiler and run by ctest over tests/fuzz-regressions/).
 *
 * The bytes are a plan, given to the library through its public header
 * (sakip.h) alone, as any program would: parsed from memory, checked,
 * compiled and evaluated. Each run frees everything it made; the store of
 * the check and eval targets is built once, from the examples' CSV
 * files, through the library's own import. A plan's includes and files
 * are looked for in a private temporary directory (which holds none),
 * SAKIPC_STDLIB names the source tree's stdlib/, and the files a plan may
 * include or load are confined to those two directories. */
#ifndef SKP_FUZZ_HARNESS_H
#define SKP_FUZZ_HARNESS_H
#include <stddef.h>
#include <stdint.h>

typedef enum { FUZZ_PARSE, FUZZ_CHECK, FUZZ_EVAL } FuzzTarget;

/* Once per process, before the first run: 0, or -1 with a message on stderr. */
int fuzz_setup(FuzzTarget t);
/* One input: lex and parse (and format what parses) | parse, check and
 * compile | and evaluate. */
void fuzz_parse(const uint8_t *data, size_t size);
void fuzz_check(const uint8_t *data, size_t size);
void fuzz_eval(const uint8_t *data, size_t size);
void fuzz_run(FuzzTarget t, const uint8_t *data, size_t size);
/* "parse", "check", "eval" -> target; -1 if none. */
int fuzz_target_named(const char *name);

#endif
