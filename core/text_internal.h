/* text_internal.h — steps of the loader shared by text.c, text_decode.c and
 * text_norm.c (not part of the public API). */
#ifndef GWR_TEXT_INTERNAL_H
#define GWR_TEXT_INTERNAL_H
#include "text.h"
#include <stdbool.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Largest input accepted: offsets are 32-bit and GB18030 grows by half. */
#define GWR_TEXT_MAX_INPUT ((size_t)1 << 30)

/* bytes → t->orig (UTF-8, LF line ends), t->encoding, t->invalid, line index.
 * own (may be NULL) points to a malloc'd buffer holding buf with one spare
 * byte: the decoder may adopt it as t->orig, then sets *own to NULL. */
/* Where the characters that the analysis form changes stand in t->orig,
 * found by the decoder's scan (see gwr_utf8_scan.sp) and handed to the
 * normaliser; when not known, the normaliser looks for them itself. */
typedef struct gwr_text_specials {
    bool      known;
    uint32_t *at;         /* n offsets, ascending (malloc'd; NULL when n is 0) */
    size_t    n;
} gwr_text_specials;

/* sp (may be NULL) receives the special characters of t->orig when the scan
 * that indexes its lines finds them; the caller frees sp->at. */
gwr_status gwr_text_decode(gwr_text *t, const char *name, const unsigned char *buf, size_t len, char **own,
                           gwr_text_specials *sp, gwr_err *err);
/* Like gwr_text_load_mem on a malloc'd buffer (len < its size) that may be adopted. */
gwr_status gwr_text_load_owned(gwr_text *t, const char *name, char **buf, size_t len, gwr_err *err);
/* t->orig → t->norm with its map; sets t->pdf_layout. sp (may be NULL or
 * unknown): the special characters of t->orig, from gwr_text_decode. */
gwr_status gwr_text_normalise(gwr_text *t, const char *name, const gwr_text_specials *sp, gwr_err *err);

/* Whitespace at s (ASCII blank, U+3000, U+00A0, U+FEFF): its byte length, else 0. */
size_t gwr_text_space_len(const unsigned char *s, const unsigned char *end);

/* A terminal control sequence (ESC …, C1 as UTF-8) or control character
 * (C0 other than blanks and LF, DEL) at s: its byte length, else 0. */
size_t gwr_text_control_len(const unsigned char *s, const unsigned char *end);

/* An invisible format character at s (soft hyphen U+00AD, U+061C, U+180E,
 * U+200B–200F, U+202A–202E, U+2060–2064, U+2066–2069, U+FEFF): its byte
 * length, else 0. The analysis form drops them, as it drops controls. */
size_t gwr_text_format_len(const unsigned char *s, const unsigned char *end);

/* Length of the valid UTF-8 sequence at s (s < end), or 0 if invalid
 * (overlongs, surrogates and values above U+10FFFF are invalid). */
static inline size_t gwr_utf8_valid_len(const unsigned char *s, const unsigned char *end)
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

/* Characters (bytes that are not continuation bytes) in s[0,n), for a short
 * line (n below 4000):
 * continuation bytes counted sixteen at a time, the last look ending at the
 * line's end with the bytes already counted masked off. */
static inline size_t gwr_text_line_chars(const char *str, size_t n)
{
#ifdef __SSE2__
    if (n >= 16) {
        static const unsigned char tail[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
        const unsigned char *s = (const unsigned char *)str;
        const __m128i c0 = _mm_set1_epi8((char)0xC0);
        __m128i acc = _mm_setzero_si128();   /* continuation bytes, per lane */
        size_t i = 0;
        for (; i + 16 <= n; i += 16) acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(s + i)), c0));
        if (i < n) {
            __m128i keep = _mm_loadu_si128((const __m128i *)(tail + (n - i)));   /* the last n - i lanes */
            acc = _mm_sub_epi8(acc, _mm_and_si128(keep, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(s + n - 16)), c0)));
        }
        __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
        return n - (size_t)_mm_cvtsi128_si32(sum) - (size_t)_mm_extract_epi16(sum, 4);
    }
#endif
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)str[i] & 0xC0) != 0x80;
    return c;
}

/* One pass over UTF-8 bytes (text_scan.c): invalid sequences, control bytes,
 * CR, NUL and line starts. */
typedef struct gwr_utf8_scan {
    bool      lines;      /* in: collect line starts into lf */
    bool      stop;       /* in: stop counting invalid sequences once bad * 50 > high */
    size_t    bad;        /* invalid sequences (each byte outside a valid one); when
                           * over, only a lower bound above high / 50 */
    size_t    ctl;        /* control bytes: C0 other than tab, LF, CR, FF and ESC; DEL */
    size_t    high;       /* bytes from 0x80 (counted only when bad > 0) */
    size_t    bad_cap;
    bool      cr, nul;    /* a CR, a NUL byte seen */
    bool      over;       /* stopped counting invalid sequences */
    bool      lf_oom;     /* out of memory collecting line starts */
    uint32_t *lf;         /* 0 and the offset after each LF that is not the last byte */
    size_t    nlf, lf_cap;
    bool      specials;   /* in: collect the special characters into sp */
    bool      sp_off;     /* sp not kept (too many, out of memory, or the check stopped) */
    uint32_t *sp;         /* offsets of the characters gwr_text_next_special stops at
                           * (LF excepted), ascending; exact where the text is valid */
    size_t    nsp, sp_cap;
} gwr_utf8_scan;

/* The widest byte scans used: 2 (AVX2, where the processor has it), 1
 * (SSE2), 0 (a byte at a time). Every width gives the same results; tests
 * lower gwr_text_simd to check each against the others. */
extern int gwr_text_simd;
/* 1: GB18030 two-byte characters decoded by a table read from iconv once
 * (the same results as iconv throughout; tests set 0 to compare). */
extern int gwr_text_gb_table;

/* GB18030 s[0,len) → UTF-8 in a new buffer, undecodable bytes as U+FFFD
 * (counted in *bad); NULL without iconv or memory (text_gb.c). */
char *gwr_gb18030_to_utf8(const unsigned char *s, size_t len, size_t *outlen, size_t *bad);

/* Code point cp as UTF-8 at o (room for 4 bytes); the bytes written. */
static inline size_t gwr_put_utf8(char *o, unsigned long cp)
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
int gwr_text_simd_level(void);

/* gwr_utf8_count_upto with the widest scan, or SIZE_MAX when it has none for
 * s[0,n) (then the caller counts). */
size_t gwr_text_count_chars(const char *s, size_t n, size_t cap);

/* Fills sc (lines and stop set by the caller; lf NULL or malloc'd). */
void   gwr_utf8_scan_run(const unsigned char *s, size_t len, gwr_utf8_scan *sc);
/* Bytes from 0x80 in s[0,len). */
size_t gwr_count_high(const unsigned char *s, size_t len);
/* The first character in [s, end) that the analysis form changes (a blank,
 * control, format character or folded full-width form; see text_norm.c),
 * else end. s is a character boundary of valid UTF-8; [base, end) may be
 * read. */
const unsigned char *gwr_text_next_special(const unsigned char *base, const unsigned char *s, const unsigned char *end);

#endif
