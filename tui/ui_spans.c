/* ui_spans.c — where things are in the document pane's text: the value of
 * each figure and the title of each section (highlight spans), and the
 * mapping between the analysis text and the original text (`o`). */
#define _GNU_SOURCE
#include "ui_doc.h"
#include <stdlib.h>
#include <string.h>

/* analysis-text offset → offset in the text shown */
size_t ui_doc_to_view(ui *u, size_t off)
{
    gwr_doc *d = ui_doc(u);
    return u->raw && d ? gwr_text_orig_offset(&d->text, off) : off;
}

/* offset in the text shown → analysis-text offset (inverse of the sparse map) */
size_t ui_doc_from_view(ui *u, size_t off)
{
    gwr_doc *d = ui_doc(u);
    if (!u->raw || !d) return off;
    const gwr_text *t = &d->text;
    if (t->map_len == 0) return off < t->norm_len ? off : t->norm_len;
    size_t lo = 0, hi = t->map_len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->map_orig[mid] <= off) lo = mid;
        else hi = mid;
    }
    size_t n = t->map_norm[lo] + (off > t->map_orig[lo] ? off - t->map_orig[lo] : 0);
    if (lo + 1 < t->map_len && n > t->map_norm[lo + 1]) n = t->map_norm[lo + 1];
    return n < t->norm_len ? n : t->norm_len;
}

static int add_span(docview *s, size_t *cap, uint32_t off, uint32_t len, int style)
{
    if (s->nspans == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        span *ns = realloc(s->spans, nc * sizeof *ns);
        if (!ns) return -1;
        s->spans = ns;
        *cap = nc;
    }
    s->spans[s->nspans++] = (span){ off, len, style };
    return 0;
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

static bool digitish(char c) { return (c >= '0' && c <= '9') || c == '.'; }

/* The value as written inside s[0..n): after the indicator's name when the
 * name is there, and never inside a longer number ("7%" is not in "9.7%"). */
const char *ui_find_value(const char *s, size_t n, const char *name, const char *written)
{
    size_t wl = written ? strlen(written) : 0, nl = name ? strlen(name) : 0;
    if (!wl) return NULL;
    const char *from = s, *end = s + n;
    const char *np = nl ? memmem(s, n, name, nl) : NULL;
    for (int pass = 0; pass < 2; pass++) {
        const char *p = pass == 0 && np ? np + nl : from;
        if (pass == 0 && !np) continue;
        while (p < end) {
            const char *q = memmem(p, (size_t)(end - p), written, wl);
            if (!q) break;
            bool inside = digitish(written[0]) && q > s && digitish(q[-1]);
            if (!inside) return q;
            p = q + 1;
        }
    }
    return NULL;
}

/* Where figure f sits in the text: the value as written (off/len) and its
 * sentence (soff/slen). The figure records its sentence and outline node. */
bool ui_doc_locate(const gwr_doc *d, const gwr_figure *f, uint32_t *off, uint32_t *len,
                   uint32_t *soff, uint32_t *slen)
{
    const char *t = d->text.norm;
    size_t tl = d->text.norm_len, a = 0, b = tl;
    if (!t) return false;
    if (f->node > 0 && (size_t)f->node < d->nnodes) {
        a = d->nodes[f->node].body_off;
        b = a + d->nodes[f->node].body_len;
        if (b > tl || a > b) a = 0, b = tl;
    }
    const char *sp = NULL;
    const char *sent = gwr_fig_sentence(d, f);
    size_t sl = sent ? strlen(sent) : 0;
    if (sl) {
        sp = memmem(t + a, b - a, sent, sl);
        if (!sp) sp = memmem(t, tl, sent, sl);
    }
    const char *ra = sp ? sp : t + a;
    size_t rl = sp ? sl : b - a;
    size_t wl = f->written ? strlen(f->written) : 0;
    const char *wp = ui_find_value(ra, rl, f->name, f->written);
    if (!sp && !wp) return false;
    *soff = (uint32_t)((sp ? sp : wp) - t);
    *slen = (uint32_t)(sp ? sl : wl);
    *off = (uint32_t)((wp ? wp : sp) - t);
    *len = (uint32_t)(wp ? wl : 0);
    return true;
}

void ui_doc_build_spans(ui *u, docview *s, const gwr_doc *d)
{
    size_t cap = 0;
    s->nspans = 0;
    const char *t = d->text.norm;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if (n->kind == GWR_NODE_PARA || n->kind == GWR_NODE_FRONT || !n->title || !*n->title) continue;
        size_t lim = n->body_len < 600 ? n->body_len : 600;
        if ((size_t)n->body_off + lim > d->text.norm_len) continue;
        const char *p = memmem(t + n->body_off, lim, n->title, strlen(n->title));
        if (p) add_span(s, &cap, (uint32_t)(p - t), (uint32_t)strlen(n->title),
                        n->kind == GWR_NODE_TARGETS ? ST_TARGETS : ST_HEADING);
    }
    for (size_t i = 0; i < d->nfigs; i++) {
        uint32_t off, len, so, sl;
        if (ui_doc_locate(d, &d->figs[i], &off, &len, &so, &sl) && len)
            add_span(s, &cap, off, len, d->figs[i].status == GWR_ST_PLANNED ? ST_PLANNED : ST_ACHIEVED);
    }
    if (u->raw)
        for (size_t i = 0; i < s->nspans; i++) {
            size_t a = ui_doc_to_view(u, s->spans[i].off), b = ui_doc_to_view(u, (size_t)s->spans[i].off + s->spans[i].len);
            s->spans[i].off = (uint32_t)a;
            s->spans[i].len = (uint32_t)(b > a ? b - a : 0);
        }
    qsort(s->spans, s->nspans, sizeof *s->spans, cmp_span);
}

