/* series.c — the timeline: comparison rows regrouped per entity into rows
 * (indicator, kind, unit) of cells by year. The pairing and the verdicts are
 * the comparison's (compare.c): the target of year Y from the report of year
 * Y meets the result of year Y from the report of Y+1. What is added here is
 * the shape — one entity, indicators × years — and the report each figure
 * comes from (found by address: a figure lies in its doc's figs array). */
#include "series.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    uintptr_t lo, hi;     /* [lo, hi) of doc->figs */
    const gwr_doc *doc;
} span;

typedef struct ent {
    const char *name;
    size_t      order;    /* index of its first report */
} ent;

typedef struct ref {
    size_t ent;           /* order of the entity */
    size_t group;         /* order of the indicator in the comparison */
    int    kind;
    const char *unit;
    const gwr_cmp_row *row;
} ref;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int cmp_ent(const void *a, const void *b)
{
    const ent *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c) return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* growth first, as targets are written (and as compare.c orders them) */
static int kind_order(gwr_fig_kind k)
{
    static const int order[GWR_FK__COUNT] = { 1, 0, 2, 3, 5, 4 };
    return (unsigned)k < GWR_FK__COUNT ? order[k] : 9;
}

static int cmp_ref(const void *a, const void *b)
{
    const ref *x = a, *y = b;
    int c;
    if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
    if ((c = strcmp(x->unit, y->unit)) != 0) return c;
    if (x->row->year != y->row->year) return x->row->year < y->row->year ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static const char *entity_of(const gwr_doc *d)
{
    return d->entity && d->entity[0] ? d->entity : d->path;
}

static const gwr_doc *doc_of(const span *sp, size_t n, const gwr_figure *f)
{
    uintptr_t a = (uintptr_t)f;
    size_t lo = 0, hi = n;
    if (!f) return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a < sp[mid].lo) hi = mid;
        else if (a >= sp[mid].hi) lo = mid + 1;
        else return sp[mid].doc;
    }
    return NULL;
}

/* entity order: position of the entity's first report among the docs */
static size_t ent_order(const ent *es, size_t n, const char *name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(es[mid].name, name) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && strcmp(es[lo].name, name) == 0 ? es[lo].order : SIZE_MAX;
}

void gwr_timeline_free(gwr_timeline *t)
{
    free(t->ents);
    free(t->rows);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

gwr_status gwr_timeline_build(gwr_timeline *t, const gwr_cmp *c, gwr_doc *const *docs, size_t n,
                              const char *key, gwr_err *err)
{
    memset(t, 0, sizeof *t);
    span *sp = calloc(n ? n : 1, sizeof *sp);
    ent *es = calloc(n ? n : 1, sizeof *es);
    ref *refs = calloc(c->nrows ? c->nrows : 1, sizeof *refs);
    size_t nsp = 0, nes = 0, nref = 0;
    if (!sp || !es || !refs) goto nomem;
    for (size_t i = 0; i < n; i++) {
        if (docs[i]->nfigs) sp[nsp++] = (span){ (uintptr_t)docs[i]->figs, (uintptr_t)(docs[i]->figs + docs[i]->nfigs), docs[i] };
        es[nes++] = (ent){ entity_of(docs[i]), i };
    }
    qsort(sp, nsp, sizeof *sp, cmp_span);
    qsort(es, nes, sizeof *es, cmp_ent);
    {   /* keep the first report of each entity */
        size_t k = 0;
        for (size_t i = 0; i < nes; i++)
            if (k == 0 || strcmp(es[k - 1].name, es[i].name) != 0) es[k++] = es[i];
        nes = k;
    }
    size_t group = 0;
    const char *last = NULL;
    for (size_t i = 0; i < c->nrows; i++) {
        const gwr_cmp_row *r = &c->rows[i];
        const char *name = r->key ? r->key : r->label;
        if (!name) continue;
        if (!last || strcmp(last, name) != 0) group++, last = name;
        if (key && (!r->key || strcmp(r->key, key) != 0)) continue;
        const gwr_figure *any = r->planned ? r->planned : r->achieved;
        if (!any || any->period != GWR_PER_YEAR) continue;   /* a quarter never stands in for the year */
        size_t eo = ent_order(es, nes, r->entity ? r->entity : "");
        refs[nref++] = (ref){ eo, group, kind_order(r->kind), gwr_fig_unit(any), r };
    }
    qsort(refs, nref, sizeof *refs, cmp_ref);
    t->cells = calloc(nref ? nref : 1, sizeof *t->cells);
    t->rows = calloc(nref ? nref : 1, sizeof *t->rows);
    t->ents = calloc(nref ? nref : 1, sizeof *t->ents);
    if (!t->cells || !t->rows || !t->ents) goto nomem;
    for (size_t i = 0; i < nref; i++) {
        const ref *x = &refs[i], *p = i ? &refs[i - 1] : NULL;
        const gwr_cmp_row *r = x->row;
        bool new_ent = !p || p->ent != x->ent;
        bool new_row = new_ent || p->group != x->group || p->kind != x->kind || strcmp(p->unit, x->unit) != 0;
        if (new_ent) {
            gwr_series *s = &t->ents[t->nents++];
            *s = (gwr_series){ r->entity ? r->entity : "", r->year, r->year, t->nrows, 0 };
        }
        gwr_series *s = &t->ents[t->nents - 1];
        if (new_row) {
            gwr_series_row *w = &t->rows[t->nrows++];
            *w = (gwr_series_row){ r->key, r->label ? r->label : (r->key ? r->key : ""), r->kind, x->unit, t->ncells, 0 };
            s->n++;
        }
        gwr_series_row *w = &t->rows[t->nrows - 1];
        gwr_series_cell *cell = &t->cells[t->ncells++];
        *cell = (gwr_series_cell){ r->year, r->planned, r->achieved, doc_of(sp, nsp, r->planned),
                                   doc_of(sp, nsp, r->achieved), r->verdict };
        if (r->planned && !cell->pdoc) cell->pdoc = r->doc;
        if (r->achieved && !cell->adoc) cell->adoc = r->doc;
        w->n++;
        if (r->year < s->year_lo) s->year_lo = r->year;
        if (r->year > s->year_hi) s->year_hi = r->year;
    }
    free(sp);
    free(es);
    free(refs);
    return GWR_OK;
nomem:
    free(sp);
    free(es);
    free(refs);
    gwr_timeline_free(t);
    return gwr_err_set(err, GWR_E_NOMEM, "timeline: out of memory");
}

const gwr_series_cell *gwr_series_cell_at(const gwr_timeline *t, const gwr_series_row *r, int year)
{
    size_t lo = r->first, hi = r->first + r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->cells[mid].year < year) lo = mid + 1;
        else hi = mid;
    }
    return lo < r->first + r->n && t->cells[lo].year == year ? &t->cells[lo] : NULL;
}

void gwr_series_tally(const gwr_timeline *t, const gwr_series *s, int year, int *met, int *judged)
{
    *met = *judged = 0;
    for (size_t i = s->first; i < s->first + s->n; i++) {
        const gwr_series_cell *c = gwr_series_cell_at(t, &t->rows[i], year);
        if (!c || c->verdict == GWR_V_NONE) continue;
        (*judged)++;
        if (c->verdict == GWR_V_MET) (*met)++;
    }
}

int gwr_timeline_find(const gwr_timeline *t, const char *entity)
{
    for (size_t i = 0; entity && i < t->nents; i++)
        if (strcmp(t->ents[i].entity, entity) == 0) return (int)i;
    return -1;
}

double gwr_series_value(const gwr_figure *f)
{
    if (!f) return 0;
    double v = gwr_dec_to_double(gwr_fig_value(f));
    if (gwr_fig_qual(f) == GWR_Q_RANGE) v = (v + gwr_dec_to_double(gwr_fig_hi(f))) / 2;
    return v;
}
