/* facts.c — the document walk: paragraphs → sentences → figures, each with
 * its status (achieved in the review part, planned in the plan part and the
 * targets paragraph), the year it refers to, its line, node and sentence.
 * One pass over the text; figures go into one growing array, their strings
 * into the document's arena (a sentence is copied once for all its figures). */
#include "facts.h"
#include "facts_internal.h"
#include "indicators.h"
#include <stdlib.h>
#include <string.h>

typedef struct walk {
    gwr_doc    *d;
    size_t      cap;
    gwr_status  st;
    /* the sentence being read */
    const char *s;
    uint32_t    base;          /* offset of s in text.norm */
    size_t      n;
    const char *copy;          /* arena copy of the sentence, made on the first figure */
    int32_t     node;
    gwr_fig_status status;
    int         year;
    bool        headline;
    bool        multiyear;     /* 到2025年… */
    size_t      para_first;    /* index of the paragraph's first figure */
} walk;

static void on_fig(void *ctx, const fx_fig *f)
{
    walk *w = ctx;
    gwr_doc *d = w->d;
    if (w->st != GWR_OK) return;
    if (d->nfigs == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 128;
        gwr_figure *nf = realloc(d->figs, cap * sizeof *nf);
        if (!nf) {
            w->st = GWR_E_NOMEM;
            return;
        }
        d->figs = nf;
        w->cap = cap;
    }
    if (!w->copy && !(w->copy = gwr_arena_strndup(&d->arena, w->s, w->n))) {
        w->st = GWR_E_NOMEM;
        return;
    }
    gwr_figure *g = &d->figs[d->nfigs];
    memset(g, 0, sizeof *g);
    g->name = gwr_arena_strndup(&d->arena, f->name, f->name_len);
    g->written = gwr_arena_strndup(&d->arena, w->s + f->q.off, f->q.len);
    if (!g->name || !g->written) {
        w->st = GWR_E_NOMEM;
        return;
    }
    const gwr_indicator *ind = f->compare ? NULL : gwr_indicator_match(f->name, f->name_len);
    g->key = ind ? ind->key : NULL;
    g->kind = f->kind;
    g->q = f->q;
    g->q.off += w->base;
    g->status = f->target ? GWR_ST_PLANNED : w->status;   /* 完成了增长7%的目标 */
    g->year = w->year;
    g->period = w->multiyear && f->period == GWR_PER_YEAR ? GWR_PER_MULTIYEAR : f->period;
    g->line = gwr_text_norm_line(&d->text, w->base + f->q.off);
    g->sentence = w->copy;
    g->node = w->node;
    g->headline = w->headline;
    d->nfigs++;
}

/* Innermost node holding offset off; *cur walks forward with off. */
static int32_t node_at(const gwr_doc *d, size_t *cur, size_t off)
{
    if (d->nnodes == 0) return -1;
    while (*cur + 1 < d->nnodes && d->nodes[*cur + 1].body_off <= off) (*cur)++;
    int32_t i = (int32_t)*cur;
    while (i > 0) {
        const gwr_node *nd = &d->nodes[i];
        if (nd->body_off <= off && off < (size_t)nd->body_off + nd->body_len) break;
        i = nd->parent;
    }
    return i < 0 ? 0 : i;
}

static bool in_targets(const gwr_doc *d, int32_t i)
{
    for (; i > 0; i = d->nodes[i].parent)
        if (d->nodes[i].kind == GWR_NODE_TARGETS) return true;
    return false;
}

static bool plan_words(fx_str s)
{
    static const char *const w[] = { "力争", "确保", "争取", "预期", "目标", "计划", "将", "要", NULL };
    for (const char *const *p = w; *p; p++)
        if (fx_contains(s, *p)) return true;
    return false;
}

/* Keyed review figures of a paragraph that names two or more headline
 * indicators (地区生产总值增长…、固定资产投资增长…) are headline figures. */
static void mark_headline(gwr_doc *d, size_t first)
{
    const char *k1 = NULL;
    bool two = false;
    for (size_t i = first; i < d->nfigs && !two; i++) {
        const char *k = d->figs[i].key;
        if (!k || d->figs[i].period != GWR_PER_YEAR || d->figs[i].status != GWR_ST_ACHIEVED) continue;
        if (!k1) k1 = k;
        else if (strcmp(k, k1) != 0) two = true;
    }
    if (two)
        for (size_t i = first; i < d->nfigs; i++)
            if (d->figs[i].key && d->figs[i].status == GWR_ST_ACHIEVED) d->figs[i].headline = true;
}

static void sentence(walk *w, fx_qbuf *qb, size_t *cur, bool has_review, bool has_plan, int reviewed)
{
    gwr_doc *d = w->d;
    fx_str s = fx_trim(fx_span(w->s, w->n));
    w->node = node_at(d, cur, w->base);
    int32_t nd = w->node;
    gwr_role role = nd >= 0 && (size_t)nd < d->nnodes ? d->nodes[nd].role : GWR_ROLE_NONE;
    bool targets = in_targets(d, nd);
    /* the government's own conduct comes after the plan and speaks of it */
    if (targets || role == GWR_ROLE_PLAN || role == GWR_ROLE_SELF) w->status = GWR_ST_PLANNED;
    else if (role == GWR_ROLE_REVIEW) w->status = GWR_ST_ACHIEVED;
    else if (!has_review && has_plan) w->status = GWR_ST_PLANNED;
    else w->status = plan_words(s) ? GWR_ST_PLANNED : GWR_ST_ACHIEVED;
    w->headline = targets;
    w->year = w->status == GWR_ST_PLANNED ? d->report_year : reviewed;
    w->multiyear = false;
    /* a sentence that names its year: "2023年，…", "到2025年，…" */
    size_t k;
    fx_str t = s;
    bool to = fx_starts(t, "到") || fx_starts(t, "至");
    if (to) t = fx_span(t.s + 3, t.n - 3);
    int y = fx_year_at(t, &k);
    if (y && to && d->report_year && y >= d->report_year) {
        w->status = GWR_ST_PLANNED;          /* 到2025年…: a target wherever it is written */
        w->year = y;
        w->multiyear = y > d->report_year;
    } else if (y) {
        if (w->status == GWR_ST_ACHIEVED && d->report_year && y < d->report_year) w->year = y;
        else if (w->status == GWR_ST_PLANNED && y >= d->report_year) {
            w->year = y;
            w->multiyear = to && d->report_year && y > d->report_year;
        }
        if (!d->report_year) w->year = y;
    }
    if (!y && role == GWR_ROLE_REVIEW && nd >= 0 && (size_t)nd < d->nnodes && d->nodes[nd].multiyear) w->multiyear = true;   /* 过去五年… */
    w->copy = NULL;
    if (!fx_sentence(w->s, w->n, qb, on_fig, w)) w->st = GWR_E_NOMEM;
}

static bool sentence_end(const char *s, size_t i, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '!' || c == '?') { *len = 1; return true; }
    if (c == 0xE3 && i + 3 <= n && memcmp(s + i, "。", 3) == 0) { *len = 3; return true; }
    if (c == 0xEF && i + 3 <= n && (memcmp(s + i, "！", 3) == 0 || memcmp(s + i, "？", 3) == 0)) {
        *len = 3;
        return true;
    }
    return false;
}

gwr_status gwr_facts_extract(gwr_doc *d, gwr_err *err)
{
    free(d->figs);
    d->figs = NULL;
    d->nfigs = 0;
    if (!d->has_text || !d->text.norm) return GWR_OK;
    bool has_review = false, has_plan = false;
    for (size_t i = 0; i < d->nnodes; i++) {
        if (d->nodes[i].role == GWR_ROLE_REVIEW) has_review = true;
        if (d->nodes[i].role == GWR_ROLE_PLAN || d->nodes[i].kind == GWR_NODE_TARGETS) has_plan = true;
    }
    int reviewed = d->reviewed_year ? d->reviewed_year : d->report_year ? d->report_year - 1 : 0;
    walk w = { .d = d };
    fx_qbuf qb = { 0 };
    size_t cur = 0, start = 0, n = d->text.norm_len, sl;
    const char *s = d->text.norm;
    for (size_t i = 0; i <= n && w.st == GWR_OK;) {
        if (i == n || sentence_end(s, i, n, &sl)) {
            if (i > start) {
                w.s = s + start;
                w.n = i - start + (i < n && s[i] != '\n' ? sl : 0);   /* keep 。 */
                w.base = (uint32_t)start;
                sentence(&w, &qb, &cur, has_review, has_plan, reviewed);
            }
            if (i == n || s[i] == '\n') {
                mark_headline(d, w.para_first);
                w.para_first = d->nfigs;
            }
            if (i == n) break;
            i += sl;
            start = i;
        } else {
            i++;
        }
    }
    free(qb.q);
    if (w.st != GWR_OK) return gwr_err_set(err, w.st, "%s: out of memory", d->path);
    return GWR_OK;
}
