/* text_gb.c — GB18030 (and GBK, its subset) → UTF-8. Two-byte characters,
 * nearly every character of a GBK report, come from a table whose rows
 * iconv fills once per process; everything else goes through iconv. */
#include "text_internal.h"
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int gwr_text_gb_table = 1;

#if defined(__STDC_ISO_10646__) && defined(__WCHAR_MAX__) && __WCHAR_MAX__ >= 0x10FFFF
/* GB18030's two-byte characters (lead 81–FE, trail 40–7E or 80–FE: nearly
 * every character of a GBK report) by table: the row of a lead byte is
 * decoded by iconv once, the first time a text uses that lead (a report uses
 * about seventy of the 126), and kept for the process. An entry is the
 * character's UTF-8 (three bytes, first in the lowest), or 0 where iconv is
 * asked each time (a pair it refuses, or a character of other length).
 * Rows are filled under a lock and published by their flag. */
static uint32_t gb_tab[128][256];   /* [lead - 0x80][trail] */
static atomic_uchar gb_ready[128];
static pthread_mutex_t gb_mu = PTHREAD_MUTEX_INITIALIZER;

static void gb_fill_row(iconv_t wd, unsigned lead)
{
    unsigned char in[2 * 191];
    unsigned char trail[191];
    uint32_t *row = gb_tab[lead - 0x80];
    size_t n = 0;
    for (unsigned t = 0x40; t <= 0xFE; t++) {
        if (t == 0x7F) continue;
        trail[n / 2] = (unsigned char)t;
        in[n++] = (unsigned char)lead;
        in[n++] = (unsigned char)t;
    }
    char *ip = (char *)in;
    size_t il = n;
    wchar_t w[191];
    iconv(wd, NULL, NULL, NULL, NULL);
    while (il > 0) {
        char *wp = (char *)w, *from = ip;
        size_t wl = sizeof w;
        size_t r = iconv(wd, &ip, &il, &wp, &wl);
        size_t got = (size_t)(wp - (char *)w) / sizeof *w, used = (size_t)(ip - from);
        if (used != got * 2) {   /* not one pair for each character: leave the row to iconv */
            memset(row, 0, sizeof gb_tab[0]);
            return;
        }
        for (size_t k = 0; k < got; k++) {
            unsigned long cp = (unsigned long)w[k];
            size_t pair = (size_t)(from - (char *)in) / 2 + k;
            if (cp >= 0x800 && cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF))
                row[trail[pair]] = (uint32_t)(0xE0 | (cp >> 12)) | (uint32_t)(0x80 | ((cp >> 6) & 0x3F)) << 8 |
                                   (uint32_t)(0x80 | (cp & 0x3F)) << 16;
        }
        if (r != (size_t)-1 || il < 2) break;
        ip += 2;   /* a pair iconv refuses: 0 */
        il -= 2;
    }
}

/* The row of lead (80–FF) ready to read (those of 80 and FF stay empty). */
static void gb_row(iconv_t wd, unsigned lead)
{
    unsigned r = lead - 0x80;
    if (atomic_load_explicit(&gb_ready[r], memory_order_acquire)) return;
    pthread_mutex_lock(&gb_mu);
    if (!atomic_load_explicit(&gb_ready[r], memory_order_relaxed)) {
        if (lead >= 0x81 && lead <= 0xFE) gb_fill_row(wd, lead);
        atomic_store_explicit(&gb_ready[r], 1, memory_order_release);
    }
    pthread_mutex_unlock(&gb_mu);
}

/* GB18030 s[0,len) → UTF-8 into out (room for 3 * len + 16 bytes): pairs by
 * the table, anything else by iconv, a few characters at a time (U+FFFD and
 * one byte skipped where it decodes nothing) — the same text as a conversion
 * of the whole by iconv, GB18030 being stateless. */
static size_t gb_decode(iconv_t wd, const unsigned char *s, size_t len, char *out, size_t *bad)
{
    size_t i = 0, o = 0;
    unsigned char seen[128] = { 0 };   /* rows known ready in this call */
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 < len) {
            unsigned r = c - 0x80;
            if (!seen[r]) {
                gb_row(wd, c);
                seen[r] = 1;
            }
            uint32_t v = gb_tab[r][s[i + 1]];
            if (v) {
                memcpy(out + o, &v, 4);   /* three bytes and one spare (written over next) */
                o += 3;
                i += 2;
                continue;
            }
        }
        wchar_t w[4];
        char *in = (char *)(uintptr_t)(s + i), *wp = (char *)w;
        size_t il = len - i, wl = sizeof w;
        (void)iconv(wd, &in, &il, &wp, &wl);
        if (wp != (char *)w) {   /* up to four characters */
            for (const wchar_t *q = w; q < (const wchar_t *)(uintptr_t)wp; q++) o += gwr_put_utf8(out + o, (unsigned long)*q);
            i = (size_t)((const unsigned char *)in - s);
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            (*bad)++;
            i++;
        }
    }
    return o;
}
#endif

/* GB18030 → UTF-8 with iconv; undecodable bytes become U+FFFD.
 * Returns NULL if iconv is unavailable or out of memory. Where wchar_t holds
 * Unicode code points, iconv decodes into a buffer of them (one conversion
 * step instead of two) and they are written as UTF-8 here. */
char *gwr_gb18030_to_utf8(const unsigned char *s, size_t len, size_t *outlen, size_t *bad)
{
    size_t cap = len * 3 + 16;   /* 2-byte → 3, 4-byte → 4, 1 → 1 or U+FFFD: 3 */
    char *in = (char *)(uintptr_t)s, *out, *op;
    size_t inleft = len, outleft;
    *bad = 0;
#if defined(__STDC_ISO_10646__) && defined(__WCHAR_MAX__) && __WCHAR_MAX__ >= 0x10FFFF
    iconv_t wd = iconv_open("WCHAR_T", "GB18030");
    if (wd != (iconv_t)-1) {
        if (gwr_text_gb_table) {
            out = malloc(cap);
            if (!out) {
                iconv_close(wd);
                return NULL;
            }
            *outlen = gb_decode(wd, s, len, out, bad);
            iconv_close(wd);
            return out;
        }
        enum { CHUNK = 8192 };
        wchar_t *w = malloc(CHUNK * sizeof *w);
        out = malloc(cap);
        if (!w || !out) {
            free(w);
            free(out);
            iconv_close(wd);
            return NULL;
        }
        size_t o = 0;
        while (inleft > 0) {
            char *wp = (char *)w;
            size_t wleft = CHUNK * sizeof *w;
            size_t r = iconv(wd, &in, &inleft, &wp, &wleft);
            int e = r == (size_t)-1 ? errno : 0;
            for (const wchar_t *q = w, *qe = (const wchar_t *)(uintptr_t)wp; q < qe; q++) {
                unsigned long cp = (unsigned long)*q;
                if (cp < 0x80) {
                    out[o++] = (char)cp;
                } else if (cp >= 0x800 && cp < 0x10000) {   /* nearly every character */
                    out[o] = (char)(0xE0 | (cp >> 12));
                    out[o + 1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    out[o + 2] = (char)(0x80 | (cp & 0x3F));
                    o += 3;
                } else {
                    o += gwr_put_utf8(out + o, cp);
                }
            }
            if (r != (size_t)-1) break;
            if (e == EILSEQ || e == EINVAL) {
                memcpy(out + o, "\xEF\xBF\xBD", 3);
                o += 3;
                in++;
                inleft--;
                (*bad)++;
            } else if (e != E2BIG) {
                break;
            }
        }
        free(w);
        iconv_close(wd);
        *outlen = o;
        return out;
    }
#endif
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) cd = iconv_open("UTF-8", "GBK");
    if (cd == (iconv_t)-1) return NULL;
    out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    op = out;
    outleft = cap;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &op, &outleft);
        if (r != (size_t)-1) break;
        if (errno == EILSEQ || errno == EINVAL) {
            if (outleft < 3) break;
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3;
            outleft -= 3;
            in++;
            inleft--;
            (*bad)++;
        } else {
            break;   /* E2BIG cannot happen with cap = 3*len+16 */
        }
    }
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    return out;
}
