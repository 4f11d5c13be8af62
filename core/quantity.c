/* quantity.c — PLACEHOLDER: finds nothing. */
#include "quantity.h"

static const char *const qual_names[GWR_Q__COUNT] = {
    "exact", "about", "atleast", "over", "atmost", "under", "range",
};

const char *gwr_qual_name(gwr_qual q) { return (unsigned)q < GWR_Q__COUNT ? qual_names[q] : "?"; }

bool gwr_quantity_next(const char *s, size_t len, size_t *pos, gwr_quantity *q)
{
    (void)s; (void)q;
    *pos = len;
    return false;
}
