/* outline.h — the section tree and metadata of a loaded text. */
#ifndef GWR_OUTLINE_H
#define GWR_OUTLINE_H
#include "doc.h"

/* Fills d->nodes/nnodes and the metadata (entity, years, front matter) from
 * d->text. d->path is used as the fallback for the entity. */
gwr_status gwr_outline_build(gwr_doc *d, gwr_err *err);

/* After the figures are found: an achieved figure of a review of several
 * years (过去五年…) whose paragraph names no single year before it (1997年,
 * 去年, 上年 …) is for the whole period: its period becomes multiyear. */
void gwr_outline_multiyear_figures(gwr_doc *d);

#endif
