/* num.h: numbers as facts. Parsing (plain and Indonesian format), decimal
 * rounding by a stated rule, and formatting. Every figure sakipc prints goes
 * through num_round and num_format: one code path for digits. */
#ifndef SKP_NUM_H
#define SKP_NUM_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"

typedef enum { ROUND_NONE, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP } RoundMode;
typedef struct { RoundMode mode; int digits; } Rounding;   /* digits 0..9 */
#define SKP_MAX_DIGITS 9

/* Rounds x as the decimal number it stands for: x is first taken at 15
 * significant digits (so 88.305, stored as 88.30499999..., is 88.305), then
 * rounded to r.digits by r.mode. half-up and up/down are away from / toward
 * zero for negatives (|x| rounded, sign kept). The result is the double
 * nearest the rounded decimal, so it compares equal to the same literal in a
 * plan (88.31 == 88.31). ROUND_NONE returns x unchanged. */
double num_round(double x, Rounding r);

/* The decimal number x stands for: x taken at 15 significant digits (what
 * a double holds faithfully), as the double nearest that decimal. A figure
 * computed in binary can fall a bit short of the decimal it is (40.66 /
 * 53.5 x 100 is 75.99999999999998, exactly 76 in decimals); grades compare
 * this value with their bands, so a figure printed as 76 is graded as 76. */
double num_decimal(double x);

/* Writes x with exactly `digits` decimals (digits >= 0, no rounding beyond
 * what %.*f does on the already-rounded value), or, with digits < 0, in the
 * shortest form of the value at 15 significant digits and at most 10
 * decimals ("84.98", "75", "0.3333333333", 84.98 - 84.88 as "0.1"), never
 * in exponent notation for |x| < 1e15. Returns the length written (snprintf semantics). */
int num_format(char *buf, size_t n, double x, int digits);
/* The same, kept in arena a: for text that outlives the caller's buffer. */
const char *num_text(Arena *a, double x, int digits);
/* a and b are the same figure: within 1e-9 of b's size (of 1 below it). */
int num_near(double a, double b);

/* Formats an exact integer (rupiah) with no separators. */
int num_format_int(char *buf, size_t n, int64_t v);

/* Rounding rule in words for reports: "half-up to 2 decimals", "not rounded". */
const char *num_rounding_text(Rounding r, char *buf, size_t n);
/* Parses "half-up", "half-even", "down", "up", "none"; -1 if unknown. */
int num_round_mode_parse(const char *s, RoundMode *out);

typedef enum { NUM_PLAIN, NUM_INDONESIAN } NumStyle;
typedef enum { NUMP_OK, NUMP_EMPTY, NUMP_INVALID, NUMP_AMBIGUOUS, NUMP_RANGE } NumParseStatus;

/* Parses a whole field (surrounding spaces allowed) as a number.
 *   NUM_PLAIN:      "84.98", "-3", "1e3" is INVALID (no exponents in data),
 *                   "84,98" and "62.644.362.476" are INVALID with a hint.
 *   NUM_INDONESIAN: "84,98" (comma decimal), "62.644.362.476" (dot groups of
 *                   exactly three digits), "1.234,5"; "84.98" is AMBIGUOUS
 *                   (a dot that does not group by three), never guessed.
 * On failure *why (if not NULL) points to a static English predicate that
 * follows the quoted field in messages: "is not a number", "is ambiguous:
 * ...". */
NumParseStatus num_parse(const char *s, NumStyle style, double *out, const char **why);
/* Same, for exact integers (rupiah): a fractional part is INVALID, values
 * beyond int64 are RANGE. In Indonesian style a single dot group is a
 * thousands separator here ("437.908" is 437908), because a whole-number
 * column leaves no other reading. */
NumParseStatus num_parse_int(const char *s, NumStyle style, int64_t *out, const char **why);

#endif
