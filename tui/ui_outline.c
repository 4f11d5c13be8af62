/* ui_outline.c — the section tree pane: parts, sections, items and topic
 * paragraphs of the current report; h/l or Left/Right collapse and expand;
 * moving the selection shows that section in the document pane. The main
 * targets paragraph (主要预期目标) is marked so it is easy to find. The
 * titles that match the search (`/`, literally or as pinyin: core/pinyin.h)
 * are highlighted, and n/N with the outline pane focused go to the next or
 * previous matching section (folded sections opened). */
#include "ui_int.h"
#include "pinyin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct outline {
    size_t   doc;
    bool     valid;
    bool    *open;       /* per node */
    bool    *kids;       /* per node: has shown children */
    int32_t *rows;       /* shown nodes in order */
    size_t   nrows;
    /* title search */
    gwr_pq  *pq;
    char     q[256];
    size_t   qdoc;
    int32_t *match;      /* nodes whose title matches, in order */
    size_t   nmatch, mcur;
} outline;

static outline *st(ui_view *v)
{
    if (!v->data) v->data = calloc(1, sizeof(outline));
    return v->data;
}

static bool shown_kind(gwr_node_kind k)
{
    return k == GWR_NODE_PART || k == GWR_NODE_SECTION || k == GWR_NODE_ITEM ||
           k == GWR_NODE_TOPIC || k == GWR_NODE_TARGETS;
}

static void add_rows(outline *o, const gwr_doc *d, int32_t n)
{
    for (int32_t c = d->nodes[n].first_child; c >= 0 && (size_t)c < d->nnodes; c = d->nodes[c].next_sibling) {
        if (!shown_kind(d->nodes[c].kind)) continue;
        o->rows[o->nrows++] = c;
        if (o->open[c]) add_rows(o, d, c);
    }
}

static void rebuild_rows(ui *u, ui_view *v)
{
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    int32_t keep = (o->nrows && v->sel < o->nrows) ? o->rows[v->sel] : -1;
    o->nrows = 0;
    if (d && d->nnodes) add_rows(o, d, 0);
    v->nrows = o->nrows;
    if (keep >= 0)
        for (size_t i = 0; i < o->nrows; i++)
            if (o->rows[i] == keep) v->sel = i;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    v->dirty = true;
    u->status_dirty = true;      /* "section i/n" changes with the rows */
}

void ui_outline_release(ui *u)
{
    outline *o = u->views[V_OUTLINE].data;
    if (!o) return;
    free(o->open);
    free(o->kids);
    free(o->rows);
    free(o->match);
    gwr_pq_free(o->pq);
    free(o);
    u->views[V_OUTLINE].data = NULL;
}

static void open_(ui *u, ui_view *v)
{
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    if (!o) return;
    if (o->valid && d && o->doc == u->cur) {
        rebuild_rows(u, v);
        return;
    }
    free(o->open);
    free(o->kids);
    free(o->rows);
    o->open = o->kids = NULL;
    o->rows = NULL;
    o->nrows = 0;
    o->valid = false;
    v->top = v->sel = 0;
    v->nrows = 0;
    v->dirty = true;
    if (!d || !d->nnodes) return;
    o->open = calloc(d->nnodes, sizeof *o->open);
    o->kids = calloc(d->nnodes, sizeof *o->kids);
    o->rows = calloc(d->nnodes, sizeof *o->rows);
    if (!o->open || !o->kids || !o->rows) return;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if (shown_kind(n->kind) && n->parent >= 0 && (size_t)n->parent < d->nnodes)
            o->kids[n->parent] = true;
        /* the top level (parts, or sections when there are no parts) starts open */
        o->open[i] = n->parent == 0;
    }
    o->doc = u->cur;
    o->valid = true;
    rebuild_rows(u, v);
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return st(v)->nrows;
}

static void find_titles(ui *u, outline *o);

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    int32_t n = o->rows[row];
    const gwr_node *nd = &d->nodes[n];
    attr_t a = sel ? (v->focus ? u->attr[ST_SELECTED] : u->attr[ST_CURSOR]) : u->attr[ST_NORMAL];
    int w = v->w;
    int x = (nd->depth > 1 ? nd->depth - 1 : 0) * 2;
    if (x > w / 2) x = w / 2;
    const char *mark = o->kids[n] ? (o->open[n] ? "▾ " : "▸ ") : "  ";
    if (nd->kind == GWR_NODE_TARGETS) mark = "◎ ";
    x += ui_puts(v->win, y, x, mark, w - x, a);
    attr_t ta = a;
    if (!sel && nd->kind == GWR_NODE_TARGETS) ta = u->attr[ST_TARGETS];
    else if (!sel && nd->kind == GWR_NODE_PART) ta = u->attr[ST_HEADING];
    const char *t = nd->title && *nd->title ? nd->title : gwr_node_kind_name(nd->kind);
    if (u->search[0] && (!o->pq || strcmp(o->q, u->search) != 0 || o->qdoc != u->cur)) find_titles(u, o);
    if (!u->search[0] || !o->pq || sel) {
        ui_puts(v->win, y, x, t, w - x, ta);
        return;
    }
    size_t len = strlen(t), at = 0;
    gwr_pq_match m;
    while (x < w && at < len && gwr_pq_next(o->pq, t, len, at, &m) && m.end > m.start) {
        size_t off[2] = { at, m.start }, cnt[2] = { m.start - at, m.end - m.start };
        attr_t pa[2] = { ta, u->attr[ST_MATCH] };
        for (int k = 0; k < 2; k++) {       /* a piece drawn whole, or cut and nothing after it */
            if (!cnt[k]) continue;
            int before = x;
            x += ui_put(v->win, y, x, t + off[k], cnt[k], w - x, pa[k]);
            if (x - before < ui_width_n(t + off[k], cnt[k])) return;
        }
        at = m.end;
    }
    if (x < w && at < len) ui_put(v->win, y, x, t + at, len - at, w - x, ta);
}

static void show_selected(ui *u, ui_view *v);

/* Section titles matching u->search, in document order. */
static void find_titles(ui *u, outline *o)
{
    gwr_doc *d = ui_doc(u);
    o->nmatch = o->mcur = 0;
    snprintf(o->q, sizeof o->q, "%s", u->search);
    o->qdoc = u->cur;
    gwr_pq_free(o->pq);
    o->pq = u->search[0] ? gwr_pq_new(u->search) : NULL;
    if (!o->pq || !d) return;
    int32_t *nm = realloc(o->match, (d->nnodes ? d->nnodes : 1) * sizeof *nm);
    if (!nm) return;
    o->match = nm;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        gwr_pq_match m;
        if (shown_kind(n->kind) && n->title && gwr_pq_best(o->pq, n->title, strlen(n->title), &m))
            o->match[o->nmatch++] = (int32_t)i;
    }
}

void ui_outline_search(ui *u, int dir, bool from_here)
{
    ui_view *v = &u->views[V_OUTLINE];
    outline *o = st(v);
    if (!o) return;
    if (from_here || strcmp(o->q, u->search) != 0 || o->qdoc != u->cur) find_titles(u, o);
    v->dirty = true;
    u->status_dirty = true;
    if (!u->search[0]) return;
    if (!o->nmatch) {
        ui_msg(u, true, "no section title matches %s", u->search);
        return;
    }
    if (from_here) {
        int32_t here = ui_outline_node(u);
        o->mcur = 0;
        while (o->mcur < o->nmatch && o->match[o->mcur] < here) o->mcur++;
        if (o->mcur == o->nmatch) o->mcur = 0;
    } else if (dir > 0) {
        o->mcur = o->mcur + 1 < o->nmatch ? o->mcur + 1 : 0;
    } else {
        o->mcur = o->mcur > 0 ? o->mcur - 1 : o->nmatch - 1;
    }
    ui_outline_goto_node(u, o->match[o->mcur]);
    show_selected(u, v);
}

size_t ui_outline_matches(ui *u, size_t *cur)
{
    outline *o = st(&u->views[V_OUTLINE]);
    *cur = o && o->nmatch ? o->mcur + 1 : 0;
    return o ? o->nmatch : 0;
}

static void header(ui *u, ui_view *v) { (void)u; (void)v; }
static void show_selected(ui *u, ui_view *v);

int32_t ui_outline_node(ui *u)
{
    ui_view *v = &u->views[V_OUTLINE];
    outline *o = st(v);
    return o && v->sel < o->nrows ? o->rows[v->sel] : -1;
}

static void show_selected(ui *u, ui_view *v)
{
    int32_t n = ui_outline_node(u);
    gwr_doc *d = ui_doc(u);
    (void)v;
    if (u->syncing || n < 0 || !d) return;
    u->syncing = true;
    ui_doc_goto(u, d->nodes[n].body_off, 0);
    u->syncing = false;
}

/* Opens every node (how 1) or closes all but the top level (how 0). The
 * selection stays on the selected node, or on the top-level node holding it
 * when that is folded away, and the document shows it. */
static void set_open(ui *u, ui_view *v, int how)
{
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    if (!d || !o->open) return;
    int32_t n = ui_outline_node(u), keep = n;
    if (how == 0)
        while (keep > 0 && d->nodes[keep].parent > 0) keep = d->nodes[keep].parent;
    for (size_t i = 1; i < d->nnodes; i++) o->open[i] = how != 0;
    rebuild_rows(u, v);
    size_t row = v->sel;
    for (size_t i = 0; keep >= 0 && i < o->nrows; i++)
        if (o->rows[i] == keep) row = i;
    ui_view_scroll_to(u, v, row, 2);
    if (keep != n) show_selected(u, v);
}

/* Selects the deepest shown node holding node n (opening its ancestors). */
void ui_outline_goto_node(ui *u, int32_t n)
{
    ui_view *v = &u->views[V_OUTLINE];
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    if (!d || !o->open || n < 0 || (size_t)n >= d->nnodes) return;
    for (int32_t p = d->nodes[n].parent; p > 0; p = d->nodes[p].parent) o->open[p] = true;
    rebuild_rows(u, v);
    for (int32_t m = n; m > 0; m = d->nodes[m].parent)
        for (size_t i = 0; i < o->nrows; i++)
            if (o->rows[i] == m) {
                ui_view_scroll_to(u, v, i, 2);
                return;
            }
}

/* Selects the deepest shown node holding node n, opening nothing: the
 * outline follows the document without unfolding what the user folded. */
void ui_outline_follow(ui *u, int32_t n)
{
    ui_view *v = &u->views[V_OUTLINE];
    outline *o = st(v);
    gwr_doc *d = ui_doc(u);
    if (!d || !o->open || n < 0 || (size_t)n >= d->nnodes) return;
    for (int32_t m = n; m > 0; m = d->nodes[m].parent)
        for (size_t i = 0; i < o->nrows; i++)
            if (o->rows[i] == m) {
                ui_view_scroll_to(u, v, i, 2);
                return;
            }
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    outline *o = st(v);
    int32_t n = ui_outline_node(u);
    gwr_doc *d = ui_doc(u);
    switch (c) {
    case CMD_LEFT:
        if (n >= 0 && o->kids[n] && o->open[n]) {
            o->open[n] = false;
            rebuild_rows(u, v);
        } else if (n >= 0 && d->nodes[n].parent > 0) {
            ui_outline_goto_node(u, d->nodes[n].parent);
        }
        return true;
    case CMD_RIGHT:
        if (n >= 0 && o->kids[n] && !o->open[n]) {
            o->open[n] = true;
            rebuild_rows(u, v);
        } else {
            u->focus = V_DOC;
            u->views[V_OUTLINE].focus = false;
            u->views[V_DOC].focus = true;
            u->views[V_OUTLINE].moved = true;
            u->status_dirty = true;
        }
        return true;
    case CMD_ENTER:
        show_selected(u, v);
        if (n >= 0 && o->kids[n] && !o->open[n]) {
            o->open[n] = true;
            rebuild_rows(u, v);
        }
        return true;
    case CMD_EXPAND_ALL:   set_open(u, v, 1); return true;
    case CMD_COLLAPSE_ALL: set_open(u, v, 0); return true;
    default: return false;
    }
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    (void)u;
    snprintf(buf, n, "section %zu/%zu", v->nrows ? v->sel + 1 : 0, v->nrows);
}

const ui_view_ops ui_outline_ops = {
    .name = "outline", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status,
    .empty = "no sections found", .moved = show_selected,
};
