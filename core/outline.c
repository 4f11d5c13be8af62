/* outline.c — PLACEHOLDER: a root node only (replaced by the real outline builder). */
#include "outline.h"
#include <stdlib.h>

gwr_status gwr_outline_build(gwr_doc *d, gwr_err *err)
{
    d->nodes = calloc(1, sizeof *d->nodes);
    if (!d->nodes) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", d->path);
    d->nodes[0] = (gwr_node){ .kind = GWR_NODE_ROOT, .title = "", .body_len = (uint32_t)d->text.norm_len,
                              .line = 1, .parent = -1, .first_child = -1, .next_sibling = -1 };
    d->nnodes = 1;
    d->entity = "";
    return GWR_OK;
}
