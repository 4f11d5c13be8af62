/* arena.c — bump allocator. Blocks grow geometrically; big requests get their own block. */
#include "arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdalign.h>

struct gwr_arena_block {
    gwr_arena_block *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_MIN_BLOCK = 16 * 1024 };

void gwr_arena_init(gwr_arena *a) { a->head = NULL; a->used_total = 0; }

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
}

void *gwr_arena_alloc(gwr_arena *a, size_t n)
{
    const size_t al = alignof(max_align_t);
    if (n == 0) n = 1;
    if (n > (size_t)-1 / 2) return NULL;
    n = (n + al - 1) & ~(al - 1);
    gwr_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = b ? b->cap * 2 : ARENA_MIN_BLOCK;
        if (cap > 4u * 1024 * 1024) cap = 4u * 1024 * 1024;
        if (cap < n) cap = n;
        gwr_arena_block *nb = malloc(sizeof *nb + cap);
        if (!nb) return NULL;
        nb->cap = cap;
        nb->used = 0;
        if (b && b->cap - b->used > cap - n) {
            /* keep the fuller current block at the head: insert behind it */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    memset(p, 0, n);
    return p;
}

char *gwr_arena_strndup(gwr_arena *a, const char *s, size_t n)
{
    char *p = gwr_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *gwr_arena_strdup(gwr_arena *a, const char *s) { return gwr_arena_strndup(a, s, strlen(s)); }
