/* safe_scan.h — the sanitiser's sixteen-byte scan (gwr_safe_plain_len_padded),
 * inline for a writer that checks every field of a large export. Internal to
 * core: safe.c and the TSV writer. */
#ifndef GWR_SAFE_SCAN_H
#define GWR_SAFE_SCAN_H
#include <stdbool.h>
#include <stddef.h>
#include "safe.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bytes x with lo <= x <= hi (unsigned), as 0xFF lanes. */
static inline __m128i gwr_ss_in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(hi - lo))), _mm_setzero_si128());
}

static inline unsigned gwr_ss_mask(__m128i m) { return (unsigned)_mm_movemask_epi8(m); }
static inline unsigned gwr_ss_eq(__m128i v, unsigned char c) { return gwr_ss_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)c))); }

/* Sixteen bytes at a time to the end, the last look masked to the bytes
 * that count. A three-byte character may run across two looks: `carry`
 * holds the continuation bytes the next look must begin with. */
static inline __attribute__((always_inline)) size_t gwr_safe_scan_padded(gwr_safe_form form, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    unsigned carry = 0;
    const __m128i c1f = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F), bsl = _mm_set1_epi8('\\'),
                  quo = _mm_set1_epi8('"'), c0 = _mm_set1_epi8((char)0xC0);
    for (;;) {
        size_t rest = len - i;
        if (rest == 0) return len;
        unsigned valid = rest >= 16 ? 0xFFFFu : (1u << rest) - 1;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, bsl)));
        if (form == GWR_SAFE_JSON) bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, quo));
        if (gwr_ss_mask(bad) & valid) break;
        unsigned high = gwr_ss_mask(v) & valid;
        if (high | carry) {
            unsigned cont = gwr_ss_mask(_mm_cmplt_epi8(v, c0)) & valid, lead;
            if (form == GWR_SAFE_TEXT) lead = gwr_ss_mask(gwr_ss_in_range(v, 0xE5, 0xE9));
            else lead = gwr_ss_mask(gwr_ss_in_range(v, 0xE1, 0xEF)) & ~gwr_ss_eq(v, 0xED);
            lead &= valid;
            unsigned want = (lead << 1) | (lead << 2) | carry;
            if ((high & ~(cont | lead)) | (cont ^ (want & valid))) break;
            unsigned e2 = form == GWR_SAFE_TEXT ? 0 : gwr_ss_eq(v, 0xE2) & lead;
            if (e2) {
                if (e2 & 0xC000) break;              /* its next bytes in the next look: the scalar scan decides */
                unsigned x80 = gwr_ss_eq(v, 0x80) & (e2 << 1), x81 = gwr_ss_eq(v, 0x81) & (e2 << 1);
                unsigned bidi80 = gwr_ss_mask(_mm_or_si128(gwr_ss_in_range(v, 0x8E, 0x8F), gwr_ss_in_range(v, 0xA8, 0xAE)));
                unsigned bidi81 = gwr_ss_mask(gwr_ss_in_range(v, 0xA6, 0xA9));
                if (((x80 << 1) & bidi80) | ((x81 << 1) & bidi81)) break;
            }
            if (rest <= 16) {
                if (want >> rest) break;             /* the last character is cut */
                return len;
            }
            carry = want >> 16;
        } else if (rest <= 16) {
            return len;
        }
        i += 16;
    }
    /* back to the start of the character the look began inside */
    size_t b = i - (carry == 3 ? 1 : carry == 1 ? 2 : 0);
    return b + gwr_safe_plain_len(form, str + b, len - b);
}

/* One look for a short TSV field: true only when s[0, len) (len <= 16, NULs
 * from s + len to s + 16) is plain — printable ASCII but the backslash, and
 * whole three-byte characters led by E1–EC or EE–EF other than any led by E2
 * (its bidi controls are left to the full scan). False says nothing: the
 * full scan decides. The padding takes the place of the valid-lane masks. */
static inline __attribute__((always_inline)) bool gwr_safe_tsv_plain16(const char *str, size_t len)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)str);
    const __m128i c1f = _mm_set1_epi8(0x1F);
    __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    if (gwr_ss_mask(bad) & ((1u << len) - 1)) return false;
    unsigned high = gwr_ss_mask(v);            /* the NULs past len have none */
    if (!high) return true;
    unsigned cont = gwr_ss_mask(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
    unsigned lead = gwr_ss_mask(gwr_ss_in_range(v, 0xE1, 0xEF)) & ~gwr_ss_eq(v, 0xED) & ~gwr_ss_eq(v, 0xE2);
    /* every high byte a lead or a continuation, each lead followed by two
     * continuations inside len (none past it: a NUL is no continuation) */
    return ((high ^ (cont | lead)) | (cont ^ ((lead << 1) | (lead << 2)))) == 0;
}
#else
static inline size_t gwr_safe_scan_padded(gwr_safe_form form, const char *str, size_t len)
{
    return gwr_safe_plain_len(form, str, len);
}
static inline bool gwr_safe_tsv_plain16(const char *str, size_t len)
{
    (void)str;
    (void)len;
    return false;
}
#endif

#endif
