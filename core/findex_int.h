/* findex_int.h — the posting lists behind the figure filter (findex_post.c):
 * for every character and every pair of adjacent characters (ASCII folded to
 * lower case), the sorted ids of the strings that contain it, delta-encoded
 * as variable-length integers. Not part of the public API. */
#ifndef GWR_FINDEX_INT_H
#define GWR_FINDEX_INT_H
#include <stddef.h>
#include <stdint.h>

/* A key is one character c (key = c) or a pair (key = c1 << 21 | c2). */
typedef uint64_t gwr_pkey;

typedef struct gwr_plist {
    gwr_pkey key;
    union {
        uint8_t *p;              /* cap > sizeof in */
        uint8_t  in[8];          /* small lists live inline */
    } b;
    uint32_t len, cap;           /* bytes */
    uint32_t last;               /* last string id added + 1; 0 when empty */
    uint32_t count;              /* ids in the list */
} gwr_plist;

typedef struct gwr_postings {
    gwr_plist *lists;            /* lists[0] unused: index 0 means "none" */
    size_t     nlists, cap;
    uint32_t  *slots;            /* open addressing: key hash → list index */
    size_t     nslots;           /* power of two */
    uint32_t  *bmp;              /* direct index for single BMP characters */
    size_t     bytes;            /* heap bytes held by list buffers */
} gwr_postings;

int  gwr_post_init(gwr_postings *p);
void gwr_post_free(gwr_postings *p);
/* Indexes every character and character pair of s[0..n) under string id sid.
 * Ids must be added in increasing order. Returns -1 when out of memory. */
int  gwr_post_add(gwr_postings *p, uint32_t sid, const char *s, size_t n);
/* The list for key, or NULL. */
const gwr_plist *gwr_post_get(const gwr_postings *p, gwr_pkey key);
/* Decodes a list into out (room for l->count ids); returns the count. */
size_t gwr_post_decode(const gwr_plist *l, uint32_t *out);

/* Decodes one character (ASCII folded to lower case; an invalid byte becomes
 * 0x110000 + byte so that it still matches itself). Returns bytes used (≥ 1). */
size_t gwr_fx_decode(const unsigned char *s, size_t n, uint32_t *cp);

static inline gwr_pkey gwr_pkey_pair(uint32_t a, uint32_t b) { return ((gwr_pkey)1 << 63) | ((gwr_pkey)a << 21) | (gwr_pkey)b; }

#endif
