/* arena.h — bump allocator: one per document, freed at once. */
#ifndef GWR_ARENA_H
#define GWR_ARENA_H
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct gwr_arena_block gwr_arena_block;
/* A block (the head is the one strings are taken from); visible only for the
 * inline string copy below. */
struct gwr_arena_block {
    gwr_arena_block *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
};
typedef struct gwr_arena {
    gwr_arena_block *head;
    size_t used_total;          /* bytes handed out, for statistics */
    size_t hint;                /* room of the next new block, when larger than the doubling gives */
} gwr_arena;

void  gwr_arena_init(gwr_arena *a);
void  gwr_arena_free(gwr_arena *a);
/* Makes the next block the arena needs at least n bytes (a document sizes
 * its arena from its text: one block then usually holds every string). */
void  gwr_arena_size_hint(gwr_arena *a, size_t n);
/* Returns zeroed memory aligned for any object; NULL only when out of memory. */
void *gwr_arena_alloc(gwr_arena *a, size_t n);
/* Makes the next n bytes come from one block of exactly that room when the
 * current block has less (for a copy whose size is known in advance). */
bool  gwr_arena_reserve(gwr_arena *a, size_t n);
/* Copies s[0..n) and appends a NUL (packed: no alignment padding). */
char *gwr_arena_strndup_block(gwr_arena *a, const char *s, size_t n);   /* when a new block is needed */
static inline char *gwr_arena_strndup(gwr_arena *a, const char *s, size_t n)
{
    gwr_arena_block *b = a->head;
    if (!b || n >= b->cap - b->used) return gwr_arena_strndup_block(a, s, n);
    char *p = (char *)b->data + b->used;
    b->used += n + 1;
    a->used_total += n + 1;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
char *gwr_arena_strdup(gwr_arena *a, const char *s);
/* Blocks held (for statistics and tests). */
size_t gwr_arena_blocks(const gwr_arena *a);

#endif
