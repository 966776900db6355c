/* value.h: what a formula computes. A missing figure is a value of its own
 * (V_NA) that carries why it is missing; it is never zero. */
#ifndef SKP_VALUE_H
#define SKP_VALUE_H

typedef enum { V_NA, V_NUM, V_BOOL, V_STR } ValueKind;

/* Why a figure is missing; maps onto a result's status. */
typedef enum { NA_NODATA = 1, NA_NOTARGET, NA_UNDEFINED } NaKind;

typedef struct {
    unsigned char kind;   /* ValueKind */
    unsigned char na;     /* NaKind when kind == V_NA */
    double num;           /* V_NUM; V_BOOL as 0/1 */
    const char *text;     /* V_STR text, or V_NA reason */
} Value;

static inline Value value_num(double x) { Value v = { V_NUM, 0, x, 0 }; return v; }
static inline Value value_bool(int b) { Value v = { V_BOOL, 0, b ? 1 : 0, 0 }; return v; }
static inline Value value_na(NaKind k, const char *why) { Value v = { V_NA, (unsigned char)k, 0, why }; return v; }

#endif
