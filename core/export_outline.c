/* export_outline.c — PLACEHOLDER outline writer. */
#include "export.h"

void gwr_export_outline(FILE *f, gwr_format fmt, const gwr_doc *d, bool all, bool first, bool last)
{
    (void)all; (void)last;
    if (fmt == GWR_FMT_TSV && first) fputs("file\tdepth\tkind\trole\tline\ttitle\n", f);
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        fprintf(f, "%s\t%d\t%s\t%s\t%u\t%s\n", d->path, n->depth, gwr_node_kind_name(n->kind),
                gwr_role_name(n->role), n->line, n->title);
    }
}
