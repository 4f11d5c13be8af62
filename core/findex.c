/* findex.c — the figure filter index: building it.
 *
 * Each figure is searchable through four strings: indicator name, section
 * title, sentence and entity. Strings are numbered once (names, titles and
 * entities are interned by content; a sentence shared by neighbouring figures
 * by pointer) and every character and character pair of every string goes
 * into a posting list (findex_post.c). Per figure the index keeps its
 * reference, status and string ids in flat arrays; the entity is kept per
 * document. Queries are answered in findex_query.c. */
#include "findex_int.h"
#include "indicators.h"
#include <stdlib.h>
#include <string.h>

void gwr_findex_free(gwr_findex *x)
{
    if (!x) return;
    gwr_post_free(&x->post);
    free(x->fdoc);
    free(x->fig_fdoc);
    gwr_fx_tri_free(&x->tri);
    gwr_fxq_sent_free(x);
    free(x->f_name);
    free(x->groups);
    free(x->f_status);
    free(x->f_key);
    free(x->srank);
    free(x->cmark);
    free(x->pmark);
    free(x->tmark);
    free(x->sword);
    free(x->rank);
    free(x->ranked);
    for (size_t i = 0; i < x->nnames; i++) free(x->nfig[i].b);
    free(x->nfig);
    free(x->name_str);
    free(x->nm_bits);
    free(x->nm_base);
    free(x->nm_num);
    for (int l = 0; l < 26; l++) free(x->lbits[l]);
    free(x->set_letters);
    gwr_fx_pre2_free(x);
    free(x->hist);
    free(x->touched);
    gwr_pq_free(x->pq);
    free(x->docs);
    free(x->str);
    free(x->slen);
    free(x->intern);
    free(x->res);
    free(x->tmp);
    free(x->mark);
    free(x->cand);
    free(x->hits);
    free(x->prev_hits);
    free(x->prev_mark);
    free(x->slot_of);
    for (int i = 0; i < GWR_FX_CACHE; i++) {
        free(x->cache[i].fno);
        free(x->cache[i].sorted);
        free(x->cache[i].rank);
        free(x->cache[i].bkey);
        free(x->cache[i].bcnt);
        free(x->cache[i].smark);
        free(x->cache[i].lnames);
        free(x->cache[i].bnm);
    }
    free(x);
}

size_t gwr_findex_size(const gwr_findex *x) { return x->n; }

size_t gwr_findex_memory(const gwr_findex *x)
{
    size_t b = x->cap * (sizeof(uint32_t) + 2) + x->docs_cap * sizeof *x->docs + x->fdoc_cap * sizeof *x->fdoc +
               x->fig_fdoc_cap * sizeof *x->fig_fdoc +
               x->groups_cap * sizeof *x->groups +
               x->str_cap * (sizeof *x->str + sizeof *x->slen + 1) + x->nintern * sizeof *x->intern +
               x->post.cap * sizeof(gwr_plist) + x->post.nslots * sizeof(uint32_t) + 0x10000 * sizeof(uint32_t) +
               x->post.bytes + x->res_cap * sizeof *x->res + x->tmp_cap * sizeof *x->tmp + x->cand_cap * 2 * sizeof(uint32_t) +
               x->prev_cap * sizeof(uint32_t) + x->mark_words * 8 * 5 + x->sword_cap + x->rank_cap * 2 + x->post.follow_bytes + 0x10000 * sizeof(gwr_follow);
    b += x->slot_cap * sizeof *x->slot_of + x->mark_words * 8 + x->ranked_cap * sizeof *x->ranked;
    for (int i = 0; i < GWR_FX_CACHE; i++)
        b += x->cache[i].cap * (sizeof(uint32_t) + sizeof(uint16_t)) + x->cache[i].sorted_cap * sizeof(gwr_fig_ref) +
             x->cache[i].nb * (sizeof(uint16_t) + sizeof(uint32_t));
    if (x->hist) b += 0x10000 * (sizeof(uint32_t) + sizeof(uint16_t));
    b += x->lbits_words * (sizeof *x->nm_bits + sizeof *x->nm_base) + x->names_cap * (sizeof *x->nfig + sizeof *x->name_str + sizeof *x->nm_num) +
         26 * x->lbits_words * 8;
    for (size_t i = 0; i < x->nnames; i++) b += x->nfig[i].cap;
    for (int i = 0; i < GWR_FX_CACHE; i++)
        b += x->cache[i].smark_words * 8;
    b += gwr_fx_tri_memory(&x->tri) + gwr_fxq_sent_memory(x) + gwr_fx_pre2_memory(x);
    return b;
}

size_t gwr_findex_pinyin_memory(const gwr_findex *x)
{
    return x->post.follow_bytes + 0x10000 * sizeof(gwr_follow) + 26 * x->lbits_words * 8 + gwr_fx_tri_memory(&x->tri) +
           (x->set_letters ? gwr_py_set_count() * sizeof *x->set_letters : 0) + gwr_fx_pre2_memory(x);
}

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h ^ (h >> 31);
}

/* The letters a query of one letter finds a string by: each Latin letter it
 * holds (folded), and the first letter of every reading of each of its
 * characters in U+3400..U+FFFF (u also for a reading in v), as the pinyin
 * candidate lists of findex_pinyin.c see them. */
static uint32_t letters_of(gwr_findex *x, const char *s, size_t n)
{
    if (!x->set_letters) {
        size_t ns = gwr_py_set_count();
        x->set_letters = calloc(ns ? ns : 1, sizeof *x->set_letters);
        if (!x->set_letters) return 0;
        for (size_t k = 0; k < ns; k++) {
            uint16_t r[8];
            size_t nr = gwr_py_set_readings(k, r, 8);
            for (size_t j = 0; j < nr; j++) {
                const char *syl = gwr_py_syllable(r[j]);
                if (syl[0] >= 'a' && syl[0] <= 'z') x->set_letters[k] |= 1u << (syl[0] - 'a');
                if (syl[0] == 'v') x->set_letters[k] |= 1u << ('u' - 'a');
            }
        }
    }
    uint32_t m = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        if (u[i] < 0x80) {
            c = u[i] | ((u[i] >= 'A' && u[i] <= 'Z') ? 0x20 : 0);
            if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
            i++;
            continue;
        }
        i += gwr_fx_decode(u + i, n - i, &c);
        if (c >= 0x3400 && c < 0x10000) {
            int set = gwr_py_set_of(c);
            if (set >= 0) m |= x->set_letters[set];
        }
    }
    return m;
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
        uint8_t *nr = realloc(x->srank, nc);
        if (!nr) goto oom;
        x->srank = nr;
        size_t words = (nc + 63) / 64;
        uint64_t *nb = realloc(x->nm_bits, words * sizeof *nb);
        if (!nb) goto oom;
        x->nm_bits = nb;
        uint32_t *nn = realloc(x->nm_base, words * sizeof *nn);
        if (!nn) goto oom;
        x->nm_base = nn;
        for (int l = 0; l < 26; l++) {
            uint64_t *lb = realloc(x->lbits[l], words * sizeof *lb);
            if (!lb) goto oom;
            x->lbits[l] = lb;      /* each word is zeroed when its first string comes */
        }
        x->lbits_words = words;
        x->str_cap = nc;
    }
    uint32_t id = (uint32_t)x->nstr;
    if (gwr_post_add(&x->post, id, s, n) != 0) goto oom;
    if (gwr_fx_tri_add(&x->tri, id, s, n) != 0) goto oom;
    if (gwr_fx_pre2_add(x, id, s, n) != 0) goto oom;
    x->str[id] = s;
    x->slen[id] = (uint32_t)n;
    if (!(id & 63)) {
        for (int l = 0; l < 26; l++) x->lbits[l][id >> 6] = 0;
        x->nm_bits[id >> 6] = 0;
        x->nm_base[id >> 6] = (uint32_t)x->nnames;   /* every name so far is an earlier string */
    }
    for (uint32_t lm = letters_of(x, s, n); lm; lm &= lm - 1) x->lbits[__builtin_ctz(lm)][id >> 6] |= 1ULL << (id & 63);
    x->srank[id] = 255;
    x->nstr++;
    return id;
oom:
    x->oom = 1;
    return GWR_FX_NOSTR;
}

gwr_findex *gwr_findex_new(void)
{
    gwr_findex *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    x->nintern = 4096;
    x->parallel_min = GWR_FX_PARALLEL;
    x->lazy_min = GWR_FX_LAZY;
    x->pick_max = GWR_FX_PICK;
    x->intern = calloc(x->nintern, sizeof *x->intern);
    if (!x->intern || gwr_post_init(&x->post) != 0 || gwr_fx_tri_init(&x->tri) != 0 || new_string(x, "", 0) != GWR_FX_NOSTR || x->nstr != 1) {
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
    if (!s || !*s) return GWR_FX_NOSTR;
    size_t n = strlen(s), mask = x->nintern - 1, h = hash_str(s, n) & mask;
    for (uint32_t v; (v = x->intern[h]) != 0; h = (h + 1) & mask)
        if (x->slen[v - 1] == n && memcmp(x->str[v - 1], s, n) == 0) return v - 1;
    uint32_t id = new_string(x, s, n);
    if (id == GWR_FX_NOSTR) return GWR_FX_NOSTR;
    x->intern[h] = id + 1;
    if (++x->ninterned * 2 > x->nintern) grow_intern(x);
    return id;
}

#define GROW(p, cap_needed)                                          \
    do {                                                             \
        void *np_ = realloc((p), (cap_needed) * sizeof *(p));        \
        if (!np_) return -1;                                         \
        (p) = np_;                                                   \
    } while (0)

static int reserve_figs(gwr_findex *x, size_t more)
{
    if (x->ndocs == x->docs_cap) {
        size_t nc = x->docs_cap ? x->docs_cap * 2 : 256;
        GROW(x->docs, nc);
        x->docs_cap = nc;
    }
    if (x->ngroups + more > x->groups_cap) {
        size_t nc = x->groups_cap ? x->groups_cap : 4096;
        while (nc < x->ngroups + more) nc *= 2;
        GROW(x->groups, nc);
        x->groups_cap = nc;
    }
    if (more) {
        if (x->nfdoc == x->fdoc_cap) {
            size_t nc = x->fdoc_cap ? x->fdoc_cap * 2 : 256;
            GROW(x->fdoc, nc);
            x->fdoc_cap = nc;
        }
        size_t steps = ((x->n + more - 1) >> GWR_FX_REF_SHIFT) + 1;
        if (steps > x->fig_fdoc_cap) {
            size_t nc = x->fig_fdoc_cap ? x->fig_fdoc_cap : 1024;
            while (nc < steps) nc *= 2;
            GROW(x->fig_fdoc, nc);
            x->fig_fdoc_cap = nc;
        }
    }
    if (x->n + more <= x->cap) return 0;
    size_t nc = x->cap ? x->cap : 4096;
    while (nc < x->n + more) nc *= 2;
    GROW(x->f_name, nc);
    GROW(x->f_status, nc);
    GROW(x->f_key, nc);
    x->cap = nc;
    return 0;
}

/* indicator table index + 1 of a figure's key (the key points into the table) */
static uint8_t key_index(const char *key)
{
    if (!key) return 0;
    for (size_t i = 0, n = gwr_indicator_count(); i < n && i < 254; i++) {
        const gwr_indicator *ind = gwr_indicator_at(i);
        if (ind->key == key || strcmp(ind->key, key) == 0) return (uint8_t)(i + 1);
    }
    return 0;
}

int gwr_fx_nfig_add(gwr_fx_nfig *f, uint32_t g)
{
    if (f->cap - f->len < 5) {                              /* room for one varint */
        uint32_t nc = f->cap ? f->cap + f->cap / 2 : 8;     /* most names hold few figures */
        if (nc < f->len + 5) nc = f->len + 5;
        GROW(f->b, nc);
        f->cap = nc;
    }
    uint32_t gap = g + 1 - f->last;
    f->last = g + 1;
    while (gap >= 128) {
        f->b[f->len++] = (uint8_t)(gap | 128);
        gap >>= 7;
    }
    f->b[f->len++] = (uint8_t)gap;
    f->n++;
    return 0;
}

/* Figure g has the name of string nm: into that name's figure list. */
static int add_name_fig(gwr_findex *x, uint32_t nm, uint32_t g)
{
    uint32_t num = gwr_fx_name_num(x, nm);
    if (!num) {
        if (x->nnames == x->names_cap) {
            size_t nc = x->names_cap ? x->names_cap * 2 : 1024;
            GROW(x->nfig, nc);
            GROW(x->name_str, nc);
            GROW(x->nm_num, nc);
            x->names_cap = nc;
        }
        x->nfig[x->nnames] = (gwr_fx_nfig){ 0 };
        x->name_str[x->nnames] = nm;
        num = (uint32_t)++x->nnames;
        /* its place among the names in string order: last, unless the
           string was first a title or an entity */
        size_t w = nm >> 6, words = (x->nstr + 63) / 64;
        uint64_t bit = 1ULL << (nm & 63);
        size_t at = x->nm_base[w] + (size_t)__builtin_popcountll(x->nm_bits[w] & (bit - 1));
        memmove(x->nm_num + at + 1, x->nm_num + at, (x->nnames - 1 - at) * sizeof *x->nm_num);
        x->nm_num[at] = num;
        x->nm_bits[w] |= bit;
        for (size_t v = w + 1; v < words; v++) x->nm_base[v]++;
    }
    return gwr_fx_nfig_add(&x->nfig[num - 1], g);
}

int gwr_findex_add_doc(gwr_findex *x, const gwr_doc *d, uint32_t doc_index)
{
    if (reserve_figs(x, d->nfigs) != 0) return -1;
    if (doc_index >= x->slot_cap) {
        size_t nc = x->slot_cap ? x->slot_cap : 256;
        while (nc <= doc_index) nc *= 2;
        GROW(x->slot_of, nc);
        x->slot_cap = nc;
    }
    x->slot_of[doc_index] = (uint32_t)x->ndocs;
    gwr_fx_doc *fd = &x->docs[x->ndocs++];
    fd->index = doc_index;
    fd->first = (uint32_t)x->n;
    fd->count = (uint32_t)d->nfigs;
    fd->gfirst = (uint32_t)x->ngroups;
    if (d->nfigs) {             /* the steps of GWR_FX_REF_STEP figures that begin in it */
        x->fdoc[x->nfdoc] = (uint32_t)(x->ndocs - 1);
        for (size_t s = (x->n + (1u << GWR_FX_REF_SHIFT) - 1) >> GWR_FX_REF_SHIFT; s << GWR_FX_REF_SHIFT < x->n + d->nfigs; s++)
            x->fig_fdoc[s] = (uint32_t)x->nfdoc;
        x->nfdoc++;
    }
    fd->entity = intern(x, d->entity);
    const char *last_sent = NULL;
    int32_t last_node = -2;
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *f = &d->figs[i];
        size_t g = x->n++;
        x->f_status[g] = (uint8_t)f->status;
        x->f_name[g] = intern(x, f->name);
        if (x->f_name[g] != GWR_FX_NOSTR && add_name_fig(x, x->f_name[g], (uint32_t)g) != 0) x->oom = 1;
        x->f_key[g] = key_index(f->key);
        const char *sent = gwr_fig_sentence(d, f);
        if (i == 0 || sent != last_sent || f->node != last_node) {
            gwr_fx_group *gr = &x->groups[x->ngroups++];
            gr->first = (uint32_t)g;
            if (i > 0 && f->node == last_node) gr->sect = gr[-1].sect;
            else gr->sect = intern(x, gwr_doc_section_title(d, f->node));
            if (i > 0 && sent == last_sent) gr->sent = gr[-1].sent;
            else gr->sent = sent && *sent ? new_string(x, sent, strlen(sent)) : GWR_FX_NOSTR;
            last_sent = sent;
            last_node = f->node;
        }
    }
    fd->gcount = (uint32_t)(x->ngroups - fd->gfirst);
    x->prev_valid = 0;
    x->pend.valid = 0;
    return x->oom ? -1 : 0;
}

void gwr_findex_loaded(gwr_findex *x)
{
    if (x) gwr_fx_tri_loaded(&x->tri);
}
