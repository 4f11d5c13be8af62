/* findex_rank.c — ranking an ordinary answer of the filter and giving its
 * rows: the words a query matched in indicator names, a rank key per figure,
 * the first screens' rows picked by key, a stable counting sort for the rest.
 * findex_query.c finds the answer; findex_lazy.c ranks large ones by name. */
#include "findex_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)
#define KEYED(g) ((keys >> x->f_key[g]) & 1)

/* A fresh word table for one query, with the per-name memo x->sword sized
 * and cleared; NULL when out of memory (the words line is then left out). */
gwr_fx_words *gwr_fxq_new_words(gwr_findex *x)
{
    gwr_fx_words *w = calloc(1, sizeof *w);
    if (w && x->sword_cap < x->nstr) {
        int8_t *ns = realloc(x->sword, x->nstr);
        if (ns) x->sword = ns, x->sword_cap = x->nstr;
    }
    if (w && x->sword_cap < x->nstr) {
        free(w);
        w = NULL;
    }
    if (w) memset(x->sword, 0, x->nstr);
    return w;
}

/* Ranks the words of w by their counts, most first, into wrank (word index
 * → rank); the first four, space-separated, are appended to top (the
 * status line's "jy → 就业 …"). The counts are used up. */
void gwr_fxq_rank_words(gwr_fx_words *w, uint8_t wrank[64], char *top, size_t topcap)
{
    for (size_t r = 0; r < w->nt; r++) {
        size_t b = w->nt;
        for (size_t j = 0; j < w->nt; j++)
            if (w->t[j].n && (b == w->nt || w->t[j].n > w->t[b].n)) b = j;
        if (b == w->nt) break;
        wrank[b] = (uint8_t)r;
        if (top && r < 4) {
            size_t o = strlen(top);
            snprintf(top + o, topcap - o, "%s%s", o ? " " : "", w->t[b].w);
        }
        w->t[b].n = 0;
    }
}

/* The word a name matched (its index in w->t, -1 none), looked up once
 * per name and query: x->sword[name] is 0 while unknown, else index + 2. */
int gwr_fxq_word_of(gwr_findex *x, gwr_fx_words *w, uint32_t nm)
{
    int8_t known = x->sword[nm];
    if (known) return known - 2;
    if (w->nsampled >= WORD_SAMPLE) {
        x->sword[nm] = 1;
        return -1;
    }
    int wi = -1;
    gwr_pq_match m;
    if (gwr_pq_best(x->pq, x->str[nm], x->slen[nm], &m) && m.end > m.start && m.end - m.start < sizeof w->t[0].w) {
        size_t len = m.end - m.start;
        for (size_t j = 0; j < w->nt; j++)
            if (w->t[j].len == len && memcmp(w->t[j].w, x->str[nm] + m.start, len) == 0) {
                wi = (int)j;
                break;
            }
        if (wi < 0 && w->nt < WORD_MAX) {
            memcpy(w->t[w->nt].w, x->str[nm] + m.start, len);
            w->t[w->nt].w[len] = '\0';
            w->t[w->nt].len = len;
            w->t[w->nt].n = 0;
            wi = (int)w->nt++;
        }
    }
    x->sword[nm] = (int8_t)(wi + 2);
    w->nsampled++;
    return wi;
}

/* Rank keys of the figures of an answer (smaller first), and the keys
 * present, best first, with their counts (c->bkey, c->bcnt): keyed figures
 * first when the query names keys; then by the class of the name's match,
 * the word it matched (most frequent first) and how early; 0xFFFF: context
 * only. A figure's key holds the word's number in the table (the order of
 * first sight); the words are ranked by count once the pass is done, which
 * orders the keys, not the figures. */
/* The scratch of figures per rank key (kept zero between uses). */
static int need_hist(gwr_findex *x)
{
    if (x->hist) return 0;
    x->hist = calloc(0x10000, sizeof *x->hist);
    x->touched = malloc(0x10000 * sizeof *x->touched);
    if (x->hist && x->touched) return 0;
    free(x->hist);
    free(x->touched);
    x->hist = NULL;
    x->touched = NULL;
    return -1;
}

/* figures looked up ahead of use in the passes over an answer (they are
   scattered over the figure arrays) */
enum { AHEAD = 16 };

int gwr_fxq_rank_answer(gwr_findex *x, gwr_fx_cached *c, uint64_t keys, char *top, size_t topcap)
{
    const uint64_t *mark = x->mark;
    uint8_t wrank[64];
    for (int i = 0; i < 64; i++) wrank[i] = (uint8_t)i;
    if (top) top[0] = '\0';
    if (need_hist(x) != 0) return -1;
    uint32_t *hist = x->hist;
    size_t nt = 0;
#define COUNT(r)                                              \
    do {                                                      \
        if (!hist[r]++) x->touched[nt++] = (uint16_t)(r);     \
    } while (0)
    if (c->literal) {                 /* gwr_findex_query: load order */
        memset(c->rank, 0, c->cnt * sizeof *c->rank);
        if (c->cnt) hist[0] = (uint32_t)c->cnt, x->touched[nt++] = 0;
    } else if (keys) {
        for (size_t i = 0; i < c->cnt; i++) {
            if (i + AHEAD < c->cnt) __builtin_prefetch(&x->f_key[c->fno[i + AHEAD]]);
            uint16_t r = KEYED(c->fno[i]) ? 0 : 0xFFFF;
            c->rank[i] = r;
            COUNT(r);
        }
    } else if (!gwr_pq_is_pinyin(x->pq)) {   /* text only: names first, each part in load order */
        for (size_t i = 0; i < c->cnt; i++) {
            if (i + AHEAD < c->cnt) __builtin_prefetch(&x->f_name[c->fno[i + AHEAD]]);
            uint32_t nm = x->f_name[c->fno[i]];
            uint16_t r = nm != GWR_FX_NOSTR && MARKED(nm) ? 0 : 0xFFFF;
            c->rank[i] = r;
            COUNT(r);
        }
    } else {
        gwr_fx_words *w = gwr_fxq_new_words(x);
        for (size_t i = 0; i < c->cnt; i++) {
            if (i + AHEAD < c->cnt) __builtin_prefetch(&x->f_name[c->fno[i + AHEAD]]);
            uint32_t nm = x->f_name[c->fno[i]];
            uint16_t r = 0xFFFF;
            if (nm != GWR_FX_NOSTR && MARKED(nm)) {
                unsigned cls = x->srank[nm] / 64, pos = x->srank[nm] % 64;
                int wi = w ? gwr_fxq_word_of(x, w, nm) : -1;
                if (wi >= 0) w->t[wi].n++;
                r = (uint16_t)(cls << 12 | (unsigned)(wi >= 0 ? wi : 63) << 6 | pos);
            }
            c->rank[i] = r;
            COUNT(r);
        }
        if (w) gwr_fxq_rank_words(w, wrank, top, topcap);   /* most figures first */
        free(w);
    }
#undef COUNT
    /* the keys present, by their place in the order (insertion sort of a few hundred at most) */
    uint32_t *ord = malloc((nt ? nt : 1) * sizeof *ord);
    uint16_t *bk = malloc((nt ? nt : 1) * sizeof *bk);
    uint32_t *bc = malloc((nt ? nt : 1) * sizeof *bc);
    if (!ord || !bk || !bc) {
        for (size_t i = 0; i < nt; i++) hist[x->touched[i]] = 0;
        free(ord), free(bk), free(bc);
        return -1;
    }
    for (size_t i = 0; i < nt; i++) {
        uint16_t v = x->touched[i];
        uint32_t o = v == 0xFFFF ? 0xFFFFFFFFu : (uint32_t)(v & 0xF000) | (uint32_t)wrank[(v >> 6) & 63] << 6 | (v & 63);
        size_t k = i;
        while (k > 0 && ord[k - 1] > o) ord[k] = ord[k - 1], bk[k] = bk[k - 1], k--;
        ord[k] = o;
        bk[k] = v;
    }
    c->nname = c->cnt;
    for (size_t i = 0; i < nt; i++) {
        bc[i] = hist[bk[i]];
        hist[bk[i]] = 0;
        if (bk[i] == 0xFFFF) c->nname -= bc[i];
    }
    free(ord);
    free(c->bkey);
    free(c->bcnt);
    c->bkey = bk;
    c->bcnt = bc;
    c->nb = nt;
    return 0;
}

int gwr_fxq_grow_ranked(gwr_findex *x, size_t n)
{
    if (x->ranked_cap >= n) return 0;
    gwr_fig_ref *nr = realloc(x->ranked, (n ? n : 1) * sizeof *nr);
    if (!nr) return -1;
    x->ranked = nr;
    x->ranked_cap = n ? n : 1;
    return 0;
}

/* Stable counting sort of a whole answer by rank key into c->sorted, done
 * once per answer, when rows far down are asked for. */
static int sort_answer(gwr_findex *x, gwr_fx_cached *c)
{
    if (c->sorted_ok) return 0;
    if (need_hist(x) != 0) return -1;
    if (c->sorted_cap < c->cnt || !c->sorted) {
        free(c->sorted);
        c->sorted = malloc((c->cnt ? c->cnt : 1) * sizeof *c->sorted);
        c->sorted_cap = c->sorted ? (c->cnt ? c->cnt : 1) : 0;
        if (!c->sorted) return -1;
    }
    uint32_t *at = x->hist;          /* rank key → next place (the scratch is kept zero) */
    size_t o = 0;
    for (size_t j = 0; j < c->nb; j++) at[c->bkey[j]] = (uint32_t)o, o += c->bcnt[j];
    size_t h = 0;
    for (size_t i = 0; i < c->cnt; i++) c->sorted[at[c->rank[i]]++] = gwr_fx_ref_at(x, c->fno[i], &h);
    for (size_t j = 0; j < c->nb; j++) at[c->bkey[j]] = 0;
    c->sorted_ok = 1;
    return 0;
}


/* Rows [from, to) of a remembered answer. Rows of the first screens are
 * picked in one pass over the rank keys that stops as soon as they are
 * found; rows further down order the whole answer once. */
size_t gwr_fxq_entry_rows(gwr_findex *x, gwr_fx_cached *c, size_t from, size_t to, gwr_fig_ref *out)
{
    if (to > c->cnt) to = c->cnt;
    if (from >= to) return 0;
    size_t want = to - from;
    if (c->nb == 1) {                  /* one rank: load order */
        for (size_t i = 0, h = 0; i < want; i++) out[i] = gwr_fx_ref_at(x, c->fno[from + i], &h);
        return want;
    }
    if (c->sorted_ok || to > x->pick_max) {
        if (sort_answer(x, c) != 0) return 0;
        memcpy(out, c->sorted + from, want * sizeof *out);
        return want;
    }
    /* the buckets holding rows from and to - 1 */
    size_t jlo = 0, start = 0;
    while (jlo < c->nb && start + c->bcnt[jlo] <= from) start += c->bcnt[jlo++];
    size_t jhi = jlo, end = start;
    while (jhi < c->nb && end < to) end += c->bcnt[jhi++];
    size_t nbk = jhi - jlo;
    uint32_t *place = malloc(nbk * sizeof *place);
    if (!place || need_hist(x) != 0) {
        free(place);
        return 0;
    }
    uint32_t *map = x->hist;           /* rank key → bucket + 1 (the scratch is kept zero) */
    for (size_t j = jlo, o = start; j < jhi; o += c->bcnt[j], j++) {
        map[c->bkey[j]] = (uint32_t)(j - jlo + 1);
        place[j - jlo] = (uint32_t)o;
    }
    size_t got = 0, h = 0;
    for (size_t i = 0; i < c->cnt && got < want; i++) {
        uint32_t b = map[c->rank[i]];
        if (!b) continue;
        size_t p = place[b - 1]++;
        if (p >= from && p < to) out[p - from] = gwr_fx_ref_at(x, c->fno[i], &h), got++;
    }
    for (size_t j = jlo; j < jhi; j++) map[c->bkey[j]] = 0;
    free(place);
    return got;
}
