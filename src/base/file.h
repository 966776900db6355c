/* file.h: whole files, read with a bound. */
#ifndef SKP_BASE_FILE_H
#define SKP_BASE_FILE_H
#include <stddef.h>
#include <sys/types.h>

/* The whole file, NUL-terminated; NULL with errno set when it cannot be
 * read, or (EFBIG) when it is longer than max bytes (an endless file such
 * as /dev/zero included): it is never held whole first. */
char *file_read(const char *path, size_t max, size_t *len);

/* The mode a new file at path should get: that of the file it replaces,
 * or what a new file gets under the umask (mkstemp's 0600 is not what a
 * report needs). */
mode_t file_mode_for(const char *path);
/* A temporary file next to path (so that renaming it over path is
 * atomic), with file_mode_for(path): its descriptor, its name in a
 * malloc'd *tmp; -1 when it cannot be made. */
int file_temp_next_to(const char *path, char **tmp);

#endif
