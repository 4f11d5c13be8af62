/* findex_pinyin.c — the strings a pinyin query must check, from the posting
 * lists: the strings of its syllable and initials-pair lists
 * (gwr_fx_pinyin_cands), and those that also hold a pair that can end the
 * match (gwr_fx_tail_cands). Split from findex_query.c, which checks them. */
#include "findex_int.h"
#include <stdlib.h>
#include <string.h>

static bool spells(const char *syl, const char *q, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!syl[i] || (syl[i] != q[i] && !(syl[i] == 'v' && q[i] == 'u'))) return false;
    return true;
}

/* ---- strings by the first two letters of a reading ----
 * A query of two letters (sh, ji, xi) is matched by every character with a
 * reading that begins so: hundreds of lists, millions of ids. For the
 * GWR_FX_PRE2 beginnings shared by the most characters of the table, the
 * strings holding such a character are kept as a bitmap, made as strings
 * are added. */

typedef struct { char k[2]; size_t n; } pre2_count;

static int cmp_pre2(const void *a, const void *b)
{
    const pre2_count *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return memcmp(x->k, y->k, 2);
}

/* The beginnings to keep, and per reading set the ones it has. */
static int pre2_init(gwr_findex *x)
{
    size_t ns = gwr_py_set_count();
    size_t *chars = calloc(ns ? ns : 1, sizeof *chars);
    pre2_count *cnt = calloc(26 * 26, sizeof *cnt);
    x->p2_set = calloc(ns ? ns : 1, sizeof *x->p2_set);
    if (!chars || !cnt || !x->p2_set) {
        free(chars), free(cnt);
        return -1;
    }
    for (uint32_t c = 0x3400; c < 0x10000; c++) {
        int set = gwr_py_set_of(c);
        if (set >= 0) chars[set]++;
    }
    for (int a = 0; a < 26; a++)
        for (int b = 0; b < 26; b++) cnt[a * 26 + b] = (pre2_count){ { (char)('a' + a), (char)('a' + b) }, 0 };
    /* a reading in v also begins with u (lv, lu → 绿) */
    for (size_t k = 0; k < ns; k++) {
        uint16_t r[8];
        size_t nr = gwr_py_set_readings(k, r, 8);
        uint8_t seen[26 * 26 / 8 + 1] = { 0 };
        for (size_t j = 0; j < nr; j++) {
            const char *y = gwr_py_syllable(r[j]);
            if (!y[0] || !y[1]) continue;
            for (int va = 0; va < 2; va++)
                for (int vb = 0; vb < 2; vb++) {
                    char a = va ? (y[0] == 'v' ? 'u' : 0) : y[0], b = vb ? (y[1] == 'v' ? 'u' : 0) : y[1];
                    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') continue;
                    size_t i = (size_t)(a - 'a') * 26 + (size_t)(b - 'a');
                    if (seen[i / 8] >> (i % 8) & 1) continue;
                    seen[i / 8] |= (uint8_t)(1u << (i % 8));
                    cnt[i].n += chars[k];
                }
        }
    }
    qsort(cnt, 26 * 26, sizeof *cnt, cmp_pre2);
    x->p2_n = 0;
    for (size_t i = 0; i < GWR_FX_PRE2 && cnt[i].n; i++) memcpy(x->p2_key[x->p2_n++], cnt[i].k, 2);
    for (size_t k = 0; k < ns; k++) {
        uint16_t r[8];
        size_t nr = gwr_py_set_readings(k, r, 8);
        for (size_t j = 0; j < nr; j++)
            for (size_t i = 0; i < x->p2_n; i++)
                if (spells(gwr_py_syllable(r[j]), x->p2_key[i], 2)) x->p2_set[k] |= 1u << i;
    }
    free(chars);
    free(cnt);
    return 0;
}

int gwr_fx_pre2_add(gwr_findex *x, uint32_t id, const char *s, size_t n)
{
    if (!x->p2_set && pre2_init(x) != 0) return -1;
    size_t w = id >> 6;
    if (w >= x->p2_words) {
        size_t nw = x->p2_words ? x->p2_words * 2 : 1024;
        while (nw <= w) nw *= 2;
        for (size_t i = 0; i < x->p2_n; i++) {
            uint64_t *nb = realloc(x->p2bits[i], nw * sizeof *nb);
            if (!nb) return -1;
            memset(nb + x->p2_words, 0, (nw - x->p2_words) * sizeof *nb);
            x->p2bits[i] = nb;
        }
        x->p2_words = nw;
    }
    const unsigned char *u = (const unsigned char *)s;
    uint32_t m = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t c;
        i += gwr_fx_decode(u + i, n - i, &c);
        if (c >= 0x3400 && c < 0x10000) {
            int set = gwr_py_set_of(c);
            if (set >= 0) m |= x->p2_set[set];
        }
    }
    for (; m; m &= m - 1) x->p2bits[__builtin_ctz(m)][w] |= 1ULL << (id & 63);
    return 0;
}

void gwr_fx_pre2_free(gwr_findex *x)
{
    for (size_t i = 0; i < GWR_FX_PRE2; i++) free(x->p2bits[i]), x->p2bits[i] = NULL;
    free(x->p2_set);
    x->p2_set = NULL;
    x->p2_n = x->p2_words = 0;
}

size_t gwr_fx_pre2_memory(const gwr_findex *x)
{
    return x->p2_n * x->p2_words * 8 + (x->p2_set ? gwr_py_set_count() * sizeof *x->p2_set : 0);
}

/* The bitmap of the two letters q[0..2), or NULL. */
static const uint64_t *pre2_bits(const gwr_findex *x, const char *q)
{
    for (size_t i = 0; i < x->p2_n; i++)
        if (x->p2_key[i][0] == q[0] && x->p2_key[i][1] == q[1]) return x->p2bits[i];
    return NULL;
}

/* Ways the first character of a match can consume the query's letters
 * without ending it: lens[k] letters, as syllable syls[k] (-1: an initial). */
static size_t ways(const char *q, size_t m, size_t *lens, int *syls, size_t cap)
{
    size_t n = 0;
    if (1 < m) lens[n] = 1, syls[n++] = -1;
    if (2 < m && q[1] == 'h' && (q[0] == 'z' || q[0] == 'c' || q[0] == 's')) lens[n] = 2, syls[n++] = -1;
    for (size_t k = 0; k < gwr_py_syllable_count() && n < cap; k++) {
        const char *syl = gwr_py_syllable((uint16_t)k);
        size_t L = strlen(syl);
        if (syl[0] == q[0] && L < m && spells(syl, q, L)) lens[n] = L, syls[n++] = (int)k;
    }
    return n;
}

/* What a character can do in a match of the query, per reading set (the
 * Latin letters are 26 more sets of one "reading" each, consumed one letter
 * at a time): begin it by way a (bit a of first), end it after way a
 * (rest_end), go on after way a (rest_begin), or be the whole match (single). */
typedef struct py_plan {
    uint32_t *first, *rest_end, *rest_begin;
    uint8_t  *single;
    size_t    nsets;
} py_plan;

static int set_of_char(uint32_t c, size_t nsets)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? (int)(nsets + (c - 'a')) : -1;
    return gwr_py_set_of(c);
}

static bool plan_make(py_plan *pl, const char *q, size_t m)
{
    size_t lens[24];
    int syls[24];
    size_t nw = ways(q, m, lens, syls, 24);
    size_t ns = gwr_py_set_count(), n = ns + 26;
    pl->nsets = ns;
    pl->first = calloc(n * 3, sizeof *pl->first);
    pl->single = calloc(n, 1);
    if (!pl->first || !pl->single) return false;
    pl->rest_end = pl->first + n;
    pl->rest_begin = pl->first + 2 * n;
    for (size_t s = 0; s < n; s++) {
        uint16_t r[8];
        char letter[2] = { 0, 0 };
        size_t nr;
        const char *rd[8];
        if (s < ns) {
            nr = gwr_py_set_readings(s, r, 8);
            for (size_t k = 0; k < nr; k++) rd[k] = gwr_py_syllable(r[k]);
        } else {
            letter[0] = (char)('a' + (s - ns));
            rd[0] = letter;
            nr = 1;
        }
        for (size_t k = 0; k < nr; k++) {
            const char *x = rd[k];
            size_t L = strlen(x);
            bool latin = s >= ns;
            if (m <= L && spells(x, q, m) && (!latin || m == 1)) pl->single[s] = 1;
            for (size_t a = 0; a < nw; a++) {
                bool fits = syls[a] >= 0 ? (!latin && gwr_py_syllable((uint16_t)syls[a]) == x)
                                         : (lens[a] <= L && spells(x, q, lens[a]) && (!latin || lens[a] == 1));
                if (fits) pl->first[s] |= 1u << a;
                size_t p = lens[a], rest = m - p;
                if (rest <= L && spells(x, q + p, rest) && (!latin || rest == 1)) pl->rest_end[s] |= 1u << a;
                if (x[0] == q[p] || (x[0] == 'v' && q[p] == 'u')) pl->rest_begin[s] |= 1u << a;
            }
        }
    }
    return true;
}

static void plan_free(py_plan *pl)
{
    free(pl->first);
    free(pl->single);
}

/* The pair lists that begin with c1: exact when the pair can be a whole
 * match, to be checked when a match can begin with it and go on. */
static void walk_follow(gwr_findex *x, const py_plan *pl, uint32_t m1, const gwr_follow *f, bool plain,
                        uint64_t *verify, uint64_t *exact)
{
    for (uint32_t k = 0; k < f->n; k++) {
        const gwr_plist *l = &x->post.lists[f->v[k]];
        uint32_t c2 = (uint32_t)(l->key & 0x1FFFFF);
        int s2 = set_of_char(c2, pl->nsets);
        if (s2 < 0) continue;
        /* the second character's list is taken whole (pinyin_cands): it holds this one */
        if (pl->single[s2] && ((c2 >= 'a' && c2 <= 'z') || (c2 >= 0x3400 && c2 < 0x10000))) continue;
        uint64_t *into = (m1 & pl->rest_end[s2]) ? (plain ? exact : verify) : (m1 & pl->rest_begin[s2]) ? verify : NULL;
        if (!into) continue;
        gwr_post_mark(l, into);
    }
}

/* Candidates of a pinyin query (its letters q[0..m)), found through the
 * character and character-pair lists and the readings table: a character
 * that is the whole match (its list is exact), or a pair of characters that
 * begins a match (exact when the pair is the whole match, else checked).
 * The cost follows the lists of the characters that can begin a match. */
bool gwr_fx_pinyin_cands(gwr_findex *x, const char *q, size_t m, bool plain, uint64_t *verify, uint64_t *exact)
{
    py_plan pl;
    if (!plan_make(&pl, q, m)) {
        plan_free(&pl);
        return false;
    }
    const gwr_postings *p = &x->post;
    /* two letters that many readings begin with: their characters' lists at once */
    const uint64_t *pre = m == 2 ? pre2_bits(x, q) : NULL;
    if (pre) {
        uint64_t *into = plain ? exact : verify;
        for (size_t w = 0; w < x->mark_words; w++) into[w] |= pre[w];
    }
    for (uint32_t c = 'a'; c < 0x10000; c = c == 'z' ? 0x3400 : c + 1) {
        uint32_t li = p->bmp[c];
        if (!li) continue;
        int s = set_of_char(c, pl.nsets);
        if (s < 0) continue;
        if (pl.single[s]) {
            /* every string holding c is taken: the pairs beginning with it add none */
            if (pre && c >= 0x3400) continue;
            const gwr_plist *l = &p->lists[li];
            uint64_t *into = plain ? exact : verify;
            gwr_post_mark(l, into);
            continue;
        }
        if (pl.first[s]) walk_follow(x, &pl, pl.first[s], &p->follow[c], plain, verify, exact);
    }
    /* first characters beyond the BMP: rare; their pairs are checked one by one */
    for (uint32_t k = 0; k < p->far.n; k++) {
        const gwr_plist *l = &p->lists[p->far.v[k]];
        int s = set_of_char((uint32_t)((l->key >> 21) & 0x3FFFFF), pl.nsets);
        if (s < 0 || !(pl.first[s] | pl.single[s])) continue;
        gwr_follow one = { .v = &p->far.v[k], .n = 1, .cap = 1 };
        if (pl.single[s]) {           /* the pair holds the character: check it */
            gwr_post_mark(l, verify);
        }
        if (pl.first[s]) walk_follow(x, &pl, pl.first[s], &one, plain, verify, exact);
    }
    plan_free(&pl);
    return true;
}

/* The strings holding a pair of characters that can end a match of the
 * query's letters q[0..m): the first of the pair consumes letters ending
 * at p (an initial, zh/ch/sh or a whole syllable: bit p of prev), the
 * second the rest q[p..m) (a prefix of one of its readings: bit p of
 * last); plus the pairs that begin with a character beyond the BMP which
 * is a whole match by itself (pinyin_cands checks those). Every match of
 * two characters or more holds such a pair, so a string to be checked that
 * has none cannot match: for jyz, a string must hold j·y and y·z.
 * Returns false, marking nothing, when the lists hold more than budget ids. */
bool gwr_fx_tail_cands(gwr_findex *x, const char *q, size_t m, uint64_t *into, size_t budget)
{
    size_t ns = gwr_py_set_count(), n = ns + 26;
    uint64_t *last = calloc(2 * n, sizeof *last);
    uint8_t *single = calloc(n, 1);
    if (!last || !single) {
        free(last);
        free(single);
        return false;
    }
    uint64_t *prev = last + n;
    for (size_t s = 0; s < n; s++) {
        uint16_t r[8];
        const char *rd[8];
        char letter[2] = { 0, 0 };
        size_t nr;
        bool latin = s >= ns;
        if (!latin) {
            nr = gwr_py_set_readings(s, r, 8);
            for (size_t k = 0; k < nr; k++) rd[k] = gwr_py_syllable(r[k]);
        } else {
            letter[0] = (char)('a' + (s - ns));
            rd[0] = letter;
            nr = 1;
        }
        for (size_t k = 0; k < nr; k++) {
            const char *y = rd[k];
            size_t L = strlen(y);
            if (!latin && m <= L && spells(y, q, m)) single[s] = 1;
            for (size_t p = 1; p < m; p++) {
                size_t rest = m - p;
                if (rest <= L && spells(y, q + p, rest) && (!latin || rest == 1)) last[s] |= 1ULL << p;
                bool seg = spells(y, q + p - 1, 1) ||
                           (!latin && p >= 2 && q[p - 1] == 'h' && (q[p - 2] == 'z' || q[p - 2] == 'c' || q[p - 2] == 's') &&
                            spells(y, q + p - 2, 2)) ||
                           (!latin && L <= p && spells(y, q + p - L, L));
                if (seg) prev[s] |= 1ULL << p;
            }
        }
    }
    const gwr_postings *P = &x->post;
    size_t total = 0;
    for (int pass = 0; pass < 2; pass++) {   /* count, then (within budget) mark */
        for (uint32_t c = 'a'; c < 0x10000; c = c == 'z' ? 0x80 : c + 1) {
            if (!P->bmp[c]) continue;
            int s = set_of_char(c, ns);
            if (s < 0 || !prev[s]) continue;
            const gwr_follow *f = &P->follow[c];
            for (uint32_t k = 0; k < f->n; k++) {
                const gwr_plist *l = &P->lists[f->v[k]];
                int s2 = set_of_char((uint32_t)(l->key & 0x1FFFFF), ns);
                if (s2 < 0 || !(prev[s] & last[s2])) continue;
                if (pass == 0) {
                    total += l->count;
                    continue;
                }
                gwr_post_mark(l, into);
            }
        }
        for (uint32_t k = 0; k < P->far.n; k++) {
            const gwr_plist *l = &P->lists[P->far.v[k]];
            int s = set_of_char((uint32_t)((l->key >> 21) & 0x3FFFFF), ns);
            int s2 = set_of_char((uint32_t)(l->key & 0x1FFFFF), ns);
            if (s < 0 || !(single[s] || (s2 >= 0 && (prev[s] & last[s2])))) continue;
            if (pass == 0) {
                total += l->count;
                continue;
            }
            gwr_post_mark(l, into);
        }
        if (pass == 0 && total > budget) break;
    }
    free(last);
    free(single);
    return total <= budget;
}
