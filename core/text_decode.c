/* text_decode.c — bytes → validated UTF-8 with LF line ends.
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and GB18030/GBK when
 * the bytes are not (mostly) valid UTF-8. Stray invalid sequences become
 * U+FFFD and are counted; NUL bytes and control-heavy data are refused. */
#include "text_internal.h"
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s, or 0 if invalid (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
static size_t utf8_valid_len(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t avail = (size_t)(end - s);
    if (c >= 0xC2 && c <= 0xDF) return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] >= 0xA0) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

/* Do the eight bytes of w (in memory order) start with two valid three-byte
 * characters led by E1–EC or EE–EF (no overlong E0, no surrogate ED)? Nearly
 * every character of a report is one. */
static inline bool two_cjk(uint64_t w)
{
    if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) return false;
    unsigned l1 = (unsigned)(w & 0x0F), l2 = (unsigned)(w >> 24) & 0x0F;
    return !(((0x2001u >> l1) | (0x2001u >> l2)) & 1);   /* lead nibble 0 or D */
}

/* Copies UTF-8 into out (capacity len + 2*invalid + 1) turning CRLF/CR into
 * LF and invalid bytes into U+FFFD. Returns bytes written. */
static size_t clean_utf8(const unsigned char *s, size_t len, char *out, size_t *invalid)
{
    const unsigned char *end = s + len;
    size_t o = 0, bad = 0;
    while (s < end) {
        /* a run of bytes that stay as they are, moved at once (in place when
         * cleaning an adopted buffer: output never overtakes input) */
        const unsigned char *r = s;
        for (;;) {
            if (end - r >= 8) {
                uint64_t w;
                memcpy(&w, r, 8);
                if (two_cjk(w)) { r += 6; continue; }
            }
            if (r >= end || *r == '\r') break;
            if (*r < 0x80) { r++; continue; }
            size_t n = utf8_valid_len(r, end);
            if (n == 0) break;
            r += n;
        }
        if (r > s) {
            memmove(out + o, s, (size_t)(r - s));
            o += (size_t)(r - s);
            s = r;
            continue;
        }
        if (*s == '\r') {
            out[o++] = '\n';
            s += (s + 1 < end && s[1] == '\n') ? 2 : 1;
            continue;
        }
        memcpy(out + o, "\xEF\xBF\xBD", 3);   /* not in place: only when bad > 0 */
        o += 3;
        bad++;
        s++;
    }
    out[o] = '\0';
    if (invalid) *invalid = bad;
    return o;
}

/* Counts invalid UTF-8 bytes (and, in *high when there are any, the bytes
 * of non-ASCII characters: every byte from 0x80, valid or not). Runs of
 * ASCII are skipped eight bytes at a time, and two three-byte characters
 * E1–EC or EE–EF (nearly every character of a report) are checked with one
 * masked compare of a word. */
static bool is_ctl(unsigned c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
}

/* ctl (may be NULL): also counts the control bytes control_heavy counts. */
static size_t count_invalid_utf8_ctl(const unsigned char *s, size_t len, size_t *high, size_t *ctl)
{
    const unsigned char *start = s, *end = s + len;
    const uint64_t hibits = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    size_t bad = 0, nctl = 0;
    while (s < end) {
        if (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, 8);
            if (!(w & hibits)) {
                uint64_t x = w ^ (ones * 0x7F);
                if (ctl && (((w - ones * 0x20) & ~w) | ((x - ones) & ~x)) & hibits)   /* below 0x20, or DEL */
                    for (size_t j = 0; j < 8; j++) nctl += is_ctl(s[j]);
                s += 8;
                continue;
            }
            if (two_cjk(w)) {
                s += 6;
                while (end - s >= 8) {   /* and on, while the characters are such */
                    memcpy(&w, s, 8);
                    if (!two_cjk(w)) break;
                    s += 6;
                }
                continue;
            }
        }
        unsigned c = *s;
        if (c < 0x80) { nctl += is_ctl(c); s++; continue; }
        if (end - s >= 3) {
            uint32_t v = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
            unsigned lo = c & 0x0F;
            if ((v & 0xC0C0F0u) == 0x8080E0u && lo != 0 && lo != 0xD) {
                s += 3;
                continue;
            }
        }
        size_t n = utf8_valid_len(s, end);
        if (n == 0) { bad++; s++; } else s += n;
    }
    size_t hi = 0;
    if (bad) {   /* only then does a caller weigh the invalid against the rest */
        const unsigned char *p = start;
        for (; p + 8 <= end; p += 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            hi += (size_t)((((w & hibits) >> 7) * 0x0101010101010101ULL) >> 56);
        }
        for (; p < end; p++) hi += *p >= 0x80;
    }
    *high = hi;
    if (ctl) *ctl = nctl;
    return bad;
}

static size_t count_invalid_utf8(const unsigned char *s, size_t len, size_t *high)
{
    return count_invalid_utf8_ctl(s, len, high, NULL);
}

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

/* UTF-16 (BOM already skipped) → UTF-8 in a new buffer. Returns NULL when out
 * of memory; *nul is set when a U+0000 is met (binary). */
static char *utf16_to_utf8(const unsigned char *s, size_t len, bool be, size_t *outlen, size_t *bad, bool *nul)
{
    char *out = malloc(len / 2 * 3 + 8);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    *bad = 0;
    *nul = false;
    while (i + 1 < len) {
        unsigned long u = be ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
        i += 2;
        if (u == 0) { *nul = true; break; }
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            unsigned long v = be ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                i += 2;
                o += put_utf8(out + o, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) { u = 0xFFFD; (*bad)++; }
        o += put_utf8(out + o, u);
    }
    if (i < len) { o += put_utf8(out + o, 0xFFFD); (*bad)++; }
    *outlen = o;
    return out;
}

/* GB18030 → UTF-8 with glibc iconv; undecodable bytes become U+FFFD.
 * Returns NULL if iconv is unavailable or out of memory. */
static char *gb18030_to_utf8(const unsigned char *s, size_t len, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) cd = iconv_open("UTF-8", "GBK");
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = len * 3 + 16;   /* 2-byte → 3, 4-byte → 4, 1 → 1 or U+FFFD: 3 */
    char *out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    char *in = (char *)(uintptr_t)s, *op = out;
    size_t inleft = len, outleft = cap;
    *bad = 0;
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
            break;   /* E2BIG cannot happen with cap = 2*len+16 */
        }
    }
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    return out;
}

static gwr_status build_lines(gwr_text *t, const char *name, gwr_err *err)
{
    size_t n = 1;
    for (const char *p = t->orig; (p = memchr(p, '\n', (size_t)(t->orig + t->orig_len - p))) != NULL; p++) n++;
    t->line_start = malloc(n * sizeof *t->line_start);
    if (!t->line_start) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    t->nlines = 0;
    t->line_start[t->nlines++] = 0;
    const char *end = t->orig + t->orig_len;
    for (const char *p = t->orig; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        if (p + 1 < end) t->line_start[t->nlines++] = (uint32_t)(p + 1 - t->orig);
    return GWR_OK;
}

/* Control bytes other than tab/LF/CR/FF: more than 1 in 100 means not text.
 * Eight-byte words with no byte below 0x20 and no DEL are skipped whole. */
static bool control_heavy(const unsigned char *s, size_t len)
{
    size_t ctl = 0, i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
        uint64_t lt20 = (w - ones * 0x20) & ~w & high;          /* a byte below 0x20 */
        uint64_t x = w ^ (ones * 0x7F);
        uint64_t del = (x - ones) & ~x & high;                   /* a byte equal to 0x7F */
        if (!(lt20 | del)) {
            i += 8;
            continue;
        }
        for (size_t j = 0; j < 8; j++) {
            unsigned c = s[i + j];
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) ctl++;
        }
        i += 8;
    }
    for (; i < len; i++) {
        unsigned c = s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) ctl++;
    }
    return ctl * 100 > len;
}

/* Final step shared by every encoding: clean (CR, invalid) into t->orig.
 * When *own is the buffer holding s (with room for one more byte) and s has
 * no invalid sequence, the cleaning is done in place — output never overtakes
 * input — and the buffer becomes t->orig (*own is set to NULL). */
static gwr_status take_utf8(gwr_text *t, const char *name, const unsigned char *s, size_t len, size_t extra_bad,
                            size_t known_bad, char **own, gwr_err *err)
{
    size_t hi, bad = known_bad != SIZE_MAX ? known_bad : count_invalid_utf8(s, len, &hi);
    if (bad == 0 && !memchr(s, '\r', len)) {
        /* nothing to clean: moved (or copied) as it is */
        if (own && *own && (const char *)s >= *own) {
            t->orig = *own;
            *own = NULL;
            memmove(t->orig, s, len);
        } else {
            t->orig = malloc(len + 1);
            if (!t->orig) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
            memcpy(t->orig, s, len);
        }
        t->orig[len] = '\0';
        t->orig_len = len;
        t->invalid = 0;
    } else if (own && *own && bad == 0 && (const char *)s >= *own) {
        t->orig = *own;
        *own = NULL;
        t->orig_len = clean_utf8(s, len, t->orig, &t->invalid);
    } else {
        t->orig = malloc(len + 2 * bad + 1);
        if (!t->orig) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
        t->orig_len = clean_utf8(s, len, t->orig, &t->invalid);
    }
    t->invalid += extra_bad;
    if (t->orig_len >= UINT32_MAX) return gwr_err_set(err, GWR_E_IO, "%s: file too large", name);
    return build_lines(t, name, err);
}

static bool blank_only(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        size_t k = gwr_text_space_len(p, end);
        if (k) { p += k; continue; }
        if (*p == '\n') { p++; continue; }
        return false;
    }
    return true;
}

/* UTF-16 without a byte-order mark, told by its NUL pattern: NUL bytes
 * (from ASCII characters, line ends included, and from the few CJK characters
 * whose low byte is zero) nearly all in odd positions (LE) or all in even
 * positions (BE), and never a NUL pair (U+0000). Chinese text has few NULs,
 * so no minimum share is asked; the decoded text is checked afterwards.
 * Returns 1 for LE, 2 for BE, 0 otherwise. */
static int bomless_utf16(const unsigned char *s, size_t len)
{
    size_t n = len < 65536 ? len : 65536, ze = 0, zo = 0;
    if (n < 4) return 0;
    if (s[0] == 0xFF && s[1] == 0xFE) return 0;   /* with a BOM: handled by the caller */
    if (s[0] == 0xFE && s[1] == 0xFF) return 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        if (i + 8 <= n) {   /* eight bytes without a NUL: nothing to count */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
                i += 6;
                continue;
            }
        }
        if (s[i] == 0 && s[i + 1] == 0) return 0;
        ze += s[i] == 0;
        zo += s[i + 1] == 0;
    }
    if (ze + zo == 0) return 0;
    if (zo * 10 >= (ze + zo) * 9 && zo > ze) return 1;
    if (ze * 10 >= (ze + zo) * 9 && ze > zo) return 2;
    /* LE Chinese: NULs from U+xx00 characters sit in even positions, from
     * ASCII in odd ones; decide by the line ends */
    size_t lf_le = 0, lf_be = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        lf_le += s[i] == '\n' && s[i + 1] == 0;
        lf_be += s[i] == 0 && s[i + 1] == '\n';
    }
    if (lf_le > 0 && lf_be == 0) return 1;
    if (lf_be > 0 && lf_le == 0) return 2;
    return 0;
}

/* Decoded UTF-16 without a BOM must look like text: at least 9 in 10
 * characters ASCII printable/blank or CJK (ideographs, punctuation, full-width). */
static bool looks_like_text(const unsigned char *u, size_t n)
{
    size_t good = 0, all = 0;
    const unsigned char *e = u + n;
    while (u < e) {
        size_t k = utf8_valid_len(u, e);
        if (!k) { u++; all++; continue; }
        unsigned long cp = *u;
        if (k == 2) cp = (unsigned long)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        else if (k == 3) cp = (unsigned long)(u[0] & 0x0F) << 12 | (unsigned long)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        else if (k == 4) cp = 0x10000;
        all++;
        if ((cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' || cp == '\t' || (cp >= 0x2000 && cp <= 0x206F) ||
            (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
            cp == 0xB7 || cp == 0xD7 || cp == 0xFEFF)
            good++;
        u += k;
    }
    return good * 10 >= all * 9;
}

/* Does valid UTF-8 text start at s (a GB18030 pair's second byte)? Yes when
 * two multi-byte characters follow in a row, or one followed by ASCII or the
 * line end: "\xFE工作" keeps 工作; in GB18030 "中国" (D6 D0 B9 FA) the bytes
 * D0 B9 are valid UTF-8 but FA after them is not, so the pair is GB18030. */
static bool utf8_follows(const unsigned char *s, const unsigned char *end)
{
    size_t chain = 0;
    while (s < end && *s >= 0x80) {
        size_t k = utf8_valid_len(s, end);
        if (!k) return chain >= 2;
        chain++;
        if (chain >= 2) return true;
        s += k;
    }
    return chain >= 1;
}

/* UTF-8 text holding stretches of GB18030 (paragraphs copied between editors).
 * Each line that is not valid UTF-8 but is valid GB18030 is decoded as
 * GB18030; in other lines each invalid position where a GB18030 character
 * (2 or 4 bytes) is valid is decoded as that character, any other invalid
 * byte becomes U+FFFD. Counts: *bad (U+FFFD written), *repaired (GB18030
 * characters decoded), *gbytes (bytes they took), *ubytes (bytes of valid
 * multi-byte UTF-8). Returns NULL when out of memory or without iconv. */
static char *mixed_to_utf8(const unsigned char *s, size_t len, size_t *outlen, size_t *bad, size_t *repaired,
                           size_t *gbytes, size_t *ubytes)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) return NULL;
    /* at most 3 output bytes per input byte (U+FFFD for one byte) */
    size_t cap = len * 3 + 16;
    char *out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    size_t o = 0;
    *bad = *repaired = *gbytes = *ubytes = 0;
    const unsigned char *end = s + len;
    while (s < end) {
        const unsigned char *le = memchr(s, '\n', (size_t)(end - s));
        le = le ? le + 1 : end;
        /* valid UTF-8 line? */
        const unsigned char *p = s;
        size_t ub = 0;
        while (p < le) {
            size_t k = utf8_valid_len(p, le);
            if (!k) break;
            if (k > 1) ub += k;
            p += k;
        }
        if (p == le) {
            memcpy(out + o, s, (size_t)(le - s));
            o += (size_t)(le - s);
            *ubytes += ub;
            s = le;
            continue;
        }
        /* the whole line as GB18030 */
        char *in = (char *)(uintptr_t)s, *op = out + o;
        size_t inl = (size_t)(le - s), outl = cap - o;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &in, &inl, &op, &outl) != (size_t)-1 && inl == 0) {
            size_t chars = 0;
            for (const unsigned char *q = s; q < le;) {
                if (*q < 0x80) { q++; continue; }
                size_t k = (q + 1 < le && q[1] >= 0x30 && q[1] <= 0x39) ? 4 : 2;
                chars++;
                q += k;
            }
            *repaired += chars;
            *gbytes += (size_t)(le - s);
            o = (size_t)(op - out);
            s = le;
            continue;
        }
        /* position by position */
        while (s < le) {
            size_t k = utf8_valid_len(s, le);
            if (k) {
                if (k > 1) *ubytes += k;
                memcpy(out + o, s, k);
                o += k;
                s += k;
                continue;
            }
            size_t g = 0;
            if (s[0] >= 0x81 && s[0] <= 0xFE && s + 1 < le) {
                if (s[1] >= 0x30 && s[1] <= 0x39) {
                    if (s + 3 < le && s[2] >= 0x81 && s[2] <= 0xFE && s[3] >= 0x30 && s[3] <= 0x39) g = 4;
                } else if (s[1] >= 0x40 && s[1] <= 0xFE && s[1] != 0x7F && !utf8_follows(s + 1, le)) {
                    g = 2;
                }
            }
            if (g) {
                char *gi = (char *)(uintptr_t)s, *go = out + o;
                size_t gil = g, gol = cap - o;
                iconv(cd, NULL, NULL, NULL, NULL);
                if (iconv(cd, &gi, &gil, &go, &gol) != (size_t)-1 && gil == 0) {
                    o = (size_t)(go - out);
                    (*repaired)++;
                    *gbytes += g;
                    s += g;
                    continue;
                }
            }
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            (*bad)++;
            s++;
        }
    }
    iconv_close(cd);
    *outlen = o;
    return out;
}

gwr_status gwr_text_decode(gwr_text *t, const char *name, const unsigned char *buf, size_t len, char **own, gwr_err *err)
{
    gwr_status st;
    int u16 = bomless_utf16(buf, len);
    bool bom16 = len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF));
    if (bom16 && len > 2 && !memchr(buf + 2, '\0', len - 2)) {
        /* UTF-16 text has NUL bytes (line ends, digits) unless it is all CJK;
         * after this BOM the bytes are NUL-free and valid UTF-8: the BOM lies */
        size_t hi, bad = count_invalid_utf8(buf + 2, len - 2, &hi);
        if (bad == 0)
            return gwr_err_set(err, GWR_E_ENCODING, "%s: BOM says UTF-16 but the text is not (it is UTF-8 after the "
                               "first two bytes; remove them)", name);
    }
    if (u16 || bom16) {
        bool be = u16 ? u16 == 2 : buf[0] == 0xFE, nul;
        size_t n, bad, skip = u16 ? 0 : 2;
        char *u = utf16_to_utf8(buf + skip, len - skip, be, &n, &bad, &nul);
        if (!u) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
        if (nul) {
            free(u);
            return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL characters), not a text report", name);
        }
        t->encoding = be ? "UTF-16BE" : "UTF-16LE";
        if (bad * 10 > n / 3 + 1 || control_heavy((const unsigned char *)u, n) ||
            (u16 && !looks_like_text((const unsigned char *)u, n))) {
            free(u);
            if (u16 && !bom16)
                return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL bytes), not a text report", name);
            return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
        }
        st = take_utf8(t, name, (const unsigned char *)u, n, bad, SIZE_MAX, &u, err);
        free(u);
    } else {
        if (memchr(buf, '\0', len))
            return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL bytes), not a text report", name);
        size_t off = 0;
        if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) off = 3;
        /* one pass: the control bytes (as control_heavy counts them; the BOM
         * holds none) and the invalid sequences */
        size_t hi, ctl, bad = count_invalid_utf8_ctl(buf + off, len - off, &hi, &ctl);
        if (ctl * 100 > len)
            return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (control bytes), not a text report", name);
        t->encoding = off ? "UTF-8 (BOM)" : "UTF-8";
        if (bad > 0) {
            /* UTF-8 with stretches of GB18030, or GB18030 throughout: the
             * decoding that leaves fewer invalid sequences (on a tie, the one
             * holding more of the non-ASCII bytes) */
            size_t mn, mbad, rep, gbytes, ubytes;
            char *m = mixed_to_utf8(buf + off, len - off, &mn, &mbad, &rep, &gbytes, &ubytes);
            size_t gn = 0, gbad = (size_t)-1;
            char *g = off == 0 && m ? gb18030_to_utf8(buf, len, &gn, &gbad) : NULL;
            if (m && (!g || mbad < gbad || (mbad == gbad && ubytes > gbytes))) {
                free(g);
                if (mbad * 4 > hi && rep == 0) {
                    free(m);
                    return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
                }
                st = take_utf8(t, name, (const unsigned char *)m, mn, mbad, 0, &m, err);
                t->repaired = rep;
                free(m);
                goto decoded;
            }
            free(m);
            free(g);
        }
        if (bad == 0 || (off == 3) || bad * 50 <= hi) {
            /* valid, or mostly valid UTF-8: stray bytes become U+FFFD */
            st = take_utf8(t, name, buf + off, len - off, 0, bad, own, err);
        } else {
            size_t n, gbad;
            char *u = gb18030_to_utf8(buf, len, &n, &gbad);
            if (u && gbad * 50 <= hi) {
                t->encoding = "GB18030";
                st = take_utf8(t, name, (const unsigned char *)u, n, gbad, SIZE_MAX, &u, err);
            } else if (bad * 4 <= hi) {
                st = take_utf8(t, name, buf + off, len - off, 0, bad, own, err);
            } else {
                free(u);
                return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
            }
            free(u);
        }
    }
decoded:
    if (st != GWR_OK) return st;
    if (blank_only(t->orig, t->orig_len)) return gwr_err_set(err, GWR_E_EMPTY, "%s: empty file (only blank lines)", name);
    return GWR_OK;
}
