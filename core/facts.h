/* facts.h — figures: which indicator a quantity measures, achieved or planned,
 * for which year. */
#ifndef GWR_FACTS_H
#define GWR_FACTS_H
#include "doc.h"

/* The name of a figure whose measured noun phrase could not be found (the
 * words before it were empty, a single character, or only a verb such as
 * 完成 or 加快推进). `gwr check` counts the figures carrying it. */
#define GWR_FIG_NO_NAME "（未名）"

/* Fills d->figs/nfigs from d->text and d->nodes (which must be built). */
gwr_status gwr_facts_extract(gwr_doc *d, gwr_err *err);

#endif
