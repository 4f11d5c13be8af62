/* err.c — filling a gwr_err. */
#include "err.h"
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
         * any byte. C0 controls and DEL become '?', C1 (C2 80–9F) "??"; a
         * UTF-8 sequence cut by the size limit is dropped. */
        unsigned char *p = (unsigned char *)err->msg;
        for (; *p; p++) {
            if (*p < 0x20 || *p == 0x7F) *p = '?';
            else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) p[0] = p[1] = '?';
        }
        unsigned char *q = p;
        while (q > (unsigned char *)err->msg && (q[-1] & 0xC0) == 0x80) q--;
        if (q > (unsigned char *)err->msg && q[-1] >= 0xC0) {
            size_t need = q[-1] >= 0xF0 ? 4 : q[-1] >= 0xE0 ? 3 : 2;
            if ((size_t)(p - q) + 1 < need) q[-1] = '\0';
        }
    }
    return code;
}
