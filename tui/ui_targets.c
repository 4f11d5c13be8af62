/* ui_targets.c — the table of every figure of the open reports. The rows
 * come from the figure filter index (core/findex.h), queried as the user
 * types; a/p keep achieved or planned figures only; s/S sort by a column;
 * Enter shows the figure's sentence in the document.
 * The index matches indicator, section, sentence and entity, literally or
 * as pinyin, and indicator keys by their English names (gdp). When some
 * figures match by their indicator name, only those are shown at first,
 * best match first (typing 就业 or jiuye should give employment figures,
 * not every figure of a sentence that mentions employment); `m`, or Tab
 * (which also works while the filter is typed, when letters are query
 * text), shows the others too. The status line says how the query was read;
 * matched characters are highlighted. A long query is interrupted by a key
 * and continued when the keys are answered. In the index's order (the
 * default) the rows drawn are asked of the index a page at a time, so a
 * query matching every figure costs no more than the screen; sorted by a
 * column, every row is fetched and sorted here. */
#define _GNU_SOURCE
#include "ui_int.h"
#include "period.h"
#include "pinyin.h"
#include "quantity.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_ORDER = 0, COL_STATUS, COL_INDICATOR, COL_VALUE, COL_YEAR, COL_SECTION, COL_ENTITY, COL__COUNT };
static const char *const col_names[COL__COUNT] = {
    "text order", "status", "indicator", "value", "year", "section", "entity",
};

typedef struct targets {
    gwr_fig_ref *refs, *tmp;  /* every row, when sorted by a column */
    size_t       n, cap;
    bool         paged;       /* in the index's order: rows come from `shown` a page at a time */
    gwr_fx_answer shown;      /* the answer whose rows are shown */
    gwr_fig_ref *page;        /* rows [page_from, page_from + page_n) */
    size_t       page_from, page_n, page_cap;
    int          sort;
    bool         rev;
    size_t       fx_size;     /* index size at the last query */
    size_t       more;        /* matches hidden because they match only by context */
    bool         wide;        /* show those too */
    bool         pending;     /* the query was interrupted: continue it */
    gwr_fx_answer ans;        /* how the query was read */
    gwr_pq      *pq;          /* the filter, for highlighting */
    char         pq_of[256];
    size_t       name_docs;   /* documents measured for name_w */
    int          name_w;      /* widest headline indicator name, in cells */
    bool         marks;       /* some figure has a period mark (a quarter, years) */
} targets;

static targets *st(ui_view *v)
{
    if (!v->data) v->data = calloc(1, sizeof(targets));
    return v->data;
}

void ui_targets_release(ui *u)
{
    targets *t = u->views[V_TARGETS].data;
    if (!t) return;
    free(t->refs);
    free(t->tmp);
    free(t->page);
    gwr_pq_free(t->pq);
    free(t);
    u->views[V_TARGETS].data = NULL;
}

static const gwr_figure *fig_of(ui *u, gwr_fig_ref r) { return &u->m.docs[r.doc]->figs[r.fig]; }

/* Chinese by pinyin (咸宁 after 天门), then by code point */
static int cmp_str(const char *a, const char *b) { return gwr_py_collate(a, b); }

static int cmp(ui *u, int col, gwr_fig_ref a, gwr_fig_ref b)
{
    const gwr_figure *x = fig_of(u, a), *y = fig_of(u, b);
    const gwr_doc *dx = u->m.docs[a.doc], *dy = u->m.docs[b.doc];
    int r = 0;
    switch (col) {
    case COL_STATUS:    r = (int)x->status - (int)y->status; break;
    case COL_INDICATOR: r = cmp_str(x->name, y->name); break;
    case COL_VALUE:
        r = cmp_str(gwr_fig_unit(x), gwr_fig_unit(y));
        if (!r) r = gwr_dec_cmp(gwr_fig_value(x), gwr_fig_value(y));
        break;
    case COL_YEAR:      r = x->year - y->year; break;
    case COL_SECTION:   r = cmp_str(gwr_doc_section_title(dx, x->node), gwr_doc_section_title(dy, y->node)); break;
    case COL_ENTITY:    r = cmp_str(dx->entity, dy->entity); break;
    default: break;
    }
    if (!r) r = a.doc != b.doc ? (a.doc < b.doc ? -1 : 1) : (a.fig < b.fig ? -1 : a.fig > b.fig);
    return r;
}

/* stable merge sort with the interface state as context (no globals) */
static void msort(ui *u, targets *t, size_t lo, size_t hi)
{
    if (hi - lo < 2) return;
    size_t mid = (lo + hi) / 2;
    msort(u, t, lo, mid);
    msort(u, t, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid || j < hi) {
        bool left = j >= hi || (i < mid && (cmp(u, t->sort, t->refs[i], t->refs[j]) * (t->rev ? -1 : 1)) <= 0);
        t->tmp[k++] = left ? t->refs[i++] : t->refs[j++];
    }
    memcpy(t->refs + lo, t->tmp + lo, (hi - lo) * sizeof *t->refs);
}

void ui_targets_refilter(ui *u)
{
    ui_view *v = &u->views[V_TARGETS];
    targets *t = st(v);
    if (!t || !u->m.fx) return;
    if (!t->pq || strcmp(t->pq_of, u->filter) != 0) {
        gwr_pq *nq = gwr_pq_new(u->filter);
        if (nq) {
            gwr_pq_free(t->pq);
            t->pq = nq;
            snprintf(t->pq_of, sizeof t->pq_of, "%s", u->filter);
        }
    }
    gwr_findex_search(u->m.fx, u->filter, u->want_status, &t->ans);
    t->pending = !t->ans.done;
    u->status_dirty = true;
    if (t->pending) return;                 /* the rows stay as they were until it is done */
    size_t n = t->ans.n;
    t->shown = t->ans;
    t->page_n = 0;
    t->more = 0;
    if (u->filter[0] && !t->wide && t->ans.nname) {
        t->more = n - t->ans.nname;
        n = t->ans.nname;
    }
    t->paged = t->sort == COL_ORDER && !t->rev;
    if (!t->paged) {
        if (n > t->cap) {
            gwr_fig_ref *nr = realloc(t->refs, n * sizeof *nr), *nt;
            if (!nr) return;
            t->refs = nr;
            nt = realloc(t->tmp, n * sizeof *nt);
            if (!nt) return;
            t->tmp = nt;
            t->cap = n;
        }
        n = gwr_findex_rows(u->m.fx, &t->shown, 0, n, t->refs);
        msort(u, t, 0, n);
    }
    t->n = n;
    t->fx_size = gwr_findex_size(u->m.fx);
    v->nrows = n;
    if (v->sel >= n) v->sel = n ? n - 1 : 0;
    if (v->top > v->sel) v->top = v->sel;
    v->dirty = true;
    u->status_dirty = true;
}

/* Row `row` of the table into *r; false when it cannot be had. */
static bool row_ref(ui *u, targets *t, size_t row, gwr_fig_ref *r)
{
    if (row >= t->n) return false;
    if (!t->paged) {
        *r = t->refs[row];
        return true;
    }
    if (row < t->page_from || row >= t->page_from + t->page_n) {
        enum { PAGE = 256 };
        if (!t->page && !(t->page = malloc(PAGE * sizeof *t->page))) return false;
        t->page_cap = PAGE;
        size_t from = row >= PAGE / 2 ? row - PAGE / 2 : 0;
        size_t to = from + PAGE < t->n ? from + PAGE : t->n;
        size_t got = gwr_findex_rows(u->m.fx, &t->shown, from, to, t->page);
        if (got < to - from) {              /* the index no longer holds it: ask again */
            gwr_fx_answer again;
            gwr_findex_search(u->m.fx, u->filter, u->want_status, &again);
            if (!again.done || again.n != t->shown.n) return false;
            t->shown = again;
            got = gwr_findex_rows(u->m.fx, &t->shown, from, to, t->page);
        }
        t->page_from = from;
        t->page_n = got;
        if (row >= from + got) return false;
    }
    *r = t->page[row - t->page_from];
    return true;
}

bool ui_targets_pending(ui *u)
{
    targets *t = u->views[V_TARGETS].data;
    return t && t->pending;
}

/* Draws s[0..) in cells with the filter's matches highlighted. */
static int put_match(ui *u, ui_view *v, int y, int x, const char *s, int cells, attr_t a, bool sel)
{
    targets *t = st(v);
    if (!s) return 0;
    size_t len = strnlen(s, (size_t)cells * 4 + 64);
    if (!u->filter[0] || !t->pq || sel) return ui_put(v->win, y, x, s, len, cells, a);
    attr_t hl = u->attr[ST_MATCH];
    int used = 0;
    size_t at = 0;
    gwr_pq_match m;
    /* each piece is drawn whole, or cut (ending in …) with nothing after it */
    while (used < cells && at < len && gwr_pq_next(t->pq, s, len, at, &m) && m.end > m.start) {
        size_t off[2] = { at, m.start }, n[2] = { m.start - at, m.end - m.start };
        attr_t pa[2] = { a, hl };
        for (int k = 0; k < 2; k++) {
            if (!n[k]) continue;
            int before = used;
            used += ui_put(v->win, y, x + used, s + off[k], n[k], cells - used, pa[k]);
            if (used - before < ui_width_n(s + off[k], n[k])) return used;
        }
        at = m.end;
    }
    if (used < cells && at < len) used += ui_put(v->win, y, x + used, s + at, len - at, cells - used, a);
    return used;
}

/* A column heading with the sort marker kept visible: "yea▲", never "yea…". */
static void put_head(WINDOW *w, int x, const char *label, const char *mark, int cells, attr_t a, bool right)
{
    char buf[64];
    int mw = mark[0] ? 1 : 0, lw = ui_width(label);
    if (lw + mw <= cells) {
        snprintf(buf, sizeof buf, "%s%s", label, mark);
        if (right) ui_put_right(w, 0, x, buf, cells, a);
        else ui_puts(w, 0, x, buf, cells, a);
        return;
    }
    int used = ui_put(w, 0, x, label, strlen(label), cells - mw, a);
    if (mw) ui_puts(w, 0, x + used, mark, 1, a);
}

static void open_(ui *u, ui_view *v)
{
    targets *t = st(v);
    if (t && u->m.fx && t->fx_size != gwr_findex_size(u->m.fx)) ui_targets_refilter(u);
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return st(v)->n;
}

/* The widest headline indicator name of the loaded reports: the indicator
 * column is made that wide (within bounds) so headline names show whole.
 * Also notes whether any figure covers a quarter or several years (the year
 * column then has room for the mark). Each report is measured once, as it
 * arrives, so columns do not jump while the filter changes. */
static int name_width(ui *u, targets *t)
{
    for (; t->name_docs < u->m.ndocs; t->name_docs++) {
        const gwr_doc *d = u->m.docs[t->name_docs];
        for (size_t i = 0; i < d->nfigs; i++)
            if (d->figs[i].period != GWR_PER_YEAR) t->marks = true;
        for (size_t i = 0; i < d->nfigs; i++)
            if (d->figs[i].headline && d->figs[i].name) {
                int w = ui_width(d->figs[i].name);
                if (w > t->name_w) t->name_w = w;
            }
    }
    return t->name_w;
}

/* Columns: status, entity (several reports), indicator, value as written
 * (it carries the qualifier: 5%左右), year with the period mark (2023 Q1),
 * kind on wide terminals, then the section when there is room and the
 * sentence with the rest. */
typedef struct cols { int st, ent, ind, val, kind, year, sec, sent; } cols;

static cols layout(ui *u, ui_view *v)
{
    int w = v->w;
    cols c = { .st = 4, .val = 12 };
    c.ent = u->m.ndocs > 1 ? (w >= 100 ? 10 : 8) : 0;
    int lo = w >= 120 ? 24 : 16, hi = w >= 120 ? 32 : w * 2 / 5;
    c.ind = name_width(u, st(v));
    c.year = st(v)->marks ? 10 : 4;
    if (c.ind < lo) c.ind = lo;
    if (c.ind > hi) c.ind = hi;
    c.kind = w >= 100 ? 8 : 0;
    int fixed = c.st + 1 + (c.ent ? c.ent + 1 : 0) + c.val + 1 + c.year + 1;
    if (c.ind > w - fixed) c.ind = w - fixed > 8 ? w - fixed : 8;   /* narrow: value and year stay */
    int used = c.st + 1 + (c.ent ? c.ent + 1 : 0) + c.ind + 1 + c.val + 1 + (c.kind ? c.kind + 1 : 0) + c.year + 1;
    int rest = w - used;
    if (rest >= 60) {
        c.sec = 22;
        c.sent = rest - c.sec - 1;
    } else {
        c.sent = rest > 0 ? rest : 0;
    }
    return c;
}

static void header(ui *u, ui_view *v)
{
    targets *t = st(v);
    cols c = layout(u, v);
    attr_t a = u->attr[ST_HEADER];
    const char *heads[COL__COUNT] = { "", "st", "indicator", "value", "year", "section", "entity" };
    const char *mk[COL__COUNT];
    for (int i = 0; i < COL__COUNT; i++) mk[i] = t->sort == i && i ? (t->rev ? "▼" : "▲") : "";
    ui_fill(v->win, 0, 0, v->w, a);
    int x = 0;
    put_head(v->win, x, heads[COL_STATUS], mk[COL_STATUS], c.st, a, false), x += c.st + 1;
    if (c.ent) put_head(v->win, x, heads[COL_ENTITY], mk[COL_ENTITY], c.ent, a, false), x += c.ent + 1;
    put_head(v->win, x, heads[COL_INDICATOR], mk[COL_INDICATOR], c.ind, a, false), x += c.ind + 1;
    put_head(v->win, x, heads[COL_VALUE], mk[COL_VALUE], c.val, a, true), x += c.val + 1;
    if (c.kind) ui_puts(v->win, 0, x, "kind", c.kind, a), x += c.kind + 1;
    put_head(v->win, x, heads[COL_YEAR], mk[COL_YEAR], c.year, a, false), x += c.year + 1;
    if (c.sec) put_head(v->win, x, heads[COL_SECTION], mk[COL_SECTION], c.sec, a, false), x += c.sec + 1;
    if (c.sent) ui_puts(v->win, 0, x, "sentence", c.sent, a);
}

/* The sentence, scrolled so that the figure's value is in view. */
static void draw_sentence(ui *u, ui_view *v, int y, int x, int cells, const gwr_doc *d, const gwr_figure *f, attr_t a,
                          bool sel)
{
    const char *sent = gwr_fig_sentence(d, f), *s = sent, *w = ui_find_value(s, strlen(s), f->name, f->written);
    (void)u;
    if (w) {
        const char *end = w + strlen(f->written);
        int need = ui_width_n(s, (size_t)(end - s));
        while (need > cells - 2 && s < w) {       /* drop leading characters */
            size_t cl = 1;
            while (((unsigned char)s[cl] & 0xC0) == 0x80) cl++;
            need -= ui_width_n(s, cl);
            s += cl;
        }
        if (s != sent) x += ui_puts(v->win, y, x, "…", 1, a), cells--;
    }
    put_match(u, v, y, x, s, cells, a, sel);
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    targets *t = st(v);
    gwr_fig_ref r;
    if (!row_ref(u, t, row, &r)) return;
    const gwr_doc *d = u->m.docs[r.doc];
    const gwr_figure *f = &d->figs[r.fig];
    cols c = layout(u, v);
    attr_t base = sel ? u->attr[ST_SELECTED] : u->attr[ST_NORMAL];
    attr_t sa = sel ? base : u->attr[f->status == GWR_ST_PLANNED ? ST_PLANNED : ST_ACHIEVED];
    int x = 0;
    char yr[48] = "", mark[16];
    gwr_period_mark(d, f, mark, sizeof mark);   /* Q1, 5y: never read as the whole year */
    if (f->year) snprintf(yr, sizeof yr, "%d%s%s", f->year, *mark ? " " : "", mark);
    else snprintf(yr, sizeof yr, "%s", mark);
    ui_puts(v->win, y, x, f->status == GWR_ST_PLANNED ? "plan" : "achv", c.st, sa), x += c.st + 1;
    if (c.ent) put_match(u, v, y, x, d->entity, c.ent, base, sel), x += c.ent + 1;
    put_match(u, v, y, x, f->name, c.ind, base, sel), x += c.ind + 1;
    ui_put_right(v->win, y, x, f->written, c.val, base), x += c.val + 1;
    if (c.kind) ui_puts(v->win, y, x, gwr_fig_kind_name(f->kind), c.kind, base), x += c.kind + 1;
    int yw = ui_puts(v->win, y, x, yr, c.year, base);
    if (*mark && !sel) ui_puts(v->win, y, x + yw - ui_width(mark), mark, c.year, u->attr[ST_HEADING]);
    x += c.year + 1;
    if (c.sec) put_match(u, v, y, x, gwr_doc_section_title(d, f->node), c.sec, base, sel), x += c.sec + 1;
    if (c.sent && gwr_fig_sentence(d, f)) draw_sentence(u, v, y, x, c.sent, d, f, sel ? base : u->attr[ST_DIM], sel);
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    targets *t = st(v);
    switch (c) {
    case CMD_ACHIEVED:
    case CMD_PLANNED: {
        int want = c == CMD_ACHIEVED ? GWR_ST_ACHIEVED : GWR_ST_PLANNED;
        u->want_status = u->want_status == want ? -1 : want;
        ui_targets_refilter(u);
        return true;
    }
    case CMD_SORT:
        t->sort = (t->sort + 1) % COL__COUNT;
        if (t->sort == COL_ENTITY && u->m.ndocs < 2) t->sort = COL_ORDER;
        ui_targets_refilter(u);
        ui_msg(u, false, "sorted by %s", col_names[t->sort]);
        return true;
    case CMD_TAB:                /* Tab: the same, and it works while the filter is typed */
    case CMD_MORE:
        t->wide = !t->wide;
        ui_targets_refilter(u);
        ui_msg(u, false, t->wide ? "showing every figure whose indicator, section or sentence matches"
                                 : "showing figures whose indicator matches (Tab: more)");
        return true;
    case CMD_SORTREV:
        t->rev = !t->rev;
        ui_targets_refilter(u);
        return true;
    case CMD_ENTER: {
        gwr_fig_ref r;
        if (row_ref(u, t, v->sel, &r)) {
            const gwr_figure *f = &u->m.docs[r.doc]->figs[r.fig];
            ui_open_doc(u, r.doc);
            ui_show(u, SCR_DOC);
            u->focus = V_DOC;
            u->views[V_DOC].focus = true;
            u->views[V_OUTLINE].focus = false;
            if (!ui_doc_goto_fig(u, f)) ui_msg(u, true, "the sentence of this figure was not found in the text");
        }
        return true;
    }
    default: return false;
    }
}

/* How the query was read: "jy → 就业 教育 建议", "gdp → key gdp". */
void ui_targets_reading(ui *u, char *buf, size_t n)
{
    targets *t = u->views[V_TARGETS].data;
    buf[0] = '\0';
    if (!t || !u->filter[0]) return;
    if (t->pending) {
        snprintf(buf, n, " (filtering… any key interrupts)");
        return;
    }
    size_t o = 0;
    if (t->ans.nkeys) {
        o += (size_t)snprintf(buf, n, " → key");
        for (size_t i = 0; i < t->ans.nkeys && o < n; i++) o += (size_t)snprintf(buf + o, n - o, " %s", t->ans.keys[i]);
    } else if (t->ans.words[0]) {
        size_t ll;
        const char *lit = t->pq ? gwr_pq_literal(t->pq, &ll) : u->filter;
        if (t->ans.pinyin || strcmp(lit, u->filter) != 0) snprintf(buf, n, " → %s", t->ans.words);
    }
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    targets *t = st(v);
    char more[64] = "";
    if (t->more) snprintf(more, sizeof more, "  +%zu in context (Tab)", t->more);
    snprintf(buf, n, "figure %zu/%zu%s%s%s%s", t->n ? v->sel + 1 : 0, t->n, more,
             u->want_status == GWR_ST_ACHIEVED ? "  [achieved only]" : u->want_status == GWR_ST_PLANNED ? "  [planned only]" : "",
             t->sort != COL_ORDER ? "  sort: " : "", t->sort != COL_ORDER ? col_names[t->sort] : "");
}

const ui_view_ops ui_targets_ops = {
    .name = "targets", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status,
    .empty = "no figure matches (Esc clears the filter, Tab widens it)",
};
