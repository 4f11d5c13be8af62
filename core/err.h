/* err.h — error reports from the core: a status code and one line of text.
 * The core never prints or exits; the program's edge decides. */
#ifndef GWR_ERR_H
#define GWR_ERR_H
#include <stdarg.h>

typedef enum {
    GWR_OK = 0,
    GWR_E_IO,        /* cannot open / read / not a regular file / directory */
    GWR_E_EMPTY,     /* empty input */
    GWR_E_BINARY,    /* NUL bytes or mostly non-text */
    GWR_E_ENCODING,  /* cannot decode */
    GWR_E_OVERFLOW,  /* number too large to represent exactly */
    GWR_E_NOMEM,
    GWR_E_USAGE,
} gwr_status;

typedef struct gwr_err {
    gwr_status code;
    char msg[512];   /* "path: problem", one line, no trailing newline */
} gwr_err;

/* Sets err (if not NULL) and returns code. */
gwr_status gwr_err_set(gwr_err *err, gwr_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
