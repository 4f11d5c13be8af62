/* quantity_skip.c — the scan for the places where a number may start: an
 * ASCII digit, a full-width digit or a Chinese numeral. Everything else of
 * a report's text is passed here, several bytes at a time; each place
 * found is examined by gwr_quantity_next (quantity.c). */
#include "quantity_int.h"
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Does the 3-byte character c u1 u2 (continuation bytes checked) start a
 * number: a full-width digit (EF BC 90-99) or a Chinese numeral? */
static inline bool cand3(unsigned c, unsigned u1, unsigned u2)
{
    if (c == 0xEF) return u1 == 0xBC && u2 >= 0x90 && u2 <= 0x99;
    return c >= 0xE3 && c <= 0xE9 && qz_numeral_cp(((c & 0x0Fu) << 12) | ((u1 & 0x3Fu) << 6) | (u2 & 0x3Fu));
}

/* The qz_cand3 index of the 3-byte character at p (qz_cand3_index of its bytes). */
static inline unsigned cand3_at(const unsigned char *p)
{
    uint16_t x;
    memcpy(&x, p + 1, 2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap16(x);
#endif
    return x & 0x3FFFu;
}

/* Fast scan to the next byte that may start a number: an ASCII digit, a
 * full-width digit (EF BC 90-99) or a Chinese numeral (a bitmap over the
 * code points, traditional and financial forms included). Runs of 3-byte
 * characters are tested two at a time through the qz_cand3 hash; ASCII
 * text is skipped eight bytes at a time. */
size_t qz_skip_narrow(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    const size_t last8 = len >= 8 ? len - 8 : 0;     /* the last start of a whole 8-byte word */
    while (i < len) {
#ifdef __SSE2__
        /* five 3-byte characters at a time: the layout of the 15 bytes is
         * checked at once, then each character through qz_cand3 */
        const __m128i lay_mask = _mm_setr_epi8((char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0, (char)0xC0,
                                               (char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0, (char)0xC0,
                                               (char)0xF0, (char)0xC0, (char)0xC0, 0);
        const __m128i lay_want = _mm_setr_epi8((char)0xE0, (char)0x80, (char)0x80, (char)0xE0, (char)0x80, (char)0x80,
                                               (char)0xE0, (char)0x80, (char)0x80, (char)0xE0, (char)0x80, (char)0x80,
                                               (char)0xE0, (char)0x80, (char)0x80, 0);
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, lay_mask), lay_want)) != 0xFFFF) break;
            if (qz_cand3[cand3_at(u + i)] | qz_cand3[cand3_at(u + i + 3)] | qz_cand3[cand3_at(u + i + 6)] |
                qz_cand3[cand3_at(u + i + 9)] | qz_cand3[cand3_at(u + i + 12)]) {
                /* the first character the hash lets through: a numeral, or
                 * one sharing its last two bytes (优 统 引 …) */
                while (!qz_cand3[cand3_at(u + i)]) i += 3;
                if (cand3(u[i], u[i + 1], u[i + 2])) return i;
                i += 3;
                continue;
            }
            i += 15;
        }
#endif
        while (i <= last8 && len >= 8) {               /* two 3-byte characters */
            uint64_t w;
            memcpy(&w, u + i, 8);
            w = qz_le64(w);
            if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL ||
                (qz_cand3[qz_cand3_index(w)] | qz_cand3[qz_cand3_index(w >> 24)])) {
                if ((w & 0xC0C0F0u) == 0x8080E0u && !qz_cand3[qz_cand3_index(w)]) i += 3;   /* the first one passes */
                break;
            }
            i += 6;
        }
        if (i >= len) break;
        unsigned char c = u[i];
        if (c < 0x80) {
            if ((unsigned)(c - '0') <= 9) return i;
            i++;
            while (i + 8 <= len) {                    /* a word of ASCII without digits */
                uint64_t w;
                memcpy(&w, u + i, 8);
                uint64_t hi = w & 0x8080808080808080ULL;
                /* bytes '0'..'9': (b ^ 0x30) < 10 */
                uint64_t x = w ^ 0x3030303030303030ULL;
                uint64_t lt10 = (x + 0x7676767676767676ULL) & ~x & 0x8080808080808080ULL;   /* high bit: x >= 10 */
                if (hi || lt10 != 0x8080808080808080ULL) break;
                i += 8;
            }
        } else if (c >= 0xE3 && c <= 0xEF && i + 2 < len &&
                   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            if (cand3(c, u[i + 1], u[i + 2])) return i;
            i += 3;
        } else {
            i++;
        }
    }
    return len;
}

#ifdef QZ_WIDE
#include <immintrin.h>
/* qz_skip_narrow 32 bytes at a time, for len >= 34: each place p is
 * taken as the first byte of a character, so the bytes at p, p+1, p+2 are
 * read as three vectors and five of their nibbles looked up in qz_nib (not
 * the high nibble of the first byte: cand3 checks it, and in UTF-8 only a
 * lead byte is followed by two continuation bytes, bar 4-byte characters);
 * an ASCII digit is tested at p. The last block is read ending two bytes
 * before len (its places already seen masked off), the last two places
 * tested alone. Hits of the nibble classes are checked exactly (cand3). */
__attribute__((target("avx2"))) size_t qz_skip_wide(const unsigned char *u, size_t len, size_t i)
{
    const __m256i nib = _mm256_set1_epi8(0x0F), d9 = _mm256_set1_epi8(9), d0 = _mm256_set1_epi8('0');
#define QZ_TAB(k) _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)qz_nib[k]))
    const __m256i t1 = QZ_TAB(1), t2 = QZ_TAB(2), t3 = QZ_TAB(3), t4 = QZ_TAB(4), t5 = QZ_TAB(5);
#undef QZ_TAB
    const size_t last = len - 34;                  /* the last block starts here */
    size_t base = i < last ? i : last;
    uint32_t keep = i - base < 32 ? ~0u << (i - base) : 0;   /* places before i are not looked at */
    for (;;) {
        __m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)(u + base));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(u + base + 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(u + base + 2));
        __m256i c = _mm256_and_si256(_mm256_shuffle_epi8(t1, _mm256_and_si256(v0, nib)),
                                     _mm256_shuffle_epi8(t2, _mm256_and_si256(_mm256_srli_epi16(v1, 4), nib)));
        c = _mm256_and_si256(c, _mm256_shuffle_epi8(t3, _mm256_and_si256(v1, nib)));
        c = _mm256_and_si256(c, _mm256_shuffle_epi8(t4, _mm256_and_si256(_mm256_srli_epi16(v2, 4), nib)));
        c = _mm256_and_si256(c, _mm256_shuffle_epi8(t5, _mm256_and_si256(v2, nib)));
        __m256i d = _mm256_sub_epi8(v0, d0);
        __m256i hit = _mm256_andnot_si256(_mm256_cmpeq_epi8(c, _mm256_setzero_si256()), _mm256_set1_epi8(-1));
        hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(_mm256_min_epu8(d, d9), d));
        uint32_t m = (uint32_t)_mm256_movemask_epi8(hit) & keep;
        for (; m; m &= m - 1) {
            size_t p = base + (size_t)__builtin_ctz(m);
            if (u[p] < 0x80 || cand3(u[p], u[p + 1], u[p + 2])) return p;
        }
        if (base == last) break;
        base += 32;
        keep = ~0u;
        if (base > last) {
            keep = ~0u << (base - last);
            base = last;
        }
    }
    /* the last two places: digits only */
    if (i <= len - 2 && (unsigned)(u[len - 2] - '0') <= 9) return len - 2;
    return (unsigned)(u[len - 1] - '0') <= 9 ? len - 1 : len;
}
#endif

size_t qz_skip(const char *s, size_t len, size_t i)
{
    qz_init();
#ifdef QZ_WIDE
    if (qz_wide && len >= 34 && i < len) return qz_skip_wide((const unsigned char *)s, len, i);
#endif
    return qz_skip_narrow(s, len, i);
}

