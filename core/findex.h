/* findex.h — the figure filter index: answers "which figures match what the
 * user has typed so far" across a whole corpus within a frame.
 * Built incrementally as documents are loaded (the interface filters while
 * a large corpus is still loading). */
#ifndef GWR_FINDEX_H
#define GWR_FINDEX_H
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

typedef struct gwr_fig_ref {
    uint32_t doc;   /* index given to gwr_findex_add_doc */
    uint32_t fig;   /* index into that doc's figs */
} gwr_fig_ref;

typedef struct gwr_findex gwr_findex;

gwr_findex *gwr_findex_new(void);
void        gwr_findex_free(gwr_findex *x);
/* Adds every figure of d; the doc must outlive the index. Not thread-safe
 * against a concurrent query: callers serialise add and query. */
int         gwr_findex_add_doc(gwr_findex *x, const gwr_doc *d, uint32_t doc_index);
size_t      gwr_findex_size(const gwr_findex *x);
/* Bytes held by the index (for statistics). */
size_t      gwr_findex_memory(const gwr_findex *x);

/* Figures whose indicator name, section title, sentence or entity contain
 * `query` (UTF-8 substring; ASCII case-insensitive; "" matches all) and
 * whose status is `status` (-1 any). Results in load order. *out points to
 * storage owned by the index, valid until the next query or add. */
size_t      gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out);

#endif
