/* findex_post.c — posting lists of characters and character pairs.
 * One open-addressing table maps a key to its list; single characters of the
 * Basic Multilingual Plane skip the table through a direct array. An id is
 * appended at most once per list, so a string that repeats a pair costs one
 * entry.
 *
 * A list is a chain of blocks of 32, 64, 128, 256 and then 512 bytes, carved
 * one after another from slabs of a megabyte (nothing is ever freed before
 * the whole index, so nothing is wasted but the unfilled end of each list's
 * last block). A block is a header of HDR bytes:
 *   next block (pointer), base (its first id, uint32), n (ids, uint16),
 *   k (Rice parameter), size class (block = 32 << class)
 * then the gaps between its following ids, less one, Rice-coded with k, bit
 * by bit from the lowest bit of each byte: gap − 1 = q·2^k + r is written as
 * q zero bits, a one bit, and r in k bits; a gap with q ≥ ESC is written as
 * ESC zero bits and the gap − 1 in 32 bits. k is chosen per block from the
 * gaps of the block before it (the first block takes K0), so that dense and
 * sparse lists both cost about two bits more than the logarithm of their
 * mean gap per id. The block being filled keeps its count and bits used in
 * the list (tn, tused): appending touches the list and the bits only. */
#include "findex_int.h"
#include <stdlib.h>
#include <string.h>

enum { BMP = 0x10000 };
enum { HDR = 16, MAXCLASS = 4, ESC = 16, K0 = 4, SLAB = 1 << 20, SLAB_PAD = 8 };

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
    for (size_t i = 0; i < p->nslabs; i++) free(p->slabs[i]);
    free(p->slabs);
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

/* A zeroed block of `size` bytes (a multiple of 32) from the slabs. */
static uint8_t *carve(gwr_postings *p, size_t size)
{
    if (!p->nslabs || p->slab_used + size > SLAB) {
        if (p->nslabs == p->slabs_cap) {
            size_t nc = p->slabs_cap ? p->slabs_cap * 2 : 16;
            uint8_t **ns = realloc(p->slabs, nc * sizeof *ns);
            if (!ns) return NULL;
            p->slabs = ns;
            p->slabs_cap = nc;
        }
        /* zeroed (the gaps are or-ed in), with room for the eight-byte
           loads and stores of the last bits of a block */
        uint8_t *s = calloc(1, SLAB + SLAB_PAD);
        if (!s) return NULL;
        p->slabs[p->nslabs++] = s;
        p->slab_used = 0;
        p->bytes += SLAB + SLAB_PAD;
    }
    uint8_t *b = p->slabs[p->nslabs - 1] + p->slab_used;
    p->slab_used += size;
    return b;
}

static inline uint64_t load64(const uint8_t *b)
{
    uint64_t w;
    memcpy(&w, b, 8);
    return w;
}

/* Or v (below 2^nb, nb ≤ 57) into the bits of pay from bit pos. */
static inline void put_bits(uint8_t *pay, uint32_t pos, uint64_t v, int nb)
{
    (void)nb;
    uint8_t *b = pay + (pos >> 3);
    uint64_t w = load64(b) | v << (pos & 7);
    memcpy(b, &w, 8);
}

static inline uint32_t hdr32(const uint8_t *b, size_t at)
{
    uint32_t v;
    memcpy(&v, b + at, 4);
    return v;
}

static inline uint16_t hdr16(const uint8_t *b, size_t at)
{
    uint16_t v;
    memcpy(&v, b + at, 2);
    return v;
}

static inline void set16(uint8_t *b, size_t at, uint16_t v) { memcpy(b + at, &v, 2); }

static inline uint8_t *next_of(const uint8_t *b)
{
    uint8_t *n;
    memcpy(&n, b, sizeof n);
    return n;
}

/* Starts a new tail block of class cls holding sid alone, with Rice
 * parameter k (the block before it, if any, is closed by the caller). */
static int new_tail(gwr_postings *p, gwr_plist *l, unsigned cls, unsigned k, uint32_t sid)
{
    uint8_t *b = carve(p, (size_t)32 << cls);
    if (!b) return -1;
    memcpy(b + 8, &sid, 4);
    b[14] = (uint8_t)k;
    b[15] = (uint8_t)cls;
    l->tail = b;
    l->tn = 1;
    l->tused = 0;
    l->tk = (uint8_t)k;
    l->tcls = (uint8_t)cls;
    return 0;
}

/* sid joins l in a new block: the list's first, or one that did not fit. */
static __attribute__((noinline)) int append_block(gwr_postings *p, gwr_plist *l, uint32_t sid)
{
    if (!l->tail) {
        if (new_tail(p, l, 0, K0, sid) != 0) return -1;
        l->head = l->tail;
    } else {
        /* close the tail; the mean gap of its ids and of this one, scaled
           by ln 2, gives the next block's parameter */
        uint8_t *t = l->tail;
        set16(t, 12, l->tn);
        uint64_t span = (uint64_t)(sid - hdr32(t, 8)) * 11 / 16 / l->tn;
        unsigned nk = span ? 63 - (unsigned)__builtin_clzll(span) : 0;
        if (nk > 31) nk = 31;
        unsigned cls = l->tcls < MAXCLASS ? l->tcls + 1u : MAXCLASS;
        if (new_tail(p, l, cls, nk, sid) != 0) return -1;
        memcpy(t, &l->tail, sizeof l->tail);
    }
    l->last = sid + 1;
    l->count++;
    return 0;
}

static inline int append(gwr_postings *p, gwr_plist *l, uint32_t sid)
{
    uint32_t v = sid - l->last;          /* gap − 1: ids increase */
    unsigned k = l->tk, used = l->tused;
    uint32_t q = v >> k;
    unsigned need = q < ESC ? q + 1 + k : ESC + 32;
    unsigned room = (unsigned)((32u << l->tcls) - HDR) * 8;
    if (!l->tail || used + need > room) return append_block(p, l, sid);
    uint8_t *pay = l->tail + HDR;
    if (q < ESC)      /* the one bit ending q, then r: at most 15 + 1 + 31 bits */
        put_bits(pay, used + q, (1 | (uint64_t)(v & ((1u << k) - 1)) << 1), (int)(k + 1));
    else
        put_bits(pay, used + ESC, v, 32);
    l->tn++;
    l->tused = (uint16_t)(used + need);
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

int gwr_post_append(gwr_postings *p, gwr_plist *l, uint32_t sid)
{
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

/* One Rice-coded gap of a block's payload at bit pos (advanced past it): a
 * unary quotient and k remainder bits, or ESC zero bits and the gap in 32. */
static inline uint32_t read_gap(const uint8_t *pay, uint32_t *pos, unsigned k, uint64_t mask)
{
    uint64_t w = load64(pay + (*pos >> 3)) >> (*pos & 7);
    if (!(w & ((1u << ESC) - 1))) {
        *pos += ESC;
        uint32_t v = (uint32_t)(load64(pay + (*pos >> 3)) >> (*pos & 7));
        *pos += 32;
        return v;
    }
    unsigned z = (unsigned)__builtin_ctzll(w);
    *pos += z + 1 + k;
    return (uint32_t)(((uint64_t)z << k) | ((w >> (z + 1)) & mask));
}

/* A block's first id, its count, Rice parameter, mask and payload. */
typedef struct blk {
    uint32_t       first;
    unsigned       n, k;
    uint64_t       mask;
    const uint8_t *pay;
} blk;

static inline blk blk_open(const gwr_plist *l, const uint8_t *b)
{
    blk r = { hdr32(b, 8), b == l->tail ? l->tn : hdr16(b, 12), b[14], 0, b + HDR };
    r.mask = ((uint64_t)1 << r.k) - 1;
    return r;
}

/* Every id of l, in order, into out (when out) or as bits of bits. Inlined
 * into each caller, so each gets its own loop without the test. */
static inline __attribute__((always_inline)) size_t walk_ids(const gwr_plist *l, uint32_t *out, uint64_t *bits)
{
    size_t o = 0;
    for (const uint8_t *b = l->head; b; b = next_of(b)) {
        blk k = blk_open(l, b);
        uint32_t cur = k.first, pos = 0;
        for (unsigned i = 0;;) {
            if (out) out[o + i] = cur;
            else bits[cur >> 6] |= 1ULL << (cur & 63);
            if (++i == k.n) break;
            cur += read_gap(k.pay, &pos, k.k, k.mask) + 1;
        }
        o += k.n;
    }
    return o;
}

size_t gwr_post_decode(const gwr_plist *l, uint32_t *out) { return walk_ids(l, out, NULL); }

size_t gwr_post_mark(const gwr_plist *l, uint64_t *bits) { return walk_ids(l, NULL, bits); }

size_t gwr_post_keep(const gwr_plist *l, uint32_t *ids, size_t n)
{
    size_t k = 0, j = 0;
    for (const uint8_t *b = l->head; b && j < n; b = next_of(b)) {
        const uint8_t *nb = next_of(b);
        if (nb && hdr32(nb, 8) <= ids[j]) continue;  /* every id of b is below ids[j] */
        blk bk = blk_open(l, b);
        uint32_t cur = bk.first, pos = 0;
        for (unsigned i = 0;;) {
            while (j < n && ids[j] < cur) j++;
            if (j == n) break;
            if (ids[j] == cur) ids[k++] = cur, j++;
            if (++i == bk.n) break;
            cur += read_gap(bk.pay, &pos, bk.k, bk.mask) + 1;
        }
    }
    return k;
}
