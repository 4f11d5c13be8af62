/* series_rank.c — one indicator of one year across every entity of a
 * timeline, ordered by the target or by the result. Values compare exactly
 * (a range by its middle: lo + hi against lo + hi); equal values share a
 * place (1, 2, 2, 4). Entities with a figure of the year but not of the
 * ranked side follow, unranked. */
#include "series.h"
#include <stdlib.h>
#include <string.h>

typedef struct combo {
    int kind_order;
    gwr_fig_kind kind;
    const char *unit;
    int year;
} combo;

static int kind_order(gwr_fig_kind k)
{
    static const int order[GWR_FK__COUNT] = { 1, 0, 2, 3, 5, 4 };
    return (unsigned)k < GWR_FK__COUNT ? order[k] : 9;
}

static int cmp_combo(const void *a, const void *b)
{
    const combo *x = a, *y = b;
    int c;
    if (x->kind_order != y->kind_order) return x->kind_order < y->kind_order ? -1 : 1;
    if ((c = strcmp(x->unit, y->unit)) != 0) return c;
    return x->year < y->year ? -1 : x->year > y->year;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static const gwr_figure *side(const gwr_series_cell *c, gwr_fig_status by)
{
    return by == GWR_ST_PLANNED ? c->planned : c->achieved;
}

/* twice the middle of a figure's value: exact when it fits */
static int cmp_value(const gwr_figure *a, const gwr_figure *b)
{
    gwr_dec x, y;
    if (gwr_dec_add(&x, gwr_fig_value(a), gwr_fig_qual(a) == GWR_Q_RANGE ? gwr_fig_hi(a) : gwr_fig_value(a)) &&
        gwr_dec_add(&y, gwr_fig_value(b), gwr_fig_qual(b) == GWR_Q_RANGE ? gwr_fig_hi(b) : gwr_fig_value(b)))
        return gwr_dec_cmp(x, y);
    double p = gwr_series_value(a), q = gwr_series_value(b);
    return p < q ? -1 : p > q;
}

/* highest first; ties and the unranked by entity */
static int cmp_row(const void *pa, const void *pb)
{
    const gwr_rank_row *a = pa, *b = pb;
    if (!a->fig != !b->fig) return a->fig ? -1 : 1;
    if (a->fig) {
        int c = cmp_value(a->fig, b->fig);
        if (c) return -c;
    }
    return strcmp(a->entity, b->entity);
}

static bool matches(const gwr_series_row *w, const char *key, int kind, const char *unit)
{
    return w->key && strcmp(w->key, key) == 0 && (kind < 0 || (int)w->kind == kind) &&
           (!unit || strcmp(w->unit, unit) == 0);
}

/* The (kind, unit, year) most entities give on side `by` (any side when
 * want_side is false); ties: growth first, then the latest year. */
static bool choose(const gwr_timeline *t, const char *key, int kind, const char *unit, int year,
                   gwr_fig_status by, bool want_side, combo *out, combo *buf)
{
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const gwr_series_row *w = &t->rows[r];
        if (!matches(w, key, kind, unit)) continue;
        for (size_t i = w->first; i < w->first + w->n; i++) {
            const gwr_series_cell *c = &t->cells[i];
            if (year && c->year != year) continue;
            if (want_side && !side(c, by)) continue;
            buf[n++] = (combo){ kind_order(w->kind), w->kind, w->unit, c->year };
        }
    }
    if (!n) return false;
    qsort(buf, n, sizeof *buf, cmp_combo);
    size_t best = 0, best_n = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && cmp_combo(&buf[i], &buf[j]) == 0) j++;
        bool same_row = best_n && buf[best].kind_order == buf[i].kind_order && strcmp(buf[best].unit, buf[i].unit) == 0;
        /* more entities wins; among equals the first kind, and within it the latest year */
        if (j - i > best_n || (j - i == best_n && same_row)) best = i, best_n = j - i;
        i = j;
    }
    *out = buf[best];
    return true;
}

void gwr_rank_free(gwr_rank *r)
{
    free(r->rows);
    free(r->years);
    memset(r, 0, sizeof *r);
}

gwr_status gwr_rank_build(gwr_rank *r, const gwr_timeline *t, const char *key, int kind, const char *unit,
                          int year, gwr_fig_status by, bool ascending, gwr_err *err)
{
    memset(r, 0, sizeof *r);
    if (!key || !*key) return gwr_err_set(err, GWR_E_USAGE, "rank: no indicator key given");
    combo *buf = calloc(t->ncells ? t->ncells : 1, sizeof *buf);
    if (!buf) return gwr_err_set(err, GWR_E_NOMEM, "rank: out of memory");
    combo pick;
    if (!choose(t, key, kind, unit, year, by, true, &pick, buf) &&
        !choose(t, key, kind, unit, year, by, false, &pick, buf)) {
        bool any = choose(t, key, kind, unit, 0, by, false, &pick, buf);
        free(buf);
        if (!any) return gwr_err_set(err, GWR_E_USAGE, "rank: no report has a yearly figure of '%s'", key);
        return gwr_err_set(err, GWR_E_USAGE, "rank: no report has a figure of '%s' for %d", key, year);
    }
    free(buf);
    r->key = key;
    r->kind = pick.kind;
    r->unit = pick.unit;
    r->year = pick.year;
    r->by = by;
    r->ascending = ascending;
    r->rows = calloc(t->nents ? t->nents : 1, sizeof *r->rows);
    r->years = calloc(t->ncells ? t->ncells : 1, sizeof *r->years);
    if (!r->rows || !r->years) {
        gwr_rank_free(r);
        return gwr_err_set(err, GWR_E_NOMEM, "rank: out of memory");
    }
    for (size_t e = 0; e < t->nents; e++) {
        const gwr_series *s = &t->ents[e];
        for (size_t k = s->first; k < s->first + s->n; k++) {
            const gwr_series_row *w = &t->rows[k];
            if (!matches(w, key, (int)r->kind, r->unit)) continue;
            if (!r->label) r->label = w->label;
            for (size_t i = w->first; i < w->first + w->n; i++) r->years[r->nyears++] = t->cells[i].year;
            const gwr_series_cell *c = gwr_series_cell_at(t, w, r->year);
            if (!c) continue;
            const gwr_figure *f = side(c, by);
            r->rows[r->nrows++] = (gwr_rank_row){ s->entity, c, f, by == GWR_ST_PLANNED ? c->pdoc : c->adoc, 0 };
        }
    }
    qsort(r->years, r->nyears, sizeof *r->years, cmp_int);
    size_t k = 0;
    for (size_t i = 0; i < r->nyears; i++)
        if (!k || r->years[k - 1] != r->years[i]) r->years[k++] = r->years[i];
    r->nyears = k;
    qsort(r->rows, r->nrows, sizeof *r->rows, cmp_row);
    size_t nranked = 0;
    while (nranked < r->nrows && r->rows[nranked].fig) nranked++;
    if (ascending)
        for (size_t i = 0; i < nranked / 2; i++) {
            gwr_rank_row tmp = r->rows[i];
            r->rows[i] = r->rows[nranked - 1 - i];
            r->rows[nranked - 1 - i] = tmp;
        }
    for (size_t i = 0; i < nranked; i++)
        r->rows[i].place = i && cmp_value(r->rows[i].fig, r->rows[i - 1].fig) == 0 ? r->rows[i - 1].place : (int)i + 1;
    return GWR_OK;
}
