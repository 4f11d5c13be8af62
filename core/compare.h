/* compare.h — achieved against planned, per entity, indicator and year. */
#ifndef GWR_COMPARE_H
#define GWR_COMPARE_H
#include "doc.h"

typedef enum {
    GWR_V_NONE = 0,      /* only one side: no verdict (empty cell) */
    GWR_V_MET,
    GWR_V_MISSED,
    GWR_V_UNKNOWN,       /* both sides but not comparable (units differ, …) */
} gwr_verdict;

typedef struct gwr_cmp_row {
    const gwr_doc    *doc;       /* report the row's figures come from (the later one when joined) */
    const char       *entity;
    const char       *key;       /* canonical key, or NULL for an unkeyed indicator */
    const char       *label;
    gwr_fig_kind      kind;
    int               year;      /* for a multi-year target, its end year */
    const gwr_figure *planned;   /* may be NULL */
    const gwr_figure *achieved;  /* may be NULL */
    gwr_verdict       verdict;
    gwr_period        period;    /* GWR_PER_YEAR, or GWR_PER_MULTIYEAR for a five-year target (never paired) */
} gwr_cmp_row;

typedef struct gwr_cmp {
    gwr_cmp_row *rows;
    size_t       nrows;
} gwr_cmp;

/* Builds comparison rows over n documents; headline keys first (indicator
 * rank), then by entity, year. Rows point into the docs, which must outlive them. */
gwr_status gwr_compare_build(gwr_cmp *c, gwr_doc *const *docs, size_t n, gwr_err *err);
void       gwr_compare_free(gwr_cmp *c);
/* Verdict of a planned figure against an achieved one (both same indicator/year). */
gwr_verdict gwr_verdict_of(const gwr_figure *planned, const gwr_figure *achieved, const char *key);
const char *gwr_verdict_name(gwr_verdict v);

#endif
