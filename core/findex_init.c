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
    t->seen = calloc(TRI_KEYS, sizeof *t->seen);
    t->pend_max = GWR_FX_TRI_PEND;
    if (!t->lists || !t->set_letters || !t->seen) {
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
    free(t->seen);
    free(t->pend);
    memset(t, 0, sizeof *t);
}

size_t gwr_fx_tri_memory(const gwr_fx_tri *t)
{
    return t->lists ? TRI_KEYS * (sizeof *t->lists + sizeof *t->seen) + gwr_py_set_count() * sizeof *t->set_letters + t->bytes +
                          (t->pend ? t->pend_max * sizeof *t->pend : 0)
                    : 0;
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

/* Room for `more` ids on l (five bytes each at most). */
static int reserve(gwr_fx_tri *t, gwr_fx_tri_list *l, size_t more)
{
    size_t need = (size_t)l->len + 5 * more;
    if (need <= l->cap) return 0;
    size_t nc = (size_t)l->cap + l->cap / 2;
    if (nc < need) nc = need;
    if (nc < 8) nc = 8;
    if (nc > UINT32_MAX) return -1;
    uint8_t *np = realloc(l->p, nc);
    if (!np) return -1;
    t->bytes += nc - l->cap;
    l->p = np;
    l->cap = (uint32_t)nc;
    return 0;
}

static void put(gwr_fx_tri_list *l, uint32_t id)
{
    uint32_t d = id + 1 - l->last;
    while (d >= 0x80) {
        l->p[l->len++] = (uint8_t)(d | 0x80);
        d >>= 7;
    }
    l->p[l->len++] = (uint8_t)d;
    l->last = id + 1;
    l->count++;
}

/* The batch onto the lists: ordered by key (a stable counting sort keeps
 * the ids of a key in order), then each list is appended to once. */
static int flush(gwr_fx_tri *t)
{
    if (!t->npend || t->bad) {
        t->npend = 0;
        return t->bad ? -1 : 0;
    }
    uint32_t *at = calloc(TRI_KEYS + 1, sizeof *at);
    uint32_t *ids = malloc(t->npend * sizeof *ids);
    if (!at || !ids) {
        free(at), free(ids);
        t->bad = 1;
        return -1;
    }
    for (size_t i = 0; i < t->npend; i++) at[(t->pend[i] >> 32) + 1]++;
    for (size_t k = 0; k < TRI_KEYS; k++) at[k + 1] += at[k];
    for (size_t i = 0; i < t->npend; i++) ids[at[t->pend[i] >> 32]++] = (uint32_t)t->pend[i];
    /* at[k] is now where key k's ids end */
    for (size_t k = 0, from = 0; k < TRI_KEYS; from = at[k], k++) {
        if (at[k] == from) continue;
        gwr_fx_tri_list *l = &t->lists[k];
        if (reserve(t, l, at[k] - from) != 0) {
            t->bad = 1;
            break;
        }
        for (size_t j = from; j < at[k]; j++) put(l, ids[j]);
    }
    free(at);
    free(ids);
    t->npend = 0;
    return t->bad ? -1 : 0;
}

int gwr_fx_tri_add(gwr_fx_tri *t, uint32_t id, const char *str, size_t n)
{
    if (!t->lists || t->bad) return 0;
    if (!t->pend) {
        t->pend = malloc(t->pend_max * sizeof *t->pend);
        if (!t->pend) {
            t->bad = 1;          /* the filter goes on without the lists */
            return 0;
        }
    }
    const unsigned char *s = (const unsigned char *)str;
    uint32_t a = 0, b = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp, c;
        unsigned b0 = s[i];
        if (b0 < 0x80) {                          /* ASCII: a Latin letter stands for itself */
            uint32_t l = b0 | 32;
            c = l >= 'a' && l <= 'z' && b0 >= 'A' ? 1u << (l - 'a') : 0;
            i++;
        } else if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
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
                        if (t->seen[key] == id + 1) continue;
                        t->seen[key] = id + 1;
                        if (t->npend == t->pend_max && flush(t) != 0) return 0;
                        t->pend[t->npend++] = (uint64_t)key << 32 | id;
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

int gwr_fx_tri_cands(gwr_findex *x, const char *q, size_t m, uint64_t *into, uint32_t *tmp)
{
    gwr_fx_tri *t = &x->tri;
    if (!t->lists || m < 3 || m > 63) return 0;
    if (t->npend) {              /* the last batch; its buffer is given back until more strings come */
        if (flush(t) != 0) return 0;
        free(t->pend);
        t->pend = NULL;
    }
    if (t->bad) return 0;
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
