/* strpool.c — the process's pool of recurring short strings: an open-
 * addressing table of pointers (with their hashes) into 64 KB chunks. */
#include "strpool.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 64 * 1024 };

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
    const char **slot;          /* NULL: empty */
    uint32_t    *hash;
    size_t       cap, n;        /* cap: a power of two, at most half full */
    char        *chunk;         /* the chunk being filled; the previous one is at its start */
    size_t       used, bytes;
} P;

void gwr_strpool_lock(void) { pthread_mutex_lock(&mu); }
void gwr_strpool_unlock(void) { pthread_mutex_unlock(&mu); }

static uint32_t hash_of(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u ^ n;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t w;
        memcpy(&w, s + k, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15u;
        h ^= h >> 29;
    }
    for (; k < n; k++) h = (h ^ (unsigned char)s[k]) * 0x100000001b3u;
    h ^= h >> 32;
    return (uint32_t)h;
}

static int grow(void)
{
    size_t cap = P.cap ? P.cap * 2 : 4096;
    const char **slot = calloc(cap, sizeof *slot);
    uint32_t *hash = malloc(cap * sizeof *hash);
    if (!slot || !hash) {
        free(slot);
        free(hash);
        return -1;
    }
    for (size_t i = 0; i < P.cap; i++) {
        if (!P.slot[i]) continue;
        size_t j = P.hash[i] & (cap - 1);
        while (slot[j]) j = (j + 1) & (cap - 1);
        slot[j] = P.slot[i];
        hash[j] = P.hash[i];
    }
    free(P.slot);
    free(P.hash);
    P.bytes += (cap - P.cap) * (sizeof *slot + sizeof *hash);
    P.slot = slot;
    P.hash = hash;
    P.cap = cap;
    return 0;
}

const char *gwr_strpool_get(const char *s, size_t n)
{
    if (n > GWR_STRPOOL_MAX) return NULL;
    if (2 * (P.n + 1) > P.cap && grow() != 0) return NULL;
    uint32_t h = hash_of(s, n);
    size_t i = h & (P.cap - 1);
    for (; P.slot[i]; i = (i + 1) & (P.cap - 1))
        if (P.hash[i] == h && strncmp(P.slot[i], s, n) == 0 && P.slot[i][n] == '\0') return P.slot[i];
    if (!P.chunk || CHUNK - P.used < n + 1) {
        /* a chunk begins with a pointer to the one before (kept reachable) */
        char *c = malloc(CHUNK);
        if (!c) return NULL;
        memcpy(c, &P.chunk, sizeof P.chunk);
        P.chunk = c;
        P.used = sizeof P.chunk;
        P.bytes += CHUNK;
    }
    char *p = P.chunk + P.used;
    memcpy(p, s, n);
    p[n] = '\0';
    P.used += n + 1;
    P.slot[i] = p;
    P.hash[i] = h;
    P.n++;
    return p;
}

size_t gwr_strpool_bytes(void)
{
    pthread_mutex_lock(&mu);
    size_t b = P.bytes;
    pthread_mutex_unlock(&mu);
    return b;
}
