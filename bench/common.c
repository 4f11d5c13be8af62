/* common.c — loading a corpus for the benchmark drivers. */
#include "common.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

long bench_peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static pthread_mutex_t fx_mu = PTHREAD_MUTEX_INITIALIZER;

/* As the interface: each document joins the filter index as it arrives
 * (the index is serialised against queries by a lock). */
static void on_doc(void *ctx, size_t index, gwr_doc *d)
{
    bench_model *m = ctx;
    pthread_mutex_lock(&fx_mu);
    double t0 = bench_now();
    if (gwr_findex_add_doc(m->fx, d, (uint32_t)index) != 0) {
        fprintf(stderr, "bench: out of memory in the filter index\n");
        exit(1);
    }
    m->nfigs += d->nfigs;
    m->index_seconds += bench_now() - t0;
    pthread_mutex_unlock(&fx_mu);
}

void bench_load(bench_model *m, char **args, size_t nargs, int threads)
{
    m->fx = gwr_findex_new();
    m->nfigs = 0;
    m->index_seconds = 0;
    if (!m->fx) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    gwr_corpus_opts o = { .drop_text = true, .threads = threads, .on_doc = on_doc, .ctx = m };
    gwr_err err = { 0 };
    double t0 = bench_now();
    if (gwr_corpus_load(&m->corpus, args, nargs, &o, &err) != GWR_OK) {
        fprintf(stderr, "bench: %s\n", err.msg);
        exit(1);
    }
    gwr_findex_loaded(m->fx);
    m->seconds = bench_now() - t0;
}

void bench_free(bench_model *m)
{
    gwr_findex_free(m->fx);
    gwr_corpus_free(&m->corpus);
}
