/* compare.c — PLACEHOLDER: no rows. */
#include "compare.h"
#include <stdlib.h>

static const char *const verdict_names[] = { "", "met", "missed", "unknown" };
const char *gwr_verdict_name(gwr_verdict v) { return (unsigned)v <= GWR_V_UNKNOWN ? verdict_names[v] : "?"; }

gwr_verdict gwr_verdict_of(const gwr_figure *planned, const gwr_figure *achieved, const char *key)
{
    (void)planned; (void)achieved; (void)key;
    return GWR_V_UNKNOWN;
}

gwr_status gwr_compare_build(gwr_cmp *c, gwr_doc *const *docs, size_t n, gwr_err *err)
{
    (void)docs; (void)n; (void)err;
    c->rows = NULL;
    c->nrows = 0;
    return GWR_OK;
}

void gwr_compare_free(gwr_cmp *c) { free(c->rows); c->rows = NULL; c->nrows = 0; }
