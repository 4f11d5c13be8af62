/* facts.h — figures: which indicator a quantity measures, achieved or planned,
 * for which year. */
#ifndef GWR_FACTS_H
#define GWR_FACTS_H
#include "doc.h"

/* Fills d->figs/nfigs from d->text and d->nodes (which must be built). */
gwr_status gwr_facts_extract(gwr_doc *d, gwr_err *err);

#endif
