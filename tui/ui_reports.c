/* ui_reports.c — the list of open reports: entity, report year, reviewed
 * year (blank when no part reviews), number of sections, of planned and of
 * achieved figures, of doubts (`gwr check`), file; below the list, the
 * selected report's check lines. The folder the reports share is said once,
 * in the title; the file column shows the rest of each path. `/` filters the
 * list by entity, title or file name, as every search does (literally, or
 * as pinyin: core/pinyin.h). */
#include "ui_int.h"
#include "check.h"
#include "pinyin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reports {
    size_t *row;          /* row → document, when filtered */
    size_t  n, cap;
    bool    filtered;
    char    of[256];      /* the filter the rows were made for */
    size_t  ndocs;        /* documents when they were made */
} reports;

static reports *st(ui_view *v)
{
    if (!v->data) v->data = calloc(1, sizeof(reports));
    return v->data;
}

void ui_reports_release(ui *u)
{
    reports *r = u->views[V_REPORTS].data;
    if (!r) return;
    free(r->row);
    free(r);
    u->views[V_REPORTS].data = NULL;
}

static bool doc_matches(const gwr_pq *q, const gwr_doc *d)
{
    const char *fields[] = { d->entity, d->title, d->path };
    gwr_pq_match m;
    for (size_t i = 0; i < 3; i++)
        if (fields[i] && gwr_pq_best(q, fields[i], strlen(fields[i]), &m)) return true;
    return false;
}

/* Rebuilds the rows for the filter u->rfilter. */
void ui_reports_refilter(ui *u)
{
    ui_view *v = &u->views[V_REPORTS];
    reports *r = st(v);
    if (!r) return;
    snprintf(r->of, sizeof r->of, "%s", u->rfilter);
    r->ndocs = u->m.ndocs;
    r->filtered = u->rfilter[0] != '\0';
    r->n = 0;
    if (r->filtered) {
        gwr_pq *q = gwr_pq_new(u->rfilter);
        if (r->cap < u->m.ndocs) {
            size_t *nr = realloc(r->row, u->m.ndocs * sizeof *nr);
            if (nr) r->row = nr, r->cap = u->m.ndocs;
        }
        for (size_t i = 0; q && i < u->m.ndocs && i < r->cap; i++)
            if (doc_matches(q, u->m.docs[i])) r->row[r->n++] = i;
        gwr_pq_free(q);
    }
    v->nrows = r->filtered ? r->n : u->m.ndocs;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    if (v->top > v->sel) v->top = v->sel;
    v->dirty = true;
    u->status_dirty = true;
}

/* The document shown on a row of the list. */
size_t ui_reports_doc(ui *u, size_t row)
{
    reports *r = st(&u->views[V_REPORTS]);
    return r && r->filtered ? (row < r->n ? r->row[row] : u->m.ndocs) : row;
}

size_t ui_reports_dir(ui *u)
{
    ui_model *m = &u->m;
    for (; m->dir_docs < m->ndocs; m->dir_docs++) {
        const char *first = m->docs[0]->path, *p = m->docs[m->dir_docs]->path;
        size_t k = 0;
        if (!first || !p) {
            m->dir_len = 0;
            continue;
        }
        if (m->dir_docs == 0) {
            const char *slash = strrchr(first, '/');
            m->dir_len = slash ? (size_t)(slash - first) + 1 : 0;
            continue;
        }
        while (k < m->dir_len && p[k] == first[k]) k++;
        while (k > 0 && first[k - 1] != '/') k--;
        m->dir_len = k;
    }
    return m->dir_len;
}

static void open_(ui *u, ui_view *v)
{
    reports *r = st(v);
    if (r && (r->filtered || u->rfilter[0]) && (strcmp(r->of, u->rfilter) != 0 || r->ndocs != u->m.ndocs)) ui_reports_refilter(u);
    v->nrows = r && r->filtered ? r->n : u->m.ndocs;
    v->footer = GWR_CHECK_LINES + 1;
    if (v->sel >= v->nrows) v->sel = v->nrows ? v->nrows - 1 : 0;
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    reports *r = st(v);
    return r && r->filtered ? r->n : u->m.ndocs;
}

static void counts(const gwr_doc *d, size_t *sec, size_t *pl, size_t *ac)
{
    *sec = *pl = *ac = 0;
    for (size_t i = 0; i < d->nnodes; i++)
        if (d->nodes[i].kind == GWR_NODE_PART || d->nodes[i].kind == GWR_NODE_SECTION) (*sec)++;
    for (size_t i = 0; i < d->nfigs; i++) {
        if (d->figs[i].status == GWR_ST_PLANNED) (*pl)++;
        else (*ac)++;
    }
}

static void header(ui *u, ui_view *v)
{
    attr_t a = u->attr[ST_HEADER];
    ui_fill(v->win, 0, 0, v->w, a);
    int x = 0;
    ui_puts(v->win, 0, x, "entity", 14, a), x += 15;
    ui_put_right(v->win, 0, x, "report", 6, a), x += 7;
    ui_put_right(v->win, 0, x, "review", 6, a), x += 7;
    ui_put_right(v->win, 0, x, "sections", 8, a), x += 9;
    ui_put_right(v->win, 0, x, "planned", 7, a), x += 8;
    ui_put_right(v->win, 0, x, "achieved", 8, a), x += 9;
    ui_put_right(v->win, 0, x, "doubts", 6, a), x += 7;
    ui_puts(v->win, 0, x, "file", v->w - x, a);
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    size_t di = ui_reports_doc(u, row);
    if (di >= u->m.ndocs) return;
    const gwr_doc *d = u->m.docs[di];
    attr_t a = sel ? u->attr[ST_SELECTED] : u->attr[ST_NORMAL];
    size_t sec, pl, ac;
    char b[32];
    int x = 0;
    counts(d, &sec, &pl, &ac);
    gwr_check c;
    gwr_check_doc(d, &c);
    int nd = 0;
    for (int k = 0; k < GWR_DOUBT__COUNT; k++) nd += (c.doubts >> k) & 1;
    ui_puts(v->win, y, x, d->entity && *d->entity ? d->entity : "?", 14, a), x += 15;
    snprintf(b, sizeof b, "%d", d->report_year);
    ui_put_right(v->win, y, x, d->report_year ? b : "", 6, a), x += 7;
    snprintf(b, sizeof b, "%d", c.review_year);
    ui_put_right(v->win, y, x, c.review_year ? b : "", 6, a), x += 7;
    snprintf(b, sizeof b, "%zu", sec);
    ui_put_right(v->win, y, x, b, 8, a), x += 9;
    snprintf(b, sizeof b, "%zu", pl);
    ui_put_right(v->win, y, x, b, 7, sel ? a : u->attr[ST_PLANNED]), x += 8;
    snprintf(b, sizeof b, "%zu", ac);
    ui_put_right(v->win, y, x, b, 8, sel ? a : u->attr[ST_ACHIEVED]), x += 9;
    snprintf(b, sizeof b, "%d!", nd);
    ui_put_right(v->win, y, x, nd ? b : "", 6, sel ? a : u->attr[ST_FELL]), x += 7;
    size_t dl = ui_reports_dir(u);
    const char *file = d->path && strlen(d->path) > dl ? d->path + dl : d->path;
    ui_puts(v->win, y, x, file, v->w - x, sel ? a : u->attr[ST_DIM]);
}

/* The selected report's check: what was read, and the doubts. */
static void footer(ui *u, ui_view *v, int y0)
{
    ui_puts(v->win, y0, 0, "check", v->w, u->attr[ST_HEADER]);
    size_t di = ui_reports_doc(u, v->sel);
    if (di >= u->m.ndocs) return;
    const gwr_doc *d = u->m.docs[di];
    gwr_check c;
    gwr_check_doc(d, &c);
    char line[512];
    for (int i = 0; i < GWR_CHECK_LINES && y0 + 1 + i < v->h && gwr_check_line(d, &c, i, line, sizeof line); i++)
        ui_puts(v->win, y0 + 1 + i, 1, line, v->w - 1, i == GWR_CHECK_LINES - 1 && c.doubts ? u->attr[ST_FELL] : u->attr[ST_NORMAL]);
}

static bool request(ui *u, ui_view *v, ui_cmd c)
{
    size_t di = ui_reports_doc(u, v->sel);
    if (c != CMD_ENTER || di >= u->m.ndocs) return false;
    ui_open_doc(u, di);
    ui_show(u, SCR_DOC);
    return true;
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    reports *r = st(v);
    size_t total = r && r->filtered ? r->n : u->m.ndocs;
    snprintf(buf, n, "report %zu/%zu%s", total ? v->sel + 1 : 0, total, r && r->filtered ? " (filtered)" : "");
}

const ui_view_ops ui_reports_ops = {
    .name = "reports", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .request = request, .status = status, .footer = footer,
    .empty = "no report (yet, or none matches the filter: Esc clears it)",
};
