/* unit.c — interned units: a fixed pool of strings and an open-addressing
 * table from content to id. Lookups of a unit already present take no lock
 * (slots are published with release stores after the string is written);
 * adding a unit takes a mutex. */
#include "unit.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <string.h>

char gwr_unit_pool_[GWR_UNIT_IDS][GWR_UNIT_MAX];

enum { SLOTS = 2 * GWR_UNIT_IDS, FULL = GWR_UNIT_IDS - 1 };

static _Atomic uint16_t slots[SLOTS];     /* id, 0 = empty (id 0 is "" and never stored) */
static uint32_t nunits = 1;               /* ids handed out; under mu */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (h >> 15);
}

static bool same(uint16_t id, const char *s, size_t n)
{
    const char *u = gwr_unit_pool_[id];
    return memcmp(u, s, n) == 0 && u[n] == '\0';
}

uint16_t gwr_unit_id(const char *unit)
{
    size_t n = strnlen(unit, GWR_UNIT_MAX - 1);
    if (n == 0) return 0;
    uint32_t i = hash(unit, n) & (SLOTS - 1);
    for (;;) {                                  /* the table is never more than half full */
        uint16_t id = atomic_load_explicit(&slots[i], memory_order_acquire);
        if (!id) break;
        if (same(id, unit, n)) return id;
        i = (i + 1) & (SLOTS - 1);
    }
    pthread_mutex_lock(&mu);
    uint16_t id;
    for (;;) {                                  /* another thread may have added it meanwhile */
        id = atomic_load_explicit(&slots[i], memory_order_relaxed);
        if (!id || same(id, unit, n)) break;
        i = (i + 1) & (SLOTS - 1);
    }
    if (!id) {
        if (nunits < FULL) {
            id = (uint16_t)nunits++;
            memcpy(gwr_unit_pool_[id], unit, n);
            gwr_unit_pool_[id][n] = '\0';
            atomic_store_explicit(&slots[i], id, memory_order_release);
        } else {
            id = FULL;
            if (!gwr_unit_pool_[FULL][0]) gwr_unit_pool_[FULL][0] = '?';
        }
    }
    pthread_mutex_unlock(&mu);
    return id;
}
