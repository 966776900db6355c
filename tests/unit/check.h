/* check.h: the few assertion macros the unit tests share.
 *
 * Every CHECK_* counts one check. A failure prints
 *     file:line: CHECK_XXX(expr, expected) failed: got ACTUAL, expected EXPECTED
 * and the run goes on, so one program reports every failure at once.
 * CHECK_DONE() prints "N passed, M failed" and gives main's exit status. */
#ifndef SKP_TEST_CHECK_H
#define SKP_TEST_CHECK_H
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

static inline void check_result(int ok)
{
    if (ok) check_passed++;
    else check_failed++;
}

/* A condition with nothing to compare. */
#define CHECK(cond) do { \
    int ok_ = (cond) ? 1 : 0; \
    check_result(ok_); \
    if (!ok_) printf("%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
} while (0)

/* Integers of any kind, compared and printed as long long. */
#define CHECK_INT(expr, expected) do { \
    long long a_ = (long long)(expr), e_ = (long long)(expected); \
    check_result(a_ == e_); \
    if (a_ != e_) printf("%s:%d: CHECK_INT(%s, %s) failed: got %lld, expected %lld\n", \
                         __FILE__, __LINE__, #expr, #expected, a_, e_); \
} while (0)

/* Doubles compared exactly (==): num_round promises the double nearest the
 * decimal, so 88.31 must equal the literal 88.31. Printed with 17 digits. */
#define CHECK_EQ_DBL(expr, expected) do { \
    double a_ = (expr), e_ = (expected); \
    check_result(a_ == e_); \
    if (!(a_ == e_)) printf("%s:%d: CHECK_EQ_DBL(%s, %s) failed: got %.17g, expected %.17g\n", \
                            __FILE__, __LINE__, #expr, #expected, a_, e_); \
} while (0)

/* Strings compared with strcmp; NULL is a failure and prints as (null). */
#define CHECK_STR(expr, expected) do { \
    const char *a_ = (expr), *e_ = (expected); \
    int ok_ = a_ && e_ && strcmp(a_, e_) == 0; \
    check_result(ok_); \
    if (!ok_) printf("%s:%d: CHECK_STR(%s, %s) failed: got \"%s\", expected \"%s\"\n", \
                     __FILE__, __LINE__, #expr, #expected, a_ ? a_ : "(null)", e_ ? e_ : "(null)"); \
} while (0)

/* haystack contains needle. */
#define CHECK_CONTAINS(haystack, needle) do { \
    const char *h_ = (haystack), *n_ = (needle); \
    int ok_ = h_ && n_ && strstr(h_, n_) != NULL; \
    check_result(ok_); \
    if (!ok_) printf("%s:%d: CHECK_CONTAINS(%s, %s) failed: \"%s\" does not contain \"%s\"\n", \
                     __FILE__, __LINE__, #haystack, #needle, h_ ? h_ : "(null)", n_ ? n_ : "(null)"); \
} while (0)

/* haystack does not contain needle. */
#define CHECK_NOT_CONTAINS(haystack, needle) do { \
    const char *h_ = (haystack), *n_ = (needle); \
    int ok_ = h_ && n_ && strstr(h_, n_) == NULL; \
    check_result(ok_); \
    if (!ok_) printf("%s:%d: CHECK_NOT_CONTAINS(%s, %s) failed: \"%s\" contains \"%s\"\n", \
                     __FILE__, __LINE__, #haystack, #needle, h_ ? h_ : "(null)", n_ ? n_ : "(null)"); \
} while (0)

/* s starts with prefix. */
#define CHECK_PREFIX(s, prefix) do { \
    const char *s_ = (s), *p_ = (prefix); \
    int ok_ = s_ && p_ && strncmp(s_, p_, strlen(p_)) == 0; \
    check_result(ok_); \
    if (!ok_) printf("%s:%d: CHECK_PREFIX(%s, %s) failed: got \"%s\", expected it to start with \"%s\"\n", \
                     __FILE__, __LINE__, #s, #prefix, s_ ? s_ : "(null)", p_ ? p_ : "(null)"); \
} while (0)

#define CHECK_DONE() ( \
    printf("%d passed, %d failed\n", check_passed, check_failed), \
    check_failed ? 1 : 0)

#endif
