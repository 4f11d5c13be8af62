/* test_findex_init.c — the initials-trigram lists (findex_init.c) never miss
 * a string the matcher matches, and a list said to be exact holds exactly
 * the strings the matcher matches: random strings of polyphones (长 行 重),
 * readings in ü (绿 女, typed u or v), Latin letters of either case, digits,
 * punctuation, a character beyond the BMP and invalid bytes, against every
 * query of three letters over their initials and random longer ones; the
 * lists built in small batches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "findex_int.h"
#include "pinyin.h"
#include <unistr.h>

enum { NSTR = 600, MAXLEN = 40 };

static void test_lists_cover_matches(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "就", "业", "资", "金", "增", "长", "行", "重", "率", "绿", "女", "建", "议", "经", "营", "者", "固", "定",
        "产", "投", "城", "镇", "J", "Y", "Z", "j", "y", "z", "G", "d", "u", "v", "1", "，", "。", " ", "\xff", "\xe5",
    };
    enum { NP = sizeof pieces / sizeof pieces[0] };
    char far[5] = { 0 };
    for (uint32_t cp = 0x20000; cp < 0x2A6E0; cp++) {   /* a character beyond the BMP with a reading */
        uint16_t r[8];
        if (gwr_py_readings(cp, r, 8)) {
            far[u8_uctomb((uint8_t *)far, cp, 4)] = '\0';
            break;
        }
    }
    assert_true(far[0] != '\0');
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    gwr_fx_tri t;
    assert_int_equal(gwr_fx_tri_init(&t), 0);
    t.pend_max = 37;            /* many small batches */
    gwr_fx_tri saved = x->tri;
    x->tri = t;
    static char text[NSTR][MAXLEN * 4 + 1];
    srand(12);
    for (uint32_t id = 1; id < NSTR; id++) {
        size_t len = 0, want = (size_t)(rand() % MAXLEN);
        for (size_t k = 0; k < want; k++) {
            const char *p = rand() % 40 == 0 ? far : pieces[rand() % NP];
            size_t l = strlen(p);
            memcpy(text[id] + len, p, l);
            len += l;
        }
        text[id][len] = '\0';
        assert_int_equal(gwr_fx_tri_add(&x->tri, id, text[id], len), 0);
    }
    x->mark_words = (NSTR + 63) / 64;
    uint64_t into[(NSTR + 63) / 64];
    uint32_t tmp[NSTR];
    static const char letters[] = "jyzcgdxhslqutv";
    size_t applied = 0, exact = 0, matched = 0;
    for (int qi = 0; qi < 4000; qi++) {
        char q[8];
        size_t m;
        if (qi < 14 * 14 * 14) {
            q[0] = letters[qi / 196], q[1] = letters[qi / 14 % 14], q[2] = letters[qi % 14];
            m = 3;
        } else {
            m = 4 + (size_t)(rand() % 3);
            for (size_t i = 0; i < m; i++) q[i] = letters[rand() % 14];
        }
        q[m] = '\0';
        int r = gwr_fx_tri_cands(x, q, m, into, tmp);
        if (!r) continue;
        applied++;
        exact += r == 2;
        gwr_pq *pq = gwr_pq_new(q);
        assert_non_null(pq);
        for (uint32_t id = 1; id < NSTR; id++) {
            gwr_pq_match mt;
            bool hit = gwr_pq_best(pq, text[id], strlen(text[id]), &mt);
            bool on = (into[id >> 6] >> (id & 63)) & 1;
            matched += hit;
            if (hit && !on) print_error("%s matches \"%s\" but is not on its lists\n", q, text[id]);
            assert_false(hit && !on);
            if (r == 2 && on && !hit) print_error("%s: \"%s\" is on its exact list but does not match\n", q, text[id]);
            assert_false(r == 2 && on && !hit);
        }
        gwr_pq_free(pq);
    }
    /* the lists were used, exact lists too, and they found something */
    assert_true(applied > 1000);
    assert_true(exact > 1000);
    assert_true(matched > 1000);
    /* queries whose letters a character may take two at a time are not read so */
    assert_int_equal(gwr_fx_tri_cands(x, "jiuye", 5, into, tmp), 0);
    assert_int_equal(gwr_fx_tri_cands(x, "zhy", 3, into, tmp), 0);
    assert_int_equal(gwr_fx_tri_cands(x, "jy", 2, into, tmp), 0);
    assert_int_equal(gwr_fx_tri_cands(x, "jyz", 3, into, tmp), 2);
    assert_int_equal(gwr_fx_tri_cands(x, "jyzc", 4, into, tmp), 1);
    /* only the triples a query reads are kept: none where a syllable begins with two of them */
    assert_true(x->tri.slot[('j' - 'a') * 676 + ('y' - 'a') * 26 + ('z' - 'a')] != 0);
    assert_int_equal(x->tri.slot[('z' - 'a') * 676 + ('h' - 'a') * 26 + ('y' - 'a')], 0);
    assert_int_equal(x->tri.slot[('g' - 'a') * 676 + ('j' - 'a') * 26 + ('i' - 'a')], 0);
    assert_true(x->tri.nlists < 26 * 26 * 26);
    gwr_fx_tri_free(&x->tri);
    x->tri = saved;
    gwr_findex_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_lists_cover_matches) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
