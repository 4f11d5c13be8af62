/* uwidth.c — sanitise → measure → clip, on libunistring. */
#include "uwidth.h"
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

static size_t put(char *out, size_t cap, size_t o, const char *s, size_t n)
{
    if (o + n < cap) {
        memcpy(out + o, s, n);
        return o + n;
    }
    return o;
}

size_t gwr_sanitize(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    if (cap == 0) return 0;
    while (i < len) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
        size_t before = o;
        if (n <= 0) n = 1;
        if (uc == 0xFFFD && !(n == 3 && (unsigned char)s[i] == 0xEF)) {
            o = put(out, cap, o, "\xEF\xBF\xBD", 3);          /* invalid sequence */
        } else if (uc == '\t') {
            o = put(out, cap, o, " ", 1);
        } else if (uc < 0x20 || uc == 0x7F) {
            char e[3] = { '^', (char)(uc == 0x7F ? '?' : uc + 0x40), 0 };
            o = put(out, cap, o, e, 2);
        } else if (uc >= 0x80 && uc < 0xA0) {
            char e[12];
            static const char hx[] = "0123456789ABCDEF";
            memcpy(e, "<U+00", 5);
            e[5] = hx[(uc >> 4) & 15];
            e[6] = hx[uc & 15];
            e[7] = '>';
            o = put(out, cap, o, e, 8);
        } else if (uc == 0x2028 || uc == 0x2029 || (uc >= 0x202A && uc <= 0x202E) ||
                   (uc >= 0x2066 && uc <= 0x2069)) {
            o = put(out, cap, o, "\xEF\xBF\xBD", 3);           /* line/bidi controls */
        } else {
            o = put(out, cap, o, s + i, (size_t)n);
        }
        if (o == before) break;                                /* out of room */
        i += (size_t)n;
    }
    out[o] = '\0';
    return o;
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
