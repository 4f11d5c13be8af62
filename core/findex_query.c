/* findex_query.c — answering a filter query within a frame.
 *
 * 1. Strings: a query of one or two characters is one posting list; a longer
 *    one takes its rarest pair's list (or the strings that matched the
 *    previous query, when the new query contains it and they are fewer) and
 *    checks those candidates. Matching strings are marked in a bitmap.
 * 2. Figures: the last few answers are remembered (as figure numbers). When
 *    the query contains a remembered query — the user typed one more
 *    character — only that answer's figures, plus figures added since, are
 *    checked; an identical query (backspace) is answered from memory. Else
 *    one pass over the documents: a document whose entity matches is taken
 *    whole, otherwise each figure's name, section and sentence are checked.
 * The query "" returns the reference array itself. */
#include "findex_int.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static int reserve(gwr_findex *x)
{
    if (x->res_cap < x->n) {
        gwr_fig_ref *nr = realloc(x->res, x->n * sizeof *nr);
        if (!nr) return -1;
        x->res = nr;
        x->res_cap = x->n;
    }
    size_t words = (x->nstr + 63) / 64;
    if (x->mark_words < words) {
        uint64_t *nm = realloc(x->mark, words * sizeof *nm);
        if (!nm) return -1;
        x->mark = nm;
        x->mark_words = words;
    }
    if (x->cand_cap < x->nstr) {
        uint32_t *nc = realloc(x->cand, x->nstr * sizeof *nc);
        if (!nc) return -1;
        x->cand = nc;
        uint32_t *nh = realloc(x->hits, x->nstr * sizeof *nh);
        if (!nh) return -1;
        x->hits = nh;
        x->cand_cap = x->nstr;
    }
    return 0;
}

static inline unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* Does hay[0..n) contain q[0..m) (q already folded), folding ASCII case? */
static int contains(const char *hay, size_t n, const char *q, size_t m)
{
    const unsigned char *h = (const unsigned char *)hay, *p = (const unsigned char *)q;
    if (m > n) return 0;
    unsigned char c0 = p[0];
    int letter = c0 >= 'a' && c0 <= 'z';
    for (size_t i = 0; i + m <= n; i++) {
        if (!letter) {
            const unsigned char *f = memchr(h + i, c0, n - m + 1 - i);
            if (!f) return 0;
            i = (size_t)(f - h);
        } else if (fold(h[i]) != c0) {
            continue;
        }
        size_t k = 1;
        while (k < m && fold(h[i + k]) == p[k]) k++;
        if (k == m) return 1;
    }
    return 0;
}

/* Ids of the strings containing q (folded, m bytes) into x->hits; returns how many. */
static size_t match_strings(gwr_findex *x, const char *q, size_t m)
{
    const unsigned char *s = (const unsigned char *)q;
    uint32_t first = 0, prev = 0;
    size_t nc = 0, i = 0;
    const gwr_plist *best = NULL;
    while (i < m) {
        uint32_t c;
        i += gwr_fx_decode(s + i, m - i, &c);
        if (nc++ == 0) first = c;
        else {
            const gwr_plist *l = gwr_post_get(&x->post, gwr_pkey_pair(prev, c));
            if (!l) return 0;
            if (!best || l->count < best->count) best = l;
        }
        prev = c;
    }
    if (nc == 1) {
        const gwr_plist *l = gwr_post_get(&x->post, first);
        return l ? gwr_post_decode(l, x->hits) : 0;
    }
    if (nc == 2) return gwr_post_decode(best, x->hits);
    /* three characters or more: check the candidates */
    const uint32_t *cand;
    size_t ncand;
    if (x->prev_valid && x->nprev < best->count && strstr(q, x->prev_q)) {
        cand = x->prev_hits;
        ncand = x->nprev;
    } else {
        ncand = gwr_post_decode(best, x->cand);
        cand = x->cand;
    }
    size_t nh = 0;
    for (size_t k = 0; k < ncand; k++)
        if (contains(x->str[cand[k]], x->slen[cand[k]], q, m)) x->hits[nh++] = cand[k];
    return nh;
}

static void remember_strings(gwr_findex *x, const char *q, size_t m, size_t nh)
{
    x->prev_valid = 0;
    if (m >= GWR_FX_MAXQ) return;
    if (x->prev_cap < nh) {
        uint32_t *np = realloc(x->prev_hits, nh * sizeof *np);
        if (!np) return;
        x->prev_hits = np;
        x->prev_cap = nh;
    }
    if (nh) memcpy(x->prev_hits, x->hits, nh * sizeof *x->hits);
    x->nprev = nh;
    memcpy(x->prev_q, q, m + 1);
    x->prev_valid = 1;
}

#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)

#define EMIT(g)                                                                   \
    do {                                                                          \
        if (status < 0 || x->f_status[g] == status)                               \
            out[k++] = (gwr_fig_ref){ fd->index, (uint32_t)((g) - fd->first) };   \
    } while (0)

/* Appends to out the matching figures of documents [dlo, dhi), numbered from `from` on. */
static size_t scan_docs(const gwr_findex *x, size_t dlo, size_t dhi, size_t from, int status, gwr_fig_ref *out)
{
    const uint64_t *mark = x->mark;
    size_t k = 0;
    for (size_t d = dlo; d < dhi; d++) {
        const gwr_fx_doc *fd = &x->docs[d];
        size_t end = (size_t)fd->first + fd->count;
        if (MARKED(fd->entity)) {
            for (size_t g = fd->first < from ? from : fd->first; g < end; g++) EMIT(g);
            continue;
        }
        for (size_t gi = fd->gfirst; gi < (size_t)fd->gfirst + fd->gcount; gi++) {
            const gwr_fx_group *gr = &x->groups[gi];
            size_t g = gr->first, gend = gi + 1 < x->ngroups ? x->groups[gi + 1].first : x->n;
            if (gend <= from) continue;
            if (g < from) g = from;
            if (MARKED(gr->sent) | MARKED(gr->sect)) {
                for (; g < gend; g++) EMIT(g);
            } else {
                for (; g < gend; g++)
                    if (MARKED(x->f_name[g])) EMIT(g);
            }
        }
    }
    return k;
}

typedef struct scan_job {
    const gwr_findex *x;
    size_t dlo, dhi, from, k;
    int status;
    gwr_fig_ref *out;
} scan_job;

static void *scan_job_run(void *arg)
{
    scan_job *j = arg;
    j->k = scan_docs(j->x, j->dlo, j->dhi, j->from, j->status, j->out);
    return NULL;
}

/* First document ending after figure `from`. */
static size_t doc_after(const gwr_findex *x, size_t from)
{
    size_t lo = 0, hi = x->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((size_t)x->docs[mid].first + x->docs[mid].count <= from) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Appends to out the matching figures numbered from `from` on. A large scan
 * is split in two halves, the second on a helper thread. */
static size_t scan(gwr_findex *x, size_t from, int status, gwr_fig_ref *out)
{
    size_t lo = doc_after(x, from);
    if (x->n - from < x->parallel_min || x->ndocs - lo < 2) return scan_docs(x, lo, x->ndocs, from, status, out);
    size_t mid = doc_after(x, from + (x->n - from) / 2);
    if (mid <= lo) mid = lo + 1;
    if (x->tmp_cap < x->n) {
        gwr_fig_ref *nt = realloc(x->tmp, x->n * sizeof *nt);
        if (!nt) return scan_docs(x, lo, x->ndocs, from, status, out);
        x->tmp = nt;
        x->tmp_cap = x->n;
    }
    scan_job j = { .x = x, .dlo = mid, .dhi = x->ndocs, .from = from, .status = status, .out = x->tmp };
    pthread_t th;
    if (pthread_create(&th, NULL, scan_job_run, &j) != 0) return scan_docs(x, lo, x->ndocs, from, status, out);
    size_t k = scan_docs(x, lo, mid, from, status, out);
    pthread_join(th, NULL);
    memcpy(out + k, x->tmp, j.k * sizeof *out);
    return k + j.k;
}

/* Appends to out the figures of base (in order) that still match. */
static size_t narrow(const gwr_findex *x, const gwr_fx_cached *base, int status, gwr_fig_ref *out)
{
    const uint64_t *mark = x->mark;
    size_t k = 0, gi = 0;
    for (size_t i = 0; i < base->cnt; i++) {
        gwr_fig_ref r = base->refs[i];
        const gwr_fx_doc *fd = &x->docs[x->slot_of[r.doc]];
        size_t g = fd->first + r.fig;
        if (status >= 0 && x->f_status[g] != status) continue;
        /* the group holding g: results are in order, so gallop forward */
        size_t step = 1;
        while (gi + step < x->ngroups && x->groups[gi + step].first <= g) {
            gi += step;
            step *= 2;
        }
        while (step > 1) {
            step /= 2;
            if (gi + step < x->ngroups && x->groups[gi + step].first <= g) gi += step;
        }
        const gwr_fx_group *gr = &x->groups[gi];
        if (MARKED(fd->entity) | MARKED(gr->sent) | MARKED(gr->sect) | MARKED(x->f_name[g])) out[k++] = r;
    }
    return k;
}

size_t gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out)
{
    *out = x->ref;
    if (x->n == 0) return 0;
    size_t m = strlen(query);
    if (m == 0 && status < 0) return x->n;
    if (reserve(x) != 0) return 0;
    *out = x->res;
    if (m == 0) {
        size_t k = 0;
        for (size_t g = 0; g < x->n; g++)
            if (x->f_status[g] == status) x->res[k++] = x->ref[g];
        return k;
    }
    if (m >= GWR_FX_MAXQ) m = GWR_FX_MAXQ - 1;   /* longer queries: their first 255 bytes */
    char q[GWR_FX_MAXQ];
    for (size_t i = 0; i < m; i++) q[i] = (char)fold((unsigned char)query[i]);
    q[m] = '\0';
    x->clock++;
    gwr_fx_cached *base = NULL, *victim = NULL;
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if (c->refs && c->status == status && c->n_at == x->n && strcmp(c->q, q) == 0) {
            c->used = x->clock;
            *out = c->refs;
            return c->cnt;
        }
    }
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if (c->refs && (c->status == status || c->status < 0) && strstr(q, c->q) && (!base || c->cnt < base->cnt))
            base = c;
    }
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if (c != base && (!victim || c->used < victim->used)) victim = c;
    }
    size_t need = base ? base->cnt + (x->n - base->n_at) : x->n;
    if (victim->cap < need || !victim->refs) {
        gwr_fig_ref *nr = realloc(victim->refs, (need ? need : 1) * sizeof *nr);
        if (!nr) return 0;
        victim->refs = nr;
        victim->cap = need;
    }
    size_t nh = match_strings(x, q, m);
    remember_strings(x, q, m, nh);
    memset(x->mark, 0, x->mark_words * sizeof *x->mark);
    for (size_t i = 0; i < nh; i++) x->mark[x->hits[i] >> 6] |= 1ULL << (x->hits[i] & 63);
    size_t k = 0;
    if (nh && base) {
        k = narrow(x, base, status, victim->refs);
        k += scan(x, base->n_at, status, victim->refs + k);
    } else if (nh) {
        k = scan(x, 0, status, victim->refs);
    }
    memcpy(victim->q, q, m + 1);
    victim->status = status;
    victim->n_at = x->n;
    victim->cnt = k;
    victim->used = x->clock;
    *out = victim->refs;
    return k;
}
