/* doc.c — one report: load → outline → facts; names of the model's enums. */
#include "doc.h"
#include "strpool.h"
#include "facts.h"
#include "outline.h"
#include <stdlib.h>
#include <string.h>

static const char *const node_kind_names[GWR_NODE__COUNT] = {
    "root", "part", "section", "item", "topic", "targets", "para", "front",
};
static const char *const role_names[GWR_ROLE__COUNT] = {
    "", "review", "plan", "self", "other",
};
static const char *const fig_kind_names[GWR_FK__COUNT] = {
    "level", "growth", "decline", "points", "rank", "multiple",
};
static const char *const status_names[GWR_ST__COUNT] = { "achieved", "planned" };
static const char *const period_names[GWR_PER__COUNT] = { "year", "quarter", "month", "multiyear" };

const char *gwr_node_kind_name(gwr_node_kind k) { return (unsigned)k < GWR_NODE__COUNT ? node_kind_names[k] : "?"; }
const char *gwr_role_name(gwr_role r) { return (unsigned)r < GWR_ROLE__COUNT ? role_names[r] : "?"; }
const char *gwr_fig_kind_name(gwr_fig_kind k) { return (unsigned)k < GWR_FK__COUNT ? fig_kind_names[k] : "?"; }
const char *gwr_fig_status_name(gwr_fig_status s) { return (unsigned)s < GWR_ST__COUNT ? status_names[s] : "?"; }
const char *gwr_period_name(gwr_period p) { return (unsigned)p < GWR_PER__COUNT ? period_names[p] : "?"; }
static const char *const from_names[GWR_FROM__COUNT] = {
    "", "title", "meeting", "speaker", "body", "headings", "targets", "text", "filename",
};
const char *gwr_from_name(gwr_from f) { return (unsigned)f < GWR_FROM__COUNT ? from_names[f] : "?"; }

/* The strings an analysis keeps (titles, names, sentences with figures) come
 * to 30–100% of the normalised text: one block of the text's size holds them. */
enum { ARENA_SLACK = 1024 };

static gwr_status analyse(gwr_doc *d, gwr_err *err)
{
    gwr_arena_size_hint(&d->arena, d->text.norm_len + ARENA_SLACK);
    d->format = d->text.format ? d->text.format : "";
    d->repaired = d->text.repaired;
    gwr_status st = gwr_outline_build(d, err);
    if (st == GWR_OK) st = gwr_facts_extract(d, err);
    if (st != GWR_OK) gwr_doc_free(d);
    return st;
}

static void doc_init(gwr_doc *d, const char *path)
{
    memset(d, 0, sizeof *d);
    gwr_arena_init(&d->arena);
    d->path = gwr_arena_strdup(&d->arena, path);
}

gwr_status gwr_doc_load(gwr_doc *d, const char *path, gwr_err *err)
{
    doc_init(d, path);
    if (!d->path) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", path);
    gwr_status st = gwr_text_load_file(&d->text, path, err);
    if (st != GWR_OK) {
        gwr_doc_free(d);
        return st;
    }
    d->has_text = true;
    d->stamp = d->text.stamp;
    return analyse(d, err);
}

gwr_status gwr_doc_load_mem(gwr_doc *d, const char *name, const void *buf, size_t len, gwr_err *err)
{
    doc_init(d, name);
    if (!d->path) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    gwr_status st = gwr_text_load_mem(&d->text, name, buf, len, err);
    if (st != GWR_OK) {
        gwr_doc_free(d);
        return st;
    }
    d->has_text = true;
    return analyse(d, err);
}

void gwr_doc_drop_text(gwr_doc *d)
{
    if (d->has_text) gwr_text_free(&d->text);
    d->has_text = false;
}

gwr_status gwr_doc_reload_text(gwr_doc *d, gwr_err *err)
{
    if (d->has_text) return GWR_OK;
    gwr_text t;
    gwr_status st = gwr_text_load_file(&t, d->path, err);
    if (st != GWR_OK) return st;
    if (memcmp(&t.stamp, &d->stamp, sizeof t.stamp) != 0) {
        gwr_text_free(&t);
        return gwr_err_set(err, GWR_E_IO, "%s: changed since it was loaded; its outline and figures are of the "
                           "old text (open it again to read the new one)", d->path);
    }
    d->text = t;
    d->has_text = true;
    return GWR_OK;
}

uint32_t gwr_doc_add_sentence_grow(gwr_doc *d, const char *s, size_t n)
{
    size_t need = (size_t)d->sents_len + (d->sents_len ? 0 : 1) + n + 1;
    if (need > UINT32_MAX) return 0;
    if (need > d->sents_cap) {
        /* sentences with figures come to about a third of a report's text */
        size_t cap = d->sents_cap ? (size_t)d->sents_cap * 2 : (d->has_text ? d->text.norm_len / 2 : 0) + 256;
        if (cap > UINT32_MAX) cap = UINT32_MAX;
        if (cap < need) cap = need;
        bool owned = d->sents_cap || !d->sents;   /* else they sit in the arena (compacted) */
        char *p = owned ? realloc(d->sents, cap) : malloc(cap);
        if (!p) return 0;
        if (!owned) memcpy(p, d->sents, d->sents_len);
        d->sents = p;
        d->sents_cap = (uint32_t)cap;
    }
    if (!d->sents_len) d->sents[d->sents_len++] = '\0';
    uint32_t off = d->sents_len;
    if (n) memcpy(d->sents + off, s, n);
    d->sents[off + n] = '\0';
    d->sents_len = (uint32_t)(off + n + 1);
    return off;
}

void gwr_doc_free(gwr_doc *d)
{
    gwr_doc_drop_text(d);
    free(d->nodes);
    free(d->figs);
    if (d->sents_cap) free(d->sents);   /* else in the arena */
    gwr_arena_free(&d->arena);   /* strings live here */
    memset(d, 0, sizeof *d);
}

const char *gwr_doc_section_title(const gwr_doc *d, int32_t node)
{
    const char *targets = "";   /* a targets paragraph outside any section names itself */
    while (node > 0 && (size_t)node < d->nnodes) {
        const gwr_node *n = &d->nodes[node];
        if (n->kind == GWR_NODE_SECTION || n->kind == GWR_NODE_PART) return n->title ? n->title : "";
        if (n->kind == GWR_NODE_TARGETS && n->title) targets = n->title;
        node = n->parent;
    }
    return targets;
}

/* Compaction: each distinct string pointer is copied once, through a small
 * pointer map. */
typedef struct ptrmap {
    const char **from, **to;
    size_t cap;                 /* power of two */
} ptrmap;

static size_t slot_of(const ptrmap *m, const char *p)
{
    size_t h = ((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15u;
    size_t i = h & (m->cap - 1);
    while (m->from[i] && m->from[i] != p) i = (i + 1) & (m->cap - 1);
    return i;
}

/* First pass (a == NULL): counts the bytes of each distinct string.
 * Second pass: returns the copy in a. */
static const char *visit(ptrmap *m, gwr_arena *a, const char *s, size_t *total)
{
    if (!s) return NULL;
    size_t i = slot_of(m, s);
    if (m->from[i]) return m->to[i];
    m->from[i] = s;
    if (!a) {
        *total += strlen(s) + 1;
        m->to[i] = s;
        return s;
    }
    return m->to[i] = gwr_arena_strdup(a, s);
}

/* Names and values as written recur within a report (地区生产总值, 5%): they
 * are kept once by content, through a second map keyed by the text. */
static const char *visit_text(ptrmap *m, ptrmap *c, gwr_arena *a, const char *s, size_t *total)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    uint64_t h = 0xcbf29ce484222325u ^ n;
    for (size_t k = 0; k + 8 <= n; k += 8) {   /* eight bytes a step */
        uint64_t w;
        memcpy(&w, s + k, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15u;
        h ^= h >> 29;
    }
    for (size_t k = n & ~(size_t)7; k < n; k++) h = (h ^ (unsigned char)s[k]) * 0x100000001b3u;
    size_t i = (size_t)(h ^ (h >> 29)) & (c->cap - 1);
    while (c->from[i] && strcmp(c->from[i], s) != 0) i = (i + 1) & (c->cap - 1);
    if (c->from[i]) return c->to[i];
    c->from[i] = s;
    return c->to[i] = visit(m, a, s, total);
}

/* Entity, headings, names and values as written recur across reports: the
 * short ones go to the process's pool (strpool.h), one copy for every
 * document. Returns false, with nothing changed, when it is out of memory. */
static bool pool_one(const char *s, const char **out)
{
    size_t n = s ? strlen(s) : 0;
    const char *p = s && n <= GWR_STRPOOL_MAX ? gwr_strpool_get(s, n) : s;
    *out = p;
    return p || !s;
}

static bool pool_strings(gwr_doc *d)
{
    size_t n = 1 + d->nnodes + 2 * d->nfigs, k = 0;
    const char **v = malloc(n * sizeof *v);
    if (!v) return false;
    bool ok = true;
    gwr_strpool_lock();
    ok &= pool_one(d->entity, &v[k++]);
    for (size_t i = 0; ok && i < d->nnodes; i++) ok &= pool_one(d->nodes[i].title, &v[k++]);
    for (size_t i = 0; ok && i < d->nfigs; i++) {
        ok &= pool_one(d->figs[i].name, &v[k++]);
        ok &= pool_one(d->figs[i].written, &v[k++]);
    }
    gwr_strpool_unlock();
    if (ok) {
        k = 0;
        d->entity = v[k++];
        for (size_t i = 0; i < d->nnodes; i++) d->nodes[i].title = v[k++];
        for (size_t i = 0; i < d->nfigs; i++) d->figs[i].name = v[k++], d->figs[i].written = v[k++];
    }
    free(v);
    return ok;
}

/* A pooled field: only a string too long for the pool is still the doc's. */
static const char *visit_long(ptrmap *m, gwr_arena *a, const char *s, size_t *total)
{
    return s && strlen(s) > GWR_STRPOOL_MAX ? visit(m, a, s, total) : s;
}

static void walk_strings(gwr_doc *d, ptrmap *m, ptrmap *c, gwr_arena *a, size_t *total, bool pooled)
{
    d->path = visit(m, a, d->path, total);
    d->entity = pooled ? visit_long(m, a, d->entity, total) : visit(m, a, d->entity, total);
    d->title = visit(m, a, d->title, total);
    d->meeting = visit(m, a, d->meeting, total);
    d->speaker = visit(m, a, d->speaker, total);
    for (size_t i = 0; i < d->nnodes; i++)
        d->nodes[i].title = pooled ? visit_long(m, a, d->nodes[i].title, total) : visit(m, a, d->nodes[i].title, total);
    for (size_t i = 0; i < d->nfigs; i++) {
        gwr_figure *f = &d->figs[i];
        if (pooled) {
            f->name = visit_long(m, a, f->name, total);
            f->written = visit_long(m, a, f->written, total);
            continue;
        }
        /* the first pass points equal names and values at one of them: the
         * second needs only the pointer map */
        f->name = a ? visit(m, a, f->name, total) : visit_text(m, c, a, f->name, total);
        f->written = a ? visit(m, a, f->written, total) : visit_text(m, c, a, f->written, total);
    }
}

gwr_status gwr_doc_compact(gwr_doc *d)
{
    size_t n = 5 + d->nnodes + 2 * d->nfigs, cap = 16, total = d->sents_len;
    while (cap < 2 * n) cap *= 2;
    /* to[i] is read only where from[i] is set: only from is cleared */
    ptrmap m = { calloc(cap, sizeof *m.from), malloc(cap * sizeof *m.to), cap };
    ptrmap c = { calloc(cap, sizeof *c.from), malloc(cap * sizeof *c.to), cap };
    gwr_arena na;
    gwr_arena_init(&na);
    gwr_status st = GWR_E_NOMEM;             /* on failure the doc keeps its arena (and reads the same) */
    if (m.from && m.to && c.from && c.to) {
        bool pooled = pool_strings(d);
        walk_strings(d, &m, &c, NULL, &total, pooled);   /* counts; equal names and values now share one old copy */
        if (gwr_arena_reserve(&na, total)) {
            memset(m.from, 0, cap * sizeof *m.from);
            walk_strings(d, &m, &c, &na, &total, pooled);  /* every copy fits the reserved block */
            if (d->sents_len) {                    /* the sentences, in the same block */
                char *s = gwr_arena_strndup(&na, d->sents, d->sents_len - 1);
                if (d->sents_cap) free(d->sents);
                d->sents = s;
                d->sents_cap = 0;
            }
            gwr_arena_free(&d->arena);
            d->arena = na;
            st = GWR_OK;
        }
    }
    free(m.from);
    free(m.to);
    free(c.from);
    free(c.to);
    return st;
}
