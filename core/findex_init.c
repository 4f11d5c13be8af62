/* findex_init.c — the initials-trigram lists of the figure filter: for every
 * three letters a, b, c, the strings holding three neighbouring characters
 * whose readings begin with a, b and c (a Latin letter stands for itself;
 * a reading in v also for u), delta-encoded as variable-length integers.
 *
 * A pinyin query whose first letters can only be taken one letter per
 * character (no syllable begins with "jy", "yz": jyz, gdzctz) matches only
 * strings on the lists of its first three letters, and of each later three
 * as far as that holds; a query of three such letters matches exactly the
 * strings of its one list. The pair lists (findex_pinyin.c) cannot tell
 * that: j·y and y·z are both common in a long sentence. */
#include "findex_int.h"
#include "pinyin_int.h"
#include <stdlib.h>
#include <string.h>

enum { TRI_KEYS = 26 * 26 * 26 };

int gwr_fx_tri_init(gwr_fx_tri *t)
{
    memset(t, 0, sizeof *t);
    gwr_py_init();
    size_t ns = gwr_py_set_count();
    t->lists = calloc(TRI_KEYS, sizeof *t->lists);
    t->set_letters = calloc(ns ? ns : 1, sizeof *t->set_letters);
    if (!t->lists || !t->set_letters) {
        gwr_fx_tri_free(t);
        return -1;
    }
    for (size_t k = 0; k < ns; k++) {
        uint16_t r[8];
        size_t nr = gwr_py_set_readings(k, r, 8);
        for (size_t j = 0; j < nr; j++) {
            const char *syl = gwr_py_syllable(r[j]);
            if (syl[0] >= 'a' && syl[0] <= 'z') t->set_letters[k] |= 1u << (syl[0] - 'a');
            if (syl[0] == 'v') t->set_letters[k] |= 1u << ('u' - 'a');
        }
    }
    return 0;
}

void gwr_fx_tri_free(gwr_fx_tri *t)
{
    if (t->lists)
        for (size_t k = 0; k < TRI_KEYS; k++) free(t->lists[k].p);
    free(t->lists);
    free(t->set_letters);
    memset(t, 0, sizeof *t);
}

size_t gwr_fx_tri_memory(const gwr_fx_tri *t)
{
    return t->lists ? TRI_KEYS * sizeof *t->lists + gwr_py_set_count() * sizeof *t->set_letters + t->bytes : 0;
}

/* The letters a character can begin a reading with (bit 0 = a). */
static uint32_t letters_of_char(const gwr_fx_tri *t, uint32_t cp)
{
    if (cp < 0x80) {
        uint32_t c = cp | 32;
        return c >= 'a' && c <= 'z' && cp >= 'A' ? 1u << (c - 'a') : 0;
    }
    int set = cp < 0x10000 ? (int)gwr_py_bmp[cp] - 1 : cp < 0x110000 ? gwr_py_set_of(cp) : -1;
    return set >= 0 ? t->set_letters[set] : 0;
}

static int put(gwr_fx_tri *t, gwr_fx_tri_list *l, uint32_t id)
{
    uint32_t d = id + 1 - l->last;
    if (l->cap - l->len < 5) {
        uint32_t nc = l->cap < 8 ? 8 : l->cap + l->cap / 2;
        uint8_t *np = realloc(l->p, nc);
        if (!np) return -1;
        t->bytes += nc - l->cap;
        l->p = np;
        l->cap = nc;
    }
    while (d >= 0x80) {
        l->p[l->len++] = (uint8_t)(d | 0x80);
        d >>= 7;
    }
    l->p[l->len++] = (uint8_t)d;
    l->last = id + 1;
    l->count++;
    return 0;
}

int gwr_fx_tri_add(gwr_fx_tri *t, uint32_t id, const char *str, size_t n)
{
    if (!t->lists) return 0;
    const unsigned char *s = (const unsigned char *)str;
    uint32_t a = 0, b = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp, c;
        unsigned b0 = s[i];
        if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {          /* the common case: U+1000..U+CFFF, U+E000..U+FFFF */
            int set = (int)gwr_py_bmp[(b0 & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu)] - 1;
            c = set >= 0 ? t->set_letters[set] : 0;
            i += 3;
        } else {
            i += gwr_py_utf8_step(s + i, n - i, &cp);
            c = letters_of_char(t, cp);
        }
        if (a && b && c)
            for (uint32_t x = a; x; x &= x - 1)
                for (uint32_t y = b; y; y &= y - 1)
                    for (uint32_t z = c; z; z &= z - 1) {
                        size_t key = ((size_t)__builtin_ctz(x) * 26 + (size_t)__builtin_ctz(y)) * 26 + (size_t)__builtin_ctz(z);
                        gwr_fx_tri_list *l = &t->lists[key];
                        if (l->last != id + 1 && put(t, l, id) != 0) return -1;
                    }
        a = b;
        b = c;
    }
    return 0;
}

/* Can one character take two letters or more of q from position p (a
 * syllable, or zh/ch/sh, begins with q[p] q[p+1])? */
static bool takes_two(const char *q, size_t p)
{
    for (size_t k = 0; k < gwr_py_syllable_count(); k++) {
        const char *syl = gwr_py_syllable((uint16_t)k);
        if (!syl[0] || !syl[1]) continue;
        bool ok = true;
        for (size_t i = 0; i < 2 && ok; i++) ok = syl[i] == q[p + i] || (syl[i] == 'v' && q[p + i] == 'u');
        if (ok) return true;
    }
    return false;
}

/* Ids of list l, in order, kept in ids[0..n) only where they are also on l
 * (ids sorted); returns how many are kept. */
static size_t keep_common(const gwr_fx_tri_list *l, uint32_t *ids, size_t n)
{
    size_t k = 0, j = 0;
    uint32_t v = 0;
    for (uint32_t i = 0; i < l->len && j < n;) {
        uint32_t d = 0;
        for (unsigned sh = 0;; sh += 7) {
            uint8_t byte = l->p[i++];
            d |= (uint32_t)(byte & 0x7F) << sh;
            if (!(byte & 0x80)) break;
        }
        v += d;
        uint32_t id = v - 1;
        while (j < n && ids[j] < id) j++;
        if (j < n && ids[j] == id) ids[k++] = id, j++;
    }
    return k;
}

int gwr_fx_tri_cands(const gwr_findex *x, const char *q, size_t m, uint64_t *into, uint32_t *tmp)
{
    const gwr_fx_tri *t = &x->tri;
    if (!t->lists || m < 3 || m > 63) return 0;
    for (size_t i = 0; i < m; i++)
        if (q[i] < 'a' || q[i] > 'z') return 0;
    /* positions 0..np-1 each take one letter: the trigrams at 0..np-2 hold */
    size_t np = 0;
    while (np + 1 < m && !takes_two(q, np)) np++;
    if (np < 2) return 0;
    size_t ntri = np - 1 < m - 2 ? np - 1 : m - 2;
    const gwr_fx_tri_list *best = NULL;
    for (size_t p = 0; p < ntri; p++) {
        const gwr_fx_tri_list *l = &t->lists[((size_t)(q[p] - 'a') * 26 + (size_t)(q[p + 1] - 'a')) * 26 + (size_t)(q[p + 2] - 'a')];
        if (!best || l->count < best->count) best = l;
    }
    /* the rarest list, then the others kept in common */
    size_t n = 0;
    uint32_t v = 0;
    for (uint32_t i = 0; i < best->len;) {
        uint32_t d = 0;
        for (unsigned sh = 0;; sh += 7) {
            uint8_t byte = best->p[i++];
            d |= (uint32_t)(byte & 0x7F) << sh;
            if (!(byte & 0x80)) break;
        }
        v += d;
        tmp[n++] = v - 1;
    }
    for (size_t p = 0; p < ntri && n; p++) {
        const gwr_fx_tri_list *l = &t->lists[((size_t)(q[p] - 'a') * 26 + (size_t)(q[p + 1] - 'a')) * 26 + (size_t)(q[p + 2] - 'a')];
        if (l != best) n = keep_common(l, tmp, n);
    }
    memset(into, 0, x->mark_words * sizeof *into);
    for (size_t i = 0; i < n; i++) into[tmp[i] >> 6] |= 1ULL << (tmp[i] & 63);
    /* three letters, one per character: every string on the list matches */
    return m == 3 ? 2 : 1;
}
