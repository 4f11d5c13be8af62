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

enum { NBUCKETS = 64, BUCKET_MAX = 16 };

static uint8_t first_bucket[0x10000];             /* code point → bucket + 1, 0 for none */
static uint8_t bucket_words[NBUCKETS][BUCKET_MAX];
static uint8_t bucket_len[NBUCKETS];
static uint8_t word_len[FXW_COUNT];
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
    for (size_t i = 0; i < FXW_COUNT; i++) {
        const unsigned char *t = (const unsigned char *)fx_word_text[i];
        size_t n = strlen(fx_word_text[i]);
        unsigned cp;
        word_len[i] = (uint8_t)n;
        if (!char_at(t, n, &cp)) continue;        /* not reachable: every word is valid UTF-8 */
        if (!first_bucket[cp]) {
            if (nb == NBUCKETS) continue;
            first_bucket[cp] = (uint8_t)++nb;
        }
        size_t b = first_bucket[cp] - 1u;
        if (bucket_len[b] < BUCKET_MAX) bucket_words[b][bucket_len[b]++] = (uint8_t)i;
    }
}

void fx_words_scan(fx_words *w, fx_str full, fx_str inner)
{
    pthread_once(&once, build);
    memset(w, 0, sizeof *w);
    const unsigned char *p = (const unsigned char *)full.s;
    size_t n = full.n;
    size_t a = (size_t)(inner.s - full.s), b = a + inner.n;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t cl = char_at(p + i, n - i, &cp);
        if (cl == 0) {                /* a byte that starts no word (words are valid UTF-8) */
            i++;
            continue;
        }
        unsigned bk = first_bucket[cp];
        if (bk) {
            const uint8_t *ws = bucket_words[bk - 1];
            for (size_t k = 0, nk = bucket_len[bk - 1]; k < nk; k++) {
                unsigned id = ws[k];
                size_t len = word_len[id];
                if (len > n - i || memcmp(p + i, fx_word_text[id], len) != 0) continue;
                w->any[id >> 6] |= (uint64_t)1 << (id & 63);
                if (i >= a && i + len <= b) w->in[id >> 6] |= (uint64_t)1 << (id & 63);
            }
        }
        i += cl;
    }
}
