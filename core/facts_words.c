/* facts_words.c — one pass over a sentence for the words that decide its
 * reading (plan words, years, five-year plans, regions).
 *
 * The words are bucketed by their first character; a table indexed by the
 * two continuation bytes of a three-byte character (or by an ASCII byte)
 * gives the bucket, so a character that starts no word costs one load of
 * four bytes and one table look-up. The table is built once and shared by
 * all threads. */
#include "facts_internal.h"
#include <pthread.h>
#include <string.h>

const char *const fx_word_text[FXW_COUNT] = {
#define FX_WORD_TEXT(id, text) text,
    FX_WORDS(FX_WORD_TEXT)
#undef FX_WORD_TEXT
};

enum { NSLOTS = 1 << 14, NBUCKETS = 64, BUCKET_MAX = 16 };

/* Slot of a first character: the low six bits of its second and third
 * bytes (three-byte characters), or the byte itself in ascii_bucket.
 * Characters that share a slot share its bucket; the comparison of the
 * whole word (lead byte included) tells them apart. */
static uint8_t slot_bucket[NSLOTS];               /* bucket + 1, 0 for none */
static uint8_t ascii_bucket[128];
static uint8_t bucket_words[NBUCKETS][BUCKET_MAX];
static uint8_t bucket_len[NBUCKETS];
/* per bucket, the low six bits of the third byte of its words' second
 * characters (all bits when a word of the bucket is one character long):
 * a character after the first that no word continues with ends the look */
static uint64_t bucket_next[NBUCKETS];
static uint8_t word_len[FXW_COUNT];
static uint64_t word_head[FXW_COUNT];             /* the first (up to) eight bytes */
static uint64_t word_mask[FXW_COUNT];             /* which of them the word has */
static bool    complete;                          /* every word has its bucket */
/* The slots of the clause separators (，；：,;:) hold SEPS instead of a
 * bucket where no word shares them (seps_ok): the scan marks them. */
enum { SEPS = 0xFF };
static bool    seps_ok;
/* A filter of the slots that hold something (a bucket or SEPS), for the
 * scan of 32 bytes at a time: a slot may hold something only when both
 * tables say so, each by the bit that three bits of one of the character's
 * continuation bytes b1, b2 pick from the entry that four bits of the other
 * pick:
 *   pass1[b1 & 15] bit (b2 >> 3) & 7,   pass2[b2 & 15] bit b1 & 7
 * (the bits that tell the common characters of reports best from the first
 * characters of the words), and the ASCII bytes with a bucket (or SEPS) by
 * their two nibbles: ascii_lo[c & 15] bit c >> 4. */
static uint8_t pass1[16], pass2[16], ascii_lo[16];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static _Atomic bool built;                        /* build has run: no call to pthread_once */

/* Eight bytes as a little-endian number (one load where the machine is one). */
static inline uint64_t load64le(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#else
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--) v = v << 8 | p[k];
    return v;
#endif
}

/* Eight bytes in the machine's order, compared only with values made the same way. */
static inline uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* The first n (at most eight) bytes, the rest zero, as load64 reads them. */
static uint64_t head_of(const unsigned char *t, size_t n)
{
    unsigned char b[8] = { 0 };
    memcpy(b, t, n < 8 ? n : 8);
    return load64(b);
}

static bool add_to_slot(uint8_t *slot, size_t *nb, size_t id)
{
    if (!*slot) {
        if (*nb == NBUCKETS) return false;
        *slot = (uint8_t)++*nb;
    }
    size_t b = *slot - 1u;
    if (bucket_len[b] == BUCKET_MAX) return false;
    bucket_words[b][bucket_len[b]++] = (uint8_t)id;
    const unsigned char *t = (const unsigned char *)fx_word_text[id];
    size_t n = strlen(fx_word_text[id]), first = t[0] < 0x80 ? 1 : 3;
    /* the byte looked at: the third of a three-byte second character, or the
     * second character's first byte when it is ASCII or the word ends */
    if (n >= first + 3 && t[first] >= 0x80) bucket_next[b] |= (uint64_t)1 << (t[first + 2] & 63);
    else bucket_next[b] = ~(uint64_t)0;
    return true;
}

static void build(void)
{
    size_t nb = 0;
    complete = true;
    for (size_t i = 0; i < FXW_COUNT; i++) {
        const unsigned char *t = (const unsigned char *)fx_word_text[i];
        size_t n = strlen(fx_word_text[i]);
        word_len[i] = (uint8_t)n;
        word_head[i] = head_of(t, n);
        static const unsigned char ones[8] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
        word_mask[i] = head_of(ones, n);
        bool ok;
        if (n >= 1 && t[0] < 0x80)
            ok = add_to_slot(&ascii_bucket[t[0]], &nb, i);
        else if (n >= 3 && (t[0] & 0xF0) == 0xE0 && (t[1] & 0xC0) == 0x80 && (t[2] & 0xC0) == 0x80)
            ok = add_to_slot(&slot_bucket[(t[1] & 0x3Fu) | (t[2] & 0x3Fu) << 8], &nb, i);
        else
            ok = false;                   /* a first character of another length: the plain search */
        if (!ok) complete = false;
    }
    /* ，；： (EF BC 8C / 9B / 9A) and , ; : */
    static const unsigned char wide3[] = { 0x8C, 0x9B, 0x9A };
    static const unsigned char ascii[] = { ',', ';', ':' };
    seps_ok = complete;
    for (size_t k = 0; k < 3; k++) {
        uint8_t *sl = &slot_bucket[(0xBC & 0x3Fu) | (wide3[k] & 0x3Fu) << 8];
        if (*sl) seps_ok = false;
        if (ascii_bucket[ascii[k]]) seps_ok = false;
    }
    if (seps_ok)
        for (size_t k = 0; k < 3; k++) {
            slot_bucket[(0xBC & 0x3Fu) | (wide3[k] & 0x3Fu) << 8] = SEPS;
            ascii_bucket[ascii[k]] = SEPS;
        }
    for (size_t sl = 0; sl < NSLOTS; sl++) {
        if (!slot_bucket[sl]) continue;
        unsigned b1 = 0x80u | (sl & 0x3Fu), b2 = 0x80u | ((sl >> 8) & 0x3Fu);
        pass1[b1 & 15] |= (uint8_t)(1u << ((b2 >> 3) & 7));
        pass2[b2 & 15] |= (uint8_t)(1u << (b1 & 7));
    }
    for (unsigned c = 0; c < 128; c++)
        if (ascii_bucket[c]) ascii_lo[c & 15] |= (uint8_t)(1u << (c >> 4));
    built = true;
}

/* A slot of a separator's: a separator when its lead byte is EF (other
 * characters share the slot) or for the ASCII ones always. */
static inline void sep_at(fx_words *w, const unsigned char *p, size_t i)
{
    if ((p[i] == 0xEF || p[i] < 0x80) && i < FX_SEPS_MAX) w->seps[i / 32] |= (uint32_t)1 << (i % 32);
}

static inline void found(fx_words *w, unsigned id, size_t i, size_t a, size_t b)
{
    w->any[id >> 6] |= (uint64_t)1 << (id & 63);
    if (i >= a && i + word_len[id] <= b) w->in[id >> 6] |= (uint64_t)1 << (id & 63);
    if (id == FXW_NIAN) {
        if (w->nnian < FX_NIAN_MAX) w->nian[w->nnian++] = (uint32_t)i;
        else w->nian_all = false;
    }
}

/* The words of bucket bk at i (whose character after the first may continue one). */
static void check_words(fx_words *w, const unsigned char *p, size_t i, size_t n, unsigned bk, size_t a, size_t b)
{
    const uint8_t *ws = bucket_words[bk - 1];
    size_t left = n - i;
    uint64_t v = left >= 8 ? load64(p + i) : head_of(p + i, left);
    for (size_t k = 0, nk = bucket_len[bk - 1]; k < nk; k++) {
        unsigned id = ws[k];
        /* past the end of the sentence v holds zeros, which no word has */
        if ((v & word_mask[id]) != word_head[id]) continue;
        size_t len = word_len[id];
        if (len > 8 && (len > left || memcmp(p + i + 8, fx_word_text[id] + 8, len - 8) != 0)) continue;
        found(w, id, i, a, b);
    }
}

/* The words of bucket bk at i: none when the character after the first
 * (three bytes from i for the buckets of three-byte first characters, the
 * only ones with a mask of their own) continues none of them, told without
 * a call. */
static inline void check(fx_words *w, const unsigned char *p, size_t i, size_t n, unsigned bk, size_t a, size_t b)
{
    if (bucket_next[bk - 1] != ~(uint64_t)0 && (n - i < 6 || !((bucket_next[bk - 1] >> (p[i + 5] & 63)) & 1)))
        return;
    check_words(w, p, i, n, bk, a, b);
}

/* The plain search, should the table ever miss a word (a word list that
 * outgrew the buckets): slower, never different. */
static void scan_plain(fx_words *w, fx_str full, fx_str inner)
{
    for (unsigned id = 0; id < FXW_COUNT; id++) {
        if (fx_contains(full, fx_word_text[id])) w->any[id >> 6] |= (uint64_t)1 << (id & 63);
        if (fx_contains(inner, fx_word_text[id])) w->in[id >> 6] |= (uint64_t)1 << (id & 63);
    }
}

/* A character or byte the filter let through at i: what the plain walk
 * does there (i starts a three-byte character or is an ASCII byte). */
static inline void at_candidate(fx_words *w, const unsigned char *p, size_t i, size_t n, size_t a, size_t b)
{
    unsigned bk = p[i] < 0x80 ? ascii_bucket[p[i]] : slot_bucket[(p[i + 1] & 0x3Fu) | (p[i + 2] & 0x3Fu) << 8];
    if (bk == SEPS) sep_at(w, p, i);
    else if (bk) check(w, p, i, n, bk, a, b);
}

/* The same for a place known to start a three-byte character. */
static inline void at_lead(fx_words *w, const unsigned char *p, size_t i, size_t n, size_t a, size_t b)
{
    uint16_t v;
    memcpy(&v, p + i + 1, 2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = (uint16_t)(v >> 8 | v << 8);
#endif
    unsigned bk = slot_bucket[v & 0x3F3Fu];
    if (bk == SEPS) sep_at(w, p, i);
    else if (bk) check(w, p, i, n, bk, a, b);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(GWR_NO_AVX2)
#include <immintrin.h>
#define HAVE_WORDS32 1
/* The places of q[0, 32) the filter lets through (q + 34 readable): the
 * starts of three-byte characters whose slot may hold something (returned),
 * and the ASCII bytes with a bucket (*ascii). */
__attribute__((target("avx2"))) static inline unsigned candidates32(const unsigned char *q, unsigned *ascii)
{
    static const uint8_t bit[16] = { 1, 2, 4, 8, 16, 32, 64, 128 };   /* also the ASCII nibbles' bits: 8-15 none */
    const __m256i t1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)pass1));
    const __m256i t2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)pass2));
    const __m256i tb = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)bit));
    const __m256i tlo = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)ascii_lo));
    const __m256i f = _mm256_set1_epi8(0x0F), seven = _mm256_set1_epi8(0x07), hi4 = _mm256_set1_epi8((char)0xF0),
                  e0 = _mm256_set1_epi8((char)0xE0), c0 = _mm256_set1_epi8((char)0xC0), zero = _mm256_setzero_si256();
    __m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)q);
    __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(q + 1));
    __m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(q + 2));
    /* E0-EF then two continuation bytes (80-BF: below C0 as signed bytes) */
    __m256i lead = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v0, hi4), e0),
                                    _mm256_and_si256(_mm256_cmpgt_epi8(c0, v1), _mm256_cmpgt_epi8(c0, v2)));
    __m256i r1 = _mm256_and_si256(_mm256_shuffle_epi8(t1, _mm256_and_si256(v1, f)),
                                  _mm256_shuffle_epi8(tb, _mm256_and_si256(_mm256_srli_epi16(v2, 3), seven)));
    __m256i r2 = _mm256_and_si256(_mm256_shuffle_epi8(t2, _mm256_and_si256(v2, f)),
                                  _mm256_shuffle_epi8(tb, _mm256_and_si256(v1, seven)));
    __m256i miss = _mm256_or_si256(_mm256_cmpeq_epi8(r1, zero), _mm256_cmpeq_epi8(r2, zero));
    /* ASCII: a byte from 80 picks 0 from tlo */
    __m256i asc = _mm256_and_si256(_mm256_shuffle_epi8(tlo, v0),
                                   _mm256_shuffle_epi8(tb, _mm256_and_si256(_mm256_srli_epi16(v0, 4), f)));
    *ascii = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(asc, zero));
    return (unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(miss, lead));
}

/* The bits below k (none when k <= 0). */
static inline unsigned below(ptrdiff_t k) { return k <= 0 ? 0 : k >= 32 ? ~0u : (1u << k) - 1; }

/* Every place of p[0, n) the filter lets through, in order (p + lim
 * readable, lim >= n), 32 at a time. The last blocks keep only the places
 * before n, and no three-byte character that n cuts; one that would read
 * past lim is read from a zero-padded copy. */
__attribute__((target("avx2"))) static void scan_avx2(fx_words *w, const unsigned char *p, size_t n, size_t lim,
                                                     size_t a, size_t b)
{
    size_t i = 0;
    unsigned asc;
    for (; i + 34 <= n; i += 32) {
        /* the characters first, in order (the places of 年 are noted in
         * order), then the ASCII bytes (no 年 among them) */
        for (unsigned m = candidates32(p + i, &asc); m; m &= m - 1) at_lead(w, p, i + (size_t)__builtin_ctz(m), n, a, b);
        for (; asc; asc &= asc - 1) at_candidate(w, p, i + (size_t)__builtin_ctz(asc), n, a, b);
    }
    for (; i < n; i += 32) {
        unsigned lead;
        if (i + 34 <= lim) {
            lead = candidates32(p + i, &asc);
        } else {
            unsigned char pad[34] = { 0 };
            memcpy(pad, p + i, n - i < 34 ? n - i : 34);
            lead = candidates32(pad, &asc);
        }
        unsigned m = (lead & below((ptrdiff_t)n - 2 - (ptrdiff_t)i)) | (asc & below((ptrdiff_t)n - (ptrdiff_t)i));
        for (; m; m &= m - 1) at_candidate(w, p, i + (size_t)__builtin_ctz(m), n, a, b);
    }
}
#endif

void fx_words_scan(fx_words *w, fx_str full, fx_str inner) { fx_words_scan_in(w, full, inner, full.n); }

void fx_words_scan_in(fx_words *w, fx_str full, fx_str inner, size_t readable)
{
    if (!built) pthread_once(&once, build);
    w->in[0] = w->in[1] = w->any[0] = w->any[1] = 0;
    w->full = full.s;
    w->nfull = full.n;
    w->nnian = 0;
    w->nian_all = complete && full.n <= UINT32_MAX;
    w->seps_all = seps_ok && full.n <= FX_SEPS_MAX;
    if (w->seps_all) memset(w->seps, 0, (full.n + 31) / 32 * sizeof w->seps[0]);
    if (!complete) {
        scan_plain(w, full, inner);
        return;
    }
    const unsigned char *p = (const unsigned char *)full.s;
    size_t n = full.n;
    size_t a = (size_t)(inner.s - full.s), b = a + inner.n;
    size_t i = 0;
#ifdef HAVE_WORDS32
    if (fx_simd_avx2()) {
        scan_avx2(w, p, n, readable > n ? readable : n, a, b);
        return;
    }
#endif
    /* A word starts with an ASCII byte or a three-byte character: a
     * three-byte character is passed whole (no word starts inside it),
     * any other byte alone. Two three-byte characters at once where
     * eight bytes are left, the common case. */
    while (i + 8 <= n) {
        uint64_t v = load64le(p + i);
        if ((v & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u) {
            unsigned b1 = slot_bucket[(v >> 8) & 0x3F3Fu], b2 = slot_bucket[(v >> 32) & 0x3F3Fu];
            if (b1 | b2) {
                if (b1 == SEPS) sep_at(w, p, i);
                else if (b1) check(w, p, i, n, b1, a, b);
                if (b2 == SEPS) sep_at(w, p, i + 3);
                else if (b2) check(w, p, i + 3, n, b2, a, b);
            }
            i += 6;
        } else if ((v & 0xC0C0F0u) == 0x8080E0u) {
            unsigned bk = slot_bucket[(v >> 8) & 0x3F3Fu];
            if (bk == SEPS) sep_at(w, p, i);
            else if (bk) check(w, p, i, n, bk, a, b);
            i += 3;
        } else {
            if ((v & 0x80u) == 0 && ascii_bucket[v & 0x7Fu]) {
                unsigned bk = ascii_bucket[v & 0x7Fu];
                if (bk == SEPS) sep_at(w, p, i);
                else check(w, p, i, n, bk, a, b);
            }
            i++;
        }
    }
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (ascii_bucket[c] == SEPS) sep_at(w, p, i);
            else if (ascii_bucket[c]) check(w, p, i, n, ascii_bucket[c], a, b);
        } else if (i + 3 <= n && (c & 0xF0) == 0xE0 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            unsigned bk = slot_bucket[(p[i + 1] & 0x3Fu) | (p[i + 2] & 0x3Fu) << 8];
            if (bk == SEPS) sep_at(w, p, i);
            else if (bk) check(w, p, i, n, bk, a, b);
            i += 3;
            continue;
        }
        i++;
    }
}
