/* ui_series.h — screen 5's state, shared by the table (ui_timeline.c) and
 * the pane below it (ui_chart.c): the chart of the selected indicator, or
 * the two sentences of the selected cell. */
#ifndef GWR_UI_SERIES_H
#define GWR_UI_SERIES_H
#include "ui_int.h"

typedef struct tl_line {
    char *s;
    int   style;            /* ST_* */
    int   indent;
} tl_line;

typedef struct tl_state {
    gwr_timeline t;
    bool     built;
    unsigned gen;           /* counts rebuilds: a ranking over an older timeline is stale */
    const gwr_cmp_row *built_rows;
    size_t   built_nrows, built_ndocs;
    size_t   ent;           /* entity shown */
    size_t   for_doc;       /* report whose entity was taken */
    bool     chosen;        /* the entity was picked with [ ] */
    int      year;          /* selected year */
    int      left;          /* first year column shown */
    bool     detail;        /* the lower pane shows the cell's sentences */
    tl_line *lines;
    size_t   nlines;
    int      lines_w;       /* width they were wrapped to */
} tl_state;

/* value scale of a row: 10^exp and the unit written after it (亿元, %, 人) */
typedef struct tl_scale {
    int  exp;
    char unit[48];
} tl_scale;

/* columns of the table (and of the tally line under it) */
typedef struct tl_cols {
    int label, cell, nvis;
} tl_cols;

tl_state              *ui_tl(ui *u);
const gwr_series      *ui_tl_entity(ui *u);
const gwr_series_row  *ui_tl_row(ui *u);
tl_cols                ui_tl_cols(ui *u, int w);
void                   ui_tl_scale(const gwr_timeline *t, const gwr_series_row *r, tl_scale *sc);
/* a figure written compactly in the row's scale: "≈6", "21", "6–6.5", "≥5400" */
void                   ui_tl_value(char *buf, size_t n, const gwr_figure *f, const gwr_series_row *r,
                                   const tl_scale *sc);
/* a figure's value (hi: the top of a range) in the row's scale, for drawing */
double                 ui_tl_num(const gwr_figure *f, const tl_scale *sc, bool hi);
/* the verdict mark (✓ ✗ ?, or M X ? in monochrome and plain ASCII) and its style */
const char            *ui_tl_mark(ui *u, gwr_verdict v, attr_t *a);
void                   ui_tl_free_lines(tl_state *s);
void                   ui_tl_build_lines(ui *u, int w);

#endif
