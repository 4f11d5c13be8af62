/* test_findex_rows.c — the rows of an answer, picked a page at a time
 * (gwr_findex_rows), are the rows of the whole answer ordered at once, for
 * queries typed one letter at a time and erased on the sample reports:
 * answers held figure by figure and answers kept lazy (their names' figures
 * merged, the context found in load order), first screens, pages further
 * down and the whole answer. The reference index orders every answer whole
 * (a stable counting sort by rank); the others pick. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "findex_int.h"

static const char *const files[] = {
    "samples/enshi-2024.txt", "samples/jingmen-2024.txt", "samples/jingzhou-2023.txt",
    "samples/tianmen-2023.txt", "samples/xianning-2024.txt",
};
enum { NF = sizeof files / sizeof files[0] };

static const char *const queries[] = {
    "jiuye", "jy", "jyzc", "gdzctz", "zengzhang", "zz", "shouru", "sr", "touzi", "liangshi", "gongye", "xiaofei",
    "renkou", "qiye", "lvyou", "luyou", "yiliao", "jiaoyu", "huanjing", "nongcun", "chengzhen", "xiangmu",
    "shuishou", "chukou", "nenghao", "gdp", "jobs", "urban_jobs", "income", "xi'an", "xian", "zhang", "chang",
    "就业", "增长", "收入", "投资", "經濟", "城镇新增就业", "jjzengzhang", "czxzjy", "aaab", "b", "d", "p", "w",
    "Jiuye", "2023", "%",
};

/* Index k of the four: 0 the reference (every answer held and ordered
 * whole), 1 held and picked, 2 lazy and picked, 3 lazy, rows past the
 * tenth made whole. */
static gwr_findex *make(gwr_doc **docs, int k)
{
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    x->lazy_min = k >= 2 ? 1 : SIZE_MAX / 2;
    x->pick_max = k == 0 ? 0 : k == 3 ? 10 : GWR_FX_PICK;
    x->parallel_min = k == 2 ? 500 : GWR_FX_PARALLEL;
    for (size_t i = 0; i < NF; i++) assert_int_equal(gwr_findex_add_doc(x, docs[i], (uint32_t)i), 0);
    return x;
}

static bool same(const gwr_fig_ref *a, const gwr_fig_ref *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].doc != b[i].doc || a[i].fig != b[i].fig) return false;
    return true;
}

static void test_pages_equal_whole(void **state)
{
    (void)state;
    gwr_doc *docs[NF];
    for (size_t i = 0; i < NF; i++) {
        gwr_err e = { 0 };
        docs[i] = calloc(1, sizeof **docs);
        assert_int_equal(gwr_doc_load(docs[i], files[i], &e), GWR_OK);
    }
    gwr_findex *x[4];
    for (int k = 0; k < 4; k++) x[k] = make(docs, k);
    size_t total = gwr_findex_size(x[0]);
    gwr_fig_ref *want = malloc(total * sizeof *want), *got = malloc(total * sizeof *got);
    assert_non_null(want);
    assert_non_null(got);
    size_t checked = 0, lazy = 0;
    for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
        size_t len = strlen(queries[qi]);
        for (size_t step = 1; step < 2 * len; step++) {       /* typed, then erased */
            size_t upto = step <= len ? step : 2 * len - step;
            if (queries[qi][upto] && ((unsigned char)queries[qi][upto] & 0xC0) == 0x80) continue;
            char typed[64];
            snprintf(typed, sizeof typed, "%.*s", (int)upto, queries[qi]);
            for (int status = -1; status <= 0; status++) {
                gwr_fx_answer ref;
                gwr_findex_search(x[0], typed, status, &ref);
                assert_true(ref.done);
                assert_int_equal(gwr_findex_rows(x[0], &ref, 0, ref.n, want), ref.n);
                for (int k = 1; k < 4; k++) {
                    gwr_fx_answer a;
                    gwr_findex_search(x[k], typed, status, &a);
                    assert_true(a.done);
                    if (a.n != ref.n || a.nname != ref.nname || strcmp(a.words, ref.words) != 0)
                        print_error("%s (index %d): %zu/%zu \"%s\", want %zu/%zu \"%s\"\n", typed, k, a.n, a.nname, a.words,
                                    ref.n, ref.nname, ref.words);
                    assert_int_equal(a.n, ref.n);
                    assert_int_equal(a.nname, ref.nname);
                    assert_string_equal(a.words, ref.words);
                    int slot = a.src - 2;
                    if (slot >= 0 && slot < GWR_FX_CACHE && x[k]->cache[slot].lazy) lazy++;
                    /* the first screen, a page across the names' end, one further down, then all */
                    size_t s = a.n < 20 ? a.n : 20;
                    assert_int_equal(gwr_findex_rows(x[k], &a, 0, s, got), s);
                    if (!same(got, want, s)) print_error("%s (index %d): first screen differs\n", typed, k);
                    assert_true(same(got, want, s));
                    size_t from = a.nname > 5 ? a.nname - 5 : 0, to = from + 11 < a.n ? from + 11 : a.n;
                    assert_int_equal(gwr_findex_rows(x[k], &a, from, to, got), to - from);
                    assert_true(same(got, want + from, to - from));
                    from = a.n / 2, to = from + 7 < a.n ? from + 7 : a.n;
                    assert_int_equal(gwr_findex_rows(x[k], &a, from, to, got), to - from);
                    assert_true(same(got, want + from, to - from));
                    assert_int_equal(gwr_findex_rows(x[k], &a, 0, a.n, got), a.n);
                    if (!same(got, want, a.n)) print_error("%s (index %d): the whole answer differs\n", typed, k);
                    assert_true(same(got, want, a.n));
                    assert_int_equal(gwr_findex_rows(x[k], &a, a.n, a.n + 5, got), 0);
                    checked++;
                }
            }
        }
    }
    /* an answer is no longer held after enough other searches: no rows, not wrong ones */
    gwr_fx_answer old, other;
    gwr_findex_search(x[1], "jiuye", -1, &old);
    for (int i = 0; i < GWR_FX_CACHE + 2; i++) {
        char q[8];
        snprintf(q, sizeof q, "%c", 'a' + i);
        gwr_findex_search(x[1], q, -1, &other);
    }
    assert_true(old.n > 0);
    assert_int_equal(gwr_findex_rows(x[1], &old, 0, old.n, got), 0);
    assert_true(checked > 600);
    assert_true(lazy > 100);          /* the lazy path was taken */
    free(want);
    free(got);
    for (int k = 0; k < 4; k++) gwr_findex_free(x[k]);
    for (size_t i = 0; i < NF; i++) {
        gwr_doc_free(docs[i]);
        free(docs[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_pages_equal_whole) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
