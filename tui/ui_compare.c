/* ui_compare.c — achieved against planned: one row per indicator (and kind),
 * headline indicators first, as ordered by core/compare.c. Each row shows
 * the latest achieved figure and the latest target, the change between them
 * (percentage points for rates), the verdict where a target meets the result
 * of its own year, and a small bar: achieved rate as a bar, target as │.
 * When one entity has several reports, a row never mixes years: one row per
 * indicator and year, the target of year Y (report Y) beside the result of
 * year Y (report Y+1), the gap between them and the verdict. */
#include "period.h"
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct crow {
    const char       *entity, *label, *group;
    gwr_fig_kind      kind;
    gwr_period        period;    /* a quarter or five years never stand in for the year */
    const gwr_figure *ach, *plan;
    const gwr_doc    *adoc, *pdoc;
    int               ay, py, vyear;
    gwr_verdict       verdict;
} crow;

typedef struct cview {
    crow  *rows;
    size_t n;
    size_t built_ndocs;
    const gwr_cmp_row *built_rows;
    bool   several;       /* more than one entity */
    bool   per_year;      /* some entity has several reports: one row per year */
    double maxabs;        /* largest rate, for the bars */
} cview;

static cview *st(ui_view *v)
{
    if (!v->data) v->data = calloc(1, sizeof(cview));
    return v->data;
}

void ui_compare_release(ui *u)
{
    cview *c = u->views[V_COMPARE].data;
    if (c) {
        free(c->rows);
        free(c);
        u->views[V_COMPARE].data = NULL;
    }
    /* built for the compare screen, or for the timeline without it */
    if (!u->m.cmp_fixed) gwr_compare_free(&u->m.cmp);
}

static bool is_rate(const gwr_figure *f)
{
    return f && strcmp(gwr_fig_unit(f), "%") == 0 &&
           (f->kind == GWR_FK_GROWTH || f->kind == GWR_FK_DECLINE || f->kind == GWR_FK_POINTS);
}

static double signed_rate(const gwr_figure *f)
{
    double x = gwr_dec_to_double(gwr_fig_value(f));
    return f->kind == GWR_FK_DECLINE ? -x : x;
}

static const char *entity_of(const gwr_doc *d) { return d->entity && *d->entity ? d->entity : d->path; }

static bool several_reports(ui *u)
{
    for (size_t i = 0; i < u->m.ndocs; i++)
        for (size_t j = i + 1; j < u->m.ndocs; j++)
            if (strcmp(entity_of(u->m.docs[i]), entity_of(u->m.docs[j])) == 0) return true;
    return false;
}

static void group(ui *u, cview *c)
{
    const gwr_cmp *cmp = &u->m.cmp;
    free(c->rows);
    c->rows = calloc(cmp->nrows ? cmp->nrows : 1, sizeof *c->rows);
    c->n = 0;
    c->several = false;
    c->maxabs = 0;
    if (!c->rows) return;
    c->per_year = several_reports(u);
    for (size_t i = 0; c->per_year && i < cmp->nrows; i++) {
        const gwr_cmp_row *r = &cmp->rows[i];
        const char *ent = r->entity ? r->entity : "";
        if (c->n && strcmp(c->rows[0].entity, ent) != 0) c->several = true;
        c->rows[c->n++] = (crow){ .entity = ent, .label = r->label ? r->label : (r->key ? r->key : ""),
                                  .group = r->key ? r->key : (r->label ? r->label : ""), .kind = r->kind,
                                  .period = (r->achieved ? r->achieved : r->planned)->period, .ach = r->achieved, .plan = r->planned, .adoc = r->doc, .pdoc = r->doc,
                                  .ay = r->year, .py = r->year, .vyear = r->verdict != GWR_V_NONE ? r->year : 0,
                                  .verdict = r->verdict };
    }
    if (c->per_year) goto bars;
    size_t run = 0;    /* first group of the current (entity, key) run */
    for (size_t i = 0; i < cmp->nrows; i++) {
        const gwr_cmp_row *r = &cmp->rows[i];
        if (r->period != GWR_PER_YEAR) continue;   /* a multi-year target never stands for the year's */
        const char *g = r->key ? r->key : (r->label ? r->label : "");
        const char *ent = r->entity ? r->entity : "";
        const gwr_figure *any = r->achieved ? r->achieved : r->planned;
        gwr_period per = any ? any->period : GWR_PER_YEAR;
        if (c->n && strcmp(c->rows[0].entity, ent) != 0) c->several = true;
        crow *w = NULL;
        for (size_t k = run; k < c->n; k++)
            if (c->rows[k].kind == r->kind && c->rows[k].period == per && strcmp(c->rows[k].group, g) == 0 &&
                strcmp(c->rows[k].entity, ent) == 0)
                w = &c->rows[k];
        if (!w) {
            if (c->n && (strcmp(c->rows[c->n - 1].group, g) != 0 || strcmp(c->rows[c->n - 1].entity, ent) != 0))
                run = c->n;
            w = &c->rows[c->n++];
            *w = (crow){ .entity = ent, .label = r->label ? r->label : g, .group = g, .kind = r->kind, .period = per };
        }
        if (r->achieved && r->year >= w->ay) w->ach = r->achieved, w->ay = r->year, w->adoc = r->doc;
        if (r->planned && r->year >= w->py) w->plan = r->planned, w->py = r->year, w->pdoc = r->doc;
        if (r->achieved && r->planned && r->year >= w->vyear) w->verdict = r->verdict, w->vyear = r->year;
    }
bars:
    for (size_t k = 0; k < c->n; k++) {
        const crow *w = &c->rows[k];
        double a = is_rate(w->ach) ? signed_rate(w->ach) : 0, p = is_rate(w->plan) ? signed_rate(w->plan) : 0;
        if (a < 0) a = -a;
        if (p < 0) p = -p;
        if (a > c->maxabs) c->maxabs = a;
        if (p > c->maxabs) c->maxabs = p;
    }
}

void ui_compare_refresh(ui *u)
{
    if (!u->m.cmp_fixed && u->m.cmp_ndocs != u->m.ndocs) {
        gwr_err err = { 0 };
        gwr_compare_free(&u->m.cmp);
        if (gwr_compare_build(&u->m.cmp, u->m.docs, u->m.ndocs, &err) != GWR_OK) ui_msg(u, true, "%s", err.msg);
        u->m.cmp_ndocs = u->m.ndocs;
    }
}

static void open_(ui *u, ui_view *v)
{
    cview *c = st(v);
    if (!c) return;
    ui_compare_refresh(u);
    if (c->built_rows != u->m.cmp.rows || c->built_ndocs != u->m.ndocs || !c->rows) {
        group(u, c);
        c->built_rows = u->m.cmp.rows;
        c->built_ndocs = u->m.ndocs;
        v->top = v->sel = 0;
    }
    v->nrows = c->n;
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return st(v)->n;
}

typedef struct cols { int ent, lab, year, side, chg, ver, bar; } cols;

static cols layout(cview *c, int w)
{
    cols k = { .ent = c->several ? (w >= 100 ? 10 : 8) : 0, .lab = w >= 120 ? 26 : 18, .side = w >= 120 ? 20 : 16, .chg = 8, .ver = w >= 100 ? 12 : 7 };
    if (c->per_year) k.year = 4, k.side = w >= 120 ? 24 : 13;
    int used = (k.ent ? k.ent + 1 : 0) + k.lab + 1 + (k.year ? k.year + 1 : 0) + 2 * (k.side + 1) + k.chg + 1 + k.ver + 1;
    k.bar = w - used;
    if (k.bar > 30) k.bar = 30;
    if (k.bar < 0) k.bar = 0;
    return k;
}

static void header(ui *u, ui_view *v)
{
    cview *c = st(v);
    cols k = layout(c, v->w);
    attr_t a = u->attr[ST_HEADER];
    int x = 0;
    ui_fill(v->win, 0, 0, v->w, a);
    if (k.ent) ui_puts(v->win, 0, x, "entity", k.ent, a), x += k.ent + 1;
    ui_puts(v->win, 0, x, "indicator", k.lab, a), x += k.lab + 1;
    if (c->per_year) {
        /* which year's target meets which year's result */
        ui_puts(v->win, 0, x, "Y", k.year, a), x += k.year + 1;
        ui_puts(v->win, 0, x, k.side >= 20 ? "target of Y (report Y)" : "target of Y", k.side, a), x += k.side + 1;
        ui_puts(v->win, 0, x, k.side >= 20 ? "result of Y (report Y+1)" : "result of Y", k.side, a), x += k.side + 1;
        ui_put_right(v->win, 0, x, "gap", k.chg, a), x += k.chg + 1;
        ui_puts(v->win, 0, x, "verdict", k.ver, a), x += k.ver + 1;
        if (k.bar >= 6) ui_puts(v->win, 0, x, k.bar >= 20 ? "▲█ result │ target" : "▲█ │", k.bar, a);
        return;
    }
    ui_puts(v->win, 0, x, "achieved", k.side, a), x += k.side + 1;
    ui_puts(v->win, 0, x, "planned", k.side, a), x += k.side + 1;
    ui_put_right(v->win, 0, x, "change", k.chg, a), x += k.chg + 1;
    ui_puts(v->win, 0, x, "verdict", k.ver, a), x += k.ver + 1;
    if (k.bar >= 6) ui_puts(v->win, 0, x, k.bar >= 20 ? "▲█ achieved │ target" : k.bar >= 11 ? "▲█ach │plan" : "▲█ │", k.bar, a);
}

/* "2023 6.7%"; a quarter or several years carry their mark: "2023 Q1 4.7%". */
static void side(char *buf, size_t n, int year, const gwr_doc *d, const gwr_figure *f)
{
    char mark[16], y[16] = "";
    if (!f) {
        buf[0] = '\0';
        return;
    }
    gwr_period_mark(d, f, mark, sizeof mark);
    if (year) snprintf(y, sizeof y, "%d ", year);
    snprintf(buf, n, "%s%s%s%s", y, mark, *mark ? " " : "", f->written ? f->written : "");
}

/* per year: how far the result is from the target of the same year */
static void gap(char *buf, size_t n, const crow *w)
{
    gwr_dec d;
    char num[48];
    buf[0] = '\0';
    if (!w->ach || !w->plan || strcmp(gwr_fig_unit(w->ach), gwr_fig_unit(w->plan)) != 0) return;
    if (w->ach->kind != w->plan->kind) return;
    if (!gwr_dec_sub(&d, gwr_fig_value(w->ach), gwr_fig_value(w->plan))) return;
    if (strcmp(gwr_fig_unit(w->ach), "%") == 0 || strcmp(gwr_fig_unit(w->ach), "个百分点") == 0) {
        gwr_dec_format(d, num, sizeof num);
        snprintf(buf, n, "%s%spp", d.m > 0 ? "+" : "", num);
        return;
    }
    double p = gwr_dec_to_double(gwr_fig_value(w->plan));
    if (p != 0) snprintf(buf, n, "%+.1f%%", gwr_dec_to_double(d) * 100.0 / p);
}

static void change(char *buf, size_t n, const crow *w)
{
    buf[0] = '\0';
    /* the move from the last result to the next target: only forward in time */
    if (!w->ach || !w->plan || strcmp(gwr_fig_unit(w->ach), gwr_fig_unit(w->plan)) != 0) return;
    if (w->ach->period != w->plan->period) return;   /* five years' average against one year's target */
    if (w->ay && w->py && w->py <= w->ay) return;
    if (strcmp(gwr_fig_unit(w->ach), "%") == 0) {
        gwr_dec d;
        char num[48];
        if (!gwr_dec_sub(&d, gwr_fig_value(w->plan), gwr_fig_value(w->ach))) return;
        gwr_dec_format(d, num, sizeof num);
        snprintf(buf, n, "%s%spp", d.m > 0 ? "+" : "", num);
        return;
    }
    double a = gwr_dec_to_double(gwr_fig_value(w->ach)), p = gwr_dec_to_double(gwr_fig_value(w->plan));
    if (a == 0) return;
    if (gwr_dec_cmp(gwr_fig_value(w->ach), gwr_fig_value(w->plan)) == 0) {
        snprintf(buf, n, "0%%");
        return;
    }
    snprintf(buf, n, "%+.1f%%", (p - a) * 100.0 / a);
}

static void bar(ui *u, ui_view *v, int y, int x, int cells, const crow *w, cview *c, bool sel)
{
    static const char *const eighth[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
    if (cells < 4 || c->maxabs <= 0 || !(is_rate(w->ach) || is_rate(w->plan))) return;
    cells -= 2;
    if (is_rate(w->ach)) {
        double a = signed_rate(w->ach);
        int e = (int)((a < 0 ? -a : a) / c->maxabs * cells * 8 + 0.5);
        attr_t at = sel ? u->attr[ST_SELECTED] : u->attr[a < 0 ? ST_FELL : ST_ROSE];
        /* the sign in words too, for monochrome terminals: ▲ rose, ▼ fell */
        ui_puts(v->win, y, x, a < 0 ? "▼" : a > 0 ? "▲" : "·", 1, at);
        x++;
        int cx = x;
        for (int i = 0; i < e / 8; i++) cx += ui_puts(v->win, y, cx, "█", 1, at);
        if (e % 8) ui_puts(v->win, y, cx, eighth[e % 8], 1, at);
    }
    if (is_rate(w->plan)) {
        double p = signed_rate(w->plan);
        int px = (int)((p < 0 ? -p : p) / c->maxabs * cells + 0.5);
        if (px > cells) px = cells;
        if (!is_rate(w->ach)) x++;
        ui_puts(v->win, y, x + px, "│", 1, sel ? u->attr[ST_SELECTED] : u->attr[ST_HEADING]);
    }
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    cview *c = st(v);
    const crow *w = &c->rows[row];
    cols k = layout(c, v->w);
    attr_t base = sel ? u->attr[ST_SELECTED] : u->attr[ST_NORMAL];
    char buf[128];
    int x = 0;
    if (k.ent) ui_puts(v->win, y, x, w->entity, k.ent, base), x += k.ent + 1;
    ui_puts(v->win, y, x, w->label, k.lab, base), x += k.lab + 1;
    if (c->per_year) {
        ui_putf(v->win, y, x, k.year, base, "%d", w->ay), x += k.year + 1;
        ui_puts(v->win, y, x, w->plan ? w->plan->written : "", k.side, sel ? base : u->attr[ST_PLANNED]), x += k.side + 1;
        ui_puts(v->win, y, x, w->ach ? w->ach->written : "", k.side, sel ? base : u->attr[ST_ACHIEVED]), x += k.side + 1;
        gap(buf, sizeof buf, w);
        ui_put_right(v->win, y, x, buf, k.chg, base), x += k.chg + 1;
        attr_t pa = base;
        if (!sel && w->verdict == GWR_V_MET) pa = u->attr[ST_ROSE];
        if (!sel && w->verdict == GWR_V_MISSED) pa = u->attr[ST_FELL];
        ui_puts(v->win, y, x, gwr_verdict_name(w->verdict), k.ver, pa), x += k.ver + 1;
        bar(u, v, y, x, k.bar, w, c, sel);
        return;
    }
    side(buf, sizeof buf, w->ay, w->adoc, w->ach);
    ui_puts(v->win, y, x, buf, k.side, sel ? base : u->attr[ST_ACHIEVED]), x += k.side + 1;
    side(buf, sizeof buf, w->py, w->pdoc, w->plan);
    ui_puts(v->win, y, x, buf, k.side, sel ? base : u->attr[ST_PLANNED]), x += k.side + 1;
    change(buf, sizeof buf, w);
    ui_put_right(v->win, y, x, buf, k.chg, base), x += k.chg + 1;
    attr_t va = base;
    if (!sel && w->verdict == GWR_V_MET) va = u->attr[ST_ROSE];
    if (!sel && w->verdict == GWR_V_MISSED) va = u->attr[ST_FELL];
    buf[0] = '\0';
    if (w->vyear && w->verdict != GWR_V_NONE) {
        if (w->vyear != w->ay) snprintf(buf, sizeof buf, "%s %d", gwr_verdict_name(w->verdict), w->vyear);
        else snprintf(buf, sizeof buf, "%s", gwr_verdict_name(w->verdict));
    }
    ui_puts(v->win, y, x, buf, k.ver, va), x += k.ver + 1;
    bar(u, v, y, x, k.bar, w, c, sel);
}

static bool request(ui *u, ui_view *v, ui_cmd cmd)
{
    cview *c = st(v);
    if (cmd == CMD_RANK && v->sel < c->n) {
        const crow *w = &c->rows[v->sel];
        const gwr_figure *f = w->plan ? w->plan : w->ach;
        if (!f || !f->key) ui_msg(u, false, "only an indicator with a key (gdp, …) can be ranked");
        else ui_rank_show(u, f->key, (int)w->kind, NULL, w->plan ? w->py : w->ay);
        return true;
    }
    if (cmd != CMD_ENTER || v->sel >= c->n) return false;
    const crow *w = &c->rows[v->sel];
    const gwr_figure *f = w->ach ? w->ach : w->plan;
    const gwr_doc *d = w->ach ? w->adoc : w->pdoc;
    for (size_t i = 0; f && i < u->m.ndocs; i++) {
        if (u->m.docs[i] != d) continue;
        ui_open_doc(u, i);
        ui_show(u, SCR_DOC);
        u->focus = V_DOC;
        u->views[V_DOC].focus = true;
        u->views[V_OUTLINE].focus = false;
        if (!ui_doc_goto_fig(u, f)) ui_msg(u, true, "the sentence of this figure was not found in the text");
    }
    return true;
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    (void)u;
    if (st(v)->per_year)
        snprintf(buf, n, "row %zu/%zu  target of Y: report Y; result of Y: report Y+1", v->nrows ? v->sel + 1 : 0, v->nrows);
    else
        snprintf(buf, n, "indicator %zu/%zu", v->nrows ? v->sel + 1 : 0, v->nrows);
}

const ui_view_ops ui_compare_ops = {
    .name = "compare", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status,
    .empty = "no indicator with an achieved or planned figure",
};
