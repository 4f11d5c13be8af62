/* uwidth.c — sanitise → measure → clip, on libunistring. */
#include "uwidth.h"
#include "safe.h"
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

size_t gwr_sanitize(const char *s, size_t len, char *out, size_t cap)
{
    return gwr_safe_copy(GWR_SAFE_TEXT, s, len, out, cap);
}

int gwr_shown_width(const char *s, size_t len, size_t *clen)
{
    unsigned cp = 0;
    size_t n = len ? gwr_safe_char(s, len, &cp) : 1;
    *clen = n ? n : 1;
    if (n == 1 && cp >= 0x20 && cp < 0x7F) return 1;
    if (n == 3 && cp >= 0x4E00 && cp <= 0x9FFF) return 2;
    char buf[16];
    size_t k = gwr_safe_copy(GWR_SAFE_TEXT, s, *clen, buf, sizeof buf);
    return gwr_width(buf, k);
}

int gwr_char_width(const char *s, size_t len, size_t *clen)
{
    ucs4_t uc;
    int n = u8_mbtouc(&uc, (const uint8_t *)s, len);
    if (n <= 0) n = 1;
    *clen = (size_t)n;
    int w = uc_width(uc, "UTF-8");
    return w < 0 ? 1 : w;
}

int gwr_width(const char *s, size_t len)
{
    int w = 0;
    size_t i = 0, cl;
    while (i < len) {
        w += gwr_char_width(s + i, len - i, &cl);
        i += cl;
    }
    return w;
}

size_t gwr_clip(const char *s, size_t len, int cells, int *used)
{
    int w = 0;
    size_t i = 0, cl;
    while (i < len) {
        int cw = gwr_char_width(s + i, len - i, &cl);
        if (w + cw > cells) break;
        w += cw;
        i += cl;
    }
    if (used) *used = w;
    return i;
}
