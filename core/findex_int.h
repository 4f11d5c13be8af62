/* findex_int.h — the posting lists behind the figure filter (findex_post.c):
 * for every character and every pair of adjacent characters (ASCII folded to
 * lower case), the sorted ids of the strings that contain it, as a chain of
 * blocks of Rice-coded gaps; and the index structure shared by findex.c
 * (building) and findex_query.c (answering). Not part of the public API. */
#ifndef GWR_FINDEX_INT_H
#define GWR_FINDEX_INT_H
#include <stddef.h>
#include <stdint.h>

/* A key is one character c (key = c) or a pair (key = c1 << 21 | c2). */
typedef uint64_t gwr_pkey;

/* A list is a chain of blocks carved from the slabs of its gwr_postings
 * (findex_post.c describes a block). */
typedef struct gwr_plist {
    gwr_pkey key;
    uint8_t *head;               /* first block (NULL: empty) */
    uint8_t *tail;               /* the block being filled */
    uint32_t last;               /* last string id added + 1; 0 when empty */
    uint32_t count;              /* ids in the list */
    uint16_t tn, tused;          /* the tail block's ids and bits used */
    uint8_t  tk, tcls;           /* its Rice parameter and size class */
} gwr_plist;

/* The pair lists that begin with one character (pinyin search walks them). */
typedef struct gwr_follow {
    uint32_t *v;
    uint32_t  n, cap;
} gwr_follow;

/* The figures of one indicator name, in load order: the gaps between
 * figure numbers + 1, as varints (7 bits a byte, low bits first). */
typedef struct gwr_fx_nfig {
    uint8_t  *b;
    uint32_t  n;                 /* figures */
    uint32_t  len, cap;          /* bytes used, held */
    uint32_t  last;              /* last figure + 1; 0 when empty */
} gwr_fx_nfig;

/* Appends figure g (above the last one) to l; -1 when out of memory. */
int gwr_fx_nfig_add(gwr_fx_nfig *l, uint32_t g);
/* The next figure of l: *pos and *prev (both 0 at the start) advance.
 * Call at most l->n times. */
static inline uint32_t gwr_fx_nfig_next(const gwr_fx_nfig *l, uint32_t *pos, uint32_t *prev)
{
    uint32_t v = 0;
    unsigned sh = 0;
    uint8_t c;
    do {
        c = l->b[(*pos)++];
        v |= (uint32_t)(c & 127) << sh;
        sh += 7;
    } while (c & 128);
    *prev += v;
    return *prev - 1;
}

typedef struct gwr_postings {
    gwr_plist *lists;            /* lists[0] unused: index 0 means "none" */
    size_t     nlists, cap;
    uint32_t  *slots;            /* open addressing: key hash → list index */
    size_t     nslots;           /* power of two */
    uint32_t  *bmp;              /* direct index for single BMP characters */
    gwr_follow *follow;          /* per BMP first character: its pair lists */
    gwr_follow  far;             /* pair lists whose first character is beyond the BMP */
    size_t      follow_bytes;
    uint8_t   **slabs;           /* where list blocks are carved from */
    size_t      nslabs, slabs_cap;
    size_t      slab_used;       /* bytes used of the last slab */
    size_t     bytes;            /* heap bytes held by list blocks (whole slabs) */
} gwr_postings;

int  gwr_post_init(gwr_postings *p);
void gwr_post_free(gwr_postings *p);
/* Indexes every character and character pair of s[0..n) under string id sid.
 * Ids must be added in increasing order. Returns -1 when out of memory. */
int  gwr_post_add(gwr_postings *p, uint32_t sid, const char *s, size_t n);
/* Appends sid to a list kept outside the table (zeroed to begin with; its
 * blocks come from p's slabs and are freed with p): for other lists of
 * string ids. Ids must not decrease; the last one again is ignored. */
int  gwr_post_append(gwr_postings *p, gwr_plist *l, uint32_t sid);
/* The list for key, or NULL. */
const gwr_plist *gwr_post_get(const gwr_postings *p, gwr_pkey key);
/* Decodes a list into out (room for l->count ids); returns the count. */
size_t gwr_post_decode(const gwr_plist *l, uint32_t *out);
/* Sets the bits of a list's ids in bits; returns the count. */
size_t gwr_post_mark(const gwr_plist *l, uint64_t *bits);
/* Keeps in ids[0..n) (sorted) only the ids also on l; returns how many. */
size_t gwr_post_keep(const gwr_plist *l, uint32_t *ids, size_t n);

/* Decodes one character (ASCII folded to lower case; an invalid byte becomes
 * 0x110000 + byte so that it still matches itself). Returns bytes used (≥ 1). */
size_t gwr_fx_decode(const unsigned char *s, size_t n, uint32_t *cp);

static inline gwr_pkey gwr_pkey_pair(uint32_t a, uint32_t b) { return ((gwr_pkey)1 << 63) | ((gwr_pkey)a << 21) | (gwr_pkey)b; }

/* The initials-trigram lists (findex_init.c): key (a * 26 + b) * 26 + c.
 * Only the keys a query reads are kept: those where no syllable begins
 * with a·b or with b·c. Their lists are posting lists carved from pool. */
typedef struct gwr_fx_tri {
    uint16_t *slot;              /* per key: its list + 1; 0: never read, not kept */
    gwr_plist *lists;            /* the kept keys' lists */
    size_t    nlists;
    uint32_t  one[26];           /* per letter a: the letters b (bit b) such that no
                                    syllable begins with a·b (a character takes one each) */
    gwr_postings pool;           /* only its slabs are used */
    uint32_t *set_letters;       /* per reading set: first letters of its readings */
    uint64_t *pm;                /* scratch of a query: per reading set + 1, its positions */
    /* the strings the last query checked here holds (ids < run_nstr, in
       order), and where in each its first run of letters begins */
    char      run_q[64];
    size_t    run_m, nrun, run_nstr;
    uint32_t *run_ids, *run_at;
    uint32_t *seen;              /* per key: the last string id + 1 that held it */
    uint64_t *pend;              /* key << 32 | string id, not yet on the lists: added a
                                    batch at a time, list by list (fewer cache misses) */
    size_t    npend, pend_max;   /* pend_max: GWR_FX_TRI_PEND (tests lower it) */
    size_t    slice;             /* bytes checked between two polls of the stop function
                                    (GWR_FX_TRI_SLICE; tests lower it) */
    size_t    par_min;           /* strings to check from which a helper thread takes half
                                    (GWR_FX_TRI_PAR; tests lower it) */
    int       bad;               /* a batch did not fit in memory: the lists are not used */
} gwr_fx_tri;
enum { GWR_FX_TRI_PEND = 1 << 19, GWR_FX_TRI_SLICE = 1 << 20, GWR_FX_TRI_PAR = 2048 };

int    gwr_fx_tri_init(gwr_fx_tri *t);
void   gwr_fx_tri_free(gwr_fx_tri *t);
int    gwr_fx_tri_add(gwr_fx_tri *t, uint32_t id, const char *s, size_t n);
size_t gwr_fx_tri_memory(const gwr_fx_tri *t);
/* The strings added so far onto the lists; the batch buffer is freed. */
void   gwr_fx_tri_loaded(gwr_fx_tri *t);

/* ---- the index itself (findex.c builds it, findex_query.c answers) ---- */
#include "findex.h"

/* string id 0 is the empty string: it is in no list, so it never matches */
/* scans of more figures than GWR_FX_PARALLEL use a second thread; the last
   GWR_FX_CACHE answers are kept, enough for the prefixes of a word being
   typed, so that deleting it letter by letter is answered from memory */
/* answers of more than GWR_FX_LAZY figures (and more than a sixteenth of
   them all) are kept lazy when they can be (findex_query.c) */
enum { GWR_FX_PRE2 = 16 };
enum { GWR_FX_NOSTR = 0, GWR_FX_MAXQ = 256, GWR_FX_CACHE = 10, GWR_FX_PARALLEL = 200000, GWR_FX_LAZY = 65536, GWR_FX_PICK = 4096 };

typedef struct gwr_fx_doc {
    uint32_t first, count;       /* its figures: [first, first + count) */
    uint32_t gfirst, gcount;     /* its groups */
    uint32_t entity;             /* string id */
    uint32_t index;              /* doc_index given to gwr_findex_add_doc */
} gwr_fx_doc;

/* Neighbouring figures of one sentence (and so one section): the group ends
 * where the next group begins (or at the last figure). */
typedef struct gwr_fx_group {
    uint32_t first;              /* its first figure */
    uint32_t sent, sect;         /* string ids */
} gwr_fx_group;

/* A remembered answer: the figures (in load order) matching q with status,
 * computed when the index held n_at figures. It is not ordered: each
 * figure has a rank key, and the keys present are listed best first with
 * their counts (bkey, bcnt), so that any row of the ordered answer can be
 * found without ordering it whole; `sorted` is made only when rows far
 * down are asked for. */
typedef struct gwr_fx_cached {
    char      q[GWR_FX_MAXQ];
    int       status;
    int       literal;           /* matched literally only (gwr_findex_query) */
    uint16_t *rank;              /* per answer figure: its rank key (0xFFFF: context only) */
    char      words[96];         /* the words it matched most in names */
    size_t    n_at;
    uint32_t *fno;               /* the figures, by number, in load order */
    size_t    cnt, cap;
    uint16_t *bkey;              /* the rank keys present, best first */
    uint32_t *bcnt;              /* how many figures hold each */
    size_t    nb, nname;
    gwr_fig_ref *sorted;         /* the whole answer best first, once asked for */
    size_t    sorted_cap;
    int       sorted_ok;
    unsigned long used;          /* for least-recently-used replacement */
    unsigned long gen;           /* changes whenever the entry is refilled */
    /* a large answer is not held figure by figure (lazy): it is the strings
       that matched (smark), and its names, ranked through their figure lists */
    int       lazy;
    uint64_t *smark;             /* the matching strings */
    size_t    smark_words;
    uint32_t *lnames;            /* its names (numbers), bucket by bucket */
    uint32_t *bnm;               /* per bucket: where its names begin in lnames (nb + 1) */
} gwr_fx_cached;

#include "pinyin.h"

/* The figures a one-letter query matched, with the index's size then. */
typedef struct gwr_fx_l1 {
    size_t n_at, nstr_at, count;
} gwr_fx_l1;

/* An interrupted query, continued by the next call with the same query. */
typedef struct gwr_fx_pending {
    int          valid;
    char         q[GWR_FX_MAXQ];
    int          literal;
    int          exact;          /* the candidates are the answer (names still ranked) */
    int          bm;             /* pinyin: the strings to check are the bits of cmark, the
                                    answer is built in mark (k is a string id) */
    size_t       k, ncand, nh;   /* next candidate; candidates; hits so far */
    gwr_pq_scan  st;             /* the candidate being scanned */
} gwr_fx_pending;

struct gwr_findex {
    /* figures, by number in load order */
    /* a figure's reference (document, number in it) is found from docs:
       per GWR_FX_REF_STEP figures, the place in fdoc of the document
       holding the first of them (gwr_fx_ref) */
    uint32_t    *fdoc;           /* positions in docs of the documents with figures */
    uint32_t    *fig_fdoc;
    size_t       nfdoc, fdoc_cap, fig_fdoc_cap;
    uint32_t    *f_name;         /* string id of each figure's indicator name */
    uint8_t     *f_status;
    uint8_t     *f_key;          /* indicator table index + 1, 0 without key */
    size_t       n, cap;
    gwr_fx_group *groups;        /* runs of figures sharing sentence and section */
    size_t       ngroups, groups_cap;
    gwr_fx_doc  *docs;
    uint32_t    *slot_of;        /* doc_index → position in docs */
    size_t       slot_cap;
    size_t       ndocs, docs_cap;
    /* strings */
    const char **str;            /* string id → text (owned by the docs) */
    uint32_t    *slen;
    size_t       nstr, str_cap;
    /* which strings are indicator names, and their numbers (gwr_fx_name_num):
       per 64 strings, a bit each and the count of names before them; the
       numbers + 1 of the names in string order */
    uint64_t    *nm_bits;
    uint32_t    *nm_base;
    uint32_t    *nm_num;
    uint64_t    *lbits[26];      /* per letter: the strings holding that Latin letter or a
                                    character with a reading that begins with it (a query
                                    of one letter is that bitmap) */
    size_t       lbits_words;
    uint32_t    *set_letters;    /* per reading set: its readings' first letters (bit 0 = a) */
    /* per two-letter beginning of a reading shared by the most characters
       (sh, ji, xi …, chosen from the readings table): the strings holding a
       character in U+3400..U+FFFF with a reading that begins so (findex_pinyin.c) */
    uint64_t    *p2bits[GWR_FX_PRE2];
    char         p2_key[GWR_FX_PRE2][2];
    uint32_t    *p2_set;         /* per reading set: the beginnings it has (bit i: p2_key[i]) */
    size_t       p2_n, p2_words;
    gwr_fx_nfig *nfig;           /* per name (in order of first sight): its figures, in load order */
    uint32_t    *name_str;       /* per name: its string id */
    size_t       nnames, names_cap;
    uint32_t    *intern;         /* content hash → string id + 1 */
    size_t       nintern, ninterned;
    gwr_postings post;
    gwr_fx_tri   tri;            /* initials trigrams (findex_init.c) */
    /* the groups by sentence, made when first asked for (findex_lazy.c) */
    uint32_t    *s_group;        /* per sentence string: its first group */
    uint64_t    *s_sent;         /* bitmap: the strings that are sentences of groups */
    size_t       sg_cap;         /* strings room in s_group (s_sent: sg_cap / 64 words) */
    size_t       sg_groups;      /* groups indexed so far */
    uint32_t    *nosent;         /* groups without a sentence */
    size_t       n_nosent, nosent_cap;
    /* the groups by section title, made when first asked for (findex_query.c):
       open addressing on the title's string id, each with its groups' list */
    struct gwr_fx_sec { uint32_t sid; gwr_plist l; } *sec;
    size_t       sec_cap, nsec, sec_groups;
    uint64_t    *fbits;          /* scratch: a bit per figure (findex_query.c) */
    gwr_fx_l1    l1[26];         /* per letter: the count of its one-letter answer */
    size_t       fbits_words;
    int          oom;            /* an add ran out of memory */
    /* query state */
    uint32_t    *res;            /* scratch: the figures of the answer being built */
    uint32_t    *tmp;            /* the second half of a parallel scan */
    size_t       tmp_cap;
    size_t       parallel_min;   /* GWR_FX_PARALLEL; tests lower it */
    size_t       lazy_min;       /* GWR_FX_LAZY; tests lower it */
    size_t       pick_max;       /* GWR_FX_PICK: rows beyond it order the whole answer; tests lower it */
    size_t       res_cap;
    uint64_t    *mark;           /* bitmap over string ids */
    size_t       mark_words;
    uint32_t    *cand, *hits;    /* scratch: candidate and matching string ids */
    size_t       cand_cap;
    uint32_t    *prev_hits;      /* matching string ids of the previous query */
    uint64_t    *prev_mark;      /* or, after a pinyin query, their bitmap (prev_bm) */
    int          prev_bm;
    size_t       nprev, prev_cap;
    char         prev_q[GWR_FX_MAXQ];
    int          prev_valid, prev_literal;
    gwr_fx_cached cache[GWR_FX_CACHE];
    unsigned long clock;
    /* pinyin, ranking and interruption (findex_query.c) */
    uint8_t     *srank;          /* per string: rank of its match in the last query */
    uint64_t    *cmark, *pmark;  /* candidate bitmap; the previous hits */
    uint64_t    *tmark;          /* pinyin candidates to be checked */
    uint16_t    *rank;           /* scratch: the ranks of the answer being sorted */
    size_t       rank_cap;
    int8_t      *sword;          /* per string: the word its match ranks by (findex_query.c) */
    size_t       sword_cap;
    gwr_pq      *pq;             /* the compiled query */
    char         pq_q[GWR_FX_MAXQ];
    gwr_fig_ref *ranked;         /* the answer of a query by status only */
    size_t       ranked_cap;
    unsigned long gen_clock, ranked_gen;
    uint32_t    *hist;           /* scratch: figures per rank key (65,536; kept zero) */
    uint16_t    *touched;        /* scratch: the rank keys seen */
    gwr_fx_pending pend;
    int        (*stop)(void *ctx);
    void        *stop_ctx;
};

/* The reference of figure g. *hint (start at 0) remembers the document of
 * the last call, so that figures asked for in load order cost a compare. */
enum { GWR_FX_REF_SHIFT = 6 };
static inline gwr_fig_ref gwr_fx_ref_at(const gwr_findex *x, size_t g, size_t *hint)
{
    size_t j = x->fig_fdoc[g >> GWR_FX_REF_SHIFT];
    if (*hint > j && *hint < x->nfdoc && x->docs[x->fdoc[*hint]].first <= g) j = *hint;
    while (j + 1 < x->nfdoc && x->docs[x->fdoc[j + 1]].first <= g) j++;
    *hint = j;
    const gwr_fx_doc *d = &x->docs[x->fdoc[j]];
    return (gwr_fig_ref){ d->index, (uint32_t)(g - d->first) };
}

static inline gwr_fig_ref gwr_fx_ref(const gwr_findex *x, size_t g)
{
    size_t h = 0;
    return gwr_fx_ref_at(x, g, &h);
}

/* Is string id an indicator name? */
static inline bool gwr_fx_is_name(const gwr_findex *x, uint32_t id) { return x->nm_bits[id >> 6] >> (id & 63) & 1; }

/* The number of string id among the names + 1; 0 when it is no name. */
static inline uint32_t gwr_fx_name_num(const gwr_findex *x, uint32_t id)
{
    uint64_t w = x->nm_bits[id >> 6], bit = 1ULL << (id & 63);
    if (!(w & bit)) return 0;
    return x->nm_num[x->nm_base[id >> 6] + (uint32_t)__builtin_popcountll(w & (bit - 1))];
}

/* findex_pinyin.c: candidate strings of a pinyin query (marks bits in a bitmap). */
bool gwr_fx_pinyin_cands(gwr_findex *x, const char *q, size_t m, bool plain, uint64_t *verify, uint64_t *exact);
/* findex_init.c: the strings a pinyin query (letters q[0..m), no separators)
 * can match, by its initials trigrams, into `into` (all x->mark_words words
 * written); tmp has room for x->nstr ids. Returns 0 when the query's letters
 * are not read one per character (nothing written), 1 when the strings are
 * candidates to check, 2 when every one of them matches. */
int  gwr_fx_tri_cands(gwr_findex *x, const char *q, size_t m, uint64_t *into, uint32_t *tmp);
int    gwr_fx_pre2_add(gwr_findex *x, uint32_t id, const char *s, size_t n);
void   gwr_fx_pre2_free(gwr_findex *x);
size_t gwr_fx_pre2_memory(const gwr_findex *x);
bool gwr_fx_tail_cands(gwr_findex *x, const char *q, size_t m, uint64_t *into, size_t budget);

/* Shared by findex_query.c (matching, ordinary answers) and findex_lazy.c
 * (large answers, rows). The words a query matched in indicator names
 * ("就业", "教育" for jy), counted over the answer's figures; the names looked
 * at are a sample of the first WORD_SAMPLE distinct names. */
enum { WORD_SAMPLE = 2048, WORD_MAX = 62 };

typedef struct gwr_fx_words {
    struct { char w[24]; size_t len, n; int rank; } t[WORD_MAX];
    size_t nt;
    size_t nsampled;
} gwr_fx_words;
enum { SRC_ALL = 0, SRC_RANKED = 1, SRC_ENTRY = 2 };
int      gwr_fxq_reserve(gwr_findex *x);
size_t   gwr_fxq_doc_after(const gwr_findex *x, size_t from);
gwr_fx_words *gwr_fxq_new_words(gwr_findex *x);
void     gwr_fxq_rank_words(gwr_fx_words *w, uint8_t wrank[64], char *top, size_t topcap);
int      gwr_fxq_word_of(gwr_findex *x, gwr_fx_words *w, uint32_t nm);
int      gwr_fxq_rank_answer(gwr_findex *x, gwr_fx_cached *c, uint64_t keys, char *top, size_t topcap);
int      gwr_fxq_grow_ranked(gwr_findex *x, size_t n);
size_t   gwr_fxq_entry_rows(gwr_findex *x, gwr_fx_cached *c, size_t from, size_t to, gwr_fig_ref *out);
size_t   gwr_fxq_count_all(gwr_findex *x, const uint64_t *sm, size_t dhi, size_t nfig, size_t cap);
size_t   gwr_fxq_count_quick(gwr_findex *x, const uint64_t *sm);
int      gwr_fxq_sent_index(gwr_findex *x);
void     gwr_fxq_sec_free(gwr_findex *x);
size_t   gwr_fxq_sec_memory(const gwr_findex *x);
size_t   gwr_fxq_from_strings(gwr_findex *x, const uint64_t *mark, int status, uint32_t *out, size_t cap);
void     gwr_fxq_sent_free(gwr_findex *x);
size_t   gwr_fxq_sent_memory(const gwr_findex *x);
int      gwr_fxq_make_lazy(gwr_findex *x, gwr_fx_cached *c, size_t total, char *top, size_t topcap);

#endif
