/* measure.c: how long a command takes and how much memory it holds.
 *
 *   bench-measure [--runs K] NAME COMMAND
 *
 * runs COMMAND with /bin/sh -c, K times one after the other, and prints
 *
 *   NAME<TAB>seconds<TAB>MiB
 *
 * the best (least) wall time and the best peak resident memory of the K
 * runs. The memory is wait4's ru_maxrss of the shell: the largest of the
 * shell and every process it waited for, so a pipeline counts by its
 * biggest member, not their sum. The best, not the mean: on a shared
 * machine every disturbance makes a run slower, never faster.
 *
 * A run that exits non-zero or is killed ends the measurement: an error
 * naming the step and its command, exit status 1, nothing printed on
 * stdout (a failed step has no time worth recording).
 *
 * Exit status: 0 measured, 1 the command failed or could not be run,
 * 2 usage error. */
#define _DEFAULT_SOURCE         /* wait4 and struct rusage are BSD, not POSIX */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_FAILED = 1, EXIT_USAGE = 2, MAX_RUNS = 1000 };

static const char *const usage_text =
    "usage: bench-measure [--runs K] NAME COMMAND\n"
    "\n"
    "Runs COMMAND with /bin/sh -c K times (default 1, at most 1000) and prints\n"
    "NAME, the best wall seconds and the best peak resident memory in MiB,\n"
    "separated by tabs. Exits 1, naming NAME and COMMAND, if a run fails.\n";

typedef struct {
    double seconds;
    double mib;
} Sample;

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Why a finished run failed, or NULL if it exited 0. */
static const char *failure(int status, char *buf, size_t n)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return NULL;
    if (WIFEXITED(status))
        snprintf(buf, n, "exit status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, n, "killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(buf, n, "wait status %d", status);
    return buf;
}

/* One run of the command; 0 and the sample, or -1 after saying why. */
static int run_once(const char *name, const char *command, Sample *out)
{
    fflush(stdout);         /* the child must not inherit buffered output */
    double start = now_seconds();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "bench-measure: %s: cannot fork: %s\n", name, strerror(errno));
        return -1;
    }
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        fprintf(stderr, "bench-measure: %s: cannot run /bin/sh: %s\n", name, strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage usage;
    pid_t got;
    while ((got = wait4(pid, &status, 0, &usage)) < 0 && errno == EINTR) {
    }
    double seconds = now_seconds() - start;
    if (got < 0) {
        fprintf(stderr, "bench-measure: %s: cannot wait: %s\n", name, strerror(errno));
        return -1;
    }
    char why[96];
    if (failure(status, why, sizeof why)) {
        fprintf(stderr, "bench-measure: step '%s' failed (%s): %s\n", name, why, command);
        return -1;
    }
    out->seconds = seconds;
    out->mib = (double)usage.ru_maxrss / 1024;  /* Linux: ru_maxrss in KiB */
    return 0;
}

static void usage_error(const char *why)
{
    fprintf(stderr, "bench-measure: %s\n%s", why, usage_text);
    exit(EXIT_USAGE);
}

/* K in 1..MAX_RUNS, digits only. */
static int parse_runs(const char *s)
{
    int k = 0;
    if (!*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        k = k * 10 + (*s - '0');
        if (k > MAX_RUNS) return -1;
    }
    return k >= 1 ? k : -1;
}

int main(int argc, char **argv)
{
    int runs = 1, i = 1;
    if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (i < argc && strcmp(argv[i], "--runs") == 0) {
        if (i + 1 >= argc || (runs = parse_runs(argv[i + 1])) < 0) usage_error("--runs takes a number from 1 to 1000");
        i += 2;
    }
    if (argc - i != 2) usage_error(argc - i < 2 ? "needs NAME and COMMAND" : "too many arguments (quote COMMAND as one)");
    const char *name = argv[i], *command = argv[i + 1];
    if (!*name || strchr(name, '\t') || strchr(name, '\n')) usage_error("NAME must be non-empty, without tabs or newlines");
    Sample best = { 0, 0 };
    for (int r = 0; r < runs; r++) {
        Sample s;
        if (run_once(name, command, &s) != 0) return EXIT_FAILED;
        if (r == 0 || s.seconds < best.seconds) best.seconds = s.seconds;
        if (r == 0 || s.mib < best.mib) best.mib = s.mib;
    }
    printf("%s\t%.3f\t%.0f\n", name, best.seconds, best.mib);
    return 0;
}
