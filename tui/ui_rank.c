/* ui_rank.c — screen 6: one indicator of one year across every loaded
 * entity (core/series.h, gwr_rank_build), highest first. Each row: place,
 * entity, the value as written, its qualifier, the year, a bar (a range is
 * drawn as a range: solid to its low end, shaded to its high end) and the
 * other side (the result against a target, or the target of a result) with
 * its verdict mark. s ranks by the target or by the result, S reverses,
 * +/- change the year, h/l the indicator, Enter opens the figure's report. */
#include "ui_series.h"
#include "indicators.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rk_ind {
    const char  *key;
    gwr_fig_kind kind;
    const char  *unit;
    int          order;
} rk_ind;

typedef struct rk {
    gwr_rank r;
    bool     valid;
    unsigned built_gen;                   /* the timeline it was built over */
    char     key[64], unit[48];
    int      kind, year;
    gwr_fig_status by;
    bool     asc;
} rk;

static rk *st(ui *u)
{
    ui_view *v = &u->views[V_RANK];
    if (!v->data) {
        v->data = calloc(1, sizeof(rk));
        if (v->data) ((rk *)v->data)->by = GWR_ST_PLANNED, ((rk *)v->data)->kind = -1;
    }
    return v->data;
}

void ui_rank_release(ui *u)
{
    rk *k = u->views[V_RANK].data;
    if (!k) return;
    gwr_rank_free(&k->r);
    free(k);
    u->views[V_RANK].data = NULL;
}

static int ind_order(const char *key, gwr_fig_kind kind)
{
    const gwr_indicator *ind = gwr_indicator_by_key(key);
    static const int korder[GWR_FK__COUNT] = { 1, 0, 2, 3, 5, 4 };
    return (ind ? ind->rank : 1000) * 16 + ((unsigned)kind < GWR_FK__COUNT ? korder[kind] : 9);
}

static int cmp_ind(const void *pa, const void *pb)
{
    const rk_ind *a = pa, *b = pb;
    if (a->order != b->order) return a->order < b->order ? -1 : 1;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->unit, b->unit);
}

/* every keyed (indicator, kind, unit) of the timeline, headline order */
static size_t indicators(const gwr_timeline *t, rk_ind **out)
{
    rk_ind *v = calloc(t->nrows ? t->nrows : 1, sizeof *v);
    size_t n = 0;
    *out = v;
    if (!v) return 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].key)
            v[n++] = (rk_ind){ t->rows[i].key, t->rows[i].kind, t->rows[i].unit, ind_order(t->rows[i].key, t->rows[i].kind) };
    qsort(v, n, sizeof *v, cmp_ind);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || cmp_ind(&v[k - 1], &v[i]) != 0) v[k++] = v[i];
    return k;
}

static void rebuild(ui *u, rk *k)
{
    const gwr_timeline *t = ui_timeline_model(u);
    gwr_err err = { 0 };
    gwr_rank_free(&k->r);
    k->valid = false;
    if (!t) return;
    k->built_gen = ui_tl(u)->gen;
    if (!k->key[0]) {                 /* the first headline indicator there is */
        rk_ind *v;
        size_t n = indicators(t, &v);
        if (n) snprintf(k->key, sizeof k->key, "%s", v[0].key), k->kind = -1, k->unit[0] = '\0';
        free(v);
        if (!n) return;
    }
    const char *unit = k->unit[0] ? k->unit : NULL;
    if (gwr_rank_build(&k->r, t, k->key, k->kind, unit, k->year, k->by, k->asc, &err) != GWR_OK &&
        gwr_rank_build(&k->r, t, k->key, k->kind, unit, 0, k->by, k->asc, &err) != GWR_OK) {
        ui_msg(u, true, "%s", err.msg);
        return;
    }
    k->valid = true;
    k->kind = (int)k->r.kind;
    k->year = k->r.year;
    snprintf(k->unit, sizeof k->unit, "%s", k->r.unit);
}

static void open_(ui *u, ui_view *v)
{
    rk *k = st(u);
    if (!k) return;
    const gwr_timeline *t = ui_timeline_model(u);
    if (!k->valid || !t || k->built_gen != ui_tl(u)->gen) rebuild(u, k);
    v->nrows = k->valid ? k->r.nrows : 0;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    if (v->top > v->sel) v->top = v->sel;
    v->dirty = true;
    u->status_dirty = true;
}

void ui_rank_show(ui *u, const char *key, int kind, const char *unit, int year)
{
    rk *k = st(u);
    if (!k) return;
    if (key) {
        snprintf(k->key, sizeof k->key, "%s", key);
        snprintf(k->unit, sizeof k->unit, "%s", unit ? unit : "");
        k->kind = kind;
        k->year = year;
        k->valid = false;
        u->views[V_RANK].sel = u->views[V_RANK].top = 0;
    }
    ui_show(u, SCR_RANK);
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return v->nrows;
}

typedef struct cols { int place, ent, val, qual, year, bar, other; } cols;

static cols layout(int w)
{
    cols c = { .place = 3, .ent = w >= 120 ? 16 : 10, .val = w >= 120 ? 16 : 12, .qual = 7, .year = 4,
               .other = w >= 120 ? 16 : 12 };
    c.bar = w - (c.place + c.ent + c.val + c.qual + c.year + c.other + 2 + 6);
    if (c.bar > 60) c.bar = 60;
    if (c.bar < 0) c.bar = 0;
    return c;
}

static void header(ui *u, ui_view *v)
{
    rk *k = st(u);
    cols c = layout(v->w);
    attr_t a = u->attr[ST_HEADER];
    int x = 0;
    ui_fill(v->win, 0, 0, v->w, a);
    if (!k || !k->valid) return;
    const char *side = k->by == GWR_ST_PLANNED ? "target" : "result", *other = k->by == GWR_ST_PLANNED ? "result" : "target";
    x += ui_put_right(v->win, 0, x, "#", c.place, a) + 1;
    x += ui_puts(v->win, 0, x, "entity", c.ent, a), x = c.place + 1 + c.ent + 1;
    ui_putf(v->win, 0, x, c.val, a, "%s%s", side, k->asc ? "▲" : "▼"), x += c.val + 1;
    ui_puts(v->win, 0, x, "qual", c.qual, a), x += c.qual + 1;
    ui_puts(v->win, 0, x, "year", c.year, a), x += c.year + 1;
    const gwr_rank *r = &k->r;
    ui_putf(v->win, 0, x, c.bar, a, "%s %s%s", r->label ? r->label : r->key,
            r->kind == GWR_FK_GROWTH ? "增速" : r->kind == GWR_FK_DECLINE ? "降幅" : "", r->unit);
    x += c.bar + 1;
    ui_puts(v->win, 0, x, other, c.other, a);
}

static double val(const gwr_figure *f, bool hi)
{
    return gwr_dec_to_double(hi && gwr_fig_qual(f) == GWR_Q_RANGE ? gwr_fig_hi(f) : gwr_fig_value(f));
}

static void bar(ui *u, ui_view *v, int y, int x, int cells, const gwr_figure *f, double max, bool sel)
{
    static const char *const eighth[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
    bool ascii = ui_glyphs_ascii();
    if (!f || max <= 0 || cells < 2 || (gwr_fig_flags(f) & GWR_QF_OVERFLOW)) return;
    double lo = val(f, false), hi = val(f, true);
    bool neg = lo < 0;
    if (neg) lo = -lo, hi = -hi;
    if (hi < lo) hi = lo;
    attr_t a = sel ? u->attr[ST_SELECTED] : u->attr[neg ? ST_FELL : ST_BAR];
    int e = (int)(lo / max * cells * 8 + 0.5), he = (int)(hi / max * cells + 0.5), cx = x;
    if (e > cells * 8) e = cells * 8;
    if (he > cells) he = cells;
    for (int i = 0; i < e / 8; i++) cx += ui_puts(v->win, y, cx, ascii ? "#" : "█", 1, a);
    if (e % 8 && !ascii) cx += ui_puts(v->win, y, cx, eighth[e % 8], 1, a);
    while (cx - x < he) cx += ui_puts(v->win, y, cx, ascii ? "=" : "░", 1, a);
    if (neg) ui_puts(v->win, y, cx, " (below 0)", x + cells - cx, a);
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    rk *k = st(u);
    if (!k || !k->valid || row >= k->r.nrows) return;
    const gwr_rank_row *w = &k->r.rows[row];
    cols c = layout(v->w);
    attr_t base = sel ? u->attr[v->focus ? ST_SELECTED : ST_CURSOR] : u->attr[ST_NORMAL];
    char buf[32];
    int x = 0;
    double max = 0;
    for (size_t i = 0; i < k->r.nrows; i++)
        if (k->r.rows[i].fig && !(gwr_fig_flags(k->r.rows[i].fig) & GWR_QF_OVERFLOW)) {
            double m = val(k->r.rows[i].fig, true), l = val(k->r.rows[i].fig, false);
            if (m < 0) m = -m;
            if (l < 0) l = -l;
            if (m > max) max = m;
            if (l > max) max = l;
        }
    snprintf(buf, sizeof buf, "%d", w->place);
    ui_put_right(v->win, y, x, w->place ? buf : "-", c.place, base), x += c.place + 1;
    ui_puts(v->win, y, x, w->entity, c.ent, base), x += c.ent + 1;
    ui_puts(v->win, y, x, w->fig ? w->fig->written : "(none)", c.val, sel ? base : u->attr[w->fig ? ST_NORMAL : ST_DIM]);
    x += c.val + 1;
    ui_puts(v->win, y, x, w->fig && gwr_fig_qual(w->fig) != GWR_Q_EXACT ? gwr_qual_name(gwr_fig_qual(w->fig)) : "", c.qual, base);
    x += c.qual + 1;
    ui_putf(v->win, y, x, c.year, base, "%d", k->r.year), x += c.year + 1;
    bar(u, v, y, x, c.bar, w->fig, max, sel);
    x += c.bar + 1;
    const gwr_figure *o = k->by == GWR_ST_PLANNED ? w->cell->achieved : w->cell->planned;
    int ow = ui_puts(v->win, y, x, o ? o->written : "", c.other - 2, base);
    if (w->cell->verdict != GWR_V_NONE) {
        attr_t ma;
        const char *m = ui_tl_mark(u, w->cell->verdict, &ma);
        ui_puts(v->win, y, x + ow + 1, m, 1, sel ? base : ma);
    }
}

static void change_year(ui *u, rk *k, int dir)
{
    const gwr_rank *r = &k->r;
    size_t i = 0;
    while (i < r->nyears && r->years[i] != r->year) i++;
    if (i == r->nyears || (dir < 0 && i == 0) || (dir > 0 && i + 1 >= r->nyears)) {
        ui_msg(u, false, "no %s year with a figure of this indicator", dir < 0 ? "earlier" : "later");
        return;
    }
    k->year = r->years[dir < 0 ? i - 1 : i + 1];
    rebuild(u, k);
}

static void change_indicator(ui *u, rk *k, int dir)
{
    rk_ind *v;
    size_t n = indicators(ui_timeline_model(u), &v), i = 0;
    while (i < n && !(strcmp(v[i].key, k->key) == 0 && (int)v[i].kind == k->kind && strcmp(v[i].unit, k->unit) == 0)) i++;
    if (n) {
        i = i == n ? 0 : (i + n + (dir > 0 ? 1 : n - 1)) % n;
        snprintf(k->key, sizeof k->key, "%s", v[i].key);
        snprintf(k->unit, sizeof k->unit, "%s", v[i].unit);
        k->kind = (int)v[i].kind;
        rebuild(u, k);
    }
    free(v);
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    rk *k = st(u);
    if (!k) return false;
    switch (c) {
    case CMD_SORT:
        k->by = k->by == GWR_ST_PLANNED ? GWR_ST_ACHIEVED : GWR_ST_PLANNED;
        rebuild(u, k);
        if (k->valid && (!k->r.nrows || !k->r.rows[0].place)) {   /* none of this side in this year: the usual year */
            k->year = 0;
            rebuild(u, k);
        }
        ui_msg(u, false, "ranked by the %s", k->by == GWR_ST_PLANNED ? "target" : "result");
        break;
    case CMD_SORTREV: k->asc = !k->asc; rebuild(u, k); break;
    case CMD_YEAR_NEXT: change_year(u, k, +1); break;
    case CMD_YEAR_PREV:
    case CMD_COLLAPSE_ALL: change_year(u, k, -1); break;
    case CMD_LEFT: change_indicator(u, k, -1); break;
    case CMD_RIGHT: change_indicator(u, k, +1); break;
    case CMD_ENTER: {
        if (!k->valid || v->sel >= k->r.nrows) return true;
        const gwr_rank_row *w = &k->r.rows[v->sel];
        const gwr_figure *f = w->fig ? w->fig : (w->cell->achieved ? w->cell->achieved : w->cell->planned);
        const gwr_doc *d = w->fig ? w->doc : (w->cell->achieved ? w->cell->adoc : w->cell->pdoc);
        for (size_t i = 0; f && i < u->m.ndocs; i++) {
            if (u->m.docs[i] != d) continue;
            ui_open_doc(u, i);
            ui_show(u, SCR_DOC);
            u->focus = V_DOC;
            u->views[V_DOC].focus = true;
            u->views[V_OUTLINE].focus = false;
            if (!ui_doc_goto_fig(u, f)) ui_msg(u, true, "the sentence of this figure was not found in the text");
            break;
        }
        return true;
    }
    default: return false;
    }
    v->nrows = k->valid ? k->r.nrows : 0;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    if (v->top > v->sel) v->top = v->sel;
    v->dirty = true;
    u->status_dirty = true;
    return true;
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    rk *k = st(u);
    size_t ranked = 0;
    for (size_t i = 0; k && k->valid && i < k->r.nrows; i++) ranked += k->r.rows[i].place > 0;
    snprintf(buf, n, "%zu/%zu  %s %s, %zu ranked", v->nrows ? v->sel + 1 : 0, v->nrows,
             k && k->valid ? k->r.key : "", k && k->valid ? gwr_fig_kind_name(k->r.kind) : "", ranked);
}

const ui_view_ops ui_rank_ops = {
    .name = "rank", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status,
    .empty = "no indicator with a key in the loaded reports (h/l: another indicator)",
};
