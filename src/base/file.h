/* file.h: whole files, read with a bound. */
#ifndef SKP_BASE_FILE_H
#define SKP_BASE_FILE_H
#include <stddef.h>

/* The whole file, NUL-terminated; NULL with errno set when it cannot be
 * read, or (EFBIG) when it is longer than max bytes (an endless file such
 * as /dev/zero included): it is never held whole first. */
char *file_read(const char *path, size_t max, size_t *len);

#endif
