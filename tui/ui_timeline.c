/* ui_timeline.c — screen 5: one entity's indicators as rows, years as
 * columns. A cell is the target set for year Y (report Y) → the result of Y
 * (reported in Y+1) and a mark: ✓ met, ✗ missed, ? unknown. h/l move the
 * year (the indicator column stays put), [ ] change the entity, Enter shows
 * both sentences in the pane below, r ranks the indicator across entities.
 * The model is core/series.h over the comparison of every loaded report. */
#include "ui_series.h"
#include "ui_wrap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tl_state *ui_tl(ui *u)
{
    ui_view *v = &u->views[V_TIMELINE];
    if (!v->data) v->data = calloc(1, sizeof(tl_state));
    return v->data;
}

void ui_tl_free_lines(tl_state *s)
{
    for (size_t i = 0; i < s->nlines; i++) free(s->lines[i].s);
    free(s->lines);
    s->lines = NULL;
    s->nlines = 0;
    s->lines_w = 0;
}

void ui_timeline_release(ui *u)
{
    tl_state *s = u->views[V_TIMELINE].data;
    if (!s) return;
    ui_tl_free_lines(s);
    gwr_timeline_free(&s->t);
    free(s);
    u->views[V_TIMELINE].data = NULL;
}

const gwr_timeline *ui_timeline_model(ui *u)
{
    tl_state *s = ui_tl(u);
    if (!s) return NULL;
    ui_compare_refresh(u);
    if (!s->built || s->built_rows != u->m.cmp.rows || s->built_nrows != u->m.cmp.nrows || s->built_ndocs != u->m.ndocs) {
        gwr_err err = { 0 };
        gwr_timeline_free(&s->t);
        if (gwr_timeline_build(&s->t, &u->m.cmp, u->m.docs, u->m.ndocs, NULL, &err) != GWR_OK) ui_msg(u, true, "%s", err.msg);
        s->built = true;
        s->gen++;
        s->built_rows = u->m.cmp.rows;
        s->built_nrows = u->m.cmp.nrows;
        s->built_ndocs = u->m.ndocs;
        if (s->ent >= s->t.nents) s->ent = 0;
    }
    return &s->t;
}

const gwr_series *ui_tl_entity(ui *u)
{
    tl_state *s = ui_tl(u);
    return s && s->ent < s->t.nents ? &s->t.ents[s->ent] : NULL;
}

const gwr_series_row *ui_tl_row(ui *u)
{
    const gwr_series *e = ui_tl_entity(u);
    size_t sel = u->views[V_TIMELINE].sel;
    return e && sel < e->n ? &ui_tl(u)->t.rows[e->first + sel] : NULL;
}

bool ui_glyphs_ascii(void)
{
    const char *a = getenv("GWR_ASCII"), *t = getenv("TERM");
    if (a && *a) return true;
    if (!t) return false;
    return strcmp(t, "linux") == 0 || strncmp(t, "vt", 2) == 0 || strcmp(t, "ansi") == 0 || strncmp(t, "cons", 4) == 0;
}

/* ---- values ---------------------------------------------------------------- */

static bool same_unit(const gwr_figure *f, const gwr_series_row *r) { return strcmp(gwr_fig_unit(f), r->unit) == 0; }

/* 万 or 亿 when every value of the row is at least that and is written with
 * at most two decimals in it (5.5万人, 240亿元; but 5527人, 23896元 stay) */
static bool scale_fits(const gwr_dec *v, size_t n, int exp)
{
    for (size_t i = 0; i < n; i++) {
        gwr_dec d = gwr_dec_norm(v[i]);
        double x = gwr_dec_to_double(d);
        if (x < 0) x = -x;
        if (x < (exp == 8 ? 1e8 : 1e4) || d.e < exp - 2) return false;
    }
    return n > 0;
}

void ui_tl_scale(const gwr_timeline *t, const gwr_series_row *r, tl_scale *sc)
{
    gwr_dec v[128];
    size_t n = 0;
    sc->exp = 0;
    for (size_t i = r->first; i < r->first + r->n && n + 4 <= sizeof v / sizeof v[0]; i++) {
        const gwr_figure *fs[2] = { t->cells[i].planned, t->cells[i].achieved };
        for (int k = 0; k < 2; k++) {
            if (!fs[k] || !same_unit(fs[k], r) || (gwr_fig_flags(fs[k]) & GWR_QF_OVERFLOW) || gwr_dec_is_zero(gwr_fig_value(fs[k]))) continue;
            v[n++] = gwr_fig_value(fs[k]);
            if (gwr_fig_qual(fs[k]) == GWR_Q_RANGE) v[n++] = gwr_fig_hi(fs[k]);
        }
    }
    bool rate = strcmp(r->unit, "%") == 0 || strcmp(r->unit, "个百分点") == 0 || strcmp(r->unit, "‰") == 0 ||
                strcmp(r->unit, "倍") == 0;
    if (!rate && scale_fits(v, n, 8)) sc->exp = 8;
    else if (!rate && scale_fits(v, n, 4)) sc->exp = 4;
    snprintf(sc->unit, sizeof sc->unit, "%s%s", sc->exp == 8 ? "亿" : sc->exp == 4 ? "万" : "",
             strcmp(r->unit, "个百分点") == 0 ? "百分点" : r->unit);
}

static void num(char *buf, size_t n, gwr_dec d, int exp)
{
    d.e -= exp;
    gwr_dec_format(d, buf, n);
}

void ui_tl_value(char *buf, size_t n, const gwr_figure *f, const gwr_series_row *r, const tl_scale *sc)
{
    bool ascii = ui_glyphs_ascii();
    char a[48], b[48];
    buf[0] = '\0';
    if (!f) return;
    if (gwr_fig_flags(f) & GWR_QF_OVERFLOW) {
        snprintf(buf, n, "?");
        return;
    }
    if (!same_unit(f, r)) {          /* another unit than the row's: as written */
        snprintf(buf, n, "%s", f->written);
        return;
    }
    num(a, sizeof a, gwr_fig_value(f), sc->exp);
    const char *pre = "";
    switch (gwr_fig_qual(f)) {
    case GWR_Q_ABOUT:   pre = ascii ? "~" : "≈"; break;
    case GWR_Q_ATLEAST: pre = ascii ? ">=" : "≥"; break;
    case GWR_Q_OVER:    pre = ">"; break;
    case GWR_Q_ATMOST:  pre = ascii ? "<=" : "≤"; break;
    case GWR_Q_UNDER:   pre = "<"; break;
    case GWR_Q_RANGE:
        num(b, sizeof b, gwr_fig_hi(f), sc->exp);
        snprintf(buf, n, "%s%s%s", a, ascii ? "-" : "–", b);
        return;
    default: break;
    }
    snprintf(buf, n, "%s%s", pre, a);
}

double ui_tl_num(const gwr_figure *f, const tl_scale *sc, bool hi)
{
    gwr_dec d = hi && gwr_fig_qual(f) == GWR_Q_RANGE ? gwr_fig_hi(f) : gwr_fig_value(f);
    d.e -= sc->exp;
    return gwr_dec_to_double(d);
}

const char *ui_tl_mark(ui *u, gwr_verdict v, attr_t *a)
{
    bool letters = u->mono || ui_glyphs_ascii();
    switch (v) {
    case GWR_V_MET:     *a = u->attr[ST_ROSE]; return letters ? "M" : "✓";
    case GWR_V_MISSED:  *a = u->attr[ST_FELL]; return letters ? "X" : "✗";
    case GWR_V_UNKNOWN: *a = u->attr[ST_HEADING]; return "?";
    default:            *a = u->attr[ST_NORMAL]; return "";
    }
}

/* ---- the table ------------------------------------------------------------- */

static void cell_text(char *buf, size_t n, const gwr_series_cell *c, const gwr_series_row *r, const tl_scale *sc)
{
    char p[64], a[64];
    ui_tl_value(p, sizeof p, c->planned, r, sc);
    ui_tl_value(a, sizeof a, c->achieved, r, sc);
    snprintf(buf, n, "%s%s%s", p, ui_glyphs_ascii() ? "->" : "→", a);
}

/* the label clipped, its kind and unit kept at the right of the column */
static void draw_label(ui_view *v, int y, const gwr_series_row *r, const tl_scale *sc, int cells, attr_t a)
{
    char suf[80];
    snprintf(suf, sizeof suf, "%s%s", r->kind == GWR_FK_GROWTH ? "增速" : r->kind == GWR_FK_DECLINE ? "降幅" : "", sc->unit);
    int sw = ui_width(suf);
    if (sw > cells / 2) sw = cells / 2;
    ui_fill(v->win, y, 0, cells, a);
    ui_puts(v->win, y, 0, r->label, cells - sw - 1, a);
    ui_puts(v->win, y, cells - sw, suf, sw, a);
}

tl_cols ui_tl_cols(ui *u, int w)
{
    tl_cols k = { .label = w >= 120 ? 30 : w >= 100 ? 26 : 22, .cell = 7, .nvis = 1 };
    const gwr_series *e = ui_tl_entity(u);
    const gwr_timeline *t = &ui_tl(u)->t;
    char buf[160];
    for (size_t i = 0; e && i < e->n; i++) {
        const gwr_series_row *r = &t->rows[e->first + i];
        tl_scale sc;
        ui_tl_scale(t, r, &sc);
        for (size_t j = r->first; j < r->first + r->n; j++) {
            cell_text(buf, sizeof buf, &t->cells[j], r, &sc);
            int cw = ui_width(buf) + 2;
            if (cw > k.cell) k.cell = cw;
        }
    }
    if (k.cell > 20) k.cell = 20;
    int rest = w - k.label - 1;
    k.nvis = rest > 0 ? rest / (k.cell + 1) : 0;
    if (k.nvis < 1) k.nvis = 1;
    return k;
}

/* keeps the selected year within the entity's years and in view */
static void clamp_years(ui *u, int nvis)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    if (!e) return;
    if (s->year < e->year_lo || s->year > e->year_hi) {
        s->year = e->year_hi;
        for (int y = e->year_hi; y >= e->year_lo; y--) {     /* the latest year with a verdict */
            int met, judged;
            gwr_series_tally(&s->t, e, y, &met, &judged);
            if (judged) {
                s->year = y;
                break;
            }
        }
    }
    if (s->left < e->year_lo) s->left = e->year_lo;
    if (s->year < s->left) s->left = s->year;
    if (s->year >= s->left + nvis) s->left = s->year - nvis + 1;
    if (s->left + nvis - 1 > e->year_hi) s->left = e->year_hi - nvis + 1;
    if (s->left < e->year_lo) s->left = e->year_lo;
}

static void pick_entity(ui *u)
{
    tl_state *s = ui_tl(u);
    gwr_doc *d = ui_doc(u);
    if (!d || (s->chosen && s->for_doc == u->cur)) return;
    int i = gwr_timeline_find(&s->t, d->entity && *d->entity ? d->entity : d->path);
    if (i >= 0 && (size_t)i != s->ent) {
        s->ent = (size_t)i;
        u->views[V_TIMELINE].sel = u->views[V_TIMELINE].top = 0;
        s->year = 0;
    }
    s->for_doc = u->cur;
    s->chosen = true;
}

static void open_(ui *u, ui_view *v)
{
    if (!ui_timeline_model(u)) return;
    pick_entity(u);
    const gwr_series *e = ui_tl_entity(u);
    v->nrows = e ? e->n : 0;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    if (v->top > v->sel) v->top = v->sel;
    if (v->win) clamp_years(u, ui_tl_cols(u, v->w).nvis);
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    (void)v;
    const gwr_series *e = ui_tl_entity(u);
    return e ? e->n : 0;
}

static void header(ui *u, ui_view *v)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    tl_cols k = ui_tl_cols(u, v->w);
    attr_t a = u->attr[ST_HEADER];
    ui_fill(v->win, 0, 0, v->w, a);
    if (!e) return;
    clamp_years(u, k.nvis);
    ui_putf(v->win, 0, 0, k.label, a, "%s %s", e->entity, s->left > e->year_lo ? (ui_glyphs_ascii() ? "<" : "◀") : "");
    for (int i = 0; i < k.nvis; i++) {
        int y = s->left + i, x = k.label + 1 + i * (k.cell + 1);
        if (y > e->year_hi) break;
        attr_t ya = y == s->year ? (a | A_REVERSE) : a;
        ui_putf(v->win, 0, x, k.cell, ya, "%d", y);
    }
    if (s->left + k.nvis - 1 < e->year_hi) ui_puts(v->win, 0, v->w - 1, ui_glyphs_ascii() ? ">" : "▶", 1, a);
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    if (!e || row >= e->n) return;
    const gwr_series_row *r = &s->t.rows[e->first + row];
    tl_cols k = ui_tl_cols(u, v->w);
    tl_scale sc;
    char buf[160];
    attr_t norm = u->attr[ST_NORMAL], hi = u->attr[v->focus ? ST_SELECTED : ST_CURSOR];
    ui_fill(v->win, y, 0, v->w, norm);
    ui_tl_scale(&s->t, r, &sc);
    draw_label(v, y, r, &sc, k.label, sel ? hi : (r->key ? u->attr[ST_HEADING] : norm));
    for (int i = 0; i < k.nvis; i++) {
        int yr = s->left + i, x = k.label + 1 + i * (k.cell + 1);
        if (yr > e->year_hi) break;
        bool here = sel && yr == s->year;
        if (here) ui_fill(v->win, y, x, k.cell, hi);
        const gwr_series_cell *c = gwr_series_cell_at(&s->t, r, yr);
        if (!c) continue;
        cell_text(buf, sizeof buf, c, r, &sc);
        ui_puts(v->win, y, x, buf, k.cell - 2, here ? hi : norm);
        attr_t ma;
        const char *m = ui_tl_mark(u, c->verdict, &ma);
        if (*m) ui_puts(v->win, y, x + k.cell - 1, m, 1, here ? hi : ma);
    }
}

static void touch_all(ui *u)
{
    u->views[V_TIMELINE].dirty = true;
    if (u->views[V_CHART].win) ui_chart_ops.open(u, &u->views[V_CHART]);
    u->status_dirty = true;
}

static void change_entity(ui *u, int dir)
{
    tl_state *s = ui_tl(u);
    const gwr_series_row *r = ui_tl_row(u);
    ui_view *v = &u->views[V_TIMELINE];
    if (s->t.nents < 2) {
        ui_msg(u, false, "only one entity among the loaded reports");
        return;
    }
    const char *key = r ? r->key : NULL;
    gwr_fig_kind kind = r ? r->kind : GWR_FK_LEVEL;
    s->ent = (s->ent + s->t.nents + (size_t)(dir > 0 ? 1 : s->t.nents - 1)) % s->t.nents;
    s->chosen = true;
    s->detail = false;
    const gwr_series *e = ui_tl_entity(u);
    v->sel = v->top = 0;
    for (size_t i = 0; key && i < e->n; i++) {
        const gwr_series_row *w = &s->t.rows[e->first + i];
        if (w->key && strcmp(w->key, key) == 0 && w->kind == kind) {
            v->sel = i;
            break;
        }
    }
    v->nrows = e->n;
    ui_view_scroll_to(u, v, v->sel, 2);
    u->title_dirty = true;
    touch_all(u);
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    const gwr_series_row *r = ui_tl_row(u);
    if (!e) return false;
    if (s->detail && (c == CMD_UP || c == CMD_DOWN || c == CMD_PGUP || c == CMD_PGDN || c == CMD_TOP || c == CMD_BOTTOM))
        return ui_list_request(u, &u->views[V_CHART], c);
    switch (c) {
    case CMD_LEFT:
    case CMD_RIGHT: {
        /* to the next year that has a figure in this row, else one year */
        int step = c == CMD_LEFT ? -1 : 1, y = s->year + step;
        while (r && y >= e->year_lo && y <= e->year_hi && !gwr_series_cell_at(&s->t, r, y)) y += step;
        if (y < e->year_lo || y > e->year_hi) y = s->year + step;
        if (y < e->year_lo || y > e->year_hi) return true;
        s->year = y;
        clamp_years(u, ui_tl_cols(u, v->w).nvis);
        if (s->detail) ui_tl_free_lines(s);
        touch_all(u);
        return true;
    }
    case CMD_NEXT_DOC: change_entity(u, +1); return true;
    case CMD_PREV_DOC: change_entity(u, -1); return true;
    case CMD_ENTER:
        if (!r || !gwr_series_cell_at(&s->t, r, s->year)) {
            ui_msg(u, false, "no figure of %d in this row", s->year);
            return true;
        }
        s->detail = !s->detail;
        ui_tl_free_lines(s);
        u->views[V_CHART].top = 0;
        touch_all(u);
        return true;
    case CMD_RANK:
        if (!r || !r->key) {
            ui_msg(u, false, "only an indicator with a key (gdp, …) can be ranked");
            return true;
        }
        ui_rank_show(u, r->key, (int)r->kind, r->unit, s->year);
        return true;
    default: return false;
    }
}

static void moved(ui *u, ui_view *v)
{
    (void)v;
    tl_state *s = ui_tl(u);
    if (s->detail) ui_tl_free_lines(s);
    u->views[V_CHART].top = 0;
    if (u->views[V_CHART].win) ui_chart_ops.open(u, &u->views[V_CHART]);
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    tl_state *s = ui_tl(u);
    const gwr_series *e = ui_tl_entity(u);
    if (!e) {
        snprintf(buf, n, "no entity");
        return;
    }
    snprintf(buf, n, "%zu/%zu %s  %d: target (report %d) → result (report %d)", v->nrows ? v->sel + 1 : 0, v->nrows,
             s->t.nents > 1 ? "[ ] entity" : "", s->year, s->year, s->year + 1);
}

bool ui_timeline_close_detail(ui *u)
{
    tl_state *s = u->views[V_TIMELINE].data;
    if (!s || !s->detail) return false;
    s->detail = false;
    ui_tl_free_lines(s);
    touch_all(u);
    return true;
}

int ui_timeline_split(int h)
{
    if (h < 14) return 1;                 /* the tally line only */
    if (h < 30) return 10;
    return h * 2 / 5;
}

const ui_view_ops ui_timeline_ops = {
    .name = "timeline", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status, .moved = moved,
    .empty = "no indicator with a target or a result in the loaded reports",
};
