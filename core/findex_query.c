/* findex_query.c — answering a filter query within a frame.
 *
 * 1. Strings: a query of one or two characters is one posting list; a longer
 *    one takes its rarest pair's list (or the strings that matched the
 *    previous query, when the new query extends it and they are fewer) and
 *    checks those candidates. A pinyin query adds the strings of its
 *    syllable and initials-pair lists (findex_pinyin.c); a pinyin string to
 *    be checked must also hold a pair that can end the match (gwr_fx_tail_cands).
 *    Every check is linear in the string (core/pinyin_match.c) and polls
 *    the stop function about every megabyte, so that a key is answered
 *    during a long scan; the next call with the same query continues it.
 *    Matching strings are marked in a bitmap, with the rank of their match.
 * 2. Figures: the last few answers are remembered (as figure numbers). When
 *    the query contains a remembered query — the user typed one more
 *    character — only that answer's figures, plus figures added since, are
 *    checked; an identical query (backspace) is answered from memory. Else
 *    one pass over the documents: a document whose entity matches is taken
 *    whole, otherwise each figure's name, section and sentence are checked.
 * 3. Ranking: figures matched by indicator name (or key) first, by the rank
 *    of the name's match, then the rest; a counting sort, linear, done once
 *    per remembered answer.
 * 4. Ranking and rows of ordinary answers: findex_rank.c; large answers
 *    and the rows of any answer: findex_lazy.c.
 * The query "" returns the reference array itself. */
#include "findex_int.h"
#include "indicators_alias.h"
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int gwr_fxq_reserve(gwr_findex *x)
{
    if (x->res_cap < x->n) {
        uint32_t *nr = realloc(x->res, x->n * sizeof *nr);
        if (!nr) return -1;
        x->res = nr;
        x->res_cap = x->n;
    }
    size_t words = (x->nstr + 63) / 64;
    if (x->mark_words < words) {
        uint64_t *nm = realloc(x->mark, words * sizeof *nm);
        if (!nm) return -1;
        x->mark = nm;
        uint64_t *cm = realloc(x->cmark, words * sizeof *cm);
        if (!cm) return -1;
        x->cmark = cm;
        cm = realloc(x->pmark, words * sizeof *cm);
        if (!cm) return -1;
        x->pmark = cm;
        cm = realloc(x->tmark, words * sizeof *cm);
        if (!cm) return -1;
        x->tmark = cm;
        cm = realloc(x->prev_mark, words * sizeof *cm);
        if (!cm) return -1;
        if (x->prev_bm) memset(cm + x->mark_words, 0, (words - x->mark_words) * sizeof *cm);
        x->prev_mark = cm;

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

enum { SLICE = 1 << 20 };      /* bytes of text between two polls of the stop function */
#define EXACT 0x80000000u      /* a candidate known to match (its list is exact) */

/* Ids of the strings containing q (folded, m bytes), literally, into x->cand
 * as candidates: a query of one or two characters is exact (returns 1),
 * otherwise the candidates are to be checked (returns 0); -1: none. */
static int literal_cands(gwr_findex *x, const char *q, size_t m, size_t *ncand)
{
    const unsigned char *s = (const unsigned char *)q;
    uint32_t first = 0, prev = 0;
    size_t nc = 0, i = 0;
    const gwr_plist *best = NULL;
    *ncand = 0;
    while (i < m) {
        uint32_t c;
        i += gwr_fx_decode(s + i, m - i, &c);
        if (nc++ == 0) first = c;
        else {
            const gwr_plist *l = gwr_post_get(&x->post, gwr_pkey_pair(prev, c));
            if (!l) return -1;
            if (!best || l->count < best->count) best = l;
        }
        prev = c;
    }
    if (nc == 1) {
        const gwr_plist *l = gwr_post_get(&x->post, first);
        if (!l) return -1;
        *ncand = gwr_post_decode(l, x->cand);
        return 1;
    }
    *ncand = gwr_post_decode(best, x->cand);
    return nc == 2;
}

/* Rank of a string's match: class, then how early it ends (in characters). */
static uint8_t rank_of(gwr_pq_class c, size_t at)
{
    return (uint8_t)((c - 1) * 64 + (at < 63 ? at : 63));
}

/* Names known to match are checked all the same, for the rank of their match:
 * from mark to cmark. */
static void move_names(gwr_findex *x)
{
    for (size_t i = 0; i < x->nnames; i++) {
        uint32_t nm = x->name_str[i];
        uint64_t bit = 1ULL << (nm & 63);
        if (x->mark[nm >> 6] & bit) x->mark[nm >> 6] &= ~bit, x->cmark[nm >> 6] |= bit;
    }
}

/* A pinyin query without separators, by its initials trigrams (into
 * x->pmark): 0 when they do not apply, 1 candidates, 2 exact. */
static int plain_tri(gwr_findex *x, const gwr_pq *pq)
{
    size_t lm;
    const char *lt = gwr_pq_literal(pq, &lm);
    if (memchr(lt, ' ', lm) || memchr(lt, '\'', lm) || memchr(lt, '\t', lm)) return 0;
    const char *letters = gwr_pq_letters(pq);
    return gwr_fx_tri_cands(x, letters, strlen(letters), x->pmark, x->hits);
}

/* The strings matching the query into x->hits (their ranks in x->srank);
 * returns false when the stop function interrupted (x->pend keeps the
 * place). */
/* The strings that matched the previous query, as a bitmap (made in x->pmark
 * when the previous answer was kept as a list). */
static const uint64_t *prev_answer_bits(gwr_findex *x)
{
    if (x->prev_bm) return x->prev_mark;
    memset(x->pmark, 0, x->mark_words * sizeof *x->pmark);
    for (size_t i = 0; i < x->nprev; i++) x->pmark[x->prev_hits[i] >> 6] |= 1ULL << (x->prev_hits[i] & 63);
    return x->pmark;
}

static bool match_strings(gwr_findex *x, const char *q, size_t m, int literal, size_t *nhits)
{
    gwr_fx_pending *p = &x->pend;
    const gwr_pq *pq = x->pq;
    if (!(p->valid && p->literal == literal && strcmp(p->q, q) == 0)) {
        memset(p, 0, sizeof *p);
        size_t ncand = 0;
        int tri = 0;
        int exact = literal_cands(x, q, m, &ncand);
        bool pinyin = !literal && gwr_pq_is_pinyin(pq);
        bool narrow = x->prev_valid && x->prev_literal == literal &&
                      (strncmp(q, x->prev_q, strlen(x->prev_q)) == 0 || (!pinyin && strstr(q, x->prev_q)));
        bool from_prev = narrow && !pinyin && !x->prev_bm && (exact < 0 || x->nprev < ncand);
        if (from_prev) {
            if (x->nprev) memcpy(x->cand, x->prev_hits, x->nprev * sizeof *x->cand);
            ncand = x->nprev;
        } else if (pinyin && (tri = plain_tri(x, pq)) != 0) {
            /* by the initials trigrams: exact (mark) or to check (cmark) */
            uint64_t *t = tri == 2 ? x->mark : x->cmark, *o = tri == 2 ? x->cmark : x->mark;
            memcpy(t, x->pmark, x->mark_words * sizeof *t);
            memset(o, 0, x->mark_words * sizeof *o);
            if (narrow) {            /* every match of q matches the previous query */
                const uint64_t *pm = prev_answer_bits(x);
                for (size_t w = 0; w < x->mark_words; w++) t[w] &= pm[w];
            }
            move_names(x);
            p->bm = 1;
            ncand = 0;
        } else if (pinyin) {
            /* x->mark holds the exact candidates for now (it is rebuilt from the hits) */
            memset(x->cmark, 0, x->mark_words * sizeof *x->cmark);
            memset(x->mark, 0, x->mark_words * sizeof *x->mark);
            uint64_t *lit = exact > 0 ? x->mark : x->cmark;
            for (size_t i = 0; exact >= 0 && i < ncand; i++) lit[x->cand[i] >> 6] |= 1ULL << (x->cand[i] & 63);
            size_t lm;
            const char *lt = gwr_pq_literal(pq, &lm);
            bool plain = !memchr(lt, ' ', lm) && !memchr(lt, '\'', lm) && !memchr(lt, '\t', lm);
            /* the pinyin strings to be checked (x->tmark) must also hold a pair that can end a match */
            const char *letters = gwr_pq_letters(pq);
            size_t ml = strlen(letters);
            memset(x->tmark, 0, x->mark_words * sizeof *x->tmark);
            gwr_fx_pinyin_cands(x, letters, ml, plain, x->tmark, x->mark);
            if (narrow) {            /* every match of q matches the previous query */
                const uint64_t *pm = prev_answer_bits(x);
                for (size_t w = 0; w < x->mark_words; w++)
                    x->cmark[w] &= pm[w], x->mark[w] &= pm[w], x->tmark[w] &= pm[w];
            }
            if (plain && ml >= 3 && ml < 64) {
                /* worth it when the strings to check are long and the tail lists short */
                size_t bytes = 0;
                for (size_t w = 0; w < x->mark_words; w++)
                    for (uint64_t b = x->tmark[w]; b; b &= b - 1) bytes += x->slen[w * 64 + (size_t)__builtin_ctzll(b)];
                memset(x->pmark, 0, x->mark_words * sizeof *x->pmark);
                if (bytes > 4096 && gwr_fx_tail_cands(x, letters, ml, x->pmark, bytes / 4))
                    for (size_t w = 0; w < x->mark_words; w++) x->tmark[w] &= x->pmark[w];
            }
            /* to check (cmark): the candidates not known to match, and the names
               (checked for the rank of their match); the answer grows in mark */
            for (size_t w = 0; w < x->mark_words; w++) x->cmark[w] = (x->cmark[w] | x->tmark[w]) & ~x->mark[w];
            move_names(x);
            p->bm = 1;
            ncand = 0;
        } else if (exact < 0) {
            ncand = 0;
        }
        memcpy(p->q, q, m + 1);
        p->literal = literal;
        p->exact = exact > 0 && !pinyin && !from_prev;   /* a one- or two-character list is the answer */
        p->ncand = ncand;
        p->valid = 1;
        gwr_pq_scan_init(&p->st);
    }
    if (p->bm) {
        size_t slice = SLICE, words = x->mark_words;
        for (size_t id = p->k;;) {
            size_t w = id >> 6;
            if (w >= words) break;
            uint64_t b = x->cmark[w] & (~0ULL << (id & 63));
            while (!b && ++w < words) b = x->cmark[w];
            if (!b) break;
            id = w * 64 + (size_t)__builtin_ctzll(b);
            /* only names are ranked by their match: any other string stops at its first */
            p->st.first = !gwr_fx_is_name(x, (uint32_t)id);
            if (!gwr_pq_scan_step(pq, x->str[id], x->slen[id], &p->st, &slice)) {
                if (x->stop && x->stop(x->stop_ctx)) {
                    p->k = id;
                    return false;
                }
                slice = SLICE;
                continue;                /* the same string goes on */
            }
            if (p->st.cls) {
                x->mark[w] |= 1ULL << (id & 63);
                x->srank[id] = rank_of(p->st.cls, p->st.at);
            }
            gwr_pq_scan_init(&p->st);
            id++;
            slice = slice > 64 ? slice - 64 : 0;
            if (slice == 0) {
                if (x->stop && x->stop(x->stop_ctx)) {
                    p->k = id;
                    return false;
                }
                slice = SLICE;
            }
        }
        p->valid = 0;
        uint64_t any = 0;
        for (size_t w = 0; w < words; w++) any |= x->mark[w];
        *nhits = any != 0;
        return true;
    }
    size_t slice = SLICE, nh = p->nh;
    for (; p->k < p->ncand; p->k++) {
        uint32_t id = x->cand[p->k] & ~EXACT;
        /* an exact list is the answer; ranks matter for names of a pinyin query only
           (a Chinese query keeps load order among the names, as it always did) */
        if ((p->exact || (x->cand[p->k] & EXACT)) && (!gwr_fx_is_name(x, id) || !gwr_pq_is_pinyin(pq))) {
            x->hits[nh++] = id;
            continue;
        }
        const char *str = x->str[id];
        size_t n = x->slen[id];
        if (!gwr_pq_scan_step(pq, str, n, &p->st, &slice)) {
            if (x->stop && x->stop(x->stop_ctx)) {
                p->nh = nh;
                return false;
            }
            slice = SLICE;
            p->k--;                      /* the same string goes on */
            continue;
        }
        if (p->st.cls) {
            x->hits[nh++] = id;
            x->srank[id] = rank_of(p->st.cls, p->st.at);
        }
        gwr_pq_scan_init(&p->st);
        slice = slice > 64 ? slice - 64 : 0;
        if (slice == 0) {
            if (x->stop && x->stop(x->stop_ctx)) {
                p->k++;
                p->nh = nh;
                return false;
            }
            slice = SLICE;
        }
    }
    p->valid = 0;
    *nhits = nh;
    return true;
}

static void remember_strings(gwr_findex *x, const char *q, size_t m, size_t nh, int literal)
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
    x->prev_bm = 0;
    memcpy(x->prev_q, q, m + 1);
    x->prev_literal = literal;
    x->prev_valid = 1;
}

#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)
#define KEYED(g) ((keys >> x->f_key[g]) & 1)

#define EMIT(g)                                                                   \
    do {                                                                          \
        if (status < 0 || x->f_status[g] == status)                               \
            out[k++] = (uint32_t)(g);                                             \
    } while (0)

/* Appends to out the matching figures of documents [dlo, dhi), numbered from `from` on. */
static size_t scan_docs(const gwr_findex *x, size_t dlo, size_t dhi, size_t from, int status, uint64_t keys, uint32_t *out)
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
                    if (MARKED(x->f_name[g]) | KEYED(g)) EMIT(g);
            }
        }
    }
    return k;
}

typedef struct scan_job {
    const gwr_findex *x;
    size_t dlo, dhi, from, k;
    int status;
    uint64_t keys;
    uint32_t *out;
} scan_job;

static void *scan_job_run(void *arg)
{
    scan_job *j = arg;
    j->k = scan_docs(j->x, j->dlo, j->dhi, j->from, j->status, j->keys, j->out);
    return NULL;
}

/* First document ending after figure `from`. */
size_t gwr_fxq_doc_after(const gwr_findex *x, size_t from)
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
static size_t scan(gwr_findex *x, size_t from, int status, uint64_t keys, uint32_t *out)
{
    size_t lo = gwr_fxq_doc_after(x, from);
    if (x->n - from < x->parallel_min || x->ndocs - lo < 2) return scan_docs(x, lo, x->ndocs, from, status, keys, out);
    size_t mid = gwr_fxq_doc_after(x, from + (x->n - from) / 2);
    if (mid <= lo) mid = lo + 1;
    if (x->tmp_cap < x->n) {
        uint32_t *nt = realloc(x->tmp, x->n * sizeof *nt);
        if (!nt) return scan_docs(x, lo, x->ndocs, from, status, keys, out);
        x->tmp = nt;
        x->tmp_cap = x->n;
    }
    scan_job j = { .x = x, .dlo = mid, .dhi = x->ndocs, .from = from, .status = status, .keys = keys, .out = x->tmp };
    pthread_t th;
    if (pthread_create(&th, NULL, scan_job_run, &j) != 0) return scan_docs(x, lo, x->ndocs, from, status, keys, out);
    size_t k = scan_docs(x, lo, mid, from, status, keys, out);
    pthread_join(th, NULL);
    memcpy(out + k, x->tmp, j.k * sizeof *out);
    return k + j.k;
}


/* Appends to out the figures of base (in order) that still match. */
static size_t narrow(const gwr_findex *x, const gwr_fx_cached *base, int status, uint64_t keys, uint32_t *out)
{
    const uint64_t *mark = x->mark;
    size_t k = 0, gi = 0, di = 0;
    for (size_t i = 0; i < base->cnt; i++) {
        size_t g = base->fno[i];
        if (status >= 0 && x->f_status[g] != status) continue;
        while ((size_t)x->docs[di].first + x->docs[di].count <= g) di++;   /* the document holding g */
        const gwr_fx_doc *fd = &x->docs[di];
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
        if (MARKED(fd->entity) | MARKED(gr->sent) | MARKED(gr->sect) | MARKED(x->f_name[g]) | KEYED(g)) out[k++] = (uint32_t)g;
    }
    return k;
}

/* The answer of a cache entry into a. */
static void give(const gwr_findex *x, gwr_fx_cached *c, gwr_fx_answer *a)
{
    a->src = SRC_ENTRY + (int)(c - x->cache);
    a->gen = c->gen;
    a->n = c->cnt;
    a->nname = c->nname;
    memcpy(a->words, c->words, sizeof a->words);
}

void gwr_findex_set_stop(gwr_findex *x, int (*stop)(void *ctx), void *ctx)
{
    x->stop = stop;
    x->stop_ctx = ctx;
}

static void run(gwr_findex *x, const char *query, int status, int literal, gwr_fx_answer *a)
{
    memset(a, 0, sizeof *a);
    a->done = true;
    a->src = SRC_ALL;
    if (x->n == 0) return;
    size_t m = strlen(query);
    if (m >= GWR_FX_MAXQ) m = GWR_FX_MAXQ - 1;   /* longer queries: their first 255 bytes */
    char raw[GWR_FX_MAXQ];
    memcpy(raw, query, m);
    raw[m] = '\0';
    if (!x->pq || strcmp(x->pq_q, raw) != 0) {
        gwr_pq *nq = gwr_pq_new(raw);
        if (!nq) return;
        gwr_pq_free(x->pq);
        x->pq = nq;
        memcpy(x->pq_q, raw, m + 1);
    }
    size_t lm;
    const char *lit = gwr_pq_literal(x->pq, &lm);
    char q[GWR_FX_MAXQ];
    memcpy(q, lit, lm);
    q[lm] = '\0';
    m = lm;
    uint64_t keys = 0;
    if (!literal) {
        const gwr_indicator *ind[4];
        a->nkeys = gwr_indicator_aliases(raw, ind, 4);
        for (size_t i = 0; i < a->nkeys; i++) {
            a->keys[i] = ind[i]->key;
            for (size_t t = 0; t < gwr_indicator_count() && t < 63; t++)
                if (gwr_indicator_at(t) == ind[i]) keys |= 1ULL << (t + 1);
        }
        a->pinyin = gwr_pq_is_pinyin(x->pq);
    }
    if (m == 0 && status < 0) {
        a->n = a->nname = x->n;
        return;
    }
    if (gwr_fxq_reserve(x) != 0) return;
    if (m == 0) {
        if (gwr_fxq_grow_ranked(x, x->n) != 0) return;
        size_t k = 0, h = 0;
        for (size_t g = 0; g < x->n; g++)
            if (x->f_status[g] == status) x->ranked[k++] = gwr_fx_ref_at(x, g, &h);
        a->src = SRC_RANKED;
        a->gen = ++x->ranked_gen;
        a->n = a->nname = k;
        return;
    }
    x->clock++;
    gwr_fx_cached *base = NULL, *victim = NULL;
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if ((c->fno || c->lazy) && c->status == status && c->literal == literal && c->n_at == x->n && strcmp(c->q, raw) == 0) {
            c->used = x->clock;
            give(x, c, a);
            return;
        }
    }
    bool pinyin = !literal && gwr_pq_is_pinyin(x->pq);
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if (!c->fno || c->lazy || !(c->status == status || c->status < 0) || c->literal != literal) continue;
        if (keys) continue;                       /* key matches are not narrowed */
        bool within = pinyin ? strncmp(raw, c->q, strlen(c->q)) == 0 : strstr(raw, c->q) != NULL;
        if (within && c->q[0] && (!base || c->cnt < base->cnt)) base = c;
    }
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        gwr_fx_cached *c = &x->cache[i];
        if (c != base && (!victim || c->used < victim->used)) victim = c;
    }
    size_t nh = 0;
    const char *letters = pinyin ? gwr_pq_letters(x->pq) : "";
    int one = -1;                      /* the letter of a one-letter query */
    if (pinyin && m == 1 && letters[0] == q[0] && letters[0] >= 'a' && letters[0] <= 'z' && !letters[1]) {
        one = letters[0] - 'a';
        /* one letter: its bitmap is the answer's strings; names are checked for their rank */
        const uint64_t *lb = x->lbits[letters[0] - 'a'];
        x->pend.valid = 0;
        x->prev_valid = 0;
        for (size_t w = 0; w < x->mark_words; w++) nh |= (size_t)(x->mark[w] = lb[w]) != 0;
        const uint64_t *mark = x->mark;
        for (size_t i = 0; i < x->nnames; i++) {
            uint32_t nm = x->name_str[i];
            if (!MARKED(nm)) continue;
            gwr_pq_scan st;
            gwr_pq_scan_init(&st);
            size_t slice = SLICE;
            while (!gwr_pq_scan_step(x->pq, x->str[nm], x->slen[nm], &st, &slice)) slice = SLICE;
            if (st.cls) x->srank[nm] = rank_of(st.cls, st.at);
            else x->mark[nm >> 6] &= ~(1ULL << (nm & 63));
        }
    } else {
        if (!match_strings(x, q, m, literal, &nh)) {
            a->done = false;
            a->n = a->nname = 0;
            return;
        }
        if (x->pend.bm) {                 /* the answer's strings are in mark already */
            x->prev_valid = 0;
            if (m < GWR_FX_MAXQ) {
                memcpy(x->prev_mark, x->mark, x->mark_words * sizeof *x->mark);
                memcpy(x->prev_q, q, m + 1);
                x->prev_literal = literal;
                x->prev_bm = 1;
                x->nprev = 0;
                x->prev_valid = 1;
            }
        } else {
            remember_strings(x, q, m, nh, literal);
            memset(x->mark, 0, x->mark_words * sizeof *x->mark);
            for (size_t i = 0; i < nh; i++) x->mark[x->hits[i] >> 6] |= 1ULL << (x->hits[i] & 63);
        }
    }
    /* built in the index's scratch (x->res, room for every figure), then kept
       at its own size; buffers are replaced, not shrunk in place, so that
       the allocator reuses memory instead of faulting fresh pages in */
    /* an answer larger than this is kept lazy (when it can be) */
    size_t lazy_cap = x->n / 16 > x->lazy_min ? x->n / 16 : x->lazy_min;
    bool lazy_ok = !literal && !keys && status < 0 && !x->oom;
    if (lazy_ok && base && base->cnt > lazy_cap) base = NULL;
    /* walking a large base figure by figure (a group looked up for each) costs
       more than one pass over all groups, which is split across two threads */
    if (base && base->cnt > x->n / 64) base = NULL;
    size_t k = 0;
    if (lazy_ok && !base && nh) {
        /* most sentences match: counted by those that do not, when the answer is large */
        /* a one-letter answer's strings follow from the index alone: its
           count is kept (for as long as nothing is added) */
        gwr_fx_l1 *l1 = one >= 0 ? &x->l1[one] : NULL;
        if (l1 && l1->n_at == x->n && l1->nstr_at == x->nstr && l1->count > lazy_cap) {
            k = l1->count;
        } else {
            size_t quick = gwr_fxq_count_quick(x, x->mark);
            k = quick != SIZE_MAX && quick > lazy_cap ? quick : gwr_fxq_from_strings(x, x->mark, -1, x->res, lazy_cap);
            if (k == SIZE_MAX) k = gwr_fxq_count_all(x, x->mark, x->ndocs, x->n, lazy_cap);
            if (l1) *l1 = (gwr_fx_l1){ x->n, x->nstr, k };
        }
        if (k > lazy_cap) {
            victim->gen = ++x->gen_clock;
            victim->sorted_ok = 0;
            free(victim->sorted), free(victim->fno), free(victim->rank);
            victim->sorted = NULL, victim->fno = NULL, victim->rank = NULL;
            victim->sorted_cap = victim->cap = 0;
            memcpy(victim->q, raw, strlen(raw) + 1);
            victim->status = status;
            victim->literal = literal;
            victim->n_at = x->n;
            victim->used = x->clock;
            if (gwr_fxq_make_lazy(x, victim, k, victim->words, sizeof victim->words) != 0) {
                victim->lazy = 0;
                victim->q[0] = '\0';
                victim->cnt = 0;
                return;
            }
            give(x, victim, a);
            return;
        }
    } else if (nh && !keys && (k = gwr_fxq_from_strings(x, x->mark, status, x->res, x->n)) != SIZE_MAX) {
        /* the figures, from the strings */
    } else if ((nh || keys) && base) {
        k = narrow(x, base, status, keys, x->res);
        k += scan(x, base->n_at, status, keys, x->res + k);
    } else if (nh || keys) {
        k = scan(x, 0, status, keys, x->res);
    } else {
        k = 0;
    }
    victim->gen = ++x->gen_clock;      /* answers given from it before are gone */
    victim->lazy = 0;
    victim->sorted_ok = 0;
    free(victim->sorted);
    victim->sorted = NULL;
    victim->sorted_cap = 0;
    if (!victim->fno || victim->cap < k || victim->cap > 4 * k + 1024) {
        free(victim->fno);
        free(victim->rank);
        victim->fno = malloc((k ? k : 1) * sizeof *victim->fno);
        victim->rank = malloc((k ? k : 1) * sizeof *victim->rank);
        victim->cap = k ? k : 1;
        victim->q[0] = '\0';
        if (!victim->fno || !victim->rank) {
            free(victim->fno);
            free(victim->rank);
            victim->fno = NULL;
            victim->rank = NULL;
            victim->cap = 0;
            return;
        }
    }
    memcpy(victim->fno, x->res, k * sizeof *x->res);
    memcpy(victim->q, raw, strlen(raw) + 1);
    victim->status = status;
    victim->literal = literal;
    victim->n_at = x->n;
    victim->cnt = k;
    victim->used = x->clock;
    if (gwr_fxq_rank_answer(x, victim, keys, victim->words, sizeof victim->words) != 0) {
        victim->q[0] = '\0';
        victim->cnt = 0;
        return;
    }
    give(x, victim, a);
}

void gwr_findex_search(gwr_findex *x, const char *query, int status, gwr_fx_answer *a)
{
    run(x, query ? query : "", status, 0, a);
}

size_t gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out)
{
    gwr_fx_answer a;
    int (*stop)(void *) = x->stop;
    x->stop = NULL;
    run(x, query, status, 1, &a);
    x->stop = stop;
    /* in load order (a literal answer has one rank) */
    if (a.src != SRC_RANKED) {
        if (gwr_fxq_grow_ranked(x, a.n) != 0) return 0;
        a.n = gwr_findex_rows(x, &a, 0, a.n, x->ranked);
    }
    *out = x->ranked;
    return a.n;
}
