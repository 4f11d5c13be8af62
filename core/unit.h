/* unit.h — the units of figures, interned: each distinct unit string ("%",
 * "元", "元/月" …) gets a small id, shared by the whole program, so that a
 * figure keeps two bytes instead of the string. Ids are never reused or
 * freed; id 0 is "" (no unit). Safe to call from several threads. */
#ifndef GWR_UNIT_H
#define GWR_UNIT_H
#include <stddef.h>
#include <stdint.h>

enum {
    GWR_UNIT_MAX = 28,          /* bytes of a unit with its NUL, as gwr_quantity.unit */
    GWR_UNIT_IDS = 1 << 14,     /* ids 0 .. GWR_UNIT_IDS-1 */
};

extern char gwr_unit_pool_[GWR_UNIT_IDS][GWR_UNIT_MAX];

/* The id of unit (truncated to GWR_UNIT_MAX-1 bytes). When every id is taken
 * (more than 16,383 distinct units in one run), the last id, whose text is
 * "?", stands for the rest. */
uint16_t gwr_unit_id(const char *unit);
/* The unit of an id returned by gwr_unit_id; lives as long as the program. */
static inline const char *gwr_unit_name(uint16_t id) { return gwr_unit_pool_[id]; }

#endif
