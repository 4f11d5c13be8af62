/* test_findex_pinyin.c — the filter index's search (pinyin, initials, key
 * names, traditional characters) agrees with checking every figure's four
 * strings with the matcher itself, on the sample reports, with queries typed
 * one letter at a time (so that narrowing by the previous answer is used),
 * and answers in rank order: names before context, literal before pinyin
 * before initials. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "findex.h"
#include "indicators_alias.h"
#include "pinyin.h"

static const char *const files[] = {
    "samples/enshi-2024.txt", "samples/jingmen-2024.txt", "samples/jingzhou-2023.txt",
    "samples/tianmen-2023.txt", "samples/xianning-2024.txt",
};
enum { NF = sizeof files / sizeof files[0] };

static const char *const queries[] = {
    "jiuye", "jy", "jyzc", "gdzctz", "zengzhang", "zengzh", "xi'an", "xian", "lvse", "luse", "sr", "shouru",
    "gdp", "jobs", "income", "urban_jobs", "經濟", "就业", "jjzengzhang", "chang", "zhang", "hang", "czxzjy",
    "gudingzichantouzi", "qy", "nongcun", "yiliao", "ly", "xm", "aaab",
};

static bool str_match(const gwr_pq *q, const char *s)
{
    gwr_pq_match m;
    return s && *s && gwr_pq_best(q, s, strlen(s), &m);
}

static void test_agrees(void **state)
{
    (void)state;
    gwr_doc *docs[NF];
    gwr_findex *x = gwr_findex_new();
    for (size_t i = 0; i < NF; i++) {
        gwr_err e = { 0 };
        docs[i] = calloc(1, sizeof **docs);
        assert_int_equal(gwr_doc_load(docs[i], files[i], &e), GWR_OK);
        assert_int_equal(gwr_findex_add_doc(x, docs[i], (uint32_t)i), 0);
    }
    for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
        size_t len = strlen(queries[qi]);
        for (size_t k = 1; k <= len; k++) {
            char typed[64];
            snprintf(typed, sizeof typed, "%.*s", (int)k, queries[qi]);
            if (((unsigned char)typed[k - 1] & 0xC0) == 0xC0 || (k < len && ((unsigned char)queries[qi][k] & 0xC0) == 0x80)) continue;
            gwr_fx_answer a;
            gwr_findex_search(x, typed, -1, &a);
            assert_true(a.done);
            gwr_pq *q = gwr_pq_new(typed);
            const gwr_indicator *ind[4];
            size_t nk = gwr_indicator_aliases(typed, ind, 4);
            /* brute force: every figure */
            size_t want = 0, want_name = 0;
            for (size_t d = 0; d < NF; d++)
                for (size_t f = 0; f < docs[d]->nfigs; f++) {
                    const gwr_figure *g = &docs[d]->figs[f];
                    bool keyed = false;
                    for (size_t j = 0; j < nk; j++) keyed |= g->key && strcmp(g->key, ind[j]->key) == 0;
                    bool name = str_match(q, g->name);
                    bool any = keyed || name || str_match(q, gwr_fig_sentence(docs[d], g)) || str_match(q, docs[d]->entity) ||
                               str_match(q, gwr_doc_section_title(docs[d], g->node));
                    want += any;
                    want_name += nk ? keyed : name;
                }
            if (a.n != want || a.nname != want_name)
                print_error("%s: %zu figures (%zu by name), want %zu (%zu)\n", typed, a.n, a.nname, want, want_name);
            assert_int_equal(a.n, want);
            assert_int_equal(a.nname, want_name);
            /* rank order: by name first, and classes never go back */
            gwr_fig_ref *refs = malloc((a.n ? a.n : 1) * sizeof *refs);
            assert_non_null(refs);
            assert_int_equal(gwr_findex_rows(x, &a, 0, a.n, refs), a.n);
            int last = 0;
            for (size_t i = 0; i < a.nname; i++) {
                const gwr_figure *g = &docs[refs[i].doc]->figs[refs[i].fig];
                gwr_pq_match m;
                int cls = nk ? 0 : (gwr_pq_best(q, g->name, strlen(g->name), &m) ? (int)m.cls : 99);
                assert_true(cls >= last);
                last = cls;
            }
            free(refs);
            gwr_pq_free(q);
        }
    }
    gwr_findex_free(x);
    for (size_t i = 0; i < NF; i++) {
        gwr_doc_free(docs[i]);
        free(docs[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_agrees) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
