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

static void check(fx_words *w, const unsigned char *p, size_t i, size_t n, unsigned bk, size_t a, size_t b)
{
    const uint8_t *ws = bucket_words[bk - 1];
    size_t left = n - i;
    /* the character after the first (three bytes from i for the buckets of
     * three-byte first characters, the only ones with a mask of their own) */
    if (bucket_next[bk - 1] != ~(uint64_t)0 &&
        (left < 6 || !((bucket_next[bk - 1] >> (p[i + 5] & 63)) & 1)))
        return;
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

/* The plain search, should the table ever miss a word (a word list that
 * outgrew the buckets): slower, never different. */
static void scan_plain(fx_words *w, fx_str full, fx_str inner)
{
    for (unsigned id = 0; id < FXW_COUNT; id++) {
        if (fx_contains(full, fx_word_text[id])) w->any[id >> 6] |= (uint64_t)1 << (id & 63);
        if (fx_contains(inner, fx_word_text[id])) w->in[id >> 6] |= (uint64_t)1 << (id & 63);
    }
}

void fx_words_scan(fx_words *w, fx_str full, fx_str inner)
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
