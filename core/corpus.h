/* corpus.h — many reports: expanding directories, loading in parallel,
 * keeping going past bad files. Output order is deterministic (sorted paths). */
#ifndef GWR_CORPUS_H
#define GWR_CORPUS_H
#include <stdbool.h>
#include "doc.h"

typedef struct gwr_corpus_err {
    char *path;
    gwr_err err;
} gwr_corpus_err;

typedef struct gwr_corpus {
    gwr_doc       **docs;   /* successfully loaded, in input order (dirs expanded, sorted) */
    size_t          ndocs;
    gwr_corpus_err *errs;   /* files that could not be loaded, in input order
                             * (problems met while expanding directories first) */
    size_t          nerrs;
} gwr_corpus;

typedef struct gwr_corpus_opts {
    bool   drop_text;        /* free each doc's text after analysis */
    int    threads;          /* 0 = number of cores */
    /* progress callback (may be NULL): done = files handled so far (loaded or
     * failed), in input order; calls are serialised (never concurrent) */
    void (*progress)(void *ctx, size_t done, size_t total);
    /* called once per loaded doc, in input order, from one of the loading
     * threads (calls are serialised, never concurrent); index is the doc's
     * index in c->docs. The doc stays owned by the corpus unless hand_over. (may be NULL) */
    void (*on_doc)(void *ctx, size_t index, gwr_doc *doc);
    void  *ctx;
    /* streaming: on_doc takes ownership of each doc (gwr_doc_free + free);
     * c->docs stays empty, ndocs still counts the loaded docs. A doc handed
     * over is as analysis left it, not compacted: a receiver that keeps it
     * long calls gwr_doc_compact itself. */
    bool   hand_over;
    /* work that need not wait for input order (may be NULL): called once per
     * loaded doc on the thread that loaded it, concurrently with other calls
     * and in no particular order, right after analysis; what it returns is
     * passed to on_prepared, which is then called instead of on_doc, in input
     * order like on_doc. The serial part of streaming (on_prepared) is then
     * only what must be in order, e.g. writing text prepare has rendered. */
    void *(*prepare)(void *ctx, const gwr_doc *doc);
    void (*on_prepared)(void *ctx, size_t index, gwr_doc *doc, void *prep);
} gwr_corpus_opts;

/* Expands args (files, directories — recursively, *.txt and any regular file —
 * and "-") into a list of paths and loads them on opts->threads threads.
 * Symlink loops and FIFOs inside directories are skipped with an error entry,
 * never followed forever or blocked on. Returns an error only when out of
 * memory; files that cannot be loaded are listed in c->errs. */
gwr_status gwr_corpus_load(gwr_corpus *c, char *const *args, size_t nargs,
                           const gwr_corpus_opts *opts, gwr_err *err);
void       gwr_corpus_free(gwr_corpus *c);

#endif
