/* findex_lazy.c — large answers of the filter, not held figure by figure,
 * and the rows of any answer (gwr_findex_rows).
 * findex_query.c finds the matching strings and figures and ranks ordinary
 * answers; the two share the helpers declared in findex_int.h (gwr_fxq_*). */
#include "findex_int.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)

/* ---- large answers, not held figure by figure ----
 * A query of any status, without keys, whose answer is large (the first
 * letters of a word match most figures) keeps only the strings it matched
 * and its names; its size is counted in one pass over the groups (a group
 * whose sentence, section or entity matches counts whole), its names are
 * ranked once each, and rows are made when asked for: the names' figures
 * merged from their lists (in load order within a rank), then the context
 * figures found in load order. */

#define SMARKED(id) ((sm[(id) >> 6] >> ((id) & 63)) & 1)

/* Counts the matching figures of documents [dlo, dhi) (any status, no keys;
 * strings in sm) and writes them to out while they fit in cap. */
static size_t count_docs(const gwr_findex *x, const uint64_t *sm, size_t dlo, size_t dhi, uint32_t *out, size_t cap)
{
    size_t total = 0;
    for (size_t d = dlo; d < dhi; d++) {
        const gwr_fx_doc *fd = &x->docs[d];
        size_t first = fd->first, end = first + fd->count;
        if (SMARKED(fd->entity)) {
            if (total + fd->count <= cap)
                for (size_t g = first; g < end; g++) out[total + g - first] = (uint32_t)g;
            total += fd->count;
            continue;
        }
        size_t glast = (size_t)fd->gfirst + fd->gcount;
        for (size_t gi = fd->gfirst; gi < glast; gi++) {
            const gwr_fx_group *gr = &x->groups[gi];
            size_t g = gr->first, gend = gi + 1 < glast ? x->groups[gi + 1].first : end;
            if (SMARKED(gr->sent) | SMARKED(gr->sect)) {
                if (total + (gend - g) <= cap)
                    for (size_t h = g; h < gend; h++) out[total + h - g] = (uint32_t)h;
                total += gend - g;
            } else {
                for (; g < gend; g++)
                    if (SMARKED(x->f_name[g])) {
                        if (total < cap) out[total] = (uint32_t)g;
                        total++;
                    }
            }
        }
    }
    return total;
}

typedef struct count_job {
    const gwr_findex *x;
    const uint64_t *sm;
    size_t dlo, dhi, cap, total;
    uint32_t *out;
} count_job;

static void *count_job_run(void *arg)
{
    count_job *j = arg;
    j->total = count_docs(j->x, j->sm, j->dlo, j->dhi, j->out, j->cap);
    return NULL;
}

/* The matching figures of documents [0, dhi), counted; written to x->res
 * when there are at most cap. A large count is split in two halves, the
 * second on a helper thread. */
size_t gwr_fxq_count_all(gwr_findex *x, const uint64_t *sm, size_t dhi, size_t nfig, size_t cap)
{
    if (nfig < x->parallel_min || dhi < 2) return count_docs(x, sm, 0, dhi, x->res, cap);
    size_t mid = gwr_fxq_doc_after(x, nfig / 2);
    if (mid == 0) mid = 1;
    if (mid >= dhi) return count_docs(x, sm, 0, dhi, x->res, cap);
    if (x->tmp_cap < x->n) {
        uint32_t *nt = realloc(x->tmp, x->n * sizeof *nt);
        if (!nt) return count_docs(x, sm, 0, dhi, x->res, cap);
        x->tmp = nt;
        x->tmp_cap = x->n;
    }
    count_job j = { .x = x, .sm = sm, .dlo = mid, .dhi = dhi, .cap = cap, .out = x->tmp };
    pthread_t th;
    if (pthread_create(&th, NULL, count_job_run, &j) != 0) return count_docs(x, sm, 0, dhi, x->res, cap);
    size_t k = count_docs(x, sm, 0, mid, x->res, cap);
    pthread_join(th, NULL);
    if (k + j.total <= cap) memcpy(x->res + k, x->tmp, j.total * sizeof *x->res);
    return k + j.total;
}

/* ---- counting by the sentences that do not match ----
 * A query of one or two letters matches most sentences: its count is the
 * figures less those of the groups whose sentence does not match and that
 * do not match otherwise (section, entity, name). The groups of a sentence
 * are found through s_group, extended to the groups added since last time. */

void gwr_fxq_sent_free(gwr_findex *x)
{
    free(x->s_group);
    free(x->s_sent);
    free(x->nosent);
    x->s_group = NULL;
    x->s_sent = NULL;
    x->nosent = NULL;
    x->sg_cap = x->sg_groups = x->n_nosent = x->nosent_cap = 0;
    gwr_fxq_sec_free(x);
}

size_t gwr_fxq_sent_memory(const gwr_findex *x)
{
    return x->sg_cap * sizeof *x->s_group + x->sg_cap / 8 + x->nosent_cap * sizeof *x->nosent + gwr_fxq_sec_memory(x);
}

int gwr_fxq_sent_index(gwr_findex *x)
{
    if (x->sg_cap < x->nstr) {
        size_t nc = (x->str_cap + 63) / 64 * 64;
        uint32_t *ng = realloc(x->s_group, nc * sizeof *ng);
        if (!ng) return -1;
        x->s_group = ng;
        uint64_t *ns = realloc(x->s_sent, nc / 8);
        if (!ns) return -1;
        memset(ns + x->sg_cap / 64, 0, (nc - x->sg_cap) / 8);
        x->s_sent = ns;
        x->sg_cap = nc;
    }
    for (size_t gi = x->sg_groups; gi < x->ngroups; gi++) {
        uint32_t s = x->groups[gi].sent;
        if (s == GWR_FX_NOSTR) {
            if (x->n_nosent == x->nosent_cap) {
                size_t nc = x->nosent_cap ? x->nosent_cap * 2 : 256;
                uint32_t *nn = realloc(x->nosent, nc * sizeof *nn);
                if (!nn) return -1;
                x->nosent = nn;
                x->nosent_cap = nc;
            }
            x->nosent[x->n_nosent++] = (uint32_t)gi;
        } else if (!(x->s_sent[s >> 6] >> (s & 63) & 1)) {
            x->s_sent[s >> 6] |= 1ULL << (s & 63);
            x->s_group[s] = (uint32_t)gi;
        }
        x->sg_groups = gi + 1;
    }
    return 0;
}

/* The document holding group gi, searched from *d on (groups come in
 * increasing order: a step or two from the last one). */
static size_t doc_of_group(const gwr_findex *x, size_t gi, size_t *d)
{
    if (*d < x->ndocs && x->docs[*d].gfirst <= gi) {
        size_t k = *d;
        for (int step = 0; step < 8 && k + 1 < x->ndocs && x->docs[k + 1].gfirst <= gi; step++) k++;
        if (k + 1 >= x->ndocs || x->docs[k + 1].gfirst > gi) return *d = k;
    }
    size_t lo = 0, hi = x->ndocs;        /* the last document whose groups begin at or before gi */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (x->docs[mid].gfirst <= gi) lo = mid;
        else hi = mid;
    }
    return *d = lo;
}

/* Figures of group gi that do not match (strings in sm); its sentence does not. */
static size_t unmatched(const gwr_findex *x, const uint64_t *sm, size_t gi, size_t *d)
{
    const gwr_fx_group *gr = &x->groups[gi];
    if (SMARKED(gr->sect) || SMARKED(x->docs[doc_of_group(x, gi, d)].entity)) return 0;
    size_t gend = gi + 1 < x->ngroups ? x->groups[gi + 1].first : x->n, k = 0;
    for (size_t g = gr->first; g < gend; g++) k += !SMARKED(x->f_name[g]);
    return k;
}

/* The count of the figures matching (any status, no keys; strings in sm)
 * over the whole index, when few sentences do not match; else SIZE_MAX. */
size_t gwr_fxq_count_quick(gwr_findex *x, const uint64_t *sm)
{
    if (gwr_fxq_sent_index(x) != 0) return SIZE_MAX;
    size_t words = (x->nstr + 63) / 64, un = x->n_nosent;
    for (size_t w = 0; w < words; w++) un += (size_t)__builtin_popcountll(x->s_sent[w] & ~sm[w]);
    if (un > x->ngroups / 8) return SIZE_MAX;
    size_t total = x->n, d = 0;
    for (size_t w = 0; w < words; w++)
        for (uint64_t b = x->s_sent[w] & ~sm[w]; b; b &= b - 1) {
            uint32_t id = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
            for (size_t gi = x->s_group[id]; gi < x->ngroups && x->groups[gi].sent == id; gi++) total -= unmatched(x, sm, gi, &d);
        }
    d = 0;
    for (size_t i = 0; i < x->n_nosent; i++) total -= unmatched(x, sm, x->nosent[i], &d);
    return total;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Makes c a lazy answer of `total` figures from the strings in x->mark:
 * ranks its names (as gwr_fxq_rank_answer ranks figures: the same keys, the words
 * counted over the same figures) and lists them bucket by bucket. */
int gwr_fxq_make_lazy(gwr_findex *x, gwr_fx_cached *c, size_t total, char *top, size_t topcap)
{
    const uint64_t *mark = x->mark;
    if (top) top[0] = '\0';
    if (c->smark_words < x->mark_words || !c->smark) {
        uint64_t *nm = realloc(c->smark, x->mark_words * sizeof *nm);
        if (!nm) return -1;
        c->smark = nm;
        c->smark_words = x->mark_words;
    }
    memcpy(c->smark, x->mark, x->mark_words * sizeof *mark);
    size_t nn = 0;
    for (size_t i = 0; i < x->nnames; i++) nn += MARKED(x->name_str[i]);
    uint64_t *key = malloc((nn ? nn : 1) * sizeof *key);     /* final order << 32 | name number */
    uint16_t *pk = malloc((x->nnames ? x->nnames : 1) * sizeof *pk);
    if (!key || !pk) {
        free(key), free(pk);
        return -1;
    }
    uint8_t wrank[64];
    for (int i = 0; i < 64; i++) wrank[i] = (uint8_t)i;
    bool pinyin = gwr_pq_is_pinyin(x->pq);
    gwr_fx_words *w = NULL;
    if (pinyin) w = gwr_fxq_new_words(x);
    /* names are numbered in the order they were first seen: the order in
       which the figure pass meets them, which the word sample follows */
    size_t k = 0;
    for (size_t i = 0; i < x->nnames; i++) {
        uint32_t nm = x->name_str[i];
        if (!MARKED(nm)) continue;
        uint16_t r = 0;
        if (pinyin) {
            unsigned cls = x->srank[nm] / 64, pos = x->srank[nm] % 64;
            int wi = w ? gwr_fxq_word_of(x, w, nm) : -1;
            if (wi >= 0) w->t[wi].n += x->nfig[i].n;
            r = (uint16_t)(cls << 12 | (unsigned)(wi >= 0 ? wi : 63) << 6 | pos);
        }
        pk[i] = r;
        key[k++] = (uint64_t)i;
    }
    if (w) {
        gwr_fxq_rank_words(w, wrank, top, topcap);
        free(w);
    }
    for (size_t j = 0; j < k; j++) {
        uint16_t v = pk[key[j]];
        uint64_t o = (uint64_t)((v & 0xF000) | (unsigned)wrank[(v >> 6) & 63] << 6 | (v & 63));
        key[j] |= o << 32;
    }
    qsort(key, k, sizeof *key, cmp_u64);
    /* buckets: one per rank key present, then the context */
    size_t nb = 0;
    for (size_t j = 0; j < k; j++) nb += j == 0 || key[j] >> 32 != key[j - 1] >> 32;
    uint16_t *bk = malloc((nb + 1) * sizeof *bk);
    uint32_t *bc = malloc((nb + 1) * sizeof *bc), *bn = malloc((nb + 2) * sizeof *bn);
    uint32_t *ln = malloc((k ? k : 1) * sizeof *ln);
    if (!bk || !bc || !bn || !ln) {
        free(bk), free(bc), free(bn), free(ln), free(key), free(pk);
        return -1;
    }
    size_t b = 0, nname = 0;
    for (size_t j = 0; j < k; j++) {
        uint32_t i = (uint32_t)key[j];
        if (j == 0 || key[j] >> 32 != key[j - 1] >> 32) {
            bk[b] = pk[i];
            bc[b] = 0;
            bn[b] = (uint32_t)j;
            b++;
        }
        ln[j] = i;
        bc[b - 1] += x->nfig[i].n;
        nname += x->nfig[i].n;
    }
    bn[b] = (uint32_t)k;
    if (total > nname) {
        bk[b] = 0xFFFF;
        bc[b] = (uint32_t)(total - nname);
        bn[b + 1] = (uint32_t)k;
        b++;
    }
    free(key);
    free(pk);
    free(c->bkey), free(c->bcnt), free(c->bnm), free(c->lnames);
    c->bkey = bk;
    c->bcnt = bc;
    c->bnm = bn;
    c->lnames = ln;
    c->nb = b;
    c->nname = nname;
    c->cnt = total;
    c->lazy = 1;
    return 0;
}

/* Rows [lo, hi) of the figures of names ln[0..k) merged in load order
 * (figures numbered below n_at only). */
static size_t merge_rows(const gwr_findex *x, const uint32_t *ln, size_t k, size_t n_at, size_t lo, size_t hi, gwr_fig_ref *out)
{
    typedef struct { uint32_t g, name, at, pos, prev; } head;   /* pos, prev: where its list is read */
    head *hp = malloc((k ? k : 1) * sizeof *hp);
    if (!hp) return 0;
    size_t nh = 0, seen = 0, got = 0;
#define LESS(a, b) (hp[a].g < hp[b].g)
#define SWAP(a, b) do { head t_ = hp[a]; hp[a] = hp[b]; hp[b] = t_; } while (0)
    for (size_t j = 0; j < k; j++) {
        const gwr_fx_nfig *f = &x->nfig[ln[j]];
        if (!f->n) continue;
        uint32_t pos = 0, prev = 0, g = gwr_fx_nfig_next(f, &pos, &prev);
        if (g >= n_at) continue;
        hp[nh] = (head){ g, ln[j], 0, pos, prev };
        for (size_t c = nh++; c > 0 && LESS(c, (c - 1) / 2); c = (c - 1) / 2) SWAP(c, (c - 1) / 2);
    }
    size_t hint = 0;
    while (nh && seen < hi) {
        if (seen >= lo) out[got++] = gwr_fx_ref_at(x, hp[0].g, &hint);
        seen++;
        const gwr_fx_nfig *f = &x->nfig[hp[0].name];
        uint32_t g;
        if (++hp[0].at < f->n && (g = gwr_fx_nfig_next(f, &hp[0].pos, &hp[0].prev)) < n_at) hp[0].g = g;
        else hp[0] = hp[--nh];
        for (size_t c = 0;;) {
            size_t l = 2 * c + 1, r = l + 1, m = c;
            if (l < nh && LESS(l, m)) m = l;
            if (r < nh && LESS(r, m)) m = r;
            if (m == c) break;
            SWAP(c, m);
            c = m;
        }
    }
#undef LESS
#undef SWAP
    free(hp);
    return got;
}

/* Rows [lo, hi) of the context figures (they match, their names do not), in load order. */
static size_t context_rows(const gwr_findex *x, const gwr_fx_cached *c, size_t lo, size_t hi, gwr_fig_ref *out)
{
    const uint64_t *sm = c->smark;
    size_t seen = 0, got = 0, dhi = gwr_fxq_doc_after(x, c->n_at);
    for (size_t d = 0; d < dhi && seen < hi; d++) {
        const gwr_fx_doc *fd = &x->docs[d];
        bool ent = SMARKED(fd->entity);
        size_t glast = (size_t)fd->gfirst + fd->gcount, end = (size_t)fd->first + fd->count;
        for (size_t gi = fd->gfirst; gi < glast && seen < hi; gi++) {
            const gwr_fx_group *gr = &x->groups[gi];
            if (!(ent | SMARKED(gr->sent) | SMARKED(gr->sect))) continue;
            size_t gend = gi + 1 < glast ? x->groups[gi + 1].first : end;
            for (size_t g = gr->first; g < gend && seen < hi; g++)
                if (!SMARKED(x->f_name[g])) {
                    if (seen >= lo) out[got++] = (gwr_fig_ref){ fd->index, (uint32_t)(g - fd->first) };
                    seen++;
                }
        }
    }
    return got;
}

/* A lazy answer made whole (when rows far down are asked for): its figures
 * with their rank keys, as if it had been built so. */
static int materialise(gwr_findex *x, gwr_fx_cached *c)
{
    size_t dhi = gwr_fxq_doc_after(x, c->n_at);
    if (gwr_fxq_reserve(x) != 0) return -1;
    size_t k = gwr_fxq_count_all(x, c->smark, dhi, c->n_at, x->n);
    if (k != c->cnt) return -1;
    uint32_t *fno = malloc((k ? k : 1) * sizeof *fno);
    uint16_t *rank = malloc((k ? k : 1) * sizeof *rank);
    uint16_t *pk = malloc((x->nnames ? x->nnames : 1) * sizeof *pk);
    if (!fno || !rank || !pk) {
        free(fno), free(rank), free(pk);
        return -1;
    }
    for (size_t i = 0; i < x->nnames; i++) pk[i] = 0xFFFF;
    for (size_t b = 0; b < c->nb; b++)
        for (size_t j = c->bnm[b]; j < c->bnm[b + 1]; j++) pk[c->lnames[j]] = c->bkey[b];
    const uint64_t *sm = c->smark;
    for (size_t i = 0; i < k; i++) {
        uint32_t nm = x->f_name[x->res[i]];
        fno[i] = x->res[i];
        rank[i] = nm != GWR_FX_NOSTR && SMARKED(nm) ? pk[gwr_fx_name_num(x, nm) - 1] : 0xFFFF;
    }
    free(pk);
    free(c->fno), free(c->rank);
    c->fno = fno;
    c->rank = rank;
    c->cap = k ? k : 1;
    c->lazy = 0;
    return 0;
}

static size_t lazy_rows(gwr_findex *x, gwr_fx_cached *c, size_t from, size_t to, gwr_fig_ref *out)
{
    if (to > x->pick_max) {
        if (materialise(x, c) != 0) return 0;
        return gwr_fxq_entry_rows(x, c, from, to, out);
    }
    size_t got = 0, bs = 0;
    for (size_t b = 0; b < c->nb && bs < to; bs += c->bcnt[b], b++) {
        size_t be = bs + c->bcnt[b];
        if (be <= from) continue;
        size_t lo = (from > bs ? from : bs) - bs, hi = (to < be ? to : be) - bs;
        gwr_fig_ref *o = out + (bs + lo - from);
        size_t n = c->bkey[b] == 0xFFFF && b + 1 == c->nb ? context_rows(x, c, lo, hi, o)
                                                           : merge_rows(x, c->lnames + c->bnm[b], c->bnm[b + 1] - c->bnm[b], c->n_at, lo, hi, o);
        if (n != hi - lo) return got;
        got += n;
    }
    return got;
}

size_t gwr_findex_rows(gwr_findex *x, const gwr_fx_answer *a, size_t from, size_t to, gwr_fig_ref *out)
{
    if (to > a->n) to = a->n;
    if (from >= to) return 0;
    switch (a->src) {
    case SRC_ALL:
        if (to > x->n) return 0;
        for (size_t g = from, h = 0; g < to; g++) out[g - from] = gwr_fx_ref_at(x, g, &h);
        return to - from;
    case SRC_RANKED:
        if (a->gen != x->ranked_gen || to > x->ranked_cap) return 0;
        memcpy(out, x->ranked + from, (to - from) * sizeof *out);
        return to - from;
    default: {
        int slot = a->src - SRC_ENTRY;
        if (slot < 0 || slot >= GWR_FX_CACHE) return 0;
        gwr_fx_cached *c = &x->cache[slot];
        if (!(c->fno || c->lazy) || c->gen != a->gen || c->cnt != a->n) return 0;
        return c->lazy ? lazy_rows(x, c, from, to, out) : gwr_fxq_entry_rows(x, c, from, to, out);
    }
    }
}
