/* loadbench.c — loads a whole corpus into the in-memory model as the
 * interface does and prints one line: load time, peak RSS, documents,
 * figures, files that failed, bytes held by the filter index.
 *
 *   loadbench [-j THREADS] DIR...  →  load_s=1.234 rss_kb=... docs=... figs=... errs=... index_kb=... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

int main(int argc, char **argv)
{
    int threads = 0, a = 1;
    if (argc > 2 && strcmp(argv[1], "-j") == 0) {
        threads = atoi(argv[2]);
        a = 3;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: loadbench [-j THREADS] DIR...\n");
        return 2;
    }
    bench_model m;
    bench_load(&m, argv + a, (size_t)(argc - a), threads);
    printf("load_s=%.4f rss_kb=%ld docs=%zu figs=%zu errs=%zu index_kb=%zu index_s=%.3f\n", m.seconds, bench_peak_rss_kb(),
           m.corpus.ndocs, m.nfigs, m.corpus.nerrs, gwr_findex_memory(m.fx) / 1024, m.index_seconds);
    for (size_t i = 0; i < m.corpus.nerrs && i < 3; i++) fprintf(stderr, "loadbench: %s\n", m.corpus.errs[i].err.msg);
    if (getenv("LOADBENCH_FREE")) bench_free(&m);   /* for leak checkers; the interface exits without it */
    return 0;
}
