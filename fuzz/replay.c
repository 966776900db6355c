/* replay.c: runs saved inputs through the fuzz targets' work (harness.c)
 * without libFuzzer, so that any compiler builds it and ctest replays
 * every input that once crashed, hung or leaked:
 *
 *   fuzz-replay DIR                 every file in DIR/parse, DIR/check, DIR/eval
 *   fuzz-replay TARGET FILE...      each FILE through TARGET (parse, check, eval)
 *
 * A bug shows as a crash, or under the sanitizers as their report; the
 * program itself only says what it ran. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

typedef struct {
    FuzzTarget target;
    char *path;
} Input;

static Input *inputs;
static int ninputs;

static void add(FuzzTarget t, const char *path)
{
    char *real = realpath(path, NULL);
    if (!real) {
        perror(path);
        exit(2);
    }
    inputs = realloc(inputs, (size_t)(ninputs + 1) * sizeof *inputs);
    if (!inputs) exit(2);
    inputs[ninputs].target = t;
    inputs[ninputs++].path = real;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const Input *)a)->path, ((const Input *)b)->path);
}

static void add_dir(FuzzTarget t, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;                     /* no regression for this target */
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t need = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(need);
        if (!path) exit(2);
        snprintf(path, need, "%s/%s", dir, e->d_name);
        add(t, path);
        free(path);
    }
    closedir(d);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;
    unsigned char chunk[65536];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + got > cap) {
            cap = (n + got) * 2;
            unsigned char *nb = realloc(buf, cap);
            if (!nb) { free(buf); fclose(f); return NULL; }
            buf = nb;
        }
        memcpy(buf + n, chunk, got);
        n += got;
    }
    fclose(f);
    *len = n;
    return buf ? buf : calloc(1, 1);
}

int main(int argc, char **argv)
{
    static const char *const names[] = { "parse", "check", "eval" };
    if (argc == 2) {
        for (int t = 0; t < 3; t++) {
            char dir[4096];
            snprintf(dir, sizeof dir, "%s/%s", argv[1], names[t]);
            add_dir((FuzzTarget)t, dir);
        }
    } else if (argc > 2 && fuzz_target_named(argv[1]) >= 0) {
        for (int i = 2; i < argc; i++) add((FuzzTarget)fuzz_target_named(argv[1]), argv[i]);
    } else {
        fputs("usage: fuzz-replay DIR | fuzz-replay parse|check|eval FILE...\n", stderr);
        return 2;
    }
    qsort(inputs, (size_t)ninputs, sizeof *inputs, by_path);
    if (fuzz_setup(FUZZ_EVAL) != 0) return 1;      /* the store too: any target may run */
    for (int i = 0; i < ninputs; i++) {
        size_t len = 0;
        unsigned char *data = slurp(inputs[i].path, &len);
        if (!data) {
            perror(inputs[i].path);
            return 1;
        }
        printf("%s: %s (%zu bytes)\n", names[inputs[i].target], inputs[i].path, len);
        fflush(stdout);
        fuzz_run(inputs[i].target, data, len);
        free(data);
        free(inputs[i].path);
    }
    printf("replayed %d input%s\n", ninputs, ninputs == 1 ? "" : "s");
    free(inputs);
    return 0;
}
