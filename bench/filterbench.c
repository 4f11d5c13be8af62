/* filterbench.c — loads a corpus as the interface does, then types two-
 * character queries into the figure filter one keystroke at a time (first
 * character, second character, backspace, clear) and prints the latency per
 * keystroke: median, 90th and 99th percentile, maximum, and the mean of each
 * kind of keystroke; then types pinyin words and initials letter by letter
 * (and deletes them) with the interface's search, reported separately.
 * Each keystroke is timed until the first screen of rows (SCREEN, as the
 * interface shows them: the figures matching by name, or all) is in hand.
 * FILTERBENCH_SLOW=MS prints every pinyin or initials keystroke slower than MS.
 *
 *   filterbench [-r ROUNDS] DIR...  →  pinyin_median_ms=... pinyin_p99_ms=... initials_... figs=... keys=... median_ms=...
 *   p90_ms=... p99_ms=... max_ms=... rss_kb=... index_kb=... pinyin_index_kb=... (the model's peak RSS, the filter
 *   index's bytes, and the part of them that serves pinyin only) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

/* What people filter a corpus of work reports for. */
static const char *const queries[] = {
    "就业", "增长", "收入", "投资", "粮食", "gd", "工业", "消费", "人口", "企业",
    "旅游", "医疗", "教育", "环境", "农村", "城镇", "项目", "税收", "出口", "能耗",
};
enum { NQ = sizeof queries / sizeof queries[0], SCREEN = 50 };

/* The search and the first screen of its rows; returns its size. */
static size_t keystroke(gwr_findex *fx, const char *typed)
{
    gwr_fx_answer a;
    gwr_fig_ref rows[SCREEN];
    gwr_findex_search(fx, typed, -1, &a);
    size_t shown = a.nname ? a.nname : a.n;
    gwr_findex_rows(fx, &a, 0, shown < SCREEN ? shown : SCREEN, rows);
    return a.n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static size_t first_char_len(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) n++;
    return n;
}

/* Pinyin and initials: what people type without a Chinese input method. */
static const char *const pinyin[] = {
    "jiuye", "zengzhang", "shouru", "touzi", "liangshi", "gongye", "xiaofei", "renkou", "qiye", "lvyou",
    "yiliao", "jiaoyu", "huanjing", "nongcun", "chengzhen", "xiangmu", "shuishou", "chukou", "nenghao", "gdp",
};
static const char *const initials[] = {
    "jy", "zz", "sr", "tz", "ls", "gy", "xf", "rk", "qy", "ly",
    "yl", "jyzc", "hj", "nc", "cz", "xm", "ss", "ck", "nh", "gdzctz",
};
enum { NP = sizeof pinyin / sizeof pinyin[0], NI = sizeof initials / sizeof initials[0] };

/* Types each word of a list one letter at a time, then deletes it one
 * letter at a time, with the interface's search; latencies into lat. */
static size_t type_words(bench_model *m, const char *const *words, size_t nw, int rounds, double *lat)
{
    size_t n = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t w = 0; w < nw; w++) {
            size_t len = strlen(words[w]);
            for (size_t k = 1; k <= 2 * len; k++) {
                size_t upto = k <= len ? k : 2 * len - k;
                char typed[64];
                snprintf(typed, sizeof typed, "%.*s", (int)upto, words[w]);
                double t0 = bench_now();
                size_t got = keystroke(m->fx, typed);
                lat[n++] = (bench_now() - t0) * 1000.0;
                if (getenv("FILTERBENCH_SLOW") && lat[n - 1] > atof(getenv("FILTERBENCH_SLOW")))
                    fprintf(stderr, "slow: %s %.1f ms (%zu figures)\n", typed, lat[n - 1], got);
            }
        }
    return n;
}

static void report(const char *kind, double *lat, size_t n)
{
    qsort(lat, n, sizeof *lat, cmp_double);
    printf("%s_keys=%zu %s_median_ms=%.3f %s_p99_ms=%.3f %s_max_ms=%.3f ", kind, n, kind,
           lat[(size_t)((double)(n - 1) * 0.5 + 0.5)], kind, lat[(size_t)((double)(n - 1) * 0.99 + 0.5)], kind, lat[n - 1]);
}

int main(int argc, char **argv)
{
    int rounds = 5, a = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        rounds = atoi(argv[2]);
        a = 3;
    }
    if (a >= argc || rounds < 1) {
        fprintf(stderr, "usage: filterbench [-r ROUNDS] DIR...\n");
        return 2;
    }
    bench_model m;
    bench_load(&m, argv + a, (size_t)(argc - a), 0);
    size_t cap = (size_t)rounds * NQ * 4, n = 0;
    double *lat = malloc(cap * sizeof *lat);
    size_t hits[NQ] = { 0 };
    double step_sum[4] = { 0 };
    if (!lat) return 1;
    for (int r = 0; r < rounds; r++) {
        for (size_t q = 0; q < NQ; q++) {
            char typed[64];
            size_t k1 = first_char_len(queries[q]);
            const char *steps[4];
            char one[16];
            memcpy(one, queries[q], k1);
            one[k1] = '\0';
            steps[0] = one;               /* first keystroke */
            steps[1] = queries[q];        /* second keystroke */
            steps[2] = one;               /* backspace */
            steps[3] = "";                /* clear */
            for (int s = 0; s < 4; s++) {
                snprintf(typed, sizeof typed, "%s", steps[s]);
                double t0 = bench_now();
                size_t got = keystroke(m.fx, typed);
                lat[n] = (bench_now() - t0) * 1000.0;
                step_sum[s] += lat[n++];
                if (s == 1) hits[q] = got;
            }
        }
    }
    qsort(lat, n, sizeof *lat, cmp_double);
#define PCT(p) lat[(size_t)((double)(n - 1) * (p) + 0.5)]
    double *pl = malloc((size_t)rounds * NP * 40 * sizeof *pl);
    if (!pl) return 1;
    report("pinyin", pl, type_words(&m, pinyin, NP, rounds, pl));
    report("initials", pl, type_words(&m, initials, NI, rounds, pl));
    free(pl);
    printf("figs=%zu keys=%zu median_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f load_s=%.3f rss_kb=%ld index_kb=%zu pinyin_index_kb=%zu "
           "mean_ms_first=%.3f second=%.3f backspace=%.3f clear=%.3f\n",
           gwr_findex_size(m.fx), n, PCT(0.5), PCT(0.9), PCT(0.99), lat[n - 1], m.seconds, bench_peak_rss_kb(),
           gwr_findex_memory(m.fx) / 1024, gwr_findex_pinyin_memory(m.fx) / 1024,
           step_sum[0] / (n / 4), step_sum[1] / (n / 4), step_sum[2] / (n / 4), step_sum[3] / (n / 4));
    fprintf(stderr, "filterbench: figures matching:");
    for (size_t q = 0; q < NQ; q++) fprintf(stderr, " %s=%zu", queries[q], hits[q]);
    fprintf(stderr, "\n");
    free(lat);
    return 0;
}
