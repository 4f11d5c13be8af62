/* ui_chart.c — the pane under screen 5's table. Its first line is the tally
 * of each year column ("3 of 5" targets met). Below it, the selected
 * indicator as a chart: the result of each year a bar (eighth blocks; a bar
 * is green when the target was met, red when missed), the target a line
 * across it (drawn in reverse where it crosses the bar), a value axis on the
 * left, the years underneath and the values written under the years. With
 * GWR_ASCII or a terminal without block elements: # bars, - targets.
 * After Enter it shows the selected cell's two sentences instead. Sizes come
 * from the window, so a resize redraws it to fit. */
#include "ui_series.h"
#include "ui_wrap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chart {
    const gwr_series     *e;
    const gwr_series_row *r;
    tl_scale sc;
    int    y0, ny;          /* years shown */
    int    ax, cw, bw;      /* axis width, slot width, bar width */
    int    ph;              /* plot rows */
    int    off;             /* rows left empty above the plot: each step takes the same rows */
    double lo, hi, step;
    int    decimals;
    bool   ascii;
} chart;

enum { TOP = 2, BELOW = 3 };   /* lines above the plot (tally, title) and below (years, target, result) */

static bool val_of(const gwr_figure *f, const chart *c, bool hi, double *out)
{
    if (!f || strcmp(gwr_fig_unit(f), c->r->unit) != 0 || (gwr_fig_flags(f) & (GWR_QF_OVERFLOW | GWR_QF_RATIO))) return false;
    *out = ui_tl_num(f, &c->sc, hi);
    return true;
}

static double nice_step(double raw, int *decimals)
{
    double mag = 1;
    *decimals = 0;
    if (raw <= 0) return 1;
    while (mag * 10 <= raw) mag *= 10;
    while (mag > raw) mag /= 10, (*decimals)++;
    static const double mult[] = { 1, 2, 2.5, 5, 10 };
    for (size_t i = 0; i < sizeof mult / sizeof mult[0]; i++)
        if (mag * mult[i] >= raw) {
            if (mult[i] == 2.5) (*decimals)++;
            if (mult[i] == 10 && *decimals) (*decimals)--;
            return mag * mult[i];
        }
    return mag * 10;
}

static double floor_to(double x, double step)
{
    long long k = (long long)(x / step);
    if (k * step > x) k--;
    return (double)k * step;
}

static bool layout(ui *u, ui_view *v, chart *c)
{
    tl_state *s = ui_tl(u);
    memset(c, 0, sizeof *c);
    c->e = ui_tl_entity(u);
    c->r = ui_tl_row(u);
    c->ascii = ui_glyphs_ascii();
    if (!c->e || !c->r) return false;
    ui_tl_scale(&s->t, c->r, &c->sc);
    c->ph = v->h - TOP - BELOW;
    double mn = 0, mx = 0, x;
    for (size_t i = c->r->first; i < c->r->first + c->r->n; i++) {
        const gwr_series_cell *cell = &s->t.cells[i];
        for (int h = 0; h < 2; h++) {
            if (val_of(cell->achieved, c, h, &x)) mn = x < mn ? x : mn, mx = x > mx ? x : mx;
            if (val_of(cell->planned, c, h, &x)) mn = x < mn ? x : mn, mx = x > mx ? x : mx;
        }
    }
    int rows = c->ph > 1 ? c->ph : 1;
    /* the finest round step that gives each row at most one tick */
    double raw = (mx - mn) / rows;
    for (int i = 0; i < 8; i++) {
        c->step = nice_step(raw, &c->decimals);
        c->lo = floor_to(mn, c->step);
        c->hi = -floor_to(-mx, c->step);
        if (c->hi <= c->lo) c->hi = c->lo + c->step;
        if ((c->hi - c->lo) / c->step <= rows + 1e-9) break;
        raw = c->step * 1.01;
    }
    /* a whole number of rows per step, so that ticks fall on cell edges */
    int m = (int)((c->hi - c->lo) / c->step + 0.5);
    if (m < 1) m = 1;
    int per = rows / m > 0 ? rows / m : 1;
    c->off = rows - m * per > 0 ? rows - m * per : 0;
    c->ph = rows - c->off;
    /* axis labels: the widest tick */
    char buf[64];
    c->ax = 9;
    for (double t = c->lo; t <= c->hi + c->step / 2; t += c->step) {
        int w = snprintf(buf, sizeof buf, "%.*f", c->decimals, t) + 2;
        if (w > c->ax) c->ax = w;
    }
    int room = v->w - c->ax;
    int span = c->e->year_hi - c->e->year_lo + 1;
    c->cw = span > 0 ? room / span : room;
    if (c->cw > 14) c->cw = 14;
    c->ny = span;
    c->y0 = c->e->year_lo;
    if (c->cw < 5) {             /* too many years: a window around the selected one */
        c->cw = 5;
        c->ny = room / 5;
        if (c->ny < 1) c->ny = 1;
        c->y0 = s->year - c->ny / 2;
        if (c->y0 + c->ny - 1 > c->e->year_hi) c->y0 = c->e->year_hi - c->ny + 1;
        if (c->y0 < c->e->year_lo) c->y0 = c->e->year_lo;
    }
    c->bw = c->cw >= 7 ? c->cw - 4 : c->cw - 3;
    if (c->bw < 1) c->bw = 1;
    return true;
}

/* ---- plot ------------------------------------------------------------------- */

static const char *bar_cell(const chart *c, double val, int row, bool *full)
{
    static const char *const lower[9] = { "", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
    double u = (c->hi - c->lo) / c->ph, b = c->hi - row * u, a = b - u;
    double base = 0 < c->lo ? c->lo : 0 > c->hi ? c->hi : 0;
    double top = val > base ? val : base, bot = val > base ? base : val;
    double cov = (top < b ? top : b) - (bot > a ? bot : a);
    int k = cov <= 0 ? 0 : (int)(cov / u * 8 + 0.5);
    if (k > 8) k = 8;
    *full = k == 8;
    if (!k) return "";
    if (c->ascii) return k >= 4 ? "#" : "";
    if (val >= base) return lower[k];
    return k >= 6 ? "█" : k >= 3 ? "▀" : "▔";     /* below zero: hangs from the top of the cell */
}

/* the target line in a row: which glyph, or NULL when it is not in this row */
static const char *marker(const chart *c, double t, int row)
{
    double u = (c->hi - c->lo) / c->ph, b = c->hi - row * u, a = b - u;
    if (t < a - 1e-9 || t > b + 1e-9) return NULL;
    if (row < c->ph - 1 && t <= a + 1e-9) return NULL;   /* on the boundary: the row below draws it */
    double f = (t - a) / u;
    if (c->ascii) return "-";
    return f < 0.34 ? "▁" : f > 0.66 ? "▔" : "─";
}

static int slot_x(const chart *c, int i) { return c->ax + i * c->cw + 1; }

static void plot_row(ui *u, ui_view *v, int y, int row, const chart *c)
{
    tl_state *s = ui_tl(u);
    char buf[64];
    /* axis: a label on the row holding a tick */
    double uu = (c->hi - c->lo) / c->ph, b = c->hi - row * uu, a = b - uu;
    const char *tickc = c->ascii ? "|" : "│";
    for (double t = c->lo + c->step; t <= c->hi + c->step / 2; t += c->step) {
        /* a tick labels the row whose top edge it is; the lowest one is on the axis line */
        if (t > a + uu / 2 && t <= b + 1e-9) {
            snprintf(buf, sizeof buf, "%.*f", c->decimals, t);
            ui_put_right(v->win, y, 0, buf, c->ax - 2, u->attr[ST_DIM]);
            tickc = c->ascii ? "+" : "┤";
            break;
        }
    }
    ui_puts(v->win, y, c->ax - 1, tickc, 1, u->attr[ST_DIM]);
    for (int i = 0; i < c->ny; i++) {
        const gwr_series_cell *cell = gwr_series_cell_at(&s->t, c->r, c->y0 + i);
        if (!cell) continue;
        int x = slot_x(c, i);
        double val, t;
        bool full = false;
        const char *g = "";
        int bs = cell->verdict == GWR_V_MET ? ST_ROSE : cell->verdict == GWR_V_MISSED ? ST_FELL : ST_BAR;
        if (val_of(cell->achieved, c, false, &val)) {
            g = bar_cell(c, val, row, &full);
            for (int k = 0; *g && k < c->bw; k++) ui_puts(v->win, y, x + k, g, 1, u->attr[bs]);
        }
        for (int h = 0; h < 2; h++) {
            if (!val_of(cell->planned, c, h == 1, &t)) continue;
            if (h == 1 && gwr_fig_qual(cell->planned) != GWR_Q_RANGE) continue;
            const char *m = marker(c, t, row);
            if (!m) continue;
            /* over a partly filled cell of the bar the bar stays: the line shows beside it */
            for (int k = *g && !full ? c->bw : 0; k <= c->bw; k++) {
                bool in = full && k < c->bw;
                ui_puts(v->win, y, x + k, in && c->ascii ? "=" : m, 1, in ? (u->attr[bs] | A_REVERSE) : u->attr[ST_TARGET]);
            }
        }
    }
}

static void years_row(ui *u, ui_view *v, int y, const chart *c)
{
    tl_state *s = ui_tl(u);
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", c->decimals, c->lo);
    ui_put_right(v->win, y, 0, buf, c->ax - 2, u->attr[ST_DIM]);
    ui_puts(v->win, y, c->ax - 1, c->ascii ? "+" : "┼", 1, u->attr[ST_DIM]);
    for (int i = 0; i < c->ny; i++) {
        int yr = c->y0 + i, x = slot_x(c, i);
        attr_t a = yr == s->year ? (u->attr[ST_HEADING] | A_REVERSE) : u->attr[ST_HEADING];
        ui_putf(v->win, y, x, c->cw - 1, a, c->cw >= 5 ? "%d" : "'%02d", c->cw >= 5 ? yr : yr % 100);
    }
}

static void values_row(ui *u, ui_view *v, int y, const chart *c, bool target)
{
    tl_state *s = ui_tl(u);
    char buf[64];
    ui_puts(v->win, y, 0, target ? (c->ascii ? "target -" : "target ─") : (c->ascii ? "result #" : "result █"),
            c->ax - 1, u->attr[target ? ST_TARGET : ST_BAR]);
    for (int i = 0; i < c->ny; i++) {
        const gwr_series_cell *cell = gwr_series_cell_at(&s->t, c->r, c->y0 + i);
        if (!cell) continue;
        int x = slot_x(c, i);
        ui_tl_value(buf, sizeof buf, target ? cell->planned : cell->achieved, c->r, &c->sc);
        int w = ui_puts(v->win, y, x, buf, c->cw - (target ? 1 : 2), u->attr[ST_NORMAL]);
        if (!target && cell->verdict != GWR_V_NONE) {
            attr_t ma;
            const char *m = ui_tl_mark(u, cell->verdict, &ma);
            ui_puts(v->win, y, x + w, m, 1, ma);
        }
    }
}

static void tally_row(ui *u, ui_view *v, int y)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    tl_cols k = ui_tl_cols(u, v->w);
    attr_t a = u->attr[ST_HEADING];
    if (!e) return;
    ui_puts(v->win, y, 0, "targets met", k.label, a);
    for (int i = 0; i < k.nvis; i++) {
        int yr = s->left + i, met, judged;
        if (yr > e->year_hi) break;
        gwr_series_tally(&s->t, e, yr, &met, &judged);
        if (judged) ui_putf(v->win, y, k.label + 1 + i * (k.cell + 1), k.cell, a, "%d of %d", met, judged);
    }
}

/* ---- the cell's sentences ------------------------------------------------------ */

static void add_line(tl_state *s, const char *text, size_t len, int style, int indent)
{
    tl_line *nl = realloc(s->lines, (s->nlines + 1) * sizeof *nl);
    if (!nl) return;
    s->lines = nl;
    char *c = malloc(len + 1);
    if (!c) return;
    memcpy(c, text, len);
    c[len] = '\0';
    s->lines[s->nlines++] = (tl_line){ c, style, indent };
}

static void add_side(tl_state *s, const gwr_figure *f, const gwr_doc *d, int year, bool target, int w)
{
    char buf[1024];
    int n;
    if (!f) {
        n = snprintf(buf, sizeof buf, target ? "No target for %d in the loaded reports." : "No result of %d in the loaded reports.", year);
        add_line(s, buf, (size_t)n, ST_DIM, 0);
        return;
    }
    n = snprintf(buf, sizeof buf, "%s %d: %s — %d report, %s:%u", target ? "Target for" : "Result of", year, f->written,
                 d ? d->report_year : 0, d ? d->path : "?", f->line);
    add_line(s, buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1), target ? ST_TARGET : ST_HEADING, 0);
    ui_lines l = { 0 };
    const char *t = gwr_fig_sentence(d, f) ? gwr_fig_sentence(d, f) : "";
    if (ui_wrap_para(&l, t, 0, (uint32_t)strlen(t), w - 2 > 10 ? w - 2 : 10, 0) == 0)
        for (size_t i = 0; i < l.n; i++) add_line(s, t + l.v[i].off, l.v[i].len, ST_NORMAL, 2);
    ui_lines_free(&l);
}

void ui_tl_build_lines(ui *u, int w)
{
    tl_state *s = ui_tl(u);
    const gwr_series_row *r = ui_tl_row(u);
    ui_tl_free_lines(s);
    s->lines_w = w;
    const gwr_series_cell *c = r ? gwr_series_cell_at(&s->t, r, s->year) : NULL;
    if (!c) return;
    add_side(s, c->planned, c->pdoc, s->year, true, w);
    add_side(s, c->achieved, c->adoc, s->year, false, w);
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s%s   (Esc closes, j/k scroll)", c->verdict != GWR_V_NONE ? "Verdict: " : "",
                     c->verdict != GWR_V_NONE ? gwr_verdict_name(c->verdict) : "No verdict: one side only.");
    add_line(s, buf, (size_t)n, ST_DIM, 0);
}

/* ---- the pane ------------------------------------------------------------------- */

static void open_(ui *u, ui_view *v)
{
    tl_state *s = ui_tl(u);
    if (s && s->detail) {
        if (!s->lines || s->lines_w != v->w) ui_tl_build_lines(u, v->w);
        v->nrows = s->nlines;
    } else {
        v->nrows = (size_t)v->h;
        v->top = 0;
    }
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    open_(u, v);
    return v->nrows;
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    (void)sel;
    tl_state *s = ui_tl(u);
    chart c;
    if (!s) return;
    if (s->detail) {
        if (!s->lines || s->lines_w != v->w) {
            ui_tl_build_lines(u, v->w);
            v->nrows = s->nlines;
        }
        if (row < s->nlines)
            ui_puts(v->win, y, s->lines[row].indent, s->lines[row].s, v->w - s->lines[row].indent, u->attr[s->lines[row].style]);
        return;
    }
    if (row == 0) {
        tally_row(u, v, y);
        return;
    }
    if (!layout(u, v, &c)) return;
    if (row == 1) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s %s%s%s", c.r->label,
                 c.r->kind == GWR_FK_GROWTH ? "增速 " : c.r->kind == GWR_FK_DECLINE ? "降幅 " : "", c.sc.unit,
                 c.ascii ? "   # result  - target" : "   █ result (green met, red missed)  ─ target");
        ui_puts(v->win, y, 0, buf, v->w, u->attr[ST_HEADING]);
        return;
    }
    if (c.ph < 2) return;
    int pr = (int)row - TOP - c.off;
    if (pr < 0) ui_puts(v->win, y, c.ax - 1, c.ascii ? "|" : "│", 1, u->attr[ST_DIM]);
    else if (pr < c.ph) plot_row(u, v, y, pr, &c);
    else if (pr == c.ph) years_row(u, v, y, &c);
    else if (pr == c.ph + 1) values_row(u, v, y, &c, true);
    else if (pr == c.ph + 2) values_row(u, v, y, &c, false);
}

const ui_view_ops ui_chart_ops = {
    .name = "chart", .open = open_, .rows = rows, .draw_row = draw_row,
};
