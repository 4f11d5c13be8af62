/* test_findex.c — the figure filter index agrees with a plain scan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "findex.h"
#include "findex_int.h"     /* to force the two-thread scan on small data */

/* A document with figures made by hand: nodes[1] is a part holding all figures. */
typedef struct fake {
    gwr_doc doc;
    gwr_node nodes[2];
    gwr_figure figs[64];
} fake;

static void fake_init(fake *f, const char *entity, const char *section)
{
    memset(f, 0, sizeof *f);
    f->doc.entity = entity;
    f->nodes[0] = (gwr_node){ .kind = GWR_NODE_ROOT, .parent = -1, .first_child = 1, .next_sibling = -1 };
    f->nodes[1] = (gwr_node){ .kind = GWR_NODE_PART, .title = section, .depth = 1, .parent = 0,
                              .first_child = -1, .next_sibling = -1 };
    f->doc.nodes = f->nodes;
    f->doc.nnodes = 2;
    f->doc.figs = f->figs;
}

static void fake_fig(fake *f, const char *name, const char *sentence, gwr_fig_status st)
{
    gwr_figure *g = &f->figs[f->doc.nfigs++];
    g->name = name;
    if (sentence) gwr_fig_set_sentence(g, gwr_doc_add_sentence(&f->doc, sentence, strlen(sentence)));
    g->status = st;
    g->node = 1;
}

/* ASCII-case-insensitive substring test, the reference. */
static int has(const char *h, const char *q)
{
    if (!h) return 0;
    size_t m = strlen(q);
    for (; *h; h++) {
        size_t k = 0;
        while (k < m && h[k] && (h[k] | (h[k] >= 'A' && h[k] <= 'Z' ? 0x20 : 0)) ==
                                    (q[k] | (q[k] >= 'A' && q[k] <= 'Z' ? 0x20 : 0)))
            k++;
        if (k == m) return 1;
    }
    return m == 0;
}

/* Compares the index with a scan of every document for one query. */
static void check(gwr_findex *x, fake *docs, size_t ndocs, const char *q, int status)
{
    const gwr_fig_ref *res;
    size_t n = gwr_findex_query(x, q, status, &res), k = 0;
    for (size_t d = 0; d < ndocs; d++) {
        const gwr_doc *doc = &docs[d].doc;
        for (size_t i = 0; i < doc->nfigs; i++) {
            const gwr_figure *g = &doc->figs[i];
            if (status >= 0 && (int)g->status != status) continue;
            if (!has(g->name, q) && !has(gwr_fig_sentence(doc, g), q) && !has(doc->entity, q) &&
                !has(gwr_doc_section_title(doc, g->node), q))
                continue;
            if (k >= n || res[k].doc != d || res[k].fig != i)
                fail_msg("query '%s' status %d: figure %zu/%zu missing or out of order", q, status, d, i);
            k++;
        }
    }
    if (k != n) fail_msg("query '%s' status %d: %zu results, expected %zu", q, status, n, k);
}

static void test_small(void **state)
{
    (void)state;
    fake d[2];
    fake_init(&d[0], "荆门市", "一、2023年工作回顾");
    fake_fig(&d[0], "地区生产总值", "GDP全年增长6.7%，城镇新增就业5.5万人。", GWR_ST_ACHIEVED);
    fake_fig(&d[0], "城镇新增就业", "GDP全年增长6.7%，城镇新增就业5.5万人。", GWR_ST_ACHIEVED);
    fake_init(&d[1], "天门市", "二、2024年目标任务");
    fake_fig(&d[1], "CPI", "居民消费价格涨幅3%左右。", GWR_ST_PLANNED);
    fake_fig(&d[1], "城镇新增就业", "城镇新增就业3万人以上。", GWR_ST_PLANNED);
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    assert_int_equal(gwr_findex_add_doc(x, &d[0].doc, 0), 0);
    assert_int_equal(gwr_findex_add_doc(x, &d[1].doc, 1), 0);
    assert_int_equal(gwr_findex_size(x), 4);
    const gwr_fig_ref *r;
    assert_int_equal(gwr_findex_query(x, "就业", -1, &r), 3);
    assert_int_equal(gwr_findex_query(x, "就业", GWR_ST_PLANNED, &r), 1);
    assert_int_equal(r[0].doc, 1);
    assert_int_equal(r[0].fig, 1);
    assert_int_equal(gwr_findex_query(x, "gdp", -1, &r), 2);      /* case folded */
    assert_int_equal(gwr_findex_query(x, "cPi", -1, &r), 1);
    assert_int_equal(gwr_findex_query(x, "天门", -1, &r), 2);      /* entity */
    assert_int_equal(gwr_findex_query(x, "回顾", -1, &r), 2);      /* section */
    assert_int_equal(gwr_findex_query(x, "", -1, &r), 4);
    assert_int_equal(gwr_findex_query(x, "", GWR_ST_ACHIEVED, &r), 2);
    assert_int_equal(gwr_findex_query(x, "增长6.7%", -1, &r), 2);
    assert_int_equal(gwr_findex_query(x, "增长6.8%", -1, &r), 0);
    assert_int_equal(gwr_findex_query(x, "门市天", -1, &r), 0);    /* no match across strings */
    assert_int_equal(gwr_findex_query(x, "\xff\xfe", -1, &r), 0); /* invalid UTF-8 query */
    check(x, d, 2, "城镇新增", -1);
    for (size_t k = 0; k < sizeof d / sizeof d[0]; k++) free(d[k].doc.sents);
    gwr_findex_free(x);
}

/* Random strings over a small alphabet: every query of up to four characters
 * typed one keystroke at a time (and erased again) agrees with the scan —
 * also when documents arrive between keystrokes, as while a corpus loads. */
static void random_typing(size_t parallel_min)
{
    static const char *const alpha[] = { "增", "长", "就", "业", "G", "d", "p", "%", "1", "，" };
    enum { NDOCS = 40 };
    static fake d[NDOCS];
    static char text[NDOCS][64][3][48];
    unsigned rng = 12345;
#define RND(n) (((rng = rng * 1103515245u + 12345u) >> 16) % (n))
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    if (parallel_min) x->parallel_min = parallel_min;
    for (size_t k = 0; k < NDOCS; k++) {
        for (int s = 0; s < 64; s++)
            for (int t = 0; t < 3; t++) {
                char *p = text[k][s][t];
                int len = 1 + (int)RND(12);
                p[0] = '\0';
                for (int c = 0; c < len; c++) strcat(p, alpha[RND(10)]);
            }
        fake_init(&d[k], text[k][0][0], text[k][0][1]);
        int nf = 1 + (int)k % 60;
        for (int i = 0; i < nf; i++)
            fake_fig(&d[k], text[k][i][1], text[k][i / 2 + 1][2], (gwr_fig_status)(i % 2));
    }
    size_t added = 0;
    for (int round = 0; round < 400; round++) {
        char q[64] = "";
        int len = 1 + round % 4, status = (int)RND(3) - 1;
        for (int c = 0; c < len; c++) {
            strcat(q, alpha[RND(10)]);
            if (added < NDOCS && RND(4) == 0) {          /* a document arrives */
                assert_int_equal(gwr_findex_add_doc(x, &d[added].doc, (uint32_t)added), 0);
                added++;
            }
            check(x, d, added, q, status);
        }
        size_t m = strlen(q);
        while (m > 0) {                        /* backspace, one character at a time */
            do m--; while (m > 0 && ((unsigned char)q[m] & 0xC0) == 0x80);
            q[m] = '\0';
            check(x, d, added, q, RND(4) ? status : -1);
        }
    }
    assert_int_equal(added, NDOCS);
#undef RND
    for (size_t k = 0; k < sizeof d / sizeof d[0]; k++) free(d[k].doc.sents);
    gwr_findex_free(x);
}

static void test_random(void **state)
{
    (void)state;
    random_typing(0);
}

/* The same with every scan split over two threads. */
static void test_random_parallel(void **state)
{
    (void)state;
    random_typing(1);
}

/* Figures added after a query are found by the next one (loading goes on while
 * the user types). */
static void test_add_after_query(void **state)
{
    (void)state;
    fake d[2];
    fake_init(&d[0], "甲市", "一、回顾");
    fake_fig(&d[0], "粮食总产量", "粮食总产量58.7亿斤。", GWR_ST_ACHIEVED);
    fake_init(&d[1], "乙市", "二、目标");
    fake_fig(&d[1], "粮食播种面积", "粮食播种面积稳定。", GWR_ST_PLANNED);
    gwr_findex *x = gwr_findex_new();
    const gwr_fig_ref *r;
    assert_int_equal(gwr_findex_query(x, "粮食", -1, &r), 0);
    gwr_findex_add_doc(x, &d[0].doc, 0);
    assert_int_equal(gwr_findex_query(x, "粮食", -1, &r), 1);
    assert_int_equal(gwr_findex_query(x, "粮食播", -1, &r), 0);
    gwr_findex_add_doc(x, &d[1].doc, 1);
    assert_int_equal(gwr_findex_query(x, "粮食播", -1, &r), 1);
    assert_int_equal(gwr_findex_query(x, "粮食播种", -1, &r), 1);
    assert_true(gwr_findex_memory(x) > 0);
    for (size_t k = 0; k < sizeof d / sizeof d[0]; k++) free(d[k].doc.sents);
    gwr_findex_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_random_parallel),
        cmocka_unit_test(test_add_after_query),
    };
    return cmocka_run_group_tests_name("findex", tests, NULL, NULL);
}
