/* strbuf.h: a growable string. {0} is an empty one; s is NULL until
 * something is put in it. */
#ifndef SKP_BASE_STRBUF_H
#define SKP_BASE_STRBUF_H
#include <stddef.h>

typedef struct { char *s; size_t len, cap; } StrBuf;
void strbuf_putc(StrBuf *b, char c);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putn(StrBuf *b, const char *s, size_t n);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_clear(StrBuf *b);
void strbuf_free(StrBuf *b);

#endif
