/* outline_census.c — the census of a whole text that names the reporting
 * entity when the front matter does not (outline_meta.c): the two-character
 * name the text uses most.
 *
 * The census counts every pair of adjacent CJK characters (U+4E00–U+9FFF)
 * in the first 300 KB, neither a function character (的 年 市 …) nor a
 * common pair of the genre (建设 发展 …). A pair is "in context" where a
 * level character (市 区 县 州 旗) follows it — "荆门市", but not "中心城区"
 * (a pair ending in 城) — or a slogan (美丽 平安 智慧 …) precedes it; an
 * occurrence before a level character is also a "level use". The score of a
 * pair is its bare uses plus twice its slogan uses: count − lvl + 2·(ctx −
 * lvl). When some pair with at least four uses is ever in context, only
 * pairs in context compete. The highest score wins, ties going to the
 * lowest slot of the counting hash table; a best score under 4 names none.
 *
 * gwr_census_full is that census as defined: one pass decoding every
 * character into an open-addressing table that stops taking new pairs once
 * three quarters full.
 *
 * gwr_census_fast gets the same answer from two scans that look only where
 * a member of a small set occurs (found 16 or 32 bytes at a time on the
 * bytes after the lead bytes of the set's characters):
 *   1. the level characters and the slogans: every pair in context, with
 *      its exact ctx and lvl (a pair gets ctx only at those places), and
 *      the self-level count (全市, 我区 …);
 *   2. those pairs, each counted where its six bytes stand: the exact count
 *      of each.
 * Why this is the census's answer, not an approximation of it:
 *   - whenever some pair with ctx > 0 has count ≥ 4, the census lets only
 *     pairs with ctx > 0 compete, and every such pair was found in step 1
 *     (ctx grows only beside a level character or after a slogan), with the
 *     same ctx, lvl and count — so the scores are the same numbers. When no
 *     such pair exists the fast path declines and the full census runs;
 *   - the table never fills: the fast path runs only when the number of
 *     CJK characters (an upper bound of the distinct pairs) stays within
 *     three quarters of the table, so no pair is left uncounted;
 *   - the slot order only breaks ties: the fast path declines when two
 *     competing pairs share the highest score of 4 or more;
 *   - the text is valid UTF-8 (text.h: norm is validated), so a byte from
 *     0xE4 to 0xE9 always starts a character and a pair's six bytes match
 *     exactly where the two characters stand side by side; a character cut
 *     by the 300 KB limit is no character to either. */
#include "outline_internal.h"
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CENSUS_X86 1
#endif

static uint32_t decode3(const unsigned char *s)
{
    return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

static bool cjk_lead(unsigned char c) { return (unsigned)(c - 0xE4u) <= 0xE9u - 0xE4u; }

static const char *const slogans[] = { "美丽", "健康", "平安", "智慧", "幸福", "魅力", "活力", "文明", "大美", "数化" };
enum { NSLOGANS = sizeof slogans / sizeof *slogans };

/* The hash table's size for s[0,n): a power of two, about 2 slots a character. */
static size_t census_slots(size_t n)
{
    size_t HB = 256;
    while (HB < 32768 && HB < n / 3 * 2) HB *= 2;
    return HB;
}

/* ---- the census as defined ------------------------------------------------ */

typedef struct bigram { uint32_t key; uint32_t count, ctx, lvl, slot; } bigram;   /* key: a << 16 | b */

/* One pair of the census, a and b, neither a function character nor 0
 * (anything not CJK): w holds the window p2 p1 a b (16 bits each, p2 the
 * highest; all code points counted are below U+A000); kb is b's class and
 * kx the class of the code point after b. */
typedef struct census {
    uint16_t *tab;
    bigram *pairs;
    size_t HB, used;
    size_t lvcount[6];                  /* 1–5: 市 区 县 州 旗 after 全 我 本 */
    const uint32_t *pset;
    const uint64_t *pbits;
    const uint8_t *cls;
    uint32_t slog[NSLOGANS];
} census;

static void census_pair(census *cs, uint64_t w, unsigned kb, unsigned kx)
{
    uint32_t p2 = (uint32_t)(w >> 48), p1 = (uint32_t)(w >> 32) & 0xFFFF;
    uint32_t a = (uint32_t)(w >> 16) & 0xFFFF, b = (uint32_t)w & 0xFFFF;
    uint32_t key = (uint32_t)w;   /* a << 16 | b */
    uint32_t ph = gwr_word_pair_hash(key);
    if (cs->pbits[ph >> 6] >> (ph & 63) & 1 && gwr_word_pair_in(cs->pset, key)) return;
    uint32_t c = 0;
    if ((kx & GWR_CC_LEVEL) && !(kb & GWR_CC_CHENG)) c = 1;   /* "中心城区" is no name */
    if (!c && (cs->cls[p2] & GWR_CC_SLOGAN) && p1) {
        uint32_t pk = (uint32_t)(w >> 32);   /* p2 << 16 | p1 */
        for (size_t k = 0; k < NSLOGANS; k++) if (pk == cs->slog[k]) c = 2;
    }
    size_t HB = cs->HB;
    uint32_t h = (a * 2654435761u ^ b * 40503u) & (HB - 1);
    for (;;) {
        if (cs->tab[h] == 0) {
            if (cs->used * 4 >= HB * 3) break;   /* full enough: known pairs only */
            cs->pairs[cs->used] = (bigram){ key, 0, 0, 0, (uint32_t)h };
            cs->tab[h] = (uint16_t)++cs->used;
        }
        bigram *e = &cs->pairs[cs->tab[h] - 1];
        if (e->key == key) {
            e->count++;
            if (c) {   /* rare: a level or a slogan beside the pair */
                e->ctx++;
                e->lvl += c == 1;
            }
            break;
        }
        h = (h + 1) & (HB - 1);
    }
}

/* Decodes s[0,n) and counts its pairs. Kept out of line so that its state
 * stays in registers. */
__attribute__((noinline)) static void census_scan(census *cs, const unsigned char *u, size_t n)
{
    const uint8_t *cls = cs->cls;
    uint64_t w = 0;                        /* p2 p1 a b, as census_pair takes them */
    unsigned kw = cls[0] << 8 | cls[0];    /* the classes of a and b */
    const unsigned skip = (GWR_CC_FUNCTION | GWR_CC_NONE) * 0x101u;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        uint32_t x;
        if (c < 0x80) {
            x = 0;
            i++;
        } else if (c - 0xE4u <= 0xE9u - 0xE4u && n - i >= 3) {
            x = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
            i += 3;
        } else {
            x = 0;
            i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
        unsigned kx = cls[x];
        if (kw & GWR_CC_SELF << 8) cs->lvcount[(kw & GWR_CC_LEVEL) >> GWR_CC_LEVEL_SHIFT]++;
        if (!(kw & skip)) census_pair(cs, w, kw & 0xFF, kx);
        w = w << 16 | x;
        kw = (kw << 8 | kx) & 0xFFFF;
    }
    if (kw & GWR_CC_SELF << 8) cs->lvcount[(kw & GWR_CC_LEVEL) >> GWR_CC_LEVEL_SHIFT]++;
    if (!(kw & skip)) census_pair(cs, w, kw & 0xFF, cls[0]);
}

bool gwr_census_full(const char *s, size_t n, gwr_census *r)
{
    bool want = r->want_occ;
    memset(r, 0, sizeof *r);
    r->want_occ = want;
    size_t HB = census_slots(n);
    /* the hash table holds 1 + the index of a pair in `pairs` (0: free), so
     * only 2 bytes a slot are cleared; at most 3/4 of HB ≤ 32768 are taken */
    census cs = { .HB = HB };
    cs.tab = calloc(HB, sizeof *cs.tab);
    cs.pairs = malloc((HB / 4 * 3 + 1) * sizeof *cs.pairs);
    if (!cs.tab || !cs.pairs) {
        free(cs.tab);
        free(cs.pairs);
        return false;
    }
    for (size_t k = 0; k < NSLOGANS; k++)
        cs.slog[k] = decode3((const unsigned char *)slogans[k]) << 16 | decode3((const unsigned char *)slogans[k] + 3);
    cs.pbits = gwr_word_pair_bits();
    cs.pset = gwr_word_pair_set();
    cs.cls = gwr_word_census_class();
    census_scan(&cs, (const unsigned char *)s, n);
    bigram *pairs = cs.pairs;
    size_t used = cs.used;
    uint32_t best = 0, ba = 0, bb = 0;
    size_t bh = HB;
    bool any_ctx = false;
    for (size_t u = 0; u < used; u++) any_ctx |= pairs[u].ctx > 0 && pairs[u].count >= 4;
    /* the pairs taken; ties go to the lowest slot of the table */
    for (size_t u = 0; u < used; u++) {
        const bigram *e = &pairs[u];
        size_t h = e->slot;
        /* uses of the bare name count; "棚户区", "工业园区" are always suffixed */
        uint32_t score = e->count - e->lvl + 2 * (e->ctx - e->lvl);
        if (score < best || (score == best && (best == 0 || h > bh)) || e->count < 4 || (any_ctx && e->ctx == 0)) continue;
        best = score;
        bh = h;
        ba = e->key >> 16;
        bb = e->key & 0xFFFF;
    }
    free(pairs);
    free(cs.tab);
    r->a = ba;
    r->b = bb;
    r->best = best;
    memcpy(r->lvcount, cs.lvcount, sizeof r->lvcount);
    r->lvcount[0] = 0;   /* 全 我 本 before anything else: not a level */
    return true;
}

/* ---- the census from the places that matter ------------------------------ */

/* A set of CJK characters (code points below U+A000), or of pairs of them
 * (a << 16 | b): a bit per character, a table of the pairs' six bytes, and
 * for the scans that look at 16 or 32 offsets at once, the members in eight
 * buckets (neighbouring keys together) with tables looked up by nibbles of
 * the bytes after a character's lead byte (the lead bytes of CJK text say
 * little). For characters, bit k of nib[2j][x] (nib[2j+1][x]) is set when a
 * member of bucket k has x as the low (high) nibble of its byte j + 1. For
 * pairs, three tables per character j (a continuation byte's high nibble
 * holds only two bits): bit k of nib[3j][x] (nib[3j+1][x]) when x is the
 * low nibble of the second (third) byte of its j-th character, of
 * nib[3j+2][x] when x holds bits 4–5 of the second byte (as bits 2–3) and
 * of the third (as bits 0–1). An offset whose bytes find one bucket in all
 * the tables may start a member; the bit set (for a pair, its six bytes)
 * says whether it does. */
enum { CSET_MAX = 1024 };
typedef struct cset {
    uint8_t nib[6][16];   /* 4 for characters, 6 for pairs */
    bool pairs;
    uint64_t bits[GWR_CENSUS_CPS / 64];
    uint32_t keys[CSET_MAX];
    size_t n;
    /* pairs: the members' six bytes as six_bytes() reads them, in an
     * open-addressing table of pmask + 1 slots (0: free), with the count of
     * each found by the scan */
    uint64_t *pk;
    uint32_t *pn;
    size_t pmask;
} cset;

/* The six bytes at s as one number (the same on any byte order for the
 * comparisons made here: keys and text are read alike). */
static inline uint64_t six_bytes(const unsigned char *s)
{
    uint64_t x = 0;
    memcpy(&x, s, 6);
    return x;
}

static inline size_t six_hash(uint64_t k, size_t mask)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

static void put_utf8(unsigned char *o, uint32_t cp)
{
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
}

/* The six bytes of the pair a << 16 | b, as six_bytes() reads them. */
static uint64_t pair_bytes(uint32_t key)
{
    unsigned char by[6];
    put_utf8(by, key >> 16);
    put_utf8(by + 3, key & 0xFFFF);
    return six_bytes(by);
}

/* Room for up to max pairs (the table at most half full); false when
 * memory runs out. */
static bool cset_pairs(cset *c, size_t max)
{
    size_t cap = 16;
    while (cap < 2 * max) cap *= 2;
    free(c->pk);
    free(c->pn);
    c->pk = calloc(cap, sizeof *c->pk);
    c->pn = calloc(cap, sizeof *c->pn);
    c->pmask = cap - 1;
    c->pairs = true;
    return c->pk && c->pn;
}

/* The slot of a pair's six bytes k (a free one when k is not in). */
static size_t pair_slot(const cset *c, uint64_t k)
{
    size_t h = six_hash(k, c->pmask);
    while (c->pk[h] != 0 && c->pk[h] != k) h = (h + 1) & c->pmask;
    return h;
}

/* A member not added before: a character, or a pair (cset_pairs first).
 * For a pair, its slot in the table of pairs (where its count goes). */
static size_t cset_add(cset *c, uint32_t key)
{
    size_t h = 0;
    if (c->pairs) {
        uint64_t k = pair_bytes(key);
        h = pair_slot(c, k);
        if (c->pk[h] == k) return h;
        c->pk[h] = k;
    } else {
        if (c->bits[key >> 6] >> (key & 63) & 1) return 0;
        c->bits[key >> 6] |= 1ull << (key & 63);
    }
    if (c->n < CSET_MAX) c->keys[c->n] = key;
    c->n++;
    return h;
}

/* The nibble tables, once the members are in; false when there are too
 * many members to keep (the byte-by-byte scan then serves). */
static bool cset_build(cset *c)
{
    memset(c->nib, 0, sizeof c->nib);
    if (c->n > CSET_MAX || c->n == 0) return false;
    static const size_t gaps[] = { 23, 10, 4, 1 };   /* a few dozen: shell sort */
    for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++)
        for (size_t k = gaps[g]; k < c->n; k++) {
            uint32_t x = c->keys[k];
            size_t j = k;
            for (; j >= gaps[g] && c->keys[j - gaps[g]] > x; j -= gaps[g]) c->keys[j] = c->keys[j - gaps[g]];
            c->keys[j] = x;
        }
    for (size_t k = 0; k < c->n; k++) {
        uint8_t bit = (uint8_t)(1u << (k * 8 / c->n));
        unsigned char by[6];
        put_utf8(by, c->pairs ? c->keys[k] >> 16 : c->keys[k]);
        put_utf8(by + 3, c->keys[k] & 0xFFFF);
        if (!c->pairs)
            for (int j = 0; j < 2; j++) {
                c->nib[2 * j][by[1 + j] & 15] |= bit;
                c->nib[2 * j + 1][by[1 + j] >> 4] |= bit;
            }
        else
            for (int j = 0; j < 2; j++) {
                unsigned b1 = by[3 * j + 1], b2 = by[3 * j + 2];
                c->nib[3 * j][b1 & 15] |= bit;
                c->nib[3 * j + 1][b2 & 15] |= bit;
                c->nib[3 * j + 2][(b1 >> 2 & 12) | (b2 >> 4 & 3)] |= bit;
            }
    }
    return true;
}


/* Offsets, growing. */
typedef struct offs { uint32_t *v; size_t n, cap; bool bad; } offs;

static void offs_push(offs *o, size_t p)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        uint32_t *v = realloc(o->v, cap * sizeof *v);
        if (!v) { o->bad = true; return; }
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n++] = (uint32_t)p;
}

static inline void keep(offs *o, size_t p)
{
    if (o->n < o->cap) o->v[o->n++] = (uint32_t)p;
    else offs_push(o, p);
}

/* Keeps offset p when a member starts there, and counts a pair; one test
 * for each kind of set. A pair's six bytes match only where its two
 * characters stand (valid UTF-8: a lead byte is never inside a character). */
static inline void check_char(const cset *c, const unsigned char *u, size_t n, size_t p, offs *o)
{
    if (p + 3 <= n && cjk_lead(u[p])) {
        uint32_t cp = decode3(u + p);
        if (c->bits[cp >> 6] >> (cp & 63) & 1) keep(o, p);
    }
}

static inline void check_pair(const cset *c, const unsigned char *u, size_t n, size_t p, offs *o)
{
    if (p + 6 > n) return;
    uint64_t k = six_bytes(u + p);
    for (size_t h = six_hash(k, c->pmask);; h = (h + 1) & c->pmask) {
        if (c->pk[h] == k) {
            c->pn[h]++;
            keep(o, p);
            return;
        }
        if (c->pk[h] == 0) return;
    }
}

static inline void cset_check(const cset *c, const unsigned char *u, size_t n, size_t p, offs *o)
{
    if (c->pairs) check_pair(c, u, n, p, o);
    else check_char(c, u, n, p, o);
}

/* Every offset p of s[from,n) where a member of c starts, in order. */
static void cset_scan_bytes(const cset *c, const unsigned char *u, size_t from, size_t n, offs *o)
{
    for (size_t p = from; p < n; p++) cset_check(c, u, n, p, o);
}

#ifdef CENSUS_X86
/* 16 (32) offsets at a time: an offset is looked at only when its bytes
 * find one bucket in all the nibble tables. */
/* the three tables of character j for its second and third bytes v1 v2 */
#define NIB16(v1, v2, j) _mm_and_si128(_mm_and_si128(_mm_shuffle_epi8(t[3 * (j)], _mm_and_si128(v1, low)),        \
                                                     _mm_shuffle_epi8(t[3 * (j) + 1], _mm_and_si128(v2, low))),   \
        _mm_shuffle_epi8(t[3 * (j) + 2], _mm_or_si128(_mm_and_si128(_mm_srli_epi16(v1, 2), c12),                \
                                                      _mm_and_si128(_mm_srli_epi16(v2, 4), c3))))
/* a character's second or third byte v, its table pair j */
#define HALF16(v, j) _mm_and_si128(_mm_shuffle_epi8(t[2 * (j)], _mm_and_si128(v, low)), \
                                   _mm_shuffle_epi8(t[2 * (j) + 1], _mm_and_si128(_mm_srli_epi16(v, 4), low)))
#define LOAD16(k) _mm_loadu_si128((const __m128i *)(u + i + (k)))
#define NIB32(v1, v2, j) _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(t[3 * (j)], _mm256_and_si256(v1, low)),      \
                                                           _mm256_shuffle_epi8(t[3 * (j) + 1], _mm256_and_si256(v2, low))), \
        _mm256_shuffle_epi8(t[3 * (j) + 2], _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(v1, 2), c12),                \
                                                            _mm256_and_si256(_mm256_srli_epi16(v2, 4), c3))))
#define HALF32(v, j) _mm256_and_si256(_mm256_shuffle_epi8(t[2 * (j)], _mm256_and_si256(v, low)), \
                                      _mm256_shuffle_epi8(t[2 * (j) + 1], _mm256_and_si256(_mm256_srli_epi16(v, 4), low)))
#define LOAD32(k) _mm256_loadu_si256((const __m256i *)(u + i + (k)))

__attribute__((target("ssse3"))) static void cset_scan_ssse3(const cset *c, const unsigned char *u, size_t n, offs *o)
{
    __m128i t[6];
    for (int j = 0; j < 6; j++) t[j] = _mm_loadu_si128((const __m128i *)c->nib[j]);
    const __m128i low = _mm_set1_epi8(0x0F), c12 = _mm_set1_epi8(12), c3 = _mm_set1_epi8(3), zero = _mm_setzero_si128();
    size_t i = 0;
    if (c->pairs)
        for (; i + 21 <= n; i += 16) {
            __m128i acc = _mm_and_si128(NIB16(LOAD16(1), LOAD16(2), 0), NIB16(LOAD16(4), LOAD16(5), 1));
            unsigned m = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(acc, zero)) & 0xFFFFu;
            for (; m; m &= m - 1) check_pair(c, u, n, i + (unsigned)__builtin_ctz(m), o);
        }
    else
        for (; i + 18 <= n; i += 16) {
            __m128i acc = _mm_and_si128(HALF16(LOAD16(1), 0), HALF16(LOAD16(2), 1));
            unsigned m = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(acc, zero)) & 0xFFFFu;
            for (; m; m &= m - 1) check_char(c, u, n, i + (unsigned)__builtin_ctz(m), o);
        }
    cset_scan_bytes(c, u, i, n, o);
}

__attribute__((target("avx2"))) static void cset_scan_avx2(const cset *c, const unsigned char *u, size_t n, offs *o)
{
    __m256i t[6];
    for (int j = 0; j < 6; j++) t[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)c->nib[j]));
    const __m256i low = _mm256_set1_epi8(0x0F), c12 = _mm256_set1_epi8(12), c3 = _mm256_set1_epi8(3), zero = _mm256_setzero_si256();
    size_t i = 0;
    /* two blocks of 32 a round, their candidates in one 64-bit mask */
#define PAIRS32(k) ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256( \
        NIB32(LOAD32((k) + 1), LOAD32((k) + 2), 0), NIB32(LOAD32((k) + 4), LOAD32((k) + 5), 1)), zero))
#define CHARS32(k) ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(                   \
        _mm256_and_si256(HALF32(LOAD32((k) + 1), 0), HALF32(LOAD32((k) + 2), 1)), zero))
    if (c->pairs) {
        for (; i + 69 <= n; i += 64)
            for (uint64_t m = (uint64_t)PAIRS32(32) << 32 | PAIRS32(0); m; m &= m - 1)
                check_pair(c, u, n, i + (unsigned)__builtin_ctzll(m), o);
        for (; i + 37 <= n; i += 32)
            for (uint32_t m = PAIRS32(0); m; m &= m - 1) check_pair(c, u, n, i + (unsigned)__builtin_ctz(m), o);
    } else {
        for (; i + 66 <= n; i += 64)
            for (uint64_t m = (uint64_t)CHARS32(32) << 32 | CHARS32(0); m; m &= m - 1)
                check_char(c, u, n, i + (unsigned)__builtin_ctzll(m), o);
        for (; i + 34 <= n; i += 32)
            for (uint32_t m = CHARS32(0); m; m &= m - 1) check_char(c, u, n, i + (unsigned)__builtin_ctz(m), o);
    }
#undef PAIRS32
#undef CHARS32
    cset_scan_bytes(c, u, i, n, o);
}
#undef NIB16
#undef HALF16
#undef LOAD16
#undef NIB32
#undef HALF32
#undef LOAD32

/* The number of bytes 0xE4–0xE9 in s[0,n). */
static size_t count_leads(const unsigned char *u, size_t n)
{
    const __m128i base = _mm_set1_epi8((char)0xE4), five = _mm_set1_epi8(5), zero = _mm_setzero_si128();
    size_t i = 0, total = 0;
    while (i + 16 <= n) {
        __m128i acc = zero;
        for (size_t k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
            __m128i t = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(u + i)), base);
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_min_epu8(t, five), t));
        }
        __m128i sum = _mm_sad_epu8(acc, zero);
        total += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
    }
    for (; i < n; i++) total += cjk_lead(u[i]);
    return total;
}
#else
static size_t count_leads(const unsigned char *u, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += cjk_lead(u[i]);
    return total;
}
#endif

/* width: the widest scan to use, 32, 16 or 1 byte(s) at a time */
static void cset_scan(cset *c, const unsigned char *u, size_t n, offs *o, int width)
{
    if (!cset_build(c)) width = 1;
#ifdef CENSUS_X86
    if (width >= 32 && __builtin_cpu_supports("avx2")) {
        cset_scan_avx2(c, u, n, o);
        return;
    }
    if (width >= 16 && __builtin_cpu_supports("ssse3")) {
        cset_scan_ssse3(c, u, n, o);
        return;
    }
#endif
    (void)width;
    cset_scan_bytes(c, u, 0, n, o);
}

/* For the tests: the offsets where the characters cps (or, when above
 * 0xFFFF, the pairs a << 16 | b) occur in s[0,n), by
 * scans of at most width bytes at a time; *out is malloc'd. */
void gwr_census_offsets(const uint32_t *cps, size_t ncps, const char *s, size_t n, int width, uint32_t **out, size_t *nout)
{
    cset *c = calloc(1, sizeof *c);
    offs o = { 0 };
    if (c && (ncps == 0 || cps[0] <= 0xFFFF || cset_pairs(c, ncps))) {   /* pairs a << 16 | b */
        for (size_t k = 0; k < ncps; k++) {
            uint32_t a = c->pairs ? cps[k] >> 16 : cps[k], b = c->pairs ? cps[k] & 0xFFFF : 0x4E00;
            if (a >= 0x4E00 && a < GWR_CENSUS_CPS && b >= 0x4E00 && b < GWR_CENSUS_CPS) cset_add(c, cps[k]);
        }
        cset_scan(c, (const unsigned char *)s, n, &o, width);
    }
    if (c) {
        free(c->pk);
        free(c->pn);
    }
    free(c);
    *out = o.v;
    *nout = o.n;
}

/* The pairs in context: a small open-addressing table. */
typedef struct cpair { uint32_t key, count, ctx, lvl, slot; } cpair;   /* slot: in the scan's table of pairs */
typedef struct ctab { cpair *e; size_t cap, used; } ctab;

static bool ctab_grow(ctab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 128;
    cpair *e = calloc(cap, sizeof *e);
    if (!e) return false;
    for (size_t k = 0; k < t->cap; k++) {
        if (!t->e[k].key) continue;
        size_t h = (t->e[k].key * 2654435761u >> 8) & (cap - 1);
        while (e[h].key) h = (h + 1) & (cap - 1);
        e[h] = t->e[k];
    }
    free(t->e);
    t->e = e;
    t->cap = cap;
    return true;
}

/* The entry of key; a new one when add (NULL when memory runs out). */
static inline cpair *ctab_get(ctab *t, uint32_t key, bool add)
{
    if (add && (t->used + 1) * 2 > t->cap && !ctab_grow(t)) return NULL;
    size_t h = (key * 2654435761u >> 8) & (t->cap - 1);
    for (;; h = (h + 1) & (t->cap - 1)) {
        if (t->e[h].key == key) return &t->e[h];
        if (t->e[h].key == 0) {
            if (!add) return NULL;
            t->e[h].key = key;
            t->used++;
            return &t->e[h];
        }
    }
}

bool gwr_census_fast_simd(const char *s, size_t n, gwr_census *r, int width)
{
    const unsigned char *u = (const unsigned char *)s;
    bool want = r->want_occ;
    memset(r, 0, sizeof *r);
    r->want_occ = want;
    size_t HB = census_slots(n);
    /* the full census's table takes every pair when the characters, an
     * upper bound of the distinct pairs, fit in three quarters of it */
    if (n / 3 * 4 > HB * 3 && count_leads(u, n) * 4 > HB * 3) return false;
    const uint8_t *cls = gwr_word_census_class();
    const uint64_t *pbits = gwr_word_pair_bits();
    const uint32_t *pset = gwr_word_pair_set();
#define COMMON_PAIR(a, b) (pbits[gwr_word_pair_hash((a) << 16 | (b)) >> 6] >> (gwr_word_pair_hash((a) << 16 | (b)) & 63) & 1 && \
                           gwr_word_pair_in(pset, (a) << 16 | (b)))
    const unsigned skip = GWR_CC_FUNCTION | GWR_CC_NONE;
    bool ok = false;
    cset cs1, *c = &cs1;   /* only the bits need clearing */
    memset(c->bits, 0, sizeof c->bits);
    c->n = 0;
    c->pairs = false;
    c->pk = NULL;
    c->pn = NULL;
    offs o = { 0 };
    ctab t = { 0 };
    static const uint32_t level[] = { 0x5E02, 0x533A, 0x53BF, 0x5DDE, 0x65D7 };   /* 市 区 县 州 旗 */
    /* a slogan is looked for by its rarer character in report text (大 of
     * 大美, 智 of 智慧, 健 of 健康, 文 of 文明 stand in many common words; 美 is
     * the second of 大美 and the first of 美丽, so 丽 stands for 美丽): those
     * characters, all different, have a slot each under ((cp · 291) mod
     * 2^16) >> 12, with the slogan and the character's place in it */
    static const uint8_t second[NSLOGANS] = { 1, 1, 0, 1, 0, 0, 0, 1, 1, 0 };
    uint32_t slog[16] = { 0 };
    uint8_t slog_at[16] = { 0 };
    for (size_t k = 0; k < 5; k++) cset_add(c, level[k]);
    for (size_t k = 0; k < NSLOGANS; k++) {
        uint32_t key = decode3((const unsigned char *)slogans[k]) << 16 | decode3((const unsigned char *)slogans[k] + 3);
        uint32_t x = second[k] ? key & 0xFFFF : key >> 16;
        slog[(x * 291 & 0xFFFF) >> 12] = key;
        slog_at[(x * 291 & 0xFFFF) >> 12] = second[k];
        cset_add(c, x);
    }
    /* 1. the places in context */
    cset_scan(c, u, n, &o, width);
    if (o.bad) goto out;
    if (!ctab_grow(&t)) goto out;
    for (size_t k = 0; k < o.n; k++) {
        size_t p = o.v[k];
        uint32_t x = decode3(u + p);
        unsigned lv = (cls[x] & GWR_CC_LEVEL) >> GWR_CC_LEVEL_SHIFT;
        if (lv) {
            /* 全市 / 我区 / 本县: the level the report speaks of itself */
            if (p >= 3 && cjk_lead(u[p - 3]) && (cls[decode3(u + p - 3)] & GWR_CC_SELF)) r->lvcount[lv]++;
            if (p < 6 || !cjk_lead(u[p - 6]) || !cjk_lead(u[p - 3])) continue;
            uint32_t a = decode3(u + p - 6), b = decode3(u + p - 3);
            if ((cls[a] | cls[b]) & skip || (cls[b] & GWR_CC_CHENG) || COMMON_PAIR(a, b)) continue;
            cpair *e = ctab_get(&t, a << 16 | b, true);
            if (!e) goto out;
            e->ctx++;
            e->lvl++;
        } else {
            /* a slogan from q, then a pair not followed by a level character */
            size_t h = (x * 291 & 0xFFFF) >> 12;
            if (slog_at[h]) {
                if (p < 3) continue;
                p -= 3;
            }
            if (p + 12 > n || !cjk_lead(u[p]) || !cjk_lead(u[p + 3]) || !cjk_lead(u[p + 6]) || !cjk_lead(u[p + 9])) continue;
            if (slog[h] != (decode3(u + p) << 16 | decode3(u + p + 3))) continue;
            uint32_t a = decode3(u + p + 6), b = decode3(u + p + 9);
            if ((cls[a] | cls[b]) & skip || COMMON_PAIR(a, b)) continue;
            if (!(cls[b] & GWR_CC_CHENG) && p + 15 <= n && cjk_lead(u[p + 12]) && (cls[decode3(u + p + 12)] & GWR_CC_LEVEL))
                continue;   /* a level use, counted above */
            cpair *e = ctab_get(&t, a << 16 | b, true);
            if (!e) goto out;
            e->ctx++;
        }
    }
    if (t.used == 0) goto out;   /* nothing in context: the full census decides */
    /* 2. the uses of those pairs */
    if (!cset_pairs(c, t.used)) goto out;
    c->n = 0;
    for (size_t h = 0; h < t.cap; h++) if (t.e[h].key) t.e[h].slot = (uint32_t)cset_add(c, t.e[h].key);
    o.n = 0;
    cset_scan(c, u, n, &o, width);   /* o: every use of every pair */
    if (o.bad) goto out;
    for (size_t h = 0; h < t.cap; h++) if (t.e[h].key) t.e[h].count = c->pn[t.e[h].slot];
    /* the winner: a pair in context with at least four uses, the highest
     * score; a tie at the top is left to the full census's slot order */
    bool any = false, tie = false;
    uint32_t best = 0, key = 0;
    for (size_t h = 0; h < t.cap; h++) {
        const cpair *e = &t.e[h];
        if (!e->key || e->count < 4) continue;
        any = true;
        uint32_t score = e->count - e->lvl + 2 * (e->ctx - e->lvl);
        if (score > best) best = score, key = e->key, tie = false;
        else if (score == best) tie = true;
    }
    if (!any || (tie && best >= 4)) goto out;
    r->best = best;
    if (best >= 4) {
        r->a = key >> 16;
        r->b = key & 0xFFFF;
        if (r->want_occ) {   /* the winner's uses, from the uses of all pairs in context */
            uint64_t w = pair_bytes(key);
            size_t m = 0;
            for (size_t k = 0; k < o.n; k++)
                if (six_bytes(u + o.v[k]) == w) o.v[m++] = o.v[k];
            r->occ = o.v;
            r->nocc = m;
            o.v = NULL;
        }
    }
    ok = true;
out:
    free(o.v);
    free(t.e);
    free(c->pk);
    free(c->pn);
    if (!ok) {
        memset(r->lvcount, 0, sizeof r->lvcount);
        r->best = 0;
    }
    return ok;
}

#undef COMMON_PAIR

bool gwr_census_fast(const char *s, size_t n, gwr_census *r)
{
    return gwr_census_fast_simd(s, n, r, 32);
}

bool gwr_census_run(const char *s, size_t n, gwr_census *r)
{
    return gwr_census_fast(s, n, r) || gwr_census_full(s, n, r);
}
