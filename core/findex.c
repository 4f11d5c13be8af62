/* findex.c — figure filter index. FIRST VERSION: a linear scan over
 * per-figure haystacks (name, section, sentence, entity joined). */
#define _GNU_SOURCE
#include "findex.h"
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    gwr_fig_ref ref;
    const gwr_figure *fig;
    const char *section;
    const char *entity;
} entry;

struct gwr_findex {
    entry *v;
    size_t n, cap;
    gwr_fig_ref *res;
    size_t res_cap;
};

gwr_findex *gwr_findex_new(void) { return calloc(1, sizeof(gwr_findex)); }

void gwr_findex_free(gwr_findex *x)
{
    if (!x) return;
    free(x->v);
    free(x->res);
    free(x);
}

size_t gwr_findex_size(const gwr_findex *x) { return x->n; }

int gwr_findex_add_doc(gwr_findex *x, const gwr_doc *d, uint32_t doc_index)
{
    if (x->n + d->nfigs > x->cap) {
        size_t nc = x->cap ? x->cap : 1024;
        while (nc < x->n + d->nfigs) nc *= 2;
        entry *nv = realloc(x->v, nc * sizeof *nv);
        if (!nv) return -1;
        x->v = nv;
        x->cap = nc;
    }
    for (size_t i = 0; i < d->nfigs; i++) {
        entry *e = &x->v[x->n++];
        e->ref = (gwr_fig_ref){ doc_index, (uint32_t)i };
        e->fig = &d->figs[i];
        e->section = gwr_doc_section_title(d, d->figs[i].node);
        e->entity = d->entity;
    }
    return 0;
}

static int has(const char *hay, const char *q)
{
    return hay && strcasestr(hay, q) != NULL;
}

size_t gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out)
{
    if (x->res_cap < x->n) {
        gwr_fig_ref *nr = realloc(x->res, (x->n ? x->n : 1) * sizeof *nr);
        if (!nr) { *out = NULL; return 0; }
        x->res = nr;
        x->res_cap = x->n;
    }
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        const entry *e = &x->v[i];
        if (status >= 0 && (int)e->fig->status != status) continue;
        if (query[0] && !has(e->fig->name, query) && !has(e->section, query) &&
            !has(e->fig->sentence, query) && !has(e->entity, query))
            continue;
        x->res[k++] = e->ref;
    }
    *out = x->res;
    return k;
}
