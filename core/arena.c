/* arena.c — bump allocator. Blocks grow geometrically; big requests get their
 * own block. Objects are aligned for any type; strings are packed (align 1). */
#include "arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdalign.h>

/* The first block is small and blocks double: a one-line report costs a
 * kilobyte, not sixteen (a corpus keeps 100,000 of them). */
enum { ARENA_MIN_BLOCK = 1024 };

void gwr_arena_init(gwr_arena *a) { a->head = NULL; a->used_total = 0; a->hint = 0; }

void gwr_arena_size_hint(gwr_arena *a, size_t n) { a->hint = n; }

void gwr_arena_free(gwr_arena *a)
{
    gwr_arena_block *b = a->head;
    while (b) {
        gwr_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
    a->hint = 0;
}

static gwr_arena_block *new_block(gwr_arena *a, size_t cap, size_t need)
{
    gwr_arena_block *b = a->head;
    gwr_arena_block *nb = malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->cap = cap;
    nb->used = 0;
    if (b && b->cap - b->used > cap - need) {
        /* keep the fuller current block at the head: insert behind it */
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        a->head = nb;
    }
    return nb;
}

static void *take(gwr_arena *a, size_t n, size_t al)
{
    if (n == 0) n = 1;
    if (n > (size_t)-1 / 4) return NULL;
    gwr_arena_block *b = a->head;
    size_t at = b ? (b->used + al - 1) & ~(al - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = b ? b->cap * 2 : ARENA_MIN_BLOCK;
        if (cap > 4u * 1024 * 1024) cap = 4u * 1024 * 1024;
        if (cap < a->hint) cap = a->hint;
        a->hint = 0;
        if (cap < n) cap = n;
        b = new_block(a, cap, n);
        if (!b) return NULL;
        at = 0;
    }
    void *p = b->data + at;
    b->used = at + n;
    a->used_total += n;
    return p;
}

void *gwr_arena_alloc(gwr_arena *a, size_t n)
{
    void *p = take(a, n, alignof(max_align_t));
    if (p) memset(p, 0, n ? n : 1);
    return p;
}

bool gwr_arena_reserve(gwr_arena *a, size_t n)
{
    if (a->head && a->head->cap - a->head->used >= n) return true;
    if (n == 0) n = 1;
    return new_block(a, n, n) != NULL;
}

char *gwr_arena_strndup_block(gwr_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *gwr_arena_strdup(gwr_arena *a, const char *s) { return gwr_arena_strndup(a, s, strlen(s)); }

size_t gwr_arena_blocks(const gwr_arena *a)
{
    size_t n = 0;
    for (const gwr_arena_block *b = a->head; b; b = b->next) n++;
    return n;
}
