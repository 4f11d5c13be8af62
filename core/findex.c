/* findex.c — the figure filter index.
 *
 * Each figure is searchable through four strings: indicator name, section
 * title, sentence and entity. Strings are numbered once (names, titles and
 * entities are interned by content; a sentence shared by neighbouring figures
 * by pointer) and every character and character pair of every string is put
 * in a posting list (findex_post.c). A query of one or two characters is then
 * answered by one list; a longer one takes its rarest pair's list — or the
 * previous answer when the query extends the previous query and that answer
 * is smaller — and checks those candidates. Matching strings are marked in a
 * bitmap, and one pass over the figures (in load order) collects those with a
 * marked string. No text is rescanned per keystroke. */
#include "findex.h"
#include "findex_int.h"
#include <stdlib.h>
#include <string.h>

/* string id 0 is the empty string: it is in no list, so it never matches */
enum { NO_STR = 0, NSTR = 4, MAXQ = 256 };

typedef struct fent {
    uint32_t s[NSTR];            /* name, section, sentence, entity ids or NO_STR */
    uint8_t  status;
} fent;

struct gwr_findex {
    fent        *fig;
    gwr_fig_ref *ref;
    size_t       n, cap;
    const char **str;            /* string id → text (owned by the docs) */
    uint32_t    *slen;
    size_t       nstr, str_cap;
    uint32_t    *intern;         /* content hash → string id + 1 */
    size_t       nintern;        /* power of two */
    size_t       ninterned;
    gwr_postings post;
    /* query state */
    gwr_fig_ref *res;
    size_t       res_cap;
    uint64_t    *mark;           /* bitmap over string ids */
    size_t       mark_words;
    uint32_t    *cand, *hits;    /* scratch: candidate and matching string ids */
    size_t       cand_cap;
    uint32_t    *prev_hits;      /* matching ids of the previous query */
    size_t       nprev, prev_cap;
    char         prev_q[MAXQ];
    int          prev_valid;
    int          oom;            /* an add ran out of memory */
};


void gwr_findex_free(gwr_findex *x)
{
    if (!x) return;
    gwr_post_free(&x->post);
    free(x->fig);
    free(x->ref);
    free(x->str);
    free(x->slen);
    free(x->intern);
    free(x->res);
    free(x->mark);
    free(x->cand);
    free(x->hits);
    free(x->prev_hits);
    free(x);
}

size_t gwr_findex_size(const gwr_findex *x) { return x->n; }

size_t gwr_findex_memory(const gwr_findex *x)
{
    return x->cap * (sizeof *x->fig + sizeof *x->ref) + x->str_cap * (sizeof *x->str + sizeof *x->slen) +
           x->nintern * sizeof *x->intern + x->post.cap * sizeof(gwr_plist) +
           x->post.nslots * sizeof(uint32_t) + 0x10000 * sizeof(uint32_t) + x->post.bytes +
           x->res_cap * sizeof *x->res + x->cand_cap * 2 * sizeof(uint32_t) + x->prev_cap * sizeof(uint32_t) +
           x->mark_words * 8;
}

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h ^ (h >> 31);
}

static uint32_t new_string(gwr_findex *x, const char *s, size_t n)
{
    if (x->nstr == x->str_cap) {
        size_t nc = x->str_cap ? x->str_cap * 2 : 4096;
        const char **ns = realloc(x->str, nc * sizeof *ns);
        if (!ns) goto oom;
        x->str = ns;
        uint32_t *nl = realloc(x->slen, nc * sizeof *nl);
        if (!nl) goto oom;
        x->slen = nl;
        x->str_cap = nc;
    }
    uint32_t id = (uint32_t)x->nstr;
    if (gwr_post_add(&x->post, id, s, n) != 0) goto oom;
    x->str[id] = s;
    x->slen[id] = (uint32_t)n;
    x->nstr++;
    return id;
oom:
    x->oom = 1;
    return NO_STR;
}

gwr_findex *gwr_findex_new(void)
{
    gwr_findex *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    x->nintern = 4096;
    x->intern = calloc(x->nintern, sizeof *x->intern);
    if (!x->intern || gwr_post_init(&x->post) != 0 || new_string(x, "", 0) != NO_STR || x->nstr != 1) {
        gwr_findex_free(x);
        return NULL;
    }
    return x;
}
static int grow_intern(gwr_findex *x)
{
    size_t ns = x->nintern * 2;
    uint32_t *t = calloc(ns, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < x->nintern; i++) {
        uint32_t v = x->intern[i];
        if (!v) continue;
        size_t h = hash_str(x->str[v - 1], x->slen[v - 1]) & (ns - 1);
        while (t[h]) h = (h + 1) & (ns - 1);
        t[h] = v;
    }
    free(x->intern);
    x->intern = t;
    x->nintern = ns;
    return 0;
}

/* Id of a short string, shared by every equal string. */
static uint32_t intern(gwr_findex *x, const char *s)
{
    if (!s || !*s) return NO_STR;
    size_t n = strlen(s), mask = x->nintern - 1, h = hash_str(s, n) & mask;
    for (uint32_t v; (v = x->intern[h]) != 0; h = (h + 1) & mask)
        if (x->slen[v - 1] == n && memcmp(x->str[v - 1], s, n) == 0) return v - 1;
    uint32_t id = new_string(x, s, n);
    if (id == NO_STR) return NO_STR;
    x->intern[h] = id + 1;
    if (++x->ninterned * 2 > x->nintern) grow_intern(x);
    return id;
}


int gwr_findex_add_doc(gwr_findex *x, const gwr_doc *d, uint32_t doc_index)
{
    if (x->n + d->nfigs > x->cap) {
        size_t nc = x->cap ? x->cap : 1024;
        while (nc < x->n + d->nfigs) nc *= 2;
        fent *nf = realloc(x->fig, nc * sizeof *nf);
        if (!nf) return -1;
        x->fig = nf;
        gwr_fig_ref *nr = realloc(x->ref, nc * sizeof *nr);
        if (!nr) return -1;
        x->ref = nr;
        x->cap = nc;
    }
    uint32_t entity = intern(x, d->entity);
    const char *last_sent = NULL;
    uint32_t last_sid = NO_STR;
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *f = &d->figs[i];
        fent *e = &x->fig[x->n];
        e->s[0] = intern(x, f->name);
        e->s[1] = intern(x, gwr_doc_section_title(d, f->node));
        if (f->sentence && *f->sentence) {
            if (f->sentence != last_sent) {
                last_sent = f->sentence;
                last_sid = new_string(x, f->sentence, strlen(f->sentence));
            }
            e->s[2] = last_sid;
        } else {
            e->s[2] = NO_STR;
        }
        e->s[3] = entity;
        e->status = (uint8_t)f->status;
        x->ref[x->n] = (gwr_fig_ref){ doc_index, (uint32_t)i };
        x->n++;
    }
    x->prev_valid = 0;
    return x->oom ? -1 : 0;
}

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

/* Ids of the strings containing q (folded, m bytes); returns how many are in x->hits. */
static size_t match_strings(gwr_findex *x, const char *q, size_t m)
{
    const unsigned char *s = (const unsigned char *)q;
    uint32_t cp[3];
    size_t nc = 0, i = 0;
    const gwr_plist *best = NULL;
    uint32_t prev = 0;
    while (i < m) {
        uint32_t c;
        i += gwr_fx_decode(s + i, m - i, &c);
        if (nc < 3) cp[nc] = c;
        nc++;
        if (nc >= 2) {
            const gwr_plist *l = gwr_post_get(&x->post, gwr_pkey_pair(prev, c));
            if (!l) return 0;
            if (!best || l->count < best->count) best = l;
        }
        prev = c;
    }
    if (nc == 1) {
        const gwr_plist *l = gwr_post_get(&x->post, cp[0]);
        return l ? gwr_post_decode(l, x->hits) : 0;
    }
    if (nc == 2) return gwr_post_decode(best, x->hits);
    /* three characters or more: check the candidates */
    const uint32_t *cand;
    size_t ncand;
    if (x->prev_valid && x->nprev < best->count && strstr(q, x->prev_q)) {
        cand = x->prev_hits;     /* the query extends the previous one */
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

static void remember(gwr_findex *x, const char *q, size_t m, size_t nh)
{
    x->prev_valid = 0;
    if (m >= MAXQ) return;
    if (x->prev_cap < nh) {
        uint32_t *np = realloc(x->prev_hits, nh * sizeof *np);
        if (!np) return;
        x->prev_hits = np;
        x->prev_cap = nh;
    }
    if (nh) memcpy(x->prev_hits, x->hits, nh * sizeof *x->hits);
    x->nprev = nh;
    memcpy(x->prev_q, q, m);
    x->prev_q[m] = '\0';
    x->prev_valid = 1;
}

size_t gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out)
{
    *out = x->res;
    if (x->n == 0 || reserve(x) != 0) return 0;
    *out = x->res;
    size_t m = strlen(query), k = 0;
    if (m == 0) {
        for (size_t i = 0; i < x->n; i++)
            if (status < 0 || x->fig[i].status == status) x->res[k++] = x->ref[i];
        return k;
    }
    char qbuf[MAXQ];
    char *q = m < MAXQ ? qbuf : malloc(m + 1);
    if (!q) return 0;
    for (size_t i = 0; i <= m; i++) q[i] = (char)fold((unsigned char)query[i]);
    size_t nh = match_strings(x, q, m);
    remember(x, q, m, nh);
    if (q != qbuf) free(q);
    if (nh == 0) return 0;
    uint64_t *mark = x->mark;
    memset(mark, 0, x->mark_words * sizeof *mark);
    for (size_t i = 0; i < nh; i++) mark[x->hits[i] >> 6] |= 1ULL << (x->hits[i] & 63);
#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)
    for (size_t i = 0; i < x->n; i++) {
        const fent *e = &x->fig[i];
        if (status >= 0 && e->status != status) continue;
        if (MARKED(e->s[0]) | MARKED(e->s[1]) | MARKED(e->s[2]) | MARKED(e->s[3])) x->res[k++] = x->ref[i];
    }
#undef MARKED
    return k;
}
