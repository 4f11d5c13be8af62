/* test_strpool.c — the pool of recurring strings, and documents sharing it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>
#include "doc.h"
#include "strpool.h"

static const char *get(const char *s)
{
    gwr_strpool_lock();
    const char *p = gwr_strpool_get(s, strlen(s));
    gwr_strpool_unlock();
    return p;
}

static void test_equal_strings_one_copy(void **state)
{
    (void)state;
    char a[] = "地区生产总值", b[] = "地区生产总值";
    const char *pa = get(a), *pb = get(b);
    assert_non_null(pa);
    assert_ptr_equal(pa, pb);
    assert_ptr_not_equal(pa, a);
    assert_string_equal(pa, "地区生产总值");
    a[0] = 'x';                                   /* a copy: the caller's buffer may change */
    assert_string_equal(pa, "地区生产总值");
    /* a prefix, an extension and the empty string are strings of their own */
    const char *pre = get("地区生产"), *ext = get("地区生产总值增速"), *e = get("");
    assert_string_equal(pre, "地区生产");
    assert_string_equal(ext, "地区生产总值增速");
    assert_string_equal(e, "");
    assert_true(pre != pa && ext != pa && e != pa && pre != ext);
    gwr_strpool_lock();
    assert_ptr_equal(gwr_strpool_get("地区生产总值增速", strlen("地区生产")), pre);   /* s[0..n) only */
    char big[GWR_STRPOOL_MAX + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_null(gwr_strpool_get(big, GWR_STRPOOL_MAX + 1));                      /* too long */
    assert_non_null(gwr_strpool_get(big, GWR_STRPOOL_MAX));
    gwr_strpool_unlock();
}

/* Many strings: the table grows and strings fill many chunks; each still
 * finds its one copy. */
static void test_many_strings(void **state)
{
    (void)state;
    enum { N = 60000 };
    const char **p = malloc(N * sizeof *p);
    assert_non_null(p);
    char buf[64];
    size_t before = gwr_strpool_bytes();
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "指标%d号%s", i, i % 3 ? "增长" : "");
        p[i] = get(buf);
        assert_non_null(p[i]);
    }
    assert_true(gwr_strpool_bytes() > before + N * 10);
    for (int i = N - 1; i >= 0; i--) {
        snprintf(buf, sizeof buf, "指标%d号%s", i, i % 3 ? "增长" : "");
        assert_ptr_equal(get(buf), p[i]);
        assert_string_equal(p[i], buf);
    }
    free(p);
}

/* Two threads asking for the same strings get the same copies. */
static void *worker(void *arg)
{
    const char **out = arg;
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "线程%d", i);
        out[i] = get(buf);
    }
    return NULL;
}

static void test_threads_share(void **state)
{
    (void)state;
    static const char *a[5000], *b[5000];
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, worker, a), 0);
    worker(b);
    pthread_join(t, NULL);
    for (int i = 0; i < 5000; i++) {
        assert_non_null(a[i]);
        assert_ptr_equal(a[i], b[i]);
    }
}

/* Two compacted reports share their names and values; freeing one leaves
 * the other's strings intact (the sanitizers would see a stale read). */
static void test_docs_share_names(void **state)
{
    (void)state;
    gwr_doc a, b;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load(&a, "samples/tianmen-2023.txt", &e), GWR_OK);
    assert_int_equal(gwr_doc_load(&b, "samples/tianmen-2023.txt", &e), GWR_OK);
    gwr_doc_drop_text(&a);
    gwr_doc_drop_text(&b);
    assert_int_equal(gwr_doc_compact(&a), GWR_OK);
    assert_int_equal(gwr_doc_compact(&b), GWR_OK);
    assert_int_equal(a.nfigs, b.nfigs);
    assert_true(a.nfigs > 10);
    for (size_t i = 0; i < a.nfigs; i++) {
        assert_ptr_equal(a.figs[i].name, b.figs[i].name);
        assert_ptr_equal(a.figs[i].written, b.figs[i].written);
        /* the sentences stay each report's own */
        const char *sa = gwr_fig_sentence(&a, &a.figs[i]), *sb = gwr_fig_sentence(&b, &b.figs[i]);
        if (sa) assert_ptr_not_equal(sa, sb), assert_string_equal(sa, sb);
    }
    assert_ptr_equal(a.entity, b.entity);
    for (size_t i = 0; i < a.nnodes; i++) assert_ptr_equal(a.nodes[i].title, b.nodes[i].title);
    assert_ptr_not_equal(a.path, b.path);
    gwr_doc_free(&a);
    size_t n = 0;
    for (size_t i = 0; i < b.nfigs; i++) n += strlen(b.figs[i].name) + strlen(b.figs[i].written);
    assert_true(n > 0);
    gwr_doc_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_strings_one_copy),
        cmocka_unit_test(test_many_strings),
        cmocka_unit_test(test_threads_share),
        cmocka_unit_test(test_docs_share_names),
    };
    return cmocka_run_group_tests_name("strpool", tests, NULL, NULL);
}
