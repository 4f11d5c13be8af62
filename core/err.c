/* err.c — filling a gwr_err. */
#include "err.h"
#include "safe.h"
#include <string.h>
#include <stdio.h>

gwr_status gwr_err_set(gwr_err *err, gwr_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
        /* one line, and nothing that drives a terminal: a file name may hold
         * any byte. The message form of the output sanitiser makes every
         * control, bidi control and invalid byte a '?' (a UTF-8 character
         * cut by the size limit too). */
        char raw[sizeof err->msg];
        memcpy(raw, err->msg, sizeof raw);
        size_t n = strlen(raw);
        unsigned char *p = (unsigned char *)raw + n, *q = p;
        while (q > (unsigned char *)raw && (q[-1] & 0xC0) == 0x80) q--;
        if (q > (unsigned char *)raw && q[-1] >= 0xC0) {
            size_t need = q[-1] >= 0xF0 ? 4 : q[-1] >= 0xE0 ? 3 : 2;
            if ((size_t)(p - q) + 1 < need) q[-1] = '\0';       /* cut by vsnprintf: dropped */
        }
        gwr_safe_copy(GWR_SAFE_MSG, raw, strlen(raw), err->msg, sizeof err->msg);
    }
    return code;
}
