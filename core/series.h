/* series.h — time series and rankings built over a comparison (compare.h).
 *
 * A timeline is, for each entity, one row per indicator (key or name, kind
 * and unit) and one cell per year: the target set for year Y (in the report
 * of year Y) and the result of year Y (reported a year later), with the
 * verdict of the one against the other. A ranking is one indicator of one
 * year across every entity, ordered by the target or by the result.
 * Everything points into the docs and the comparison, which must outlive it. */
#ifndef GWR_SERIES_H
#define GWR_SERIES_H
#include <stdbool.h>
#include <stddef.h>
#include "compare.h"
#include "doc.h"

typedef struct gwr_series_cell {
    int               year;
    const gwr_figure *planned, *achieved;   /* either may be NULL, not both */
    const gwr_doc    *pdoc, *adoc;          /* the reports they come from */
    gwr_verdict       verdict;
} gwr_series_cell;

typedef struct gwr_series_row {
    const char   *key;        /* canonical key, NULL for an unkeyed indicator */
    const char   *label;
    gwr_fig_kind  kind;
    const char   *unit;       /* base unit of the row (a figure's q.unit) */
    size_t        first, n;   /* its cells: t->cells[first .. first+n), by year */
} gwr_series_row;

typedef struct gwr_series {   /* one entity */
    const char *entity;
    int         year_lo, year_hi;
    size_t      first, n;     /* its rows: t->rows[first .. first+n), headline first */
} gwr_series;

typedef struct gwr_timeline {
    gwr_series      *ents;
    size_t           nents;
    gwr_series_row  *rows;
    size_t           nrows;
    gwr_series_cell *cells;
    size_t           ncells;
} gwr_timeline;

/* Builds the timeline of every entity of c (built over docs[0..n)); key, when
 * not NULL, keeps that indicator only. Entities in the order of their first
 * report. */
gwr_status gwr_timeline_build(gwr_timeline *t, const gwr_cmp *c, gwr_doc *const *docs, size_t n,
                              const char *key, gwr_err *err);
void       gwr_timeline_free(gwr_timeline *t);
/* Cell of a row for a year, NULL when the row has none. */
const gwr_series_cell *gwr_series_cell_at(const gwr_timeline *t, const gwr_series_row *r, int year);
/* Targets of one entity's year that met their result, out of those with a
 * result to judge them by (a verdict of met, missed or unknown). */
void gwr_series_tally(const gwr_timeline *t, const gwr_series *s, int year, int *met, int *judged);
/* Index of the entity named `entity`, or -1. */
int  gwr_timeline_find(const gwr_timeline *t, const char *entity);

/* ---- rankings ----------------------------------------------------------- */

typedef struct gwr_rank_row {
    const char            *entity;
    const gwr_series_cell *cell;     /* both sides, files and verdict */
    const gwr_figure      *fig;      /* the ranked side, NULL when the entity lacks it */
    const gwr_doc         *doc;      /* its report */
    int                    place;    /* 1-based, shared by equal values; 0 = not ranked */
} gwr_rank_row;

typedef struct gwr_rank {
    const char    *key, *label;
    gwr_fig_kind   kind;
    const char    *unit;
    int            year;
    gwr_fig_status by;
    bool           ascending;        /* false: highest first */
    gwr_rank_row  *rows;             /* ranked first, then entities without the ranked side */
    size_t         nrows;
    int           *years;            /* every year with a figure of this indicator, ascending */
    size_t         nyears;
} gwr_rank;

/* Ranks indicator `key` (kind < 0 and unit NULL: the kind and unit most
 * entities give; year 0: the year most entities give, the latest of equals)
 * across every entity of t, by the target (GWR_ST_PLANNED) or the result.
 * A range ranks by its middle. Fails with GWR_E_USAGE when no entity has a
 * figure of the key. */
gwr_status gwr_rank_build(gwr_rank *r, const gwr_timeline *t, const char *key, int kind, const char *unit,
                          int year, gwr_fig_status by, bool ascending, gwr_err *err);
void       gwr_rank_free(gwr_rank *r);

/* Sorting value of a figure (the middle of a range), for bars only. */
double gwr_series_value(const gwr_figure *f);

#endif
