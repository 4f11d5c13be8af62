/* findex.h — the figure filter index: answers "which figures match what the
 * user has typed so far" across a whole corpus within a frame.
 * Built incrementally as documents are loaded (the interface filters while
 * a large corpus is still loading). */
#ifndef GWR_FINDEX_H
#define GWR_FINDEX_H
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

typedef struct gwr_fig_ref {
    uint32_t doc;   /* index given to gwr_findex_add_doc */
    uint32_t fig;   /* index into that doc's figs */
} gwr_fig_ref;

typedef struct gwr_findex gwr_findex;

gwr_findex *gwr_findex_new(void);
void        gwr_findex_free(gwr_findex *x);
/* Adds every figure of d; the doc must outlive the index. Not thread-safe
 * against a concurrent query: callers serialise add and query. */
int         gwr_findex_add_doc(gwr_findex *x, const gwr_doc *d, uint32_t doc_index);
/* Loading is over (for now): what only adding needs is given back. More
 * documents may still be added afterwards. */
void        gwr_findex_loaded(gwr_findex *x);
size_t      gwr_findex_size(const gwr_findex *x);
/* Bytes held by the index (for statistics). */
size_t      gwr_findex_memory(const gwr_findex *x);
/* Of those, the bytes that serve pinyin only (the pair vectors per first
 * character, the strings per letter). */
size_t      gwr_findex_pinyin_memory(const gwr_findex *x);

/* Figures whose indicator name, section title, sentence or entity contain
 * `query` (UTF-8 substring; ASCII case-insensitive; "" matches all) and
 * whose status is `status` (-1 any). Results in load order. *out points to
 * storage owned by the index, valid until the next query or add. */
size_t      gwr_findex_query(gwr_findex *x, const char *query, int status, const gwr_fig_ref **out);

/* The search people type: the query is matched literally and, when it is
 * made of Latin letters, as pinyin (core/pinyin.h); a query naming
 * indicators in English or by key (gdp, jobs, urban_jobs: indicators_alias.h)
 * matches every figure keyed to them, and its other matches count as
 * context. Figures whose indicator name (or key) matches come first, best
 * first: literal, then full pinyin, then mixed, then initials, an earlier
 * match first; then the figures that match only by section, sentence or
 * entity, in load order. */
typedef struct gwr_fx_answer {
    size_t n;                    /* all matches */
    size_t nname;                /* rows [0, nname) match by indicator name or key */
    bool   done;                 /* false: interrupted by the stop function; the
                                    same call again continues where it stopped */
    bool   pinyin;               /* the query was also read as pinyin */
    const char *keys[4];         /* indicator keys the query names */
    size_t nkeys;
    char   words[96];            /* what it matched most in names: "就业 教育 建议" */
    int    src;                  /* which answer of the index (for gwr_findex_rows) */
    unsigned long gen;
} gwr_fx_answer;

/* Polled while a long query runs (about every megabyte of text); a true
 * return interrupts it. NULL: never interrupted. */
void gwr_findex_set_stop(gwr_findex *x, int (*stop)(void *ctx), void *ctx);
void gwr_findex_search(gwr_findex *x, const char *query, int status, gwr_fx_answer *a);
/* Rows [from, to) of answer a, in its order, into out; returns how many
 * were written (fewer near the end; 0 when the index no longer holds the
 * answer: search again). A search does not order its answer: the rows of
 * the first screens are picked from it (the cost follows the position of
 * the last row asked for); rows further down rank it whole, once. An
 * answer stays held until several other searches have been made. */
size_t gwr_findex_rows(gwr_findex *x, const gwr_fx_answer *a, size_t from, size_t to, gwr_fig_ref *out);

#endif
