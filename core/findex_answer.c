/* findex_answer.c — the figures of a filter answer found from its matching
 * strings (sentence groups, section-title runs, name figure lists, entities)
 * when they cover few groups, so that the cost follows the answer. */
#include "findex_int.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MARKED(id) ((mark[(id) >> 6] >> ((id) & 63)) & 1)

/* ---- the figures of the matching strings, found from those strings ----
 * A figure matches when its document's entity, its group's sentence or
 * section, or its name matches. The figures are marked in a bitmap from the
 * matching strings themselves: the groups of a sentence (s_group), of a
 * section title (its list of groups, below), the figures of a name (nfig),
 * the documents of an entity; then read off in load order. The cost follows
 * the answer, not the corpus. */

static inline size_t sec_hash(uint32_t sid) { return (size_t)(sid * 0x9E3779B1u); }

void gwr_fxq_sec_free(gwr_findex *x)
{
    free(x->sec);         /* the lists' blocks belong to x->post */
    x->sec = NULL;
    x->sec_cap = x->nsec = x->sec_groups = 0;
    free(x->fbits);
    x->fbits = NULL;
    x->fbits_words = 0;
}

size_t gwr_fxq_sec_memory(const gwr_findex *x)
{
    return x->sec_cap * sizeof *x->sec + x->fbits_words * sizeof *x->fbits;
}

/* The section titles' lists of the groups that begin a run of groups under
 * one title, extended to the groups added since. */
static int sec_index(gwr_findex *x)
{
    for (size_t gi = x->sec_groups; gi < x->ngroups; gi++) {
        uint32_t s = x->groups[gi].sect;
        if (s != GWR_FX_NOSTR && (gi == 0 || x->groups[gi - 1].sect != s)) {
            if ((x->nsec + 1) * 2 > x->sec_cap) {
                size_t nc = x->sec_cap ? x->sec_cap * 2 : 1024;
                struct gwr_fx_sec *ns = calloc(nc, sizeof *ns);
                if (!ns) return -1;
                for (size_t i = 0; i < x->sec_cap; i++) {
                    if (!x->sec[i].sid) continue;
                    size_t h = sec_hash(x->sec[i].sid) & (nc - 1);
                    while (ns[h].sid) h = (h + 1) & (nc - 1);
                    ns[h] = x->sec[i];
                }
                free(x->sec);
                x->sec = ns;
                x->sec_cap = nc;
            }
            size_t mask = x->sec_cap - 1, h = sec_hash(s) & mask;
            while (x->sec[h].sid && x->sec[h].sid != s) h = (h + 1) & mask;
            if (!x->sec[h].sid) {
                x->sec[h].sid = s;
                x->nsec++;
            }
            if (gwr_post_append(&x->post, &x->sec[h].l, (uint32_t)gi) != 0) return -1;
        }
        x->sec_groups = gi + 1;
    }
    return 0;
}

/* Marks figures [lo, hi) in b. */
static inline void mark_range(uint64_t *b, size_t lo, size_t hi)
{
    if (lo >= hi) return;
    size_t wl = lo >> 6, wh = (hi - 1) >> 6;
    uint64_t ml = ~0ULL << (lo & 63), mh = ~0ULL >> (63 - ((hi - 1) & 63));
    if (wl == wh) {
        b[wl] |= ml & mh;
        return;
    }
    b[wl] |= ml;
    for (size_t w = wl + 1; w < wh; w++) b[w] = ~0ULL;
    b[wh] |= mh;
}

static inline size_t group_end(const gwr_findex *x, size_t gi)
{
    return gi + 1 < x->ngroups ? x->groups[gi + 1].first : x->n;
}

/* The figures matching the strings of mark (with status, any when < 0; no
 * keys), counted; written to out in load order when there are at most cap.
 * SIZE_MAX when the indexes are not to be had, or when the strings cover so
 * many groups that one pass over all of them costs less (the caller scans). */
size_t gwr_fxq_from_strings(gwr_findex *x, const uint64_t *mark, int status, uint32_t *out, size_t cap)
{
    if (x->oom || MARKED(GWR_FX_NOSTR)) return SIZE_MAX;
    if (gwr_fxq_sent_index(x) != 0 || sec_index(x) != 0) return SIZE_MAX;
    size_t words = (x->nstr + 63) / 64, runs = 0;
    for (size_t w = 0; w < words; w++) runs += (size_t)__builtin_popcountll(x->s_sent[w] & mark[w]);
    for (size_t h = 0; h < x->sec_cap; h++)
        if (x->sec[h].sid && MARKED(x->sec[h].sid)) runs += x->sec[h].l.count;
    if (runs > x->ngroups / 6) return SIZE_MAX;
    size_t fw = (x->n + 63) / 64;
    if (x->fbits_words < fw) {
        uint64_t *nb = realloc(x->fbits, fw * sizeof *nb);
        if (!nb) return SIZE_MAX;
        x->fbits = nb;
        x->fbits_words = fw;
    }
    uint64_t *fb = x->fbits;
    memset(fb, 0, fw * sizeof *fb);
    for (size_t d = 0; d < x->ndocs; d++)
        if (MARKED(x->docs[d].entity)) mark_range(fb, x->docs[d].first, (size_t)x->docs[d].first + x->docs[d].count);
    /* the sentences, gathered first so that their groups can be fetched ahead
       (they are far apart: waiting for each in turn costs more than a pass) */
    uint32_t *ids = x->cand;
    size_t ns = 0;
    for (size_t w = 0; w < words; w++)
        for (uint64_t b = x->s_sent[w] & mark[w]; b; b &= b - 1) ids[ns++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
    enum { AHEAD = 16 };
    for (size_t i = 0; i < ns; i++) {
        if (i + 2 * AHEAD < ns) __builtin_prefetch(&x->s_group[ids[i + 2 * AHEAD]]);
        if (i + AHEAD < ns) __builtin_prefetch(&x->groups[x->s_group[ids[i + AHEAD]]]);
        uint32_t id = ids[i];
        for (size_t gi = x->s_group[id]; gi < x->ngroups && x->groups[gi].sent == id; gi++)
            mark_range(fb, x->groups[gi].first, group_end(x, gi));
    }
    uint32_t *gl = NULL;
    size_t gl_cap = 0;
    for (size_t h = 0; h < x->sec_cap; h++) {
        const struct gwr_fx_sec *sc = &x->sec[h];
        if (!sc->sid || !MARKED(sc->sid)) continue;
        if (gl_cap < sc->l.count) {
            free(gl);
            gl_cap = sc->l.count;
            gl = malloc(gl_cap * sizeof *gl);
            if (!gl) return SIZE_MAX;
        }
        size_t ng = gwr_post_decode(&sc->l, gl);
        for (size_t i = 0; i < ng; i++) {
            size_t gi = gl[i];
            while (gi + 1 < x->ngroups && x->groups[gi + 1].sect == sc->sid) gi++;
            mark_range(fb, x->groups[gl[i]].first, group_end(x, gi));
        }
    }
    free(gl);
    for (size_t i = 0; i < x->nnames; i++) {
        if (!MARKED(x->name_str[i])) continue;
        const gwr_fx_nfig *f = &x->nfig[i];
        uint32_t pos = 0, prev = 0;
        for (uint32_t j = 0; j < f->n; j++) {
            uint32_t g = gwr_fx_nfig_next(f, &pos, &prev);
            fb[g >> 6] |= 1ULL << (g & 63);
        }
    }
    size_t total = 0;
    if (status < 0) {
        for (size_t w = 0; w < fw; w++) total += (size_t)__builtin_popcountll(fb[w]);
        if (total > cap) return total;
        size_t k = 0;
        for (size_t w = 0; w < fw; w++)
            for (uint64_t b = fb[w]; b; b &= b - 1) out[k++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
        return total;
    }
    for (size_t w = 0; w < fw; w++)
        for (uint64_t b = fb[w]; b; b &= b - 1) {
            size_t g = w * 64 + (size_t)__builtin_ctzll(b);
            if (x->f_status[g] != status) continue;
            if (total < cap) out[total] = (uint32_t)g;
            total++;
        }
    return total;
}
