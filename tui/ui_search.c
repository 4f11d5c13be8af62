/* ui_search.c — searching the document: every match of the query (ASCII
 * letters in either case, traditional characters as simplified, Latin
 * letters also as pinyin: core/pinyin.h), the current one, n/N with
 * wrap-around, and scrolling so that the match shows a third of the way
 * down the pane. */
#include "ui_doc.h"
#include "pinyin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void find_all(ui *u, docview *s)
{
    size_t tl;
    const char *t = ui_doc_text(u, &tl);
    size_t ql = strlen(u->search), cap = 0;
    s->nmatch = 0;
    snprintf(s->query, sizeof s->query, "%s", u->search);
    if (!ql) return;
    gwr_pq *q = gwr_pq_new(u->search);
    if (!q) return;
    gwr_pq_match m;
    for (size_t i = 0; i < tl && gwr_pq_next(q, t, tl, i, &m) && m.end > m.start; i = m.end) {
        if (s->nmatch == cap) {
            size_t nc = cap ? cap * 2 : 64;
            uint32_t *nm = realloc(s->match, nc * sizeof *nm);
            if (!nm) break;
            s->match = nm;
            uint32_t *nl = realloc(s->mlens, nc * sizeof *nl);
            if (!nl) break;
            s->mlens = nl;
            cap = nc;
        }
        s->match[s->nmatch] = (uint32_t)m.start;
        s->mlens[s->nmatch++] = (uint32_t)(m.end - m.start);
    }
    gwr_pq_free(q);
}

/* dir +1 next, -1 previous; from_here: the first match at or after the top line. */
void ui_doc_search(ui *u, int dir, bool from_here)
{
    ui_view *v = &u->views[V_DOC];
    docview *s = ui_docview(v);
    if (strcmp(s->query, u->search) != 0 || from_here) find_all(u, s);
    v->dirty = true;
    u->status_dirty = true;
    if (!u->search[0]) return;
    if (!s->nmatch) {
        ui_msg(u, true, "no match for %s", u->search);
        return;
    }
    if (from_here) {
        size_t top = v->top < s->lines.n ? s->lines.v[v->top].off : 0;
        s->cur = 0;
        while (s->cur < s->nmatch && s->match[s->cur] < top) s->cur++;
        if (s->cur == s->nmatch) s->cur = 0;
    } else if (dir > 0) {
        s->cur = s->cur + 1 < s->nmatch ? s->cur + 1 : 0;
        if (s->cur == 0) ui_msg(u, false, "search wrapped to the top");
    } else {
        s->cur = s->cur > 0 ? s->cur - 1 : s->nmatch - 1;
        if (s->cur == s->nmatch - 1) ui_msg(u, false, "search wrapped to the bottom");
    }
    size_t line = ui_doc_line_of(s, s->match[s->cur]);
    size_t body = (size_t)ui_view_body(v);
    if (line < v->top || line >= v->top + body) ui_view_scroll_to(u, v, line, (int)body / 3);
}

size_t ui_doc_matches(ui *u, size_t *cur)
{
    docview *s = ui_docview(&u->views[V_DOC]);
    *cur = s && s->nmatch ? s->cur + 1 : 0;
    return s ? s->nmatch : 0;
}

