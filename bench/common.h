/* common.h — shared by the benchmark drivers: load a corpus into the
 * in-memory model the way the interface does (texts dropped after analysis,
 * every document's figures added to the filter index as it arrives). */
#ifndef GWR_BENCH_COMMON_H
#define GWR_BENCH_COMMON_H
#include <stddef.h>
#include "corpus.h"
#include "findex.h"

typedef struct bench_model {
    gwr_corpus  corpus;
    gwr_findex *fx;
    size_t      nfigs;
    double      seconds;      /* wall time of the load */
    double      index_seconds; /* time spent adding documents to the filter index */
} bench_model;

double bench_now(void);
/* Loads args; threads 0 = all cores. Exits with a message on failure. */
void   bench_load(bench_model *m, char **args, size_t nargs, int threads);
void   bench_free(bench_model *m);
long   bench_peak_rss_kb(void);

#endif
