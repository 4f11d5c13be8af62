/* outline_heading.c — what one paragraph of a report is: a part heading
 * (一、), a section (（一）), an item (一是 / 第一， / 1. / （1）), a topic
 * paragraph opening with a short lead sentence, the main-targets paragraph, a
 * bare PDF heading, a list announcement, or plain text; and its title span.
 * Only the start of a paragraph is looked at, so inline note markers such as
 * "企业（1）246家" are never headings. */
#include "outline_internal.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first occurrence of needle in s[0,n). A start is a candidate when
 * both the needle's first and last bytes match (16 starts tested at once):
 * in a CJK needle a lead byte and the last byte of its last character, a
 * pair far rarer in Chinese text than either byte alone. */
/* Whether the needle's middle bytes (1 to m-2) follow at p. */
static inline bool middle_matches(const unsigned char *p, const unsigned char *w, size_t m)
{
    size_t k = 1;
    while (k < m - 1 && p[k] == w[k]) k++;
    return k >= m - 1;
}

#if defined(__x86_64__) || defined(__i386__)
/* 32 starts at a time, for long texts; from start i on, the starts before
 * n - m - 31 (the rest is left to the caller). Returns the match or NULL,
 * and in *next the first start not yet tested. */
__attribute__((target("avx2"))) static const unsigned char *findn_avx2(const unsigned char *u, size_t n, const unsigned char *w, size_t m, size_t *next)
{
    const __m256i f = _mm256_set1_epi8((char)w[0]), l = _mm256_set1_epi8((char)w[m - 1]);
    size_t i = 0;
    for (; i + 31 + m <= n; i += 32) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(u + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(u + i + m - 1));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, f), _mm256_cmpeq_epi8(b, l)));
        for (; mask; mask &= mask - 1) {
            const unsigned char *p = u + i + (unsigned)__builtin_ctz(mask);
            if (middle_matches(p, w, m)) return p;
        }
    }
    *next = i;
    return NULL;
}
#endif

const char *gwr_findn(const char *s, size_t n, const char *needle, size_t m)
{
    if (m == 0 || n < m) return NULL;
    if (m == 1) return memchr(s, needle[0], n);
    const unsigned char *u = (const unsigned char *)s, *w = (const unsigned char *)needle;
    const unsigned char first = w[0], last = w[m - 1];
    size_t i = 0;
#if defined(__x86_64__) || defined(__i386__)
    if (n >= 512 && __builtin_cpu_supports("avx2")) {
        const unsigned char *p = findn_avx2(u, n, w, m, &i);
        if (p) return (const char *)p;
    }
#endif
#ifdef __SSE2__
    /* 16 starts at a time: the first and the last byte must both match; the
     * last 16 starts overlap those tested before */
    if (n >= 15 + m && i + m <= n) {
        const __m128i f = _mm_set1_epi8((char)first), l = _mm_set1_epi8((char)last);
        for (;;) {
            size_t j = i + 15 + m <= n ? i : n - m - 15;
            __m128i a = _mm_loadu_si128((const __m128i *)(u + j));
            __m128i b = _mm_loadu_si128((const __m128i *)(u + j + m - 1));
            unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, f), _mm_cmpeq_epi8(b, l)));
            mask &= 0xFFFFu << (i - j);   /* starts before i are done */
            for (; mask; mask &= mask - 1) {
                const unsigned char *p = u + j + (unsigned)__builtin_ctz(mask);
                if (middle_matches(p, w, m)) return (const char *)p;
            }
            i = j + 16;
            if (i + m > n) return NULL;
        }
    }
#endif
    for (; i + m <= n; i++)
        if (u[i] == first && u[i + m - 1] == last && middle_matches(u + i, w, m)) return s + i;
    return NULL;
}

#if defined(__x86_64__) || defined(__i386__)
/* 32 starts at a time for both needles, from 0 to n - m (n >= 31 + m): the
 * last block overlaps the one before it, its starts already tested masked
 * off. Which needles were found (bit 0: x, bit 1: y). */
__attribute__((target("avx2"))) static unsigned either_avx2(const unsigned char *u, size_t n, const unsigned char *wx, size_t mx,
                                                            const unsigned char *wy, size_t my, size_t m)
{
    const __m256i fx = _mm256_set1_epi8((char)wx[0]), lx = _mm256_set1_epi8((char)wx[mx - 1]);
    const __m256i fy = _mm256_set1_epi8((char)wy[0]), ly = _mm256_set1_epi8((char)wy[my - 1]);
    unsigned found = 0;
    for (size_t i = 0;;) {
        size_t j = i + 31 + m <= n ? i : n - m - 31;
        __m256i a = _mm256_loadu_si256((const __m256i *)(u + j));
        uint32_t kx = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, fx),
                      _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(u + j + mx - 1)), lx)));
        uint32_t ky = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, fy),
                      _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(u + j + my - 1)), ly)));
        uint32_t fresh = ~0u << (i - j);   /* i - j < 32 */
        kx &= fresh;
        ky &= fresh;
        for (; kx && !(found & 1); kx &= kx - 1)
            if (middle_matches(u + j + (unsigned)__builtin_ctz(kx), wx, mx)) found |= 1;
        for (; ky && !(found & 2); ky &= ky - 1)
            if (middle_matches(u + j + (unsigned)__builtin_ctz(ky), wy, my)) found |= 2;
        i = j + 32;
        if (found == 3 || i + m > n) return found;
    }
}
#endif

unsigned gwr_find_either(const char *s, size_t n, const char *x, size_t mx, const char *y, size_t my)
{
    const unsigned char *u = (const unsigned char *)s, *wx = (const unsigned char *)x, *wy = (const unsigned char *)y;
    unsigned found = 0;
    size_t m = mx > my ? mx : my, i = 0;
    bool blocks = false;   /* every start up to n - m tested */
#if defined(__x86_64__) || defined(__i386__)
    if (n >= 31 + m && __builtin_cpu_supports("avx2")) {
        found = either_avx2(u, n, wx, mx, wy, my, m);
        blocks = true;
    }
#endif
#ifdef __SSE2__
    if (!blocks && n >= 15 + m) {
        const __m128i fx = _mm_set1_epi8((char)wx[0]), lx = _mm_set1_epi8((char)wx[mx - 1]);
        const __m128i fy = _mm_set1_epi8((char)wy[0]), ly = _mm_set1_epi8((char)wy[my - 1]);
        for (;;) {
            size_t j = i + 15 + m <= n ? i : n - m - 15;
            __m128i a = _mm_loadu_si128((const __m128i *)(u + j));
            unsigned kx = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, fx),
                          _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + j + mx - 1)), lx)));
            unsigned ky = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, fy),
                          _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + j + my - 1)), ly)));
            kx &= 0xFFFFu << (i - j);
            ky &= 0xFFFFu << (i - j);
            for (; kx && !(found & 1); kx &= kx - 1)
                if (middle_matches(u + j + (unsigned)__builtin_ctz(kx), wx, mx)) found |= 1;
            for (; ky && !(found & 2); ky &= ky - 1)
                if (middle_matches(u + j + (unsigned)__builtin_ctz(ky), wy, my)) found |= 2;
            i = j + 16;
            if (found == 3 || i + m > n) break;
        }
        blocks = true;
    }
#endif
    if (blocks) {
        /* starts too close to the end for the longer needle (none when
         * both are as long) */
        for (size_t k = n - m + 1; mx != my && k < n && found != 3; k++) {
            if (!(found & 1) && k + mx <= n && u[k] == wx[0] && u[k + mx - 1] == wx[mx - 1] && middle_matches(u + k, wx, mx)) found |= 1;
            if (!(found & 2) && k + my <= n && u[k] == wy[0] && u[k + my - 1] == wy[my - 1] && middle_matches(u + k, wy, my)) found |= 2;
        }
        return found;
    }
    for (; i < n && found != 3; i++) {
        if (!(found & 1) && i + mx <= n && u[i] == wx[0] && u[i + mx - 1] == wx[mx - 1] && middle_matches(u + i, wx, mx)) found |= 1;
        if (!(found & 2) && i + my <= n && u[i] == wy[0] && u[i + my - 1] == wy[my - 1] && middle_matches(u + i, wy, my)) found |= 2;
    }
    return found;
}

bool gwr_has_digit(const char *s, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    for (; i + 16 <= n; i += 16) {
        __m128i t = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(s + i)), zero);
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, nine), t))) return true;
    }
#endif
    for (; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') return true;
    return false;
}

/* Whether one of the eight bytes at p is '1' or '2' (a zero byte of p xor
 * the byte, found a word at a time). */
static inline bool one_or_two(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t a = w ^ (ones * '1'), b = w ^ (ones * '2');
    return (((a - ones) & ~a) | ((b - ones) & ~b)) & highs;
}

int gwr_first_year(const char *s, size_t n, size_t *after)
{
    for (size_t i = 0; i + 4 < n;) {
        if (i + 8 <= n && !one_or_two(s + i)) {   /* no year starts in these eight */
            i += 8;
            continue;
        }
        for (size_t end = i + 8; i < end && i + 4 < n; i++) {
            if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) continue;
            if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
            if (s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' || s[i + 3] > '9') continue;
            if (!gwr_has_prefix(s + i + 4, n - i - 4, "年")) continue;
            if (after) *after = i + 4 + 3;
            return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        }
    }
    return 0;
}

/* The value of the Chinese digit at s (〇 一 … 九, 两, 零), else −1. */
static int cn_digit(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) return -1;
    /* the second bytes below, as bits of their low six: most characters
     * are none of these without decoding */
    const uint64_t second = 1ull << 0x00 | 1ull << 0x38 | 1ull << 0x3A | 1ull << 0x1B | 1ull << 0x05 | 1ull << 0x39;
    if (!(second >> (u[1] & 0x3F) & 1)) return -1;
    switch ((uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F)) {
    case 0x3007: return 0;   /* 〇 */
    case 0x4E00: return 1;   /* 一 */
    case 0x4E8C: return 2;   /* 二 */
    case 0x4E09: return 3;   /* 三 */
    case 0x56DB: return 4;   /* 四 */
    case 0x4E94: return 5;   /* 五 */
    case 0x516D: return 6;   /* 六 */
    case 0x4E03: return 7;   /* 七 */
    case 0x516B: return 8;   /* 八 */
    case 0x4E5D: return 9;   /* 九 */
    case 0x4E24: return 2;   /* 两 */
    case 0x96F6: return 0;   /* 零 */
    default: return -1;
    }
}

int gwr_cn_number(const char *s, size_t n, size_t *len)
{
    size_t i = 0;
    int d = cn_digit(s, n), v;
    if (d > 0) {
        i = 3;
        if (gwr_has_prefix(s + i, n - i, "十")) {
            i += 3;
            v = d * 10;
            int e = cn_digit(s + i, n - i);
            if (e > 0) { v += e; i += 3; }
        } else {
            v = d;
        }
    } else if (gwr_has_prefix(s, n, "十")) {
        i = 3;
        v = 10;
        int e = cn_digit(s + i, n - i);
        if (e > 0) { v += e; i += 3; }
    } else {
        return 0;
    }
    *len = i;
    return v;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Byte length of a sentence end (。！？) at s, else 0. */
static inline size_t stop_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 3) return 0;
    if (u[0] == 0xE3) return u[1] == 0x80 && u[2] == 0x82 ? 3 : 0;              /* 。 */
    if (u[0] == 0xEF && u[1] == 0xBC) return u[2] == 0x81 || u[2] == 0x9F ? 3 : 0;   /* ！ ？ */
    return 0;
}

/* Byte length of a clause end (，；： or , ; :) at s, else 0. */
static inline size_t clause_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8C || u[2] == 0x9B || u[2] == 0x9A)) return 3;
    if (n && (*s == ',' || *s == ';' || *s == ':')) return 1;
    return 0;
}

static inline size_t char_bytes(const char *s, size_t n)
{
    static const uint8_t len_by_high[16] = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4 };
    size_t k = len_by_high[(unsigned char)*s >> 4];   /* < 0x80: 1, < 0xE0: 2, < 0xF0: 3, else 4 */
    return k > n ? n : k;
}


/* Offset of the first sentence end in s[0,n) or n. */
static size_t first_stop(const char *s, size_t n)
{
    for (size_t i = gwr_skip_plain(s, 0, n); i < n; i = gwr_skip_plain(s, i + char_bytes(s + i, n - i), n))
        if (stop_len(s + i, n - i)) return i;
    return n;
}

static size_t first_clause(const char *s, size_t n)
{
    for (size_t i = gwr_skip_plain(s, 0, n); i < n; i = gwr_skip_plain(s, i + char_bytes(s + i, n - i), n))
        if (clause_len(s + i, n - i) || stop_len(s + i, n - i)) return i;
    return n;
}

/* Title of a heading whose text starts at s: the whole rest when it is a
 * short standalone heading, else its first sentence (or first clause when the
 * sentence is long). Sets *runin when body text follows the title. */
static void heading_title(const char *s, size_t n, uint32_t off, gwr_para *p, size_t max_chars)
{
    size_t st = first_stop(s, n);
    size_t tl = st;
    p->runin = false;
    if (st < n) {
        size_t rest = st + stop_len(s + st, n - st);
        if (rest < n) p->runin = true;
    }
    if (gwr_utf8_chars_max(s, tl, max_chars) > max_chars) {
        size_t c = first_clause(s, n);
        tl = c;
        if (gwr_utf8_chars_max(s, tl, max_chars) > max_chars) {
            size_t i = 0, chars = 0;
            while (i < tl && chars < max_chars) { i += char_bytes(s + i, tl - i); chars++; }
            tl = i;
        }
    }
    p->toff = off;
    p->tlen = (uint32_t)tl;
}

static bool has_sentence_punct(const char *s, size_t n)
{
    for (size_t i = gwr_skip_plain(s, 0, n); i < n; i = gwr_skip_plain(s, i + char_bytes(s + i, n - i), n))
        if (stop_len(s + i, n - i) || clause_len(s + i, n - i)) return true;
    return false;
}

/* A topic paragraph opens with a short lead sentence: 3–22 characters, no
 * comma, colon, enumeration comma or digit, and text after it. */
static bool lead_sentence(const char *s, size_t n, size_t *lead)
{
    size_t chars = 0;
    for (size_t i = 0; i < n && chars <= 23; i += char_bytes(s + i, n - i), chars++) {
        size_t j = gwr_skip_plain(s, i, n);   /* plain characters, three bytes each */
        chars += (j - i + 2) / 3;
        i = j;
        if (i >= n || chars > 23) break;
        if (stop_len(s + i, n - i) == 3 && gwr_has_prefix(s + i, n - i, "。")) {
            if (chars < 3 || chars > 22 || i + 3 >= n) return false;
            *lead = i;
            return true;
        }
        if (clause_len(s + i, n - i) || is_digit(s[i]) || stop_len(s + i, n - i) ||
            gwr_has_prefix(s + i, n - i, "、"))   /* "建功新时代、奋进新征程。" is rhetoric, not a topic */
            return false;
    }
    return false;
}

/* The year's growth target as the State Council words it near the start of a
 * paragraph: "今年计划国内生产总值增长百分之九", "今年计划要求，…国民生产总值增长",
 * "今年经济增长速度的宏观调控目标，定为百分之八至九", "今年的经济增长预期为7%左右".
 * The key phrase within the first 150 bytes, 今年 before it, and the
 * growth indicator just before or after it; *klen gets the phrase's length. */
static const char *year_target(const char *s, size_t n, size_t *klen)
{
    static const char *const keys[] = { "调控目标", "计划要求", "预期为", "今年计划", "计划增长" };
    static const char *const ind[] = { "生产总值", "经济增长" };
    size_t lim = n < 150 ? n : 150;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        const char *t = gwr_find(s, lim, keys[k]);
        if (!t) continue;
        size_t kl = strlen(keys[k]);
        const char *tail = t + kl;
        if (!gwr_find(s, (size_t)(tail - s), "今年")) continue;
        const char *from = t - s > 40 ? t - 40 : s;
        while (from > s && ((unsigned char)*from & 0xC0) == 0x80) from--;
        size_t after = (size_t)(s + n - tail) < 120 ? (size_t)(s + n - tail) : 120;
        for (size_t i = 0; i < sizeof ind / sizeof *ind; i++)
            if (gwr_find(from, (size_t)(tail - from) + after, ind[i])) {
                *klen = kl;
                return t;
            }
    }
    return NULL;
}

void gwr_para_classify(const char *s, size_t n, uint32_t off, gwr_para *p)
{
    memset(p, 0, sizeof *p);
    p->off = off;
    p->len = (uint32_t)n;
    p->toff = off;
    p->cls = GWR_P_PLAIN;
    size_t k;
    int v;
    /* the numeral the paragraph opens with, for parts and items */
    size_t k0 = 0;
    int v0 = gwr_cn_number(s, n, &k0);
    /* 一、 part (also 第一部分 …) */
    size_t pk = 0;
    if ((v = v0, k = k0, v0) > 0 && gwr_has_prefix(s + k, n - k, "、")) {
        pk = k + 3;
    } else if (gwr_has_prefix(s, n, "第") && (v = gwr_cn_number(s + 3, n - 3, &k)) > 0 &&
               gwr_has_prefix(s + 3 + k, n - 3 - k, "部分")) {
        pk = 3 + k + 6;
        size_t sp;
        while (pk < n && (sp = (s[pk] == ' ' ? 1 : gwr_has_prefix(s + pk, n - pk, "：") ? 3 : 0)) > 0) pk += sp;
    }
    if (pk) {
        k = pk;
        heading_title(s + k, n - k, off + (uint32_t)k, p, 40);
        size_t chars = gwr_utf8_chars_max(s, n, 80);
        if (!p->runin && chars > 80) return;          /* a long list sentence, not a heading */
        p->cls = GWR_P_PART;
        p->num = v;
        return;
    }
    /* （一） section, full- or half-width brackets */
    size_t ob = gwr_has_prefix(s, n, "（") ? 3 : (n && s[0] == '(') ? 1 : 0;
    if (ob && (v = gwr_cn_number(s + ob, n - ob, &k)) > 0) {
        size_t cb = gwr_has_prefix(s + ob + k, n - ob - k, "）") ? 3 : (n > ob + k && s[ob + k] == ')') ? 1 : 0;
        if (cb) {
            k = ob + k + cb;
            heading_title(s + k, n - k, off + (uint32_t)k, p, 40);
            p->cls = GWR_P_SECTION;
            p->num = v;
            return;
        }
    }
    /* items */
    size_t mk = 0;
    if ((v = v0, k = k0, v0) > 0 && gwr_has_prefix(s + k, n - k, "是")) {
        mk = k + 3;
    } else if (gwr_has_prefix(s, n, "第") && (v = gwr_cn_number(s + 3, n - 3, &k)) > 0 &&
               (gwr_has_prefix(s + 3 + k, n - 3 - k, "，") || gwr_has_prefix(s + 3 + k, n - 3 - k, "、") ||
                gwr_has_prefix(s + 3 + k, n - 3 - k, "是"))) {
        mk = 3 + k + 3;
    } else if (n >= 2 && is_digit(s[0])) {
        size_t d = 0;
        v = 0;
        while (d < n && d < 2 && is_digit(s[d])) v = v * 10 + (s[d++] - '0');
        if (d < n && !is_digit(s[d])) {
            if (s[d] == '.' && d + 1 < n && !is_digit(s[d + 1])) mk = d + 1;
            else if (gwr_has_prefix(s + d, n - d, "、")) mk = d + 3;
        }
    } else if (ob && n > ob && is_digit(s[ob])) {
        size_t d = ob;
        v = 0;
        while (d < n && d < ob + 2 && is_digit(s[d])) v = v * 10 + (s[d++] - '0');
        size_t cb = gwr_has_prefix(s + d, n - d, "）") ? 3 : (d < n && s[d] == ')') ? 1 : 0;
        if (cb) mk = d + cb;
    }
    if (mk && v > 0 && mk < n) {
        heading_title(s + mk, n - mk, off + (uint32_t)mk, p, 40);
        p->cls = GWR_P_ITEM;
        p->num = v;
        return;
    }
    /* the main-targets paragraph */
    size_t lim = n < 150 ? n : 150;
    const char *t = NULL;
    unsigned either = gwr_find_either(s, lim, "目标", 6, "今年", 6);
    if (either & 1) {   /* both end in it */
        t = gwr_find(s, lim, "预期目标");
        if (!t) t = gwr_find(s, lim, "主要目标");
    }
    size_t tk = strlen("预期目标");
    /* year_target's phrases all follow a 今年 in the first 150 bytes */
    if (!t && (either & 2)) t = year_target(s, n, &tk);
    if (t) {
        size_t e = (size_t)(t - s) + tk;
        bool digits = gwr_find(s + e, n - e, "百分之") != NULL;   /* 增长百分之九 */
        for (size_t i = e; i < n && !digits; i++) digits = is_digit(s[i]);
        if (digits) {
            p->cls = GWR_P_TARGETS;
            p->toff = off;
            p->tlen = (uint32_t)e;
            return;
        }
    }
    /* highlight paragraphs 这一年，… */
    if (gwr_has_prefix(s, n, "这一年")) {
        heading_title(s, n, off, p, 24);
        if (p->tlen <= 12 && p->tlen + 3 < n) {   /* "这一年，面对…挑战，…": keep the clause after it */
            size_t from = p->tlen + clause_len(s + p->tlen, n - p->tlen);
            size_t c = first_clause(s + from, n - from);
            if (gwr_utf8_chars_max(s + from, c, 24) <= 24) p->tlen = (uint32_t)(from + c);
        }
        p->cls = GWR_P_TOPIC;
        return;
    }
    size_t lead;
    if (lead_sentence(s, n, &lead)) {
        p->cls = GWR_P_TOPIC;
        p->toff = off;
        p->tlen = (uint32_t)lead;
        return;
    }
    size_t chars = gwr_utf8_chars_max(s, n, 60);   /* compared with 60 and 30 below */
    if (chars <= 60 && (gwr_find(s, n, "：") == s + n - 3 || (n && s[n - 1] == ':'))) {
        p->cls = GWR_P_COLON;
        p->tlen = (uint32_t)(n - (s[n - 1] == ':' ? 1 : 3));
        return;
    }
    if (chars >= 4 && chars <= 30 && !gwr_has_digit(s, n) && !has_sentence_punct(s, n)) {   /* no dates or page headers */
        p->cls = GWR_P_BARE;
        p->tlen = (uint32_t)n;
        return;
    }
    p->tlen = (uint32_t)n;
}

/* The words of a part's title that give its role: those of the government's
 * own conduct first, then of a review, then of the plan. */
static const char *const role_words[] = {
    "自身建设", "政府建设", "自身改革",
    "回顾", "过去", "总结", "主要成绩", "取得的成绩",
    "建议", "安排", "任务", "思路", "要求", "目标", "部署", "打算",
    "重点工作", "工作重点", "计划", "展望", "主要工作", "今后", "做好", "抓好",
};
enum { ROLE_SELF_END = 3, ROLE_REVIEW_END = 8, NROLE_WORDS = sizeof role_words / sizeof *role_words };
/* built once: each word's first character (its three bytes) and length,
 * and the words, as bits, by their first character's last byte */
static uint32_t role_first[NROLE_WORDS], role_by_last[64];
static uint8_t role_len[NROLE_WORDS];
static pthread_once_t role_once = PTHREAD_ONCE_INIT;

static void role_init(void)
{
    for (size_t k = 0; k < NROLE_WORDS; k++) {
        const unsigned char *w = (const unsigned char *)role_words[k];
        role_first[k] = (uint32_t)w[0] << 16 | (uint32_t)w[1] << 8 | w[2];
        role_len[k] = (uint8_t)strlen(role_words[k]);
        role_by_last[w[2] & 63] |= 1u << k;
    }
}

gwr_role gwr_part_role(const char *t)
{
    /* one pass over the characters: where one starts that begins some word
     * (all CJK, all led by E4–E9), found by its last byte among theirs, the
     * words starting with it are compared; the first class in the order
     * above that has a word in t decides */
    pthread_once(&role_once, role_init);
    const uint32_t *first = role_first, *by_last = role_by_last;
    const uint8_t *len = role_len;
    size_t n = strlen(t);
    const unsigned char *u = (const unsigned char *)t;
    unsigned found = 0;   /* bit 0: self, 1: review, 2: plan */
    for (size_t i = 0; i + 6 <= n;) {
        if ((unsigned)(u[i] - 0xE4u) > 0xE9u - 0xE4u) {
            i++;
            continue;
        }
        uint32_t c = (uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2];
        for (uint32_t m = by_last[u[i + 2] & 63]; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            if (first[k] == c && i + len[k] <= n && memcmp(t + i + 3, role_words[k] + 3, len[k] - 3u) == 0)
                found |= k < ROLE_SELF_END ? 1u : k < ROLE_REVIEW_END ? 2u : 4u;
        }
        i += 3;   /* a whole character (valid UTF-8) */
    }
    if (found & 1) return GWR_ROLE_SELF;
    if (found & 2) return GWR_ROLE_REVIEW;
    if (found & 4) return GWR_ROLE_PLAN;
    return GWR_ROLE_OTHER;
}

static bool is_dash_start(const char *s, size_t n)
{
    return gwr_has_prefix(s, n, "—") || gwr_has_prefix(s, n, "－") || gwr_has_prefix(s, n, "─") ||
           gwr_has_prefix(s, n, "–") || gwr_has_prefix(s, n, "―") || (n && s[0] == '-');
}

gwr_fm gwr_front_kind(const char *s, size_t n)
{
    size_t chars = gwr_utf8_chars_max(s, n, 100);   /* compared with 100 and less below */
    /* "我代表国务院，向大会作政府工作报告" is a sentence, not the title */
    if (chars <= 40 && gwr_find(s, n, "政府工作报告") && !gwr_find(s, n, "我")) return GWR_FM_TITLE;
    if (chars <= 100 && !gwr_find(s, n, "。") &&
        ((is_dash_start(s, n) && gwr_first_year(s, n, NULL)) || (gwr_find(s, n, "人民代表大会") && gwr_find(s, n, "会议"))))
        return GWR_FM_MEETING;
    if (chars <= 40 && !gwr_find(s, n, "。")) {
        const char *g = gwr_find(s, n, "人民政府");
        if (!g) g = gwr_find(s, n, "政府");
        if (g && gwr_find(g, n - (size_t)(g - s), "长")) return GWR_FM_SPEAKER;
    }
    if (chars <= 16 && gwr_has_prefix(s, n, "各位代表")) return GWR_FM_SALUTATION;
    return GWR_FM_NONE;
}

bool gwr_para_is_intro(const char *s, size_t n)
{
    if (gwr_has_prefix(s, n, "今年是")) return true;
    size_t after;
    if (gwr_first_year(s, n < 12 ? n : 12, &after) && gwr_has_prefix(s + after, n - after, "是")) return true;
    /* 总体要求, 指导思想 or 总体思路 within the first 45 bytes: all three are
     * twelve bytes led by E6 (总 指), found in one pass */
    size_t lim = n < 45 ? n : 45, i = 0;
#ifdef __SSE2__
    if (n >= 48) {   /* the 34 starts at once, from three loads within s[0,n) */
        const __m128i e6 = _mm_set1_epi8((char)0xE6);
        uint64_t m = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)s), e6)) |
                     (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + 16)), e6)) << 16 |
                     (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + 32)), e6)) << 32;
        for (m &= (1ull << 34) - 1; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctzll(m);
            if (memcmp(s + k, "总体要求", 12) == 0 || memcmp(s + k, "指导思想", 12) == 0 || memcmp(s + k, "总体思路", 12) == 0)
                return true;
        }
        return false;
    }
#endif
    for (; i + 12 <= lim; i++)
        if ((unsigned char)s[i] == 0xE6 &&
            (memcmp(s + i, "总体要求", 12) == 0 || memcmp(s + i, "指导思想", 12) == 0 || memcmp(s + i, "总体思路", 12) == 0))
            return true;
    return false;
}

bool gwr_para_is_bare_part(const char *s, size_t n)
{
    /* private-use characters left at the end by web copies (U+E000–U+F8FF) */
    while (n >= 3 && (((unsigned char)s[n - 3] == 0xEE) || ((unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] < 0xA4)))
        n -= 3;
    size_t chars = gwr_utf8_chars_max(s, n, 24);
    if (chars < 4 || chars > 24) return false;
    if (n >= 3 && memcmp(s + n - 3, "。", 3) == 0) n -= 3;
    for (size_t i = gwr_skip_plain(s, 0, n); i < n; i = gwr_skip_plain(s, i + char_bytes(s + i, n - i), n))
        if (clause_len(s + i, n - i) || stop_len(s + i, n - i) || gwr_has_prefix(s + i, n - i, "、")) return false;
    static const char *const words[] = { "工作回顾", "回顾", "主要目标任务", "目标任务", "主要任务", "重点工作",
                                         "工作安排", "工作建议", "工作部署" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t wl = strlen(words[i]);
        if (n >= wl && memcmp(s + n - wl, words[i], wl) == 0) return true;   /* the title ends with it */
    }
    /* "首先报告2001年的工作": a year's work announced on its own line */
    size_t after;
    if (gwr_first_year(s, n, &after) && n >= 6 && memcmp(s + n - 6, "工作", 6) == 0 && gwr_find(s, n, "报告")) return true;
    return false;
}
