/* facts.c — PLACEHOLDER: no figures yet. */
#include "facts.h"

gwr_status gwr_facts_extract(gwr_doc *d, gwr_err *err)
{
    (void)err;
    d->nfigs = 0;
    return GWR_OK;
}
