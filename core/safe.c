/* safe.c — the one output sanitiser (see safe.h for the table of forms). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* wcwidth */
#endif
#include "safe.h"
#include "safe_scan.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uniwidth.h>
#include <wchar.h>

/* Length of the valid UTF-8 character at s (1–4) and its code point, or 0
 * for an invalid byte (overlong, surrogate, beyond U+10FFFF, cut). */
size_t gwr_safe_char(const char *str, size_t len, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xC2 || c > 0xF4) return 0;
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len < n) return 0;
    unsigned v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Screen and text form: a character that cannot be measured the way it will
 * be drawn — unassigned, or one on which libunistring (what gwr measures
 * with) and the C library's wcwidth (what curses draws with, in a UTF-8
 * locale) disagree: U+00AD, U+0600–0605, U+3248–324F, U+4DC0–4DFF … It is
 * shown as U+FFFD, one cell everywhere. */
static int unmeasurable(unsigned cp)
{
    if (cp < 0xA0 || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF01 && cp <= 0xFF5E))
        return 0;                                   /* the common case: ASCII, CJK, its punctuation */
    if (uc_is_general_category((ucs4_t)cp, UC_CATEGORY_Cn)) return 1;
    if (MB_CUR_MAX > 1) {
        int w = wcwidth((wchar_t)cp);
        if (w < 0 || w != uc_width((ucs4_t)cp, "UTF-8")) return 1;
    }
    return 0;
}

static int is_bidi_or_line(unsigned cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* The escape of one unsafe character (cp, or the invalid byte b when n == 0)
 * in `form`, into e; returns its length, or -1 when the character is safe. */
static int escape(gwr_safe_form form, unsigned cp, size_t n, unsigned char b, char e[16])
{
    static const char hx[] = "0123456789abcdef", HX[] = "0123456789ABCDEF";
    if (n == 0) {                                               /* invalid byte */
        switch (form) {
        case GWR_SAFE_MSG: e[0] = '?'; return 1;
        case GWR_SAFE_JSON:
            memcpy(e, "\\ufffd\\\\x", 9);
            e[9] = hx[b >> 4]; e[10] = hx[b & 15];
            return 11;
        default:
            e[0] = '\\'; e[1] = 'x'; e[2] = hx[b >> 4]; e[3] = hx[b & 15];
            return 4;
        }
    }
    int ctl = cp < 0x20 || cp == 0x7F, c1 = cp >= 0x80 && cp < 0xA0, bidi = is_bidi_or_line(cp);
    switch (form) {
    case GWR_SAFE_MSG:
        if (ctl || c1 || bidi) { e[0] = '?'; return 1; }
        return -1;
    case GWR_SAFE_TEXT:
        if (cp == '\t') { e[0] = ' '; return 1; }
        if (ctl) { e[0] = '^'; e[1] = (char)(cp == 0x7F ? '?' : cp + 0x40); return 2; }
        if (!c1 && !bidi && unmeasurable(cp)) { memcpy(e, "\xEF\xBF\xBD", 3); return 3; }
        if (c1 || bidi) {
            memcpy(e, "<U+", 3);
            e[3] = HX[(cp >> 12) & 15]; e[4] = HX[(cp >> 8) & 15]; e[5] = HX[(cp >> 4) & 15]; e[6] = HX[cp & 15];
            e[7] = '>';
            return 8;
        }
        return -1;
    case GWR_SAFE_TSV:
        if (cp == '\t') { memcpy(e, "\\t", 2); return 2; }
        if (cp == '\n') { memcpy(e, "\\n", 2); return 2; }
        if (cp == '\r') { memcpy(e, "\\r", 2); return 2; }
        if (cp == '\\') { memcpy(e, "\\\\", 2); return 2; }
        if (ctl) { e[0] = '\\'; e[1] = 'x'; e[2] = hx[cp >> 4]; e[3] = hx[cp & 15]; return 4; }
        break;
    case GWR_SAFE_JSON:
        if (cp == '\t') { memcpy(e, "\\t", 2); return 2; }
        if (cp == '\n') { memcpy(e, "\\n", 2); return 2; }
        if (cp == '\\') { memcpy(e, "\\\\", 2); return 2; }
        if (cp == '"') { memcpy(e, "\\\"", 2); return 2; }
        break;
    }
    if (ctl || c1 || bidi) {                                    /* TSV and JSON: \uXXXX */
        memcpy(e, "\\u", 2);
        e[2] = hx[(cp >> 12) & 15]; e[3] = hx[(cp >> 8) & 15]; e[4] = hx[(cp >> 4) & 15]; e[5] = hx[cp & 15];
        return 6;
    }
    return -1;
}


/* Bytes that may need a look in some form: controls, DEL, '"', '\\', non-ASCII. */
static int plain_ascii(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

#if defined(__SSE2__)
/* Sixteen bytes at once, of which the first nvalid (1–16) count: how many
 * leading bytes are whole characters that `form` leaves as they are (a
 * character cut by the end of the valid bytes is left to the next look), or
 * 0 when anything valid needs a closer look. Plain: printable ASCII but the
 * backslash (and, in JSON, the double quote); three-byte characters with the
 * lead bytes of the scalar scan below, and outside the screen form also E2
 * (U+2000–2FFF: dashes, quotes, the ellipsis) but for its bidi and line
 * controls (E2 80 8E–8F, E2 80 A8–AE, E2 81 A6–A9). */
static inline __attribute__((always_inline)) unsigned plain16(__m128i v, gwr_safe_form form, unsigned nvalid)
{
    unsigned valid = (1u << nvalid) - 1;
    __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                            _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    if (form == GWR_SAFE_JSON) bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    if (gwr_ss_mask(bad) & valid) return 0;
    unsigned high = gwr_ss_mask(v) & valid;
    if (!high) return nvalid;
    unsigned cont = gwr_ss_mask(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0))) & valid, lead;   /* 80–BF */
    if (form == GWR_SAFE_TEXT) lead = gwr_ss_mask(gwr_ss_in_range(v, 0xE5, 0xE9));
    else lead = gwr_ss_mask(gwr_ss_in_range(v, 0xE1, 0xEF)) & ~gwr_ss_eq(v, 0xED);
    lead &= valid;
    if (high & ~(cont | lead)) return 0;
    unsigned cut = nvalid >= 2 ? lead >> (nvalid - 2) : lead;   /* leads too late to end in time */
    unsigned adv = cut ? nvalid - (nvalid >= 2 ? 2 : nvalid) + (unsigned)__builtin_ctz(cut) : nvalid;
    unsigned keep = (1u << adv) - 1, whole = lead & keep, want = (whole << 1) | (whole << 2);
    if ((want & ~keep) || (cont & keep) != want) return 0;
    unsigned e2 = gwr_ss_eq(v, 0xE2) & whole;
    if (e2) {
        unsigned x80 = gwr_ss_eq(v, 0x80) & (e2 << 1), x81 = gwr_ss_eq(v, 0x81) & (e2 << 1);
        unsigned bidi80 = gwr_ss_mask(_mm_or_si128(gwr_ss_in_range(v, 0x8E, 0x8F), gwr_ss_in_range(v, 0xA8, 0xAE)));
        unsigned bidi81 = gwr_ss_mask(gwr_ss_in_range(v, 0xA6, 0xA9));
        if (((x80 << 1) & bidi80) | ((x81 << 1) & bidi81)) return 0;
    }
    return adv;
}
#endif

/* The leading part of s[0,len) that escape() leaves as it is in `form`,
 * found without decoding: sixteen bytes at a time where the CPU allows
 * (plain16), then printable ASCII, and three-byte characters whose
 * lead byte rules out controls, bidi marks, surrogates and overlongs (E1,
 * E3–EC, EE–EF: U+1000–FFFF less U+2000–2FFF and U+D000–DFFF); on the
 * screen (TEXT), where a character may be unmeasurable, only U+5000–9FFF.
 * Eight ASCII bytes are looked at as one word. Anything else ends it. */
size_t gwr_safe_plain_len(gwr_safe_form form, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
#if defined(__SSE2__)
    while (len - i >= 16) {
        unsigned a = plain16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), form, 16);
        if (!a) break;
        i += a;
    }
#endif
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            while (i + 8 <= len) {   /* a word of printable ASCII other than '"' and '\\' */
                uint64_t w;
                memcpy(&w, s + i, 8);
                uint64_t x1 = w ^ (ones * '"'), x2 = w ^ (ones * '\\'), x3 = w ^ (ones * 0x7F);
                uint64_t bad = ((w - ones * 0x20) & ~w) | ((x1 - ones) & ~x1) | ((x2 - ones) & ~x2) |
                               ((x3 - ones) & ~x3) | w;
                if (bad & high) break;
                i += 8;
            }
            if (i < len && plain_ascii(s[i])) { i++; continue; }
            if (i < len && s[i] >= 0x80) continue;
            return i;
        }
        /* lead bytes allowed, as a set of low nibbles of Ex: E5–E9, or E1, E3–EC, EE–EF */
        unsigned allow = form == GWR_SAFE_TEXT ? 0x03E0u : 0xDFFAu;
        while (i + 8 <= len) {   /* two characters per word */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) break;
            if (!((allow >> (w & 0x0F)) & (allow >> ((w >> 24) & 0x0F)) & 1)) break;
            i += 6;
        }
        if (i >= len || s[i] < 0x80) continue;
        c = s[i];
        if (i + 3 > len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return i;
        if ((c & 0xF0) != 0xE0 || !((allow >> (c & 0x0F)) & 1)) return i;
        i += 3;
    }
    return i;
}

size_t gwr_safe_plain_len_padded(gwr_safe_form form, const char *str, size_t len)
{
#if defined(__SSE2__)
    if (form == GWR_SAFE_TSV) return gwr_safe_scan_padded(GWR_SAFE_TSV, str, len);   /* the common case, specialised */
    return gwr_safe_scan_padded(form, str, len);
#else
    return gwr_safe_plain_len(form, str, len);
#endif
}

typedef struct sink { FILE *f; char *out; size_t cap, o; int full; } sink;

/* A run of safe text that does not fit is cut at a character boundary; an
 * escape (whole = 1) goes in whole or not at all. */
static void emit(sink *k, const char *s, size_t n, int whole)
{
    if (k->f) { if (n) fwrite(s, 1, n, k->f); return; }
    if (k->full) return;
    if (k->o + n >= k->cap) {
        k->full = 1;
        if (whole) return;
        n = k->cap - 1 - k->o;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    }
    memcpy(k->out + k->o, s, n);
    k->o += n;
}

static void run(sink *k, gwr_safe_form form, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, start = 0;
    while (i < len && !k->full) {
        size_t pl = gwr_safe_plain_len(form, s + i, len - i);
        if (pl) { i += pl; continue; }
        if (plain_ascii(p[i])) { i++; continue; }
        unsigned cp = 0;
        size_t n = gwr_safe_char((const char *)p + i, len - i, &cp);
        char e[16];
        int el = escape(form, cp, n, p[i], e);
        if (el < 0) { i += n; continue; }                       /* safe: stays in the run */
        emit(k, s + start, i - start, 0);
        emit(k, e, (size_t)el, 1);
        i += n ? n : 1;
        start = i;
    }
    emit(k, s + start, i - start, 0);
}

void gwr_safe_put(FILE *f, gwr_safe_form form, const char *s, size_t len)
{
    sink k = { .f = f };
    if (s) run(&k, form, s, len);
}

size_t gwr_safe_copy(gwr_safe_form form, const char *s, size_t len, char *out, size_t cap)
{
    if (cap == 0) return 0;
    sink k = { .out = out, .cap = cap };
    if (s) run(&k, form, s, len);
    out[k.o] = '\0';
    return k.o;
}
