/* outline.h — the section tree and metadata of a loaded text. */
#ifndef GWR_OUTLINE_H
#define GWR_OUTLINE_H
#include "doc.h"

/* Fills d->nodes/nnodes and the metadata (entity, years, front matter) from
 * d->text. d->path is used as the fallback for the entity. */
gwr_status gwr_outline_build(gwr_doc *d, gwr_err *err);

#endif
