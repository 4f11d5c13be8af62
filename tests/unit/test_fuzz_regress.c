/* test_fuzz_regress.c — replays every input kept under tests/fuzz-regress/TARGET/
 * (crashes, hangs and leaks the fuzzers found, once fixed, plus hand-made
 * hostile inputs) through the same bodies the fuzz targets run. Under the
 * sanitizer build this is the fuzzer's check without the fuzzing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "../../fuzz/fuzz_targets.c"

#define REGRESS_DIR "tests/fuzz-regress"
#define MAX_SECONDS 5.0   /* generous: the fuzzers treat 1 s as a hang, sanitizers slow us */

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int replay(const char *target, int (*body)(const uint8_t *, size_t))
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/%s", REGRESS_DIR, target);
    DIR *d = opendir(dir);
    if (!d) {
        print_message("%s: not found (run from the repository root)\n", dir);
        return -1;
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        size_t len = 0;
        unsigned char *buf = slurp(path, &len);
        assert_non_null(buf);
        double t0 = now();
        body(buf, len);
        double took = now() - t0;
        if (took > MAX_SECONDS) fail_msg("%s took %.1f s", path, took);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

static void test_load(void **state) { (void)state; assert_true(replay("load", gwr_fuzz_load) > 0); }
static void test_facts(void **state) { (void)state; assert_true(replay("facts", gwr_fuzz_facts) > 0); }
static void test_quantity(void **state) { (void)state; assert_true(replay("quantity", gwr_fuzz_quantity) > 0); }
static void test_compare(void **state) { (void)state; assert_true(replay("compare", gwr_fuzz_compare) > 0); }
static void test_html(void **state) { (void)state; assert_true(replay("html", gwr_fuzz_html) > 0); }
static void test_docx(void **state) { (void)state; assert_true(replay("docx", gwr_fuzz_docx) > 0); }
static void test_pdf(void **state) { (void)state; assert_true(replay("pdf", gwr_fuzz_pdf) > 0); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_quantity),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_docx),
        cmocka_unit_test(test_pdf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
