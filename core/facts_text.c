/* facts_text.c — spans of normalised UTF-8 text: prefix/suffix tests,
 * trimming punctuation, a leading "2023年". */
#include "facts_internal.h"
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

bool fx_contains(fx_str s, const char *tok)
{
    size_t n = strlen(tok);
    if (n == 0 || n > s.n) return n == 0;
    if (n >= 3 && (unsigned char)tok[0] >= 0xE0) {
        /* a word that starts with a multi-byte character: look for its
         * third byte (a continuation byte, rarer than a lead byte), then at
         * the bytes around it */
        const char *p = s.s + 2, *last = s.s + s.n - n + 2;
        while (p <= last && (p = memchr(p, tok[2], (size_t)(last - p) + 1)) != NULL) {
            if (p[-2] == tok[0] && p[-1] == tok[1] && memcmp(p + 1, tok + 3, n - 3) == 0) return true;
            p++;
        }
        return false;
    }
    const char *end = s.s + s.n - n;
    for (const char *p = s.s; p <= end; p++) {
        p = memchr(p, tok[0], (size_t)(end - p) + 1);
        if (!p) return false;
        if (memcmp(p, tok, n) == 0) return true;
    }
    return false;
}

#ifndef __SSE2__
/* The plain loop: the first i in [i, n) where s[i] is one of the na bytes
 * of a or s[i..i+3) one of the nw characters of w. */
static size_t find_stops(const char *s, size_t i, size_t n, const unsigned char *a, size_t na,
                         const unsigned char (*w)[3], size_t nw)
{
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        for (size_t k = 0; k < na; k++)
            if (c == a[k]) return i;
        for (size_t k = 0; k < nw; k++)
            if (i + 3 <= n && memcmp(s + i, w[k], 3) == 0) return i;
    }
    return n;
}
#endif

#ifdef __SSE2__
#define LOAD16(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define EQ(x, c)  _mm_cmpeq_epi8((x), _mm_set1_epi8((char)(c)))

/* Sixteen positions of p: where a sentence ends, where a clause separator
 * stands (p + 18 bytes readable). */
static inline unsigned ends16(const char *p)
{
    __m128i b0 = LOAD16(p), b1 = LOAD16(p + 1), b2 = LOAD16(p + 2);
    __m128i m = _mm_or_si128(_mm_or_si128(EQ(b0, '\n'), EQ(b0, '!')), EQ(b0, '?'));
    __m128i full = _mm_and_si128(_mm_and_si128(EQ(b0, 0xE3), EQ(b1, 0x80)), EQ(b2, 0x82));
    __m128i wide = _mm_and_si128(_mm_and_si128(EQ(b0, 0xEF), EQ(b1, 0xBC)), _mm_or_si128(EQ(b2, 0x81), EQ(b2, 0x9F)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(m, _mm_or_si128(full, wide)));
}

static inline unsigned seps16(const char *p)
{
    __m128i b0 = LOAD16(p), b1 = LOAD16(p + 1), b2 = LOAD16(p + 2);
    __m128i m = _mm_or_si128(_mm_or_si128(EQ(b0, ','), EQ(b0, ';')), EQ(b0, ':'));
    __m128i wide = _mm_and_si128(_mm_and_si128(EQ(b0, 0xEF), EQ(b1, 0xBC)),
                                 _mm_or_si128(_mm_or_si128(EQ(b2, 0x8C), EQ(b2, 0x9B)), EQ(b2, 0x9A)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(m, wide));
}

/* The first position from i that mask16 marks; the last bytes go through a
 * zero-padded copy (no stop holds a zero byte, so the padding matches nothing). */
static inline size_t find16(const char *s, size_t i, size_t n, unsigned (*mask16)(const char *))
{
    for (; i + 18 <= n; i += 16) {
        unsigned bits = mask16(s + i);
        if (bits) return i + (size_t)__builtin_ctz(bits);
    }
    if (i >= n) return n;
    char pad[34] = { 0 };
    memcpy(pad, s + i, n - i);
    unsigned bits = mask16(pad) | (n - i > 16 ? mask16(pad + 16) << 16 : 0u);
    if (!bits) return n;
    size_t at = i + (size_t)__builtin_ctz(bits);
    return at < n ? at : n;
}
#endif

#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__) && !defined(GWR_NO_AVX2)
/* Thirty-two positions at a time where the processor has AVX2 (asked once);
 * the last bytes go to find16. */
#include <immintrin.h>
#define HAVE_FIND32 1
#define LOAD32(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))

#define C32(c) _mm256_set1_epi8((char)(c))
#define EQV(x, c) _mm256_cmpeq_epi8((x), (c))

__attribute__((target("avx2"))) static size_t ends32(const char *s, size_t i, size_t n)
{
    const __m256i nl = C32('\n'), ex = C32('!'), qu = C32('?'), e3 = C32(0xE3), x80 = C32(0x80), x82 = C32(0x82),
                  ef = C32(0xEF), xbc = C32(0xBC), x81 = C32(0x81), x9f = C32(0x9F);
    for (; i + 34 <= n; i += 32) {
        __m256i b0 = LOAD32(s + i), b1 = LOAD32(s + i + 1), b2 = LOAD32(s + i + 2);
        __m256i m = _mm256_or_si256(_mm256_or_si256(EQV(b0, nl), EQV(b0, ex)), EQV(b0, qu));
        __m256i full = _mm256_and_si256(_mm256_and_si256(EQV(b0, e3), EQV(b1, x80)), EQV(b2, x82));
        __m256i wide = _mm256_and_si256(_mm256_and_si256(EQV(b0, ef), EQV(b1, xbc)), _mm256_or_si256(EQV(b2, x81), EQV(b2, x9f)));
        unsigned bits = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(m, _mm256_or_si256(full, wide)));
        if (bits) return i + (size_t)__builtin_ctz(bits);
    }
    return find16(s, i, n, ends16);
}

/* The sentence ends of p[0, 32) as bits (p + 34 readable). */
__attribute__((target("avx2"))) static inline uint32_t ends_mask32(const char *p)
{
    const __m256i nl = C32('\n'), ex = C32('!'), qu = C32('?'), e3 = C32(0xE3), x80 = C32(0x80), x82 = C32(0x82),
                  ef = C32(0xEF), xbc = C32(0xBC), x81 = C32(0x81), x9f = C32(0x9F);
    __m256i b0 = LOAD32(p), b1 = LOAD32(p + 1), b2 = LOAD32(p + 2);
    __m256i m = _mm256_or_si256(_mm256_or_si256(EQV(b0, nl), EQV(b0, ex)), EQV(b0, qu));
    __m256i full = _mm256_and_si256(_mm256_and_si256(EQV(b0, e3), EQV(b1, x80)), EQV(b2, x82));
    __m256i wide = _mm256_and_si256(_mm256_and_si256(EQV(b0, ef), EQV(b1, xbc)), _mm256_or_si256(EQV(b2, x81), EQV(b2, x9f)));
    return (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(m, _mm256_or_si256(full, wide)));
}

/* lim (>= n): bytes of s that may be read; a stop found where its three
 * bytes pass n is looked at again by find16, which reads no further than n. */
/* The sentence ends of s[i, i + 32) as bits (s + i + 34 readable). */
__attribute__((target("avx2"))) static void ends_marks32(const char *s, size_t n, uint32_t *marks, size_t *done)
{
    size_t i = 0;
    /* two blocks a round: less of the loop */
    for (; i + 66 <= n; i += 64) {
        marks[i / 32] = ends_mask32(s + i);
        marks[i / 32 + 1] = ends_mask32(s + i + 32);
    }
    for (; i + 34 <= n; i += 32) marks[i / 32] = ends_mask32(s + i);
    *done = i;
}

__attribute__((target("avx2"))) static size_t seps32(const char *s, size_t i, size_t n, size_t lim)
{
    const __m256i co = C32(','), se = C32(';'), cl = C32(':'), ef = C32(0xEF), xbc = C32(0xBC), x8c = C32(0x8C),
                  x9b = C32(0x9B), x9a = C32(0x9A);
    for (; i < n && i + 34 <= lim; i += 32) {
        __m256i b0 = LOAD32(s + i), b1 = LOAD32(s + i + 1), b2 = LOAD32(s + i + 2);
        __m256i m = _mm256_or_si256(_mm256_or_si256(EQV(b0, co), EQV(b0, se)), EQV(b0, cl));
        __m256i wide = _mm256_and_si256(_mm256_and_si256(EQV(b0, ef), EQV(b1, xbc)),
                                        _mm256_or_si256(_mm256_or_si256(EQV(b2, x8c), EQV(b2, x9b)), EQV(b2, x9a)));
        unsigned bits = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(m, wide));
        if (bits) {
            size_t at = i + (size_t)__builtin_ctz(bits);
            return at + 3 <= n ? at : find16(s, at < n ? at : n, n, seps16);
        }
    }
    return find16(s, i < n ? i : n, n, seps16);
}

/* The clause separators of s[0, n) as bits (s + lim readable, lim >= n). */
__attribute__((target("avx2"))) static size_t seps_marks32(const char *s, size_t n, size_t lim, uint32_t *marks)
{
    const __m256i co = C32(','), se = C32(';'), cl = C32(':'), ef = C32(0xEF), xbc = C32(0xBC), x8c = C32(0x8C),
                  x9b = C32(0x9B), x9a = C32(0x9A);
    size_t i = 0;
    for (; i < n && i + 34 <= lim; i += 32) {
        __m256i b0 = LOAD32(s + i), b1 = LOAD32(s + i + 1), b2 = LOAD32(s + i + 2);
        __m256i m = _mm256_or_si256(_mm256_or_si256(EQV(b0, co), EQV(b0, se)), EQV(b0, cl));
        __m256i wide = _mm256_and_si256(_mm256_and_si256(EQV(b0, ef), EQV(b1, xbc)),
                                        _mm256_or_si256(_mm256_or_si256(EQV(b2, x8c), EQV(b2, x9b)), EQV(b2, x9a)));
        marks[i / 32] = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(m, wide));
    }
    /* nothing at or after n, and no wide separator whose bytes pass it */
    if (i > n && n % 32) marks[n / 32] &= ~(~(uint32_t)0 << (n % 32));
    for (size_t p = n >= 2 ? n - 2 : 0; p < n && p < i; p++)
        if ((unsigned char)s[p] == 0xEF) marks[p / 32] &= ~((uint32_t)1 << (p % 32));
    if (i > n) return n;
    return i;
}
#endif

static _Atomic int simd_known;          /* 0 not asked, 1 no, 2 yes */
static _Atomic int simd_off;           /* fx_simd_set(0) */
_Atomic int fx_simd_yes;               /* set once the processor said yes (and not off) */

bool fx_simd_avx2_ask(void)
{
    if (simd_off) return false;
    int k = simd_known;
    if (!k) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(GWR_NO_AVX2)
        __builtin_cpu_init();
        k = __builtin_cpu_supports("avx2") ? 2 : 1;
#else
        k = 1;
#endif
        simd_known = k;
    }
    fx_simd_yes = k == 2;
    return k == 2;
}

void fx_simd_set(int on)
{
    simd_off = !on;
    fx_simd_yes = 0;     /* asked again */
}

#ifdef HAVE_FIND32
static inline int has_avx2(void) { return fx_simd_avx2(); }
#endif

size_t fx_next_sentence_end(const char *s, size_t i, size_t n)
{
#ifdef HAVE_FIND32
    if (has_avx2()) return ends32(s, i, n);
#endif
#ifdef __SSE2__
    return find16(s, i, n, ends16);
#else
    static const unsigned char a[] = { '\n', '!', '?' };
    static const unsigned char w[][3] = { { 0xE3, 0x80, 0x82 }, { 0xEF, 0xBC, 0x81 }, { 0xEF, 0xBC, 0x9F } };  /* 。！？ */
    return find_stops(s, i, n, a, sizeof a, w, sizeof w / sizeof w[0]);
#endif
}

void fx_sentence_end_marks(const char *s, size_t n, uint32_t *marks)
{
    size_t i = 0;
    memset(marks, 0, (n + 31) / 32 * sizeof *marks);
#ifdef HAVE_FIND32
    if (has_avx2()) ends_marks32(s, n, marks, &i);
#endif
    for (; (i = fx_next_sentence_end(s, i, n)) < n; i++) marks[i / 32] |= (uint32_t)1 << (i % 32);
}

void fx_clause_sep_marks(const char *s, size_t n, size_t lim, uint32_t *marks)
{
    size_t i = 0;
    memset(marks, 0, (n + 31) / 32 * sizeof *marks);
#ifdef HAVE_FIND32
    if (has_avx2()) i = seps_marks32(s, n, lim < n ? n : lim, marks);
#endif
    for (; (i = fx_next_clause_sep_in(s, i, n, lim)) < n; i++) marks[i / 32] |= (uint32_t)1 << (i % 32);
}

size_t fx_next_clause_sep(const char *s, size_t i, size_t n) { return fx_next_clause_sep_in(s, i, n, n); }

size_t fx_next_clause_sep_in(const char *s, size_t i, size_t n, size_t lim)
{
#ifdef HAVE_FIND32
    if (has_avx2()) return seps32(s, i, n, lim < n ? n : lim);
#endif
    (void)lim;
#ifdef __SSE2__
    return find16(s, i, n, seps16);
#else
    static const unsigned char a[] = { ',', ';', ':' };
    static const unsigned char w[][3] = { { 0xEF, 0xBC, 0x8C }, { 0xEF, 0xBC, 0x9B }, { 0xEF, 0xBC, 0x9A } };  /* ，；： */
    return find_stops(s, i, n, a, sizeof a, w, sizeof w / sizeof w[0]);
#endif
}

bool fx_has_char3(fx_str s, const char *c)
{
    /* look for the last byte, a continuation byte, rarer than a lead byte */
    if (s.n < 3) return false;
    const char *p = s.s + 2, *end = s.s + s.n;
    while (p < end && (p = memchr(p, c[2], (size_t)(end - p))) != NULL) {
        if (p[-2] == c[0] && p[-1] == c[1]) return true;
        p++;
    }
    return false;
}

/* The characters fx_opener_chars looks for (五 纲 计 目 今 本 年), by their
 * third bytes, which differ. */
static const unsigned char openers[FX_NOPENERS][3] = {
    { 0xE4, 0xBA, 0x94 }, { 0xE7, 0xBA, 0xB2 }, { 0xE8, 0xAE, 0xA1 }, { 0xE7, 0x9B, 0xAE },
    { 0xE4, 0xBB, 0x8A }, { 0xE6, 0x9C, 0xAC }, { 0xE5, 0xB9, 0xB4 },
};

/* p holds a third byte of one of them: which one is there whole, as a bit. */
static inline unsigned opener_at(fx_str s, size_t p)
{
    if (p < 2) return 0;
    /* the character by the low six bits of its third byte (they differ too) */
    static const uint8_t by_low[64] = { [0x14] = 1, [0x32] = 2, [0x21] = 3, [0x2E] = 4, [0x0A] = 5, [0x2C] = 6, [0x34] = 7 };
    const unsigned char *u = (const unsigned char *)s.s + p;
    unsigned j = by_low[u[0] & 63];
    if (!j--) return 0;
    return u[0] == openers[j][2] && u[-1] == openers[j][1] && u[-2] == openers[j][0] ? 1u << j : 0;
}

#ifdef HAVE_FIND32
__attribute__((target("avx2"))) static unsigned openers_avx2(fx_str s)
{
    /* a byte is one of the third bytes when the bits of its low and its
     * high nibble (one bit per character) meet, and the byte before it the
     * second byte of the same character when the bits of its nibbles meet
     * there too (each character's pair of nibbles is its own) */
    static const unsigned char lo[16] = { [0x4] = 0x41, [0x2] = 0x02, [0x1] = 0x04, [0xE] = 0x08, [0xA] = 0x10, [0xC] = 0x20 };
    static const unsigned char hi[16] = { [0x9] = 0x01, [0xB] = 0x42, [0xA] = 0x2C, [0x8] = 0x10 };
    static const unsigned char lo2[16] = { [0xA] = 0x03, [0xE] = 0x04, [0xB] = 0x18, [0xC] = 0x20, [0x9] = 0x40 };
    static const unsigned char hi2[16] = { [0xB] = 0x53, [0xA] = 0x04, [0x9] = 0x28 };
    const __m256i tlo = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)lo));
    const __m256i thi = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)hi));
    const __m256i tlo2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)lo2));
    const __m256i thi2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)hi2));
    const __m256i nib = C32(0x0F), zero = _mm256_setzero_si256();
    unsigned found = 0, all = (1u << FX_NOPENERS) - 1;
    char pad[64];
    /* the pairs of bytes i + k, i + k + 1 (k < 32): third bytes at i + 1 … i + 32 */
    for (size_t i = 0; i + 1 < s.n && found != all; i += 32) {
        __m256i x, y;
        if (i + 33 <= s.n) {
            x = LOAD32(s.s + i);
            y = LOAD32(s.s + i + 1);
        } else {
            memset(pad, 0, sizeof pad);
            memcpy(pad, s.s + i, s.n - i);
            x = LOAD32(pad);
            y = LOAD32(pad + 1);
        }
        __m256i l = _mm256_shuffle_epi8(tlo, _mm256_and_si256(y, nib));
        __m256i h = _mm256_shuffle_epi8(thi, _mm256_and_si256(_mm256_srli_epi16(y, 4), nib));
        __m256i l2 = _mm256_shuffle_epi8(tlo2, _mm256_and_si256(x, nib));
        __m256i h2 = _mm256_shuffle_epi8(thi2, _mm256_and_si256(_mm256_srli_epi16(x, 4), nib));
        __m256i both = _mm256_and_si256(_mm256_and_si256(l, h), _mm256_and_si256(l2, h2));
        unsigned bits = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(both, zero));
        for (; bits; bits &= bits - 1) found |= opener_at(s, i + 1 + (size_t)__builtin_ctz(bits));
    }
    return found;
}
#endif

unsigned fx_opener_chars(fx_str s)
{
#ifdef HAVE_FIND32
    if (has_avx2()) return openers_avx2(s);
#endif
    unsigned found = 0;
    for (unsigned j = 0; j < FX_NOPENERS; j++) {
        char t[4] = { (char)openers[j][0], (char)openers[j][1], (char)openers[j][2], 0 };
        if (fx_has_char3(s, t)) found |= 1u << j;
    }
    return found;
}

size_t fx_chars(fx_str s) { return gwr_utf8_count_upto(s.s, s.n, SIZE_MAX); }

/* Punctuation and spaces that never belong to an indicator name:
 * ，。、；：！？“”‘’《》—…·「」【】〔〕 and the ideographic space. */

static inline bool punct_at(const char *s, size_t n, size_t *clen)
{
    unsigned char c = (unsigned char)s[0];
    if (n == 0) return false;
    if (c < 0x80) {
        *clen = 1;
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'' ||
               c == '-' || c == '.' || c == '!' || c == '?' || c == '/' || c == '\t' || c == '*';
    }
    const unsigned char *u = (const unsigned char *)s;
    if (c == 0xC2) {                                       /* · */
        if (n < 2 || u[1] != 0xB7) return false;
        *clen = 2;
        return true;
    }
    if ((c != 0xE2 && c != 0xE3 && c != 0xEF) || n < 3) return false;
    /* the third byte of each, as a bit of a mask per lead and middle byte:
     *   E2 80: — ‘ ’ “ ” …      (94 98 99 9C 9D A6)
     *   E3 80: 　 、 。 《 》 「 」 【 】 〔 〕 (80 81 82 8A 8B 8C 8D 90 91 94 95)
     *   EF BC: ！ ， ： ； ？    (81 8C 9A 9B 9F) */
#define B(x) ((uint64_t)1 << ((x) - 0x80))
    static const uint64_t e2 = B(0x94) | B(0x98) | B(0x99) | B(0x9C) | B(0x9D) | B(0xA6);
    static const uint64_t e3 = B(0x80) | B(0x81) | B(0x82) | B(0x8A) | B(0x8B) | B(0x8C) | B(0x8D) | B(0x90) |
                               B(0x91) | B(0x94) | B(0x95);
    static const uint64_t ef = B(0x81) | B(0x8C) | B(0x9A) | B(0x9B) | B(0x9F);
#undef B
    uint64_t m = c == 0xE2 ? (u[1] == 0x80 ? e2 : 0) : c == 0xE3 ? (u[1] == 0x80 ? e3 : 0) : (u[1] == 0xBC ? ef : 0);
    if ((u[2] & 0xC0) != 0x80 || !((m >> (u[2] - 0x80)) & 1)) return false;
    *clen = 3;
    return true;
}

bool fx_is_punct_at(const char *s, size_t n, size_t *clen) { return punct_at(s, n, clen); }

static size_t last_char_len(fx_str s)
{
    size_t k = 1;
    while (k < s.n && ((unsigned char)s.s[s.n - k] & 0xC0) == 0x80) k++;
    return k <= s.n ? k : s.n;
}

fx_str fx_trim_ends(fx_str s)
{
    size_t cl;
    while (s.n && punct_at(s.s, s.n, &cl)) { s.s += cl; s.n -= cl; }
    while (s.n) {
        const unsigned char *z = (const unsigned char *)s.s + s.n;
        if (s.n >= 3 && (z[-3] & 0xF0) == 0xE0 && (z[-2] & 0xC0) == 0x80 && (z[-1] & 0xC0) == 0x80) {
            /* a three-byte character: a CJK ideograph ends it at once */
            if ((unsigned)(z[-3] - 0xE4) <= 5 || !punct_at((const char *)z - 3, 3, &cl)) break;
            s.n -= 3;
            continue;
        }
        size_t k = last_char_len(s);
        if (!punct_at(s.s + s.n - k, k, &cl)) break;
        s.n -= k;
    }
    return s;
}

/* A Chinese digit as years are written (一九九○年, 二〇二三年): its value or -1. */
static int cn_year_digit(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    switch ((uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2]) {
    case 0xE38087: /* 〇 */
    case 0xE2978B: /* ○ */
    case 0xE99BB6: /* 零 */
    case 0xEFBCAF: /* Ｏ */ return 0;
    case 0xE4B880: /* 一 */ return 1;
    case 0xE4BA8C: /* 二 */ return 2;
    case 0xE4B889: /* 三 */ return 3;
    case 0xE59B9B: /* 四 */ return 4;
    case 0xE4BA94: /* 五 */ return 5;
    case 0xE585AD: /* 六 */ return 6;
    case 0xE4B883: /* 七 */ return 7;
    case 0xE585AB: /* 八 */ return 8;
    case 0xE4B99D: /* 九 */ return 9;
    default: return -1;
    }
}

int fx_year_at(fx_str s, size_t *len)
{
    if (s.n >= 15 && (unsigned char)s.s[0] >= 0xE0) {
        if (memcmp(s.s + 12, "年", 3) != 0) return 0;      /* the cheaper test first */
        int y = 0;
        for (int i = 0; i < 4; i++) {
            int v = cn_year_digit(s.s + 3 * i);
            if (v < 0) return 0;
            y = y * 10 + v;
        }
        if (memcmp(s.s + 12, "年", 3) != 0 || y < 1949 || y > 2100) return 0;
        *len = 15;
        return y;
    }
    if (s.n < 7) return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (s.s[i] < '0' || s.s[i] > '9') return 0;
        y = y * 10 + (s.s[i] - '0');
    }
    if (memcmp(s.s + 4, "年", 3) != 0 || y < 1949 || y > 2100) return 0;
    *len = 7;
    return y;
}

/* Is there a year that ends in the 年 whose last byte is at p? */
static inline bool year_ends_at(fx_str s, const char *p)
{
    size_t k;
    if (p[-2] != '\xE5' || p[-1] != '\xB9') return false;
    size_t j = (size_t)(p - 2 - s.s);                    /* the offset of 年 */
    return (j >= 4 && fx_year_at(fx_span(s.s + j - 4, s.n - j + 4), &k)) ||
           (j >= 12 && fx_year_at(fx_span(s.s + j - 12, s.n - j + 12), &k));
}

bool fx_has_year(fx_str s)
{
    /* every year ends in 年: look for its last byte, then at the four ASCII
     * or Chinese digits before it */
    if (s.n < 7) return false;
    const char *p = s.s + 6, *end = s.s + s.n;
    while (p < end && (p = memchr(p, 0xB4, (size_t)(end - p))) != NULL) {
        if (year_ends_at(s, p)) return true;
        p++;
    }
    return false;
}

size_t fx_last_at_or_before(const uint32_t *a, size_t n, size_t from, size_t k)
{
    size_t lo = from < n && a[from] <= k ? from : 0;
    for (int step = 0; step < 8; step++) {
        if (lo + 1 >= n || a[lo + 1] > k) return lo;
        lo++;
    }
    size_t hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] <= k) lo = mid;
        else hi = mid;
    }
    return lo;
}
