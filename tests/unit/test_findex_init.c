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

static int stop_now(void *ctx)
{
    (void)ctx;
    return 1;
}

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
    /* the strings, for the check of longer queries */
    static const char *strs[NSTR];
    static uint32_t lens[NSTR];
    for (uint32_t id = 0; id < NSTR; id++) strs[id] = text[id], lens[id] = (uint32_t)strlen(text[id]);
    const char **saved_str = x->str;
    uint32_t *saved_slen = x->slen;
    x->str = strs;
    x->slen = lens;
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
    assert_int_equal(gwr_fx_tri_cands(x, "jyzc", 4, into, tmp), 2);
    assert_int_equal(gwr_fx_tri_cands(x, "jyzhi", 5, into, tmp), 1);   /* zh: checked by the matcher */
    /* interrupted (the stop function polled after every string): what was
       not checked yet is handed on as candidates, nothing that matches is lost */
    x->tri.slice = 1;
    size_t cut = 0;
    for (int qi = 0; qi < 3000; qi++) {
        char q[8];
        size_t m = 4;
        for (size_t i = 0; i < m; i++) q[i] = letters[rand() % 14];
        q[m] = '\0';
        uint64_t full[(NSTR + 63) / 64];
        int r = gwr_fx_tri_cands(x, q, m, full, tmp);
        if (r != 2) continue;
        gwr_findex_set_stop(x, stop_now, NULL);
        int ri = gwr_fx_tri_cands(x, q, m, into, tmp);
        gwr_findex_set_stop(x, NULL, NULL);
        size_t nfull = 0, ninto = 0;
        for (size_t w = 0; w < (NSTR + 63) / 64; w++) {
            assert_true((full[w] & ~into[w]) == 0);
            nfull += (size_t)__builtin_popcountll(full[w]);
            ninto += (size_t)__builtin_popcountll(into[w]);
        }
        if (ninto >= 2) {        /* polled after the first: cut short */
            assert_int_equal(ri, 1);
            cut++;
        }
    }
    assert_true(cut > 50);
    x->tri.slice = GWR_FX_TRI_SLICE;
    /* only the triples a query reads are kept: none where a syllable begins with two of them */
    assert_true(x->tri.slot[('j' - 'a') * 676 + ('y' - 'a') * 26 + ('z' - 'a')] != 0);
    assert_int_equal(x->tri.slot[('z' - 'a') * 676 + ('h' - 'a') * 26 + ('y' - 'a')], 0);
    assert_int_equal(x->tri.slot[('g' - 'a') * 676 + ('j' - 'a') * 26 + ('i' - 'a')], 0);
    assert_true(x->tri.nlists < 26 * 26 * 26);
    gwr_fx_tri_free(&x->tri);
    x->tri = saved;
    x->str = saved_str;
    x->slen = saved_slen;
    gwr_findex_free(x);
}

/* A query typed letter by letter: each longer one is checked from where
 * the shorter one's runs began, and only in the strings that held it;
 * strings added between two letters are read whole. */
static void test_typed_letter_by_letter(void **state)
{
    (void)state;
    static const char *const pieces[] = { "就", "业", "资", "金", "增", "长", "行", "重", "固", "定", "产", "投",
                                          "城", "镇", "J", "y", "Z", "，", " ", "\xe5" };
    static const char *const initials[] = { "j", "y", "z", "j", "z", "cz", "hx", "cz", "g", "d", "c", "t",
                                            "c", "z", "j", "y", "z", "", "", "" };
    enum { NP = sizeof pieces / sizeof pieces[0], N = 800, LEN = 60 };
    static char text[N][LEN * 3 + 1];
    static unsigned char seq[N][LEN];
    static size_t nseq[N];
    static const char *strs[N];
    static uint32_t lens[N];
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    gwr_fx_tri t;
    assert_int_equal(gwr_fx_tri_init(&t), 0);
    gwr_fx_tri saved = x->tri;
    const char **saved_str = x->str;
    uint32_t *saved_slen = x->slen;
    size_t saved_nstr = x->nstr;
    x->tri = t;
    x->str = strs;
    x->slen = lens;
    x->mark_words = (N + 63) / 64;
    srand(7);
    for (uint32_t id = 0; id < N; id++) {
        size_t len = 0;
        nseq[id] = id ? (size_t)(rand() % LEN) : 0;
        for (size_t k = 0; k < nseq[id]; k++) {
            seq[id][k] = (unsigned char)(rand() % NP);
            size_t l = strlen(pieces[seq[id][k]]);
            memcpy(text[id] + len, pieces[seq[id][k]], l);
            len += l;
        }
        text[id][len] = '\0';
        strs[id] = text[id];
        lens[id] = (uint32_t)len;
    }
    size_t added = 1;
    uint64_t into[(N + 63) / 64];
    uint32_t tmp[N];
    size_t resumed = 0, checked = 0;
    for (int w = 0; w < 300; w++) {
        if (w == 0) {                           /* the first half of the strings */
            for (; added < N / 2; added++) assert_int_equal(gwr_fx_tri_add(&x->tri, (uint32_t)added, text[added], lens[added]), 0);
            x->nstr = added;
        }
        /* a word read off a string: the initials of its characters from a random place */
        uint32_t from = (uint32_t)(1 + rand() % (N - 1));
        char word[8];
        size_t m = 0;
        for (size_t k = nseq[from] ? (size_t)rand() % nseq[from] : 0; k < nseq[from] && m < 7; k++) {
            const char *l = initials[seq[from][k]];
            if (!l[0]) break;
            word[m++] = l[rand() % strlen(l)];
        }
        if (m < 5) continue;
        for (size_t k = 3; k <= m; k++) {
            if (w >= 150 && added < N && k == 5 && x->tri.run_m == 4 && x->tri.nrun) {
                /* the rest come between two letters of a word that matched */
                for (; added < N; added++) assert_int_equal(gwr_fx_tri_add(&x->tri, (uint32_t)added, text[added], lens[added]), 0);
                x->nstr = added;
            }
            char q[8];
            memcpy(q, word, k);
            q[k] = '\0';
            bool again = x->tri.run_m && x->tri.run_m < k && memcmp(x->tri.run_q, q, x->tri.run_m) == 0;
            int r = gwr_fx_tri_cands(x, q, k, into, tmp);
            if (r != 2) continue;
            resumed += again;
            gwr_pq *pq = gwr_pq_new(q);
            assert_non_null(pq);
            size_t hits = 0;
            for (uint32_t id = 1; id < added; id++) {
                gwr_pq_match mt;
                bool hit = gwr_pq_best(pq, text[id], lens[id], &mt);
                bool on = (into[id >> 6] >> (id & 63)) & 1;
                if (hit != on) print_error("%s and \"%s\": matches %d, on the list %d\n", q, text[id], hit, on);
                assert_int_equal(hit, on);
                hits += hit;
            }
            checked++;
            if (k > 3 && hits) {                 /* remembered for the next letter */
                assert_int_equal(x->tri.run_m, k);
                assert_int_equal(x->tri.nrun, hits);
            }
            gwr_pq_free(pq);
        }
    }
    assert_true(checked > 300);
    assert_true(resumed > 100);
    assert_int_equal(added, N);
    gwr_fx_tri_free(&x->tri);
    x->tri = saved;
    x->str = saved_str;
    x->slen = saved_slen;
    x->nstr = saved_nstr;
    gwr_findex_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_lists_cover_matches), cmocka_unit_test(test_typed_letter_by_letter) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
