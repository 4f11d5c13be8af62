/* read_int.h — helpers shared by the readers (not part of the API). */
#ifndef GWR_READ_INT_H
#define GWR_READ_INT_H
#include <stdbool.h>
#include <stddef.h>
#include "read.h"

/* A growing output buffer with a size limit: past max, over is set and
 * further bytes are dropped. */
typedef struct rbuf {
    char  *p;
    size_t len, cap, max;
    bool   oom, over;
} rbuf;

void rb_put(rbuf *b, const char *s, size_t n);
static inline void rb_putc(rbuf *b, char c) { rb_put(b, &c, 1); }
/* Ends the current paragraph: a '\n' unless the text is empty or ends with one. */
void rb_endpara(rbuf *b);
/* Hands the text over (NUL-terminated) or sets err and frees it. */
gwr_status rb_finish(rbuf *b, const char *name, const char *what, char **out, size_t *outlen, gwr_err *err);

/* Runs argv[0] (looked up in PATH, no shell) with stdin from /dev/null,
 * capturing stdout into out (limit out->max) and the first line of stderr into
 * errline. Killed after timeout_s seconds (*timed_out set) or when its output
 * passes the limit. Returns the exit status (0–255), 127 when it could not be
 * started (errno-like reason in errline), or -1 when killed. */
int read_run(char *const argv[], rbuf *out, char *errline, size_t errcap, int timeout_s, bool *timed_out);

/* Writes buf to a new private temporary file; its path in path (size cap).
 * Returns false when that fails. The caller unlinks it. */
bool read_tmpfile(const unsigned char *buf, size_t len, char *path, size_t cap);

/* Is prog in PATH? */
bool read_have(const char *prog);

#endif
