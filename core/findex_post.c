/* findex_post.c — posting lists of characters and character pairs.
 * One open-addressing table maps a key to its list; single characters of the
 * Basic Multilingual Plane skip the table through a direct array. A list
 * stores string ids delta-encoded (LEB128), in a small inline buffer until it
 * outgrows it. An id is appended at most once per list, so a string that
 * repeats a pair costs one entry. */
#include "findex_int.h"
#include <stdlib.h>
#include <string.h>

enum { BMP = 0x10000 };

int gwr_post_init(gwr_postings *p)
{
    memset(p, 0, sizeof *p);
    p->cap = 4096;
    p->lists = malloc(p->cap * sizeof *p->lists);
    p->nslots = 8192;
    p->slots = calloc(p->nslots, sizeof *p->slots);
    p->bmp = calloc(BMP, sizeof *p->bmp);
    p->follow = calloc(BMP, sizeof *p->follow);
    if (!p->lists || !p->slots || !p->bmp || !p->follow) {
        gwr_post_free(p);
        return -1;
    }
    p->nlists = 1;
    memset(&p->lists[0], 0, sizeof p->lists[0]);
    return 0;
}

void gwr_post_free(gwr_postings *p)
{
    if (p->lists)
        for (size_t i = 1; i < p->nlists; i++)
            if (p->lists[i].cap > sizeof p->lists[i].b.in) free(p->lists[i].b.p);
    free(p->lists);
    free(p->slots);
    free(p->bmp);
    if (p->follow)
        for (size_t i = 0; i < BMP; i++) free(p->follow[i].v);
    free(p->follow);
    free(p->far.v);
    memset(p, 0, sizeof *p);
}

static inline size_t hash_key(gwr_pkey k)
{
    k ^= k >> 29;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 32;
    return (size_t)k;
}

static int grow_slots(gwr_postings *p)
{
    size_t ns = p->nslots * 2;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s) return -1;
    for (size_t i = 1; i < p->nlists; i++) {
        gwr_pkey k = p->lists[i].key;
        if (k < BMP) continue;     /* lives in the direct array */
        size_t h = hash_key(k) & (ns - 1);
        while (s[h]) h = (h + 1) & (ns - 1);
        s[h] = (uint32_t)i;
    }
    free(p->slots);
    p->slots = s;
    p->nslots = ns;
    return 0;
}

static uint32_t new_list(gwr_postings *p, gwr_pkey key)
{
    if (p->nlists == p->cap) {
        size_t nc = p->cap * 2;
        gwr_plist *nl = realloc(p->lists, nc * sizeof *nl);
        if (!nl) return 0;
        p->lists = nl;
        p->cap = nc;
    }
    gwr_plist *l = &p->lists[p->nlists];
    memset(l, 0, sizeof *l);
    l->key = key;
    l->cap = sizeof l->b.in;
    return (uint32_t)p->nlists++;
}

/* Index of the list for key, created when absent; 0 when out of memory. */
static uint32_t find_or_add(gwr_postings *p, gwr_pkey key)
{
    if (key < BMP) {
        uint32_t i = p->bmp[key];
        if (!i) i = p->bmp[key] = new_list(p, key);
        return i;
    }
    size_t mask = p->nslots - 1, h = hash_key(key) & mask;
    for (;;) {
        uint32_t i = p->slots[h];
        if (!i) break;
        if (p->lists[i].key == key) return i;
        h = (h + 1) & mask;
    }
    uint32_t i = new_list(p, key);
    if (!i) return 0;
    p->slots[h] = i;
    if (key >> 63) {                     /* a pair: remember it under its first character */
        uint32_t c1 = (uint32_t)((key >> 21) & 0x3FFFFF);
        gwr_follow *f = c1 < BMP ? &p->follow[c1] : &p->far;
        if (f->n == f->cap) {
            uint32_t nc = f->cap ? f->cap * 2 : 4;
            uint32_t *nv = realloc(f->v, nc * sizeof *nv);
            if (!nv) return 0;
            p->follow_bytes += (nc - f->cap) * sizeof *nv;
            f->v = nv;
            f->cap = nc;
        }
        f->v[f->n++] = i;
    }
    if (p->nlists * 2 > p->nslots && grow_slots(p) != 0) return 0;
    return i;
}

static int append(gwr_postings *p, gwr_plist *l, uint32_t sid)
{
    uint32_t v = sid + 1 - l->last;     /* ≥ 1: ids increase */
    if (l->len + 5 > l->cap) {
        uint32_t nc = l->cap < 32 ? 32 : l->cap * 2;
        uint8_t *nb;
        if (l->cap <= sizeof l->b.in) {
            nb = malloc(nc);
            if (!nb) return -1;
            memcpy(nb, l->b.in, l->len);
        } else {
            nb = realloc(l->b.p, nc);
            if (!nb) return -1;
        }
        p->bytes += nc - (l->cap <= sizeof l->b.in ? 0 : l->cap);
        l->b.p = nb;
        l->cap = nc;
    }
    uint8_t *b = (l->cap <= sizeof l->b.in ? l->b.in : l->b.p) + l->len;
    while (v >= 0x80) {
        *b++ = (uint8_t)(v | 0x80);
        v >>= 7;
        l->len++;
    }
    *b = (uint8_t)v;
    l->len++;
    l->last = sid + 1;
    l->count++;
    return 0;
}

static inline int add_key(gwr_postings *p, gwr_pkey key, uint32_t sid)
{
    uint32_t i = find_or_add(p, key);
    if (!i) return -1;
    gwr_plist *l = &p->lists[i];
    if (l->last == sid + 1) return 0;
    return append(p, l, sid);
}

size_t gwr_fx_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t k = gwr_py_utf8_step(s, n, cp);
    if (*cp >= 'A' && *cp <= 'Z') *cp += 32;     /* ASCII letters in either case */
    return k;
}

int gwr_post_add(gwr_postings *p, uint32_t sid, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t prev = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        i += gwr_fx_decode(s + i, n - i, &c);
        if (add_key(p, c, sid) != 0) return -1;
        if (prev && add_key(p, gwr_pkey_pair(prev, c), sid) != 0) return -1;
        prev = c;
    }
    return 0;
}

const gwr_plist *gwr_post_get(const gwr_postings *p, gwr_pkey key)
{
    if (key < BMP) {
        uint32_t i = p->bmp[key];
        return i ? &p->lists[i] : NULL;
    }
    size_t mask = p->nslots - 1, h = hash_key(key) & mask;
    for (;;) {
        uint32_t i = p->slots[h];
        if (!i) return NULL;
        if (p->lists[i].key == key) return &p->lists[i];
        h = (h + 1) & mask;
    }
}

size_t gwr_post_decode(const gwr_plist *l, uint32_t *out)
{
    const uint8_t *b = l->cap <= sizeof l->b.in ? l->b.in : l->b.p;
    const uint8_t *end = b + l->len;
    uint32_t cur = 0;
    size_t k = 0;
    while (b < end) {
        uint32_t v = 0;
        int shift = 0;
        while (*b & 0x80) {
            v |= (uint32_t)(*b++ & 0x7F) << shift;
            shift += 7;
        }
        v |= (uint32_t)*b++ << shift;
        cur += v;
        out[k++] = cur - 1;
    }
    return k;
}
