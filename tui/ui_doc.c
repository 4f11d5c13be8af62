/* ui_doc.c — the document pane: the report's text wrapped to the pane by
 * display cells (ui_wrap.c), section titles in bold, figures highlighted
 * (achieved and planned in different styles), search matches highlighted,
 * and the sentence reached from the targets table marked. */
#define _GNU_SOURCE
#include "ui_int.h"
#include "ui_doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

docview *ui_docview(ui_view *v)
{
    if (!v->data) v->data = calloc(1, sizeof(docview));
    return v->data;
}

void ui_doc_release(ui *u)
{
    docview *s = u->views[V_DOC].data;
    if (!s) return;
    ui_lines_free(&s->lines);
    free(s->spans);
    free(s->match);
    free(s->mlens);
    free(s);
    u->views[V_DOC].data = NULL;
}

/* The pane shows the analysis text (paragraphs joined, full-width digits
 * folded; offsets of the outline and figures refer to it) or, with `o`, the
 * original text as loaded, line by line, control characters made visible. */
const char *ui_doc_text(ui *u, size_t *len)
{
    gwr_doc *d = ui_doc(u);
    const char *t = d && d->has_text ? (u->raw ? d->text.orig : d->text.norm) : NULL;
    if (!t) {
        *len = 0;
        return "";
    }
    *len = u->raw ? d->text.orig_len : d->text.norm_len;
    return t;
}

static bool is_space_at(const char *p, const char *e, size_t *n)
{
    if (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) { *n = 1; return true; }
    if (e - p >= 3 && (unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80) {
        *n = 3;
        return true;
    }
    return false;
}

static bool heading_at(const gwr_doc *d, size_t a, size_t b)
{
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if ((n->kind == GWR_NODE_PART || n->kind == GWR_NODE_SECTION) && n->body_off >= a && n->body_off <= b)
            return true;
    }
    return false;
}

static void rewrap(ui *u, ui_view *v)
{
    docview *s = ui_docview(v);
    size_t tl;
    const char *t = ui_doc_text(u, &tl);
    gwr_doc *d = ui_doc(u);
    s->lines.n = 0;
    s->width = v->w;
    int cells = v->w - 2 > 8 ? v->w - 2 : 8;
    int indent = cells >= 30 ? 4 : 2;
    /* heading paragraphs: a sorted scan would be faster; reports have few nodes per paragraph */
    size_t i = 0;
    while (i < tl) {
        const char *nl = memchr(t + i, '\n', tl - i);
        size_t e = nl ? (size_t)(nl - t) : tl, k;
        size_t p = i;
        if (u->raw) {           /* the original, line by line, as it is */
            ui_wrap_para(&s->lines, t, (uint32_t)i, (uint32_t)(e - i), cells, 0);
            i = e + 1;
            continue;
        }
        while (is_space_at(t + p, t + e, &k)) p += k;
        if (p < e) {
            bool h = d && d->nnodes < 20000 && heading_at(d, i, p);
            ui_wrap_para(&s->lines, t, (uint32_t)p, (uint32_t)(e - p), cells, h ? 0 : indent);
        }
        i = e + 1;
    }
    v->nrows = s->lines.n;
}

static void open_(ui *u, ui_view *v)
{
    docview *s = ui_docview(v);
    gwr_doc *d = ui_doc(u);
    if (!s) return;
    if (d && !d->has_text) {
        gwr_err err = { 0 };
        if (gwr_doc_reload_text(d, &err) != GWR_OK) ui_msg(u, true, "%s", err.msg);
    }
    bool same = s->valid && s->doc == u->cur;
    if (same && s->raw == u->raw && v->top < s->lines.n)      /* keep the place across a re-layout */
        s->top_norm = ui_doc_from_view(u, s->lines.v[v->top].off);
    if (!same) s->top_norm = 0;
    if (!s->valid || s->doc != u->cur || s->raw != u->raw) {
        s->doc = u->cur;
        s->raw = u->raw;
        s->valid = true;
        s->nmatch = s->cur = 0;
        s->jump_len = 0;
        if (!same) v->top = 0;
        if (d && d->has_text) ui_doc_build_spans(u, s, d);
        else s->nspans = 0;
        s->width = -1;
    }
    if (s->width != v->w) {               /* a re-layout keeps the place; the outline stays */
        size_t off = s->top_norm;
        bool was = u->syncing;
        rewrap(u, v);
        u->syncing = true;
        ui_doc_goto(u, off, 0);
        u->syncing = was;
    }
    v->nrows = s->lines.n;
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return ui_docview(v)->lines.n;
}

size_t ui_doc_line_of(docview *s, size_t off)
{
    size_t lo = 0, hi = s->lines.n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines.v[mid].off <= off) lo = mid;
        else hi = mid;
    }
    return lo;
}

static void paint(attr_t *at, size_t a, size_t b, size_t off, size_t len, attr_t x)
{
    size_t s = off > a ? off : a, e = off + len < b ? off + len : b;
    for (size_t i = s; i < e; i++) at[i - a] = x;
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    docview *s = ui_docview(v);
    size_t tl;
    const char *t = ui_doc_text(u, &tl);
    const ui_line *l = &s->lines.v[row];
    size_t a = l->off, b = l->off + l->len;
    attr_t stack[1024], *at = l->len <= 1024 ? stack : malloc(l->len * sizeof *at);
    (void)sel;
    if (!at) return;
    for (size_t i = 0; i < l->len; i++) at[i] = u->attr[ST_NORMAL];
    /* spans that may reach this line start at most 600 bytes before it */
    size_t lo = 0, hi = s->nspans;
    size_t from = a > 600 ? a - 600 : 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->spans[mid].off < from) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < s->nspans && s->spans[i].off < b; i++)
        paint(at, a, b, s->spans[i].off, s->spans[i].len, u->attr[s->spans[i].style]);
    if (s->jump_len) paint(at, a, b, s->jump_off, s->jump_len, u->attr[ST_JUMP]);
    for (size_t i = 0; i < s->nmatch; i++) {
        if (s->match[i] >= b) break;
        paint(at, a, b, s->match[i], s->mlens[i], u->attr[ST_MATCH] | (i == s->cur ? A_BOLD : 0));
    }
    int x = 1 + l->indent;
    size_t i = 0;
    while (i < l->len && x < v->w) {
        size_t j = i + 1;
        while (j < l->len && at[j] == at[i]) j++;
        x += ui_put(v->win, y, x, t + a + i, j - i, v->w - x, at[i]);
        i = j;
    }
    if (at != stack) free(at);
}

static void header(ui *u, ui_view *v) { (void)u; (void)v; }

size_t ui_doc_top_offset(ui *u)
{
    ui_view *v = &u->views[V_DOC];
    docview *s = ui_docview(v);
    return v->top < s->lines.n ? ui_doc_from_view(u, s->lines.v[v->top].off + s->lines.v[v->top].len) : 0;
}

void ui_doc_goto(ui *u, size_t off, size_t len)
{
    ui_view *v = &u->views[V_DOC];
    docview *s = ui_docview(v);
    if (!s->lines.n) return;
    size_t a = ui_doc_to_view(u, off), b = ui_doc_to_view(u, off + len);
    off = a;
    len = b > a ? b - a : 0;
    if (len) {
        s->jump_off = (uint32_t)off;
        s->jump_len = (uint32_t)len;
        v->dirty = true;
    }
    ui_view_scroll_to(u, v, ui_doc_line_of(s, off), len ? 2 : 0);
}

/* Goes to figure f of the current document, marking its sentence. */

bool ui_doc_goto_fig(ui *u, const gwr_figure *f)
{
    gwr_doc *d = ui_doc(u);
    uint32_t off, len, so, sl;
    if (!d || !d->has_text || !ui_doc_locate(d, f, &off, &len, &so, &sl)) return false;
    u->syncing = true;
    if (f->node > 0) ui_outline_goto_node(u, f->node);
    u->syncing = false;
    ui_doc_goto(u, so, sl ? sl : len);
    return true;
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    (void)v;
    switch (c) {
    case CMD_LEFT:
        u->focus = V_OUTLINE;
        u->views[V_DOC].focus = false;
        u->views[V_OUTLINE].focus = true;
        u->views[V_OUTLINE].moved = true;
        u->status_dirty = true;
        return true;
    case CMD_ORIGINAL: {
        size_t top = v->top < ui_docview(v)->lines.n ? ui_doc_from_view(u, ui_docview(v)->lines.v[v->top].off) : 0;
        u->raw = !u->raw;
        ui_docview(v)->top_norm = top;
        open_(u, v);
        ui_doc_search(u, +1, true);
        ui_msg(u, false, u->raw ? "original text as loaded (o: analysis text)" : "analysis text (o: original text)");
        return true;
    }
    case CMD_NEXT: ui_doc_search(u, +1, false); return true;
    case CMD_PREV: ui_doc_search(u, -1, false); return true;
    case CMD_EXPAND_ALL:
    case CMD_COLLAPSE_ALL: {       /* * and - fold the outline; the text stays where it is read */
        ui_view *o = &u->views[V_OUTLINE];
        bool was = u->syncing;
        u->syncing = true;
        o->ops->request(u, o, c);
        u->syncing = was;
        return true;
    }
    default: return false;
    }
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    docview *s = ui_docview(v);
    size_t total = s->lines.n;
    size_t pct = total ? (v->top + (size_t)ui_view_body(v) >= total ? 100 : (v->top * 100) / total) : 100;
    gwr_doc *d = ui_doc(u);
    unsigned line = 0;
    if (d && d->has_text && v->top < total) {
        size_t o = s->lines.v[v->top].off;
        line = u->raw ? gwr_text_line_of(&d->text, o) : gwr_text_norm_line(&d->text, o);
    }
    snprintf(buf, n, "%sline %u/%zu %zu%%", u->raw ? "original " : "", line, d && d->has_text ? d->text.nlines : 0, pct);
}

static void moved(ui *u, ui_view *v)
{
    (void)v;
    if (u->syncing) return;
    gwr_doc *d = ui_doc(u);
    if (!d) return;
    size_t off = ui_doc_top_offset(u);
    int32_t best = -1;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if (n->kind == GWR_NODE_PARA || n->kind == GWR_NODE_FRONT) continue;
        if (n->body_off <= off) best = (int32_t)i;
        else break;
    }
    if (best < 0) return;
    u->syncing = true;
    ui_outline_follow(u, best);
    u->syncing = false;
}

const ui_view_ops ui_doc_ops = {
    .name = "document", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status, .moved = moved,
};
