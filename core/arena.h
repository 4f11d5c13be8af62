/* arena.h — bump allocator: one per document, freed at once. */
#ifndef GWR_ARENA_H
#define GWR_ARENA_H
#include <stdbool.h>
#include <stddef.h>

typedef struct gwr_arena_block gwr_arena_block;
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
char *gwr_arena_strndup(gwr_arena *a, const char *s, size_t n);
char *gwr_arena_strdup(gwr_arena *a, const char *s);
/* Blocks held (for statistics and tests). */
size_t gwr_arena_blocks(const gwr_arena *a);

#endif
