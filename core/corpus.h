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
    gwr_corpus_err *errs;   /* files that could not be loaded */
    size_t          nerrs;
} gwr_corpus;

typedef struct gwr_corpus_opts {
    bool   drop_text;        /* free each doc's text after analysis */
    int    threads;          /* 0 = number of cores */
    /* progress callback (may be NULL): called from the loading thread(s) with a lock held */
    void (*progress)(void *ctx, size_t done, size_t total);
    /* called once per loaded doc, in input order, from the loading thread;
     * the doc stays owned by the corpus (may be NULL) */
    void (*on_doc)(void *ctx, size_t index, gwr_doc *doc);
    void  *ctx;
} gwr_corpus_opts;

/* Expands args (files, directories — recursively, *.txt and any regular file —
 * and "-") into a list of paths. Symlink loops and FIFOs inside directories
 * are skipped with an error entry, never followed forever or blocked on. */
gwr_status gwr_corpus_load(gwr_corpus *c, char *const *args, size_t nargs,
                           const gwr_corpus_opts *opts, gwr_err *err);
void       gwr_corpus_free(gwr_corpus *c);

#endif
