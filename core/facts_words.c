/* facts_words.c — one pass over a sentence for the words that decide its
 * reading (plan words, years, five-year plans, regions).
 *
 * The words are bucketed by their first character; a table indexed by that
 * character's code point (built once, shared by all threads) gives the
 * bucket, so a character that starts no word costs one table look-up. */
#include "facts_internal.h"
#include <pthread.h>
#include <string.h>

const char *const fx_word_text[FXW_COUNT] = {
#define FX_WORD_TEXT(id, text) text,
    FX_WORDS(FX_WORD_TEXT)
#undef FX_WORD_TEXT
};

enum { NSLOTS = 4096, NBUCKETS = 64, BUCKET_MAX = 16 };

/* Slot of a first character: the low 12 bits of its code point. Characters
 * that share a slot share its bucket; the comparison of the whole word
 * tells them apart. */
static uint8_t slot_bucket[NSLOTS];               /* bucket + 1, 0 for none */
static uint8_t bucket_words[NBUCKETS][BUCKET_MAX];
static uint8_t bucket_len[NBUCKETS];
static uint8_t word_len[FXW_COUNT];
static bool    complete;                          /* every word has its bucket */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The code point of the character at p (n bytes left) and its byte length,
 * or 0 when p holds no complete one- to three-byte sequence. */
static inline size_t char_at(const unsigned char *p, size_t n, unsigned *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0 && n >= 2 && (p[1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c < 0xF0 && n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    return 0;
}

static void build(void)
{
    size_t nb = 0;
    complete = true;
    for (size_t i = 0; i < FXW_COUNT; i++) {
        const unsigned char *t = (const unsigned char *)fx_word_text[i];
        size_t n = strlen(fx_word_text[i]);
        unsigned cp;
        word_len[i] = (uint8_t)n;
        if (!char_at(t, n, &cp)) {
            complete = false;
            continue;
        }
        unsigned sl = cp & (NSLOTS - 1);
        if (!slot_bucket[sl]) {
            if (nb == NBUCKETS) {
                complete = false;
                continue;
            }
            slot_bucket[sl] = (uint8_t)++nb;
        }
        size_t b = slot_bucket[sl] - 1u;
        if (bucket_len[b] == BUCKET_MAX) {
            complete = false;
            continue;
        }
        bucket_words[b][bucket_len[b]++] = (uint8_t)i;
    }
}

static void check(fx_words *w, const unsigned char *p, size_t i, size_t n, unsigned bk, size_t a, size_t b)
{
    const uint8_t *ws = bucket_words[bk - 1];
    for (size_t k = 0, nk = bucket_len[bk - 1]; k < nk; k++) {
        unsigned id = ws[k];
        size_t len = word_len[id];
        if (len > n - i || memcmp(p + i, fx_word_text[id], len) != 0) continue;
        w->any[id >> 6] |= (uint64_t)1 << (id & 63);
        if (i >= a && i + len <= b) w->in[id >> 6] |= (uint64_t)1 << (id & 63);
        if (id == FXW_NIAN) {
            if (w->nnian < FX_NIAN_MAX) w->nian[w->nnian++] = (uint32_t)i;
            else w->nian_all = false;
        }
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
    pthread_once(&once, build);
    memset(w->in, 0, sizeof w->in);
    memset(w->any, 0, sizeof w->any);
    w->full = full.s;
    w->nnian = 0;
    w->nian_all = complete && full.n <= UINT32_MAX;
    if (!complete) {
        scan_plain(w, full, inner);
        return;
    }
    const unsigned char *p = (const unsigned char *)full.s;
    size_t n = full.n;
    size_t a = (size_t)(inner.s - full.s), b = a + inner.n;
    size_t i = 0;
    /* A word starts only where a character starts; a character of no slot
     * is passed whole. */
    while (i + 4 <= n) {
        /* four bytes at once (the compiler makes it one load) */
        uint32_t v = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24;
        if ((v & 0xC0C0F0u) == 0x8080E0u) {               /* a lead of three bytes and two continuations */
            unsigned bk = slot_bucket[((v >> 2) & 0xFC0u) | ((v >> 16) & 0x3Fu)];
            if (bk) check(w, p, i, n, bk, a, b);
            i += 3;
            continue;
        }
        if ((v & 0x80u) == 0) {                           /* ASCII: its own slot */
            unsigned bk = slot_bucket[v & 0x7Fu];
            if (bk) check(w, p, i, n, bk, a, b);
            i++;
            continue;
        }
        unsigned cp;
        if (char_at(p + i, n - i, &cp)) {
            unsigned bk = slot_bucket[cp & (NSLOTS - 1)];
            if (bk) check(w, p, i, n, bk, a, b);
        }
        i++;
    }
    for (; i < n; i++) {
        unsigned cp;
        if (!char_at(p + i, n - i, &cp)) continue;
        unsigned bk = slot_bucket[cp & (NSLOTS - 1)];
        if (bk) check(w, p, i, n, bk, a, b);
    }
}
