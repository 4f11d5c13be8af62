/* test_findex_compact.c — the compact parts of the figure filter index.
 * The posting lists of characters and character pairs give back exactly the ids of the strings that hold each key, in order:
 * dense lists (a character in every string), sparse ones (gaps of millions,
 * written escaped), lists that change from dense to sparse and back (the
 * coding parameter of each block follows the block before it), lists long
 * enough to fill many blocks, characters beyond the Basic Multilingual
 * Plane and ASCII letters folded to lower case. The reference is a plain
 * scan of the strings. A figure's reference (document, number), found from
 * the documents instead of being stored, is the one it was added with,
 * whatever the documents' sizes (none, one, many figures) and in whatever
 * order figures are asked for. Which strings are indicator names, and
 * their numbers, are kept in string order, also for a string that was a
 * section title or an entity before it became a name. */
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

/* characters the strings are made of: ASCII (either case), BMP Chinese, one
   character beyond the BMP */
static const char *const alphabet[] = { "a", "B", "b", "的", "经", "济", "增", "长", "\xF0\xA0\x80\x80" };
enum { NA = sizeof alphabet / sizeof alphabet[0] };

static uint64_t rng = 88172645463325252ULL;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static uint32_t folded(int a)
{
    static uint32_t memo[NA];
    if (!memo[a]) gwr_fx_decode((const unsigned char *)alphabet[a], strlen(alphabet[a]), &memo[a]);
    return memo[a];
}

typedef struct ref_str {
    uint32_t id;
    int ch[8];
    int n;
} ref_str;

/* does string r hold key k (one character or a pair)? */
static int holds(const ref_str *r, gwr_pkey k)
{
    for (int i = 0; i < r->n; i++) {
        uint32_t c = folded(r->ch[i]);
        if (k == c) return 1;
        if (i > 0 && k == gwr_pkey_pair(folded(r->ch[i - 1]), c)) return 1;
    }
    return 0;
}

static void check_all(const gwr_postings *p, const ref_str *rs, size_t nrs, uint32_t *out, uint32_t *want)
{
    for (int a = 0; a < NA; a++) {
        for (int b = -1; b < NA; b++) {
            gwr_pkey k = b < 0 ? (gwr_pkey)folded(a) : gwr_pkey_pair(folded(a), folded(b));
            size_t nw = 0;
            for (size_t i = 0; i < nrs; i++)
                if (holds(&rs[i], k)) want[nw++] = rs[i].id;
            const gwr_plist *l = gwr_post_get(p, k);
            if (!nw) {
                assert_null(l);
                continue;
            }
            assert_non_null(l);
            assert_int_equal(l->count, nw);
            size_t n = gwr_post_decode(l, out);
            assert_int_equal(n, nw);
            assert_memory_equal(out, want, nw * sizeof *out);
            /* the same ids as bits */
            size_t nwords = want[nw - 1] / 64 + 1, got = 0;
            uint64_t *bits = calloc(nwords, sizeof *bits);
            assert_non_null(bits);
            assert_int_equal(gwr_post_mark(l, bits), nw);
            for (size_t w = 0; w < nwords; w++)
                for (uint64_t bw = bits[w]; bw; bw &= bw - 1) {
                    assert_true(got < nw);
                    assert_int_equal(w * 64 + (size_t)__builtin_ctzll(bw), want[got]);
                    got++;
                }
            assert_int_equal(got, nw);
            free(bits);
        }
    }
}

/* Strings at ids that grow by steps drawn from phases: dense (1–3),
   medium (tens), sparse (up to millions: escaped gaps), and back. */
static void test_phases(void **state)
{
    (void)state;
    gwr_postings p;
    assert_int_equal(gwr_post_init(&p), 0);
    enum { N = 60000 };
    ref_str *rs = calloc(N, sizeof *rs);
    uint32_t *out = malloc(N * sizeof *out), *want = malloc(N * sizeof *want);
    assert_non_null(rs);
    assert_non_null(out);
    assert_non_null(want);
    uint32_t id = 0;
    for (size_t i = 0; i < N; i++) {
        int phase = (int)(i / 5000) % 4;
        uint32_t step = phase == 0 ? 1 + next_rand() % 3 : phase == 1 ? 1 + next_rand() % 60 : phase == 2 ? 1 + next_rand() % 2000 : 1;
        if (i % 9973 == 9972) step = 3000000 + next_rand() % 1000000;   /* a jump of millions */
        id += step;
        ref_str *r = &rs[i];
        r->id = id;
        r->n = 1 + (int)(next_rand() % 8);
        for (int j = 0; j < r->n; j++) {
            /* 的 in nearly every string; the character beyond the BMP in few */
            uint32_t u = next_rand() % 100;
            r->ch[j] = u < 40 ? 3 : u < 41 ? NA - 1 : (int)(next_rand() % (NA - 1));
        }
        char s[64];
        size_t n = 0;
        for (int j = 0; j < r->n; j++) {
            size_t m = strlen(alphabet[r->ch[j]]);
            memcpy(s + n, alphabet[r->ch[j]], m);
            n += m;
        }
        assert_int_equal(gwr_post_add(&p, id, s, n), 0);
        if (i == 0 || i == 7 || i == 300 || i == 4999 || i == 21000) check_all(&p, rs, i + 1, out, want);
    }
    check_all(&p, rs, N, out, want);
    assert_true(id > 10000000);
    /* compact: well under the four bytes an id would take uncompressed */
    size_t ids = 0;
    for (size_t i = 1; i < p.nlists; i++) ids += p.lists[i].count;
    assert_true(p.bytes < ids * 2 + p.nlists * 512 + (1 << 21));
    gwr_post_free(&p);
    free(rs);
    free(out);
    free(want);
}

/* Ids 0 and the largest ids; a list of one id; a string that repeats a pair
   counts once. */
static void test_edges(void **state)
{
    (void)state;
    gwr_postings p;
    uint32_t out[8];
    assert_int_equal(gwr_post_init(&p), 0);
    assert_int_equal(gwr_post_add(&p, 0, "abab", 4), 0);
    assert_int_equal(gwr_post_add(&p, 5, "x", 1), 0);
    assert_int_equal(gwr_post_add(&p, 0xFFFFFFF0u, "ab", 2), 0);
    assert_int_equal(gwr_post_add(&p, 0xFFFFFFFEu, "AB", 2), 0);
    const gwr_plist *l = gwr_post_get(&p, gwr_pkey_pair('a', 'b'));
    assert_non_null(l);
    assert_int_equal(gwr_post_decode(l, out), 3);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[1], 0xFFFFFFF0u);
    assert_int_equal(out[2], 0xFFFFFFFEu);
    l = gwr_post_get(&p, gwr_pkey_pair('b', 'a'));
    assert_non_null(l);
    assert_int_equal(gwr_post_decode(l, out), 1);
    assert_int_equal(out[0], 0);
    l = gwr_post_get(&p, 'x');
    assert_non_null(l);
    assert_int_equal(gwr_post_decode(l, out), 1);
    assert_int_equal(out[0], 5);
    assert_null(gwr_post_get(&p, 'y'));
    /* a list of the caller's: ids in blocks of the same slabs */
    gwr_plist own = { 0 };
    uint32_t big[3000];
    for (uint32_t i = 0; i < 3000; i++) {
        assert_int_equal(gwr_post_append(&p, &own, i * i), 0);
        assert_int_equal(gwr_post_append(&p, &own, i * i), 0);      /* again: once */
    }
    assert_int_equal(own.count, 3000);
    assert_int_equal(gwr_post_decode(&own, big), 3000);
    for (uint32_t i = 0; i < 3000; i++) assert_int_equal(big[i], i * i);
    /* kept in common with it: ids on and off the list, whole blocks passed over */
    size_t nc = 0;
    for (uint32_t i = 0; i < 3000; i++) {
        if (i % 3 == 0) big[nc++] = i * i;
        if (i % 2 == 0 && i) big[nc++] = i * i + 1;
    }
    big[nc++] = 2999u * 2999u + 5;
    size_t kept = gwr_post_keep(&own, big, nc);
    assert_int_equal(kept, 1000);
    for (uint32_t i = 0; i < 1000; i++) assert_int_equal(big[i], 9 * i * i);
    big[0] = 4, big[1] = 2500u * 2500u, big[2] = 2500u * 2500u + 2, big[3] = 2999u * 2999u;
    assert_int_equal(gwr_post_keep(&own, big, 4), 3);
    assert_int_equal(big[0], 4);
    assert_int_equal(big[1], 2500u * 2500u);
    assert_int_equal(big[2], 2999u * 2999u);
    assert_int_equal(gwr_post_keep(&own, big, 0), 0);
    assert_null(gwr_post_get(&p, gwr_pkey_pair('x', 'a')));
    gwr_post_free(&p);
}

/* Documents of 0 to 150 figures (runs of empty and one-figure documents
   among them), added under scattered document numbers. */
static void test_refs(void **state)
{
    (void)state;
    enum { ND = 400 };
    static gwr_doc docs[ND];
    static gwr_figure figs[150];
    static gwr_node nodes[1];
    static gwr_doc sents;     /* every document has these figures and so these sentences */
    uint32_t s1 = gwr_doc_add_sentence(&sents, "粮食产量稳定。", strlen("粮食产量稳定。")),
             s2 = gwr_doc_add_sentence(&sents, "生产总值增长。", strlen("生产总值增长。"));
    assert_true(s1 && s2);
    for (size_t i = 0; i < 150; i++) {
        figs[i].name = i % 3 ? "粮食产量" : "地区生产总值";
        gwr_fig_set_sentence(&figs[i], i % 2 ? s1 : s2);
        figs[i].status = i % 5 ? GWR_ST_ACHIEVED : GWR_ST_PLANNED;
        figs[i].node = 0;
    }
    nodes[0] = (gwr_node){ .kind = GWR_NODE_ROOT, .parent = -1, .first_child = -1, .next_sibling = -1 };
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    size_t total = 0;
    uint32_t *want_doc = malloc(ND * 150 * sizeof *want_doc), *want_fig = malloc(ND * 150 * sizeof *want_fig);
    assert_non_null(want_doc);
    assert_non_null(want_fig);
    for (size_t d = 0; d < ND; d++) {
        size_t n = d < 50 ? 1 : d < 100 ? 0 : d % 7 == 0 ? 150 : next_rand() % 4 == 0 ? 0 : next_rand() % 90;
        docs[d] = (gwr_doc){ .entity = "某市", .nodes = nodes, .nnodes = 1, .figs = figs, .nfigs = n,
                             .sents = sents.sents, .sents_len = sents.sents_len };
        uint32_t index = (uint32_t)(3 * d + 1);
        assert_int_equal(gwr_findex_add_doc(x, &docs[d], index), 0);
        for (size_t i = 0; i < n; i++, total++) {
            want_doc[total] = index;
            want_fig[total] = (uint32_t)i;
        }
    }
    assert_int_equal(gwr_findex_size(x), total);
    size_t h = 0;
    for (size_t g = 0; g < total; g++) {            /* in load order, with a hint */
        gwr_fig_ref r = gwr_fx_ref_at(x, g, &h);
        assert_int_equal(r.doc, want_doc[g]);
        assert_int_equal(r.fig, want_fig[g]);
    }
    for (size_t k = 0; k < 5000; k++) {             /* in any order, hint kept */
        size_t g = next_rand() % total;
        gwr_fig_ref r = gwr_fx_ref_at(x, g, &h), s = gwr_fx_ref(x, g);
        assert_int_equal(r.doc, want_doc[g]);
        assert_int_equal(r.fig, want_fig[g]);
        assert_int_equal(s.doc, want_doc[g]);
        assert_int_equal(s.fig, want_fig[g]);
    }
    const gwr_fig_ref *res;
    assert_int_equal(gwr_findex_query(x, "", -1, &res), total);
    for (size_t g = 0; g < total; g++) {
        assert_int_equal(res[g].doc, want_doc[g]);
        assert_int_equal(res[g].fig, want_fig[g]);
    }
    size_t np = gwr_findex_query(x, "", GWR_ST_PLANNED, &res), k = 0;
    for (size_t g = 0; g < total; g++) {
        if (want_fig[g] % 5) continue;
        assert_true(k < np);
        assert_int_equal(res[k].doc, want_doc[g]);
        assert_int_equal(res[k].fig, want_fig[g]);
        k++;
    }
    assert_int_equal(k, np);
    gwr_fx_answer a;
    gwr_fig_ref rows[40];
    gwr_findex_search(x, "粮食", -1, &a);
    assert_true(a.n > 0);
    size_t got = gwr_findex_rows(x, &a, 0, a.n < 40 ? a.n : 40, rows);
    assert_true(got > 0);
    for (size_t i = 0; i < got; i++) {
        assert_int_equal(rows[i].doc % 3, 1);
        assert_string_equal(figs[rows[i].fig].name, "粮食产量");
    }
    free(sents.sents);
    sents = (gwr_doc){ 0 };
    gwr_findex_free(x);
    free(want_doc);
    free(want_fig);
}

/* Names among many strings; some of them first seen as section titles or
   entities of earlier documents. */
static void test_name_numbers(void **state)
{
    (void)state;
    enum { ND = 60, NF = 8 };
    static char names[ND * NF][32], sents[ND * NF][32], ents[ND][16];
    static gwr_doc docs[ND];
    static gwr_figure figs[ND][NF];
    static gwr_node nodes[ND][2];
    static gwr_doc sdocs[ND];    /* the sentences of each document */
    gwr_findex *x = gwr_findex_new();
    assert_non_null(x);
    for (size_t d = 0; d < ND; d++) {
        snprintf(ents[d], sizeof ents[d], "市%zu", d);
        nodes[d][0] = (gwr_node){ .kind = GWR_NODE_ROOT, .parent = -1, .first_child = 1, .next_sibling = -1 };
        /* the section of document d is the name of figures of later documents */
        nodes[d][1] = (gwr_node){ .kind = GWR_NODE_PART, .title = names[(d * NF + 3) % (ND * NF)], .depth = 1, .parent = 0,
                                  .first_child = -1, .next_sibling = -1 };
        for (size_t i = 0; i < NF; i++) {
            size_t k = d * NF + i;
            /* a name seen again and again, a new one, an earlier entity or title */
            if (i == 0) snprintf(names[k], sizeof names[k], "名称%zu", d % 5);
            else if (i == 1 && d > 3) snprintf(names[k], sizeof names[k], "市%zu", d - 3);
            else if (i == 2 && d > 2) snprintf(names[k], sizeof names[k], "名称%zu", ((d - 2) * NF + 3) % 1000);
            else snprintf(names[k], sizeof names[k], "名称%zu", k % 1000);
            snprintf(sents[k], sizeof sents[k], "句子%zu", k);
            figs[d][i] = (gwr_figure){ .name = names[k], .status = GWR_ST_ACHIEVED, .node = 1 };
            gwr_fig_set_sentence(&figs[d][i], gwr_doc_add_sentence(&sdocs[d], sents[k], strlen(sents[k])));
        }
    }
    /* the names of document d are written before it is added (titles of
       earlier documents point at them) */
    for (size_t d = 0; d < ND; d++) {
        docs[d] = (gwr_doc){ .entity = ents[d], .nodes = nodes[d], .nnodes = 2, .figs = figs[d], .nfigs = NF,
                             .sents = sdocs[d].sents, .sents_len = sdocs[d].sents_len };
        assert_int_equal(gwr_findex_add_doc(x, &docs[d], (uint32_t)d), 0);
    }
    assert_true(x->nstr > 256);
    size_t names_seen = 0;
    for (uint32_t id = 0; id < x->nstr; id++) {
        uint32_t num = gwr_fx_name_num(x, id);
        assert_int_equal(num != 0, gwr_fx_is_name(x, id));
        if (!num) continue;
        names_seen++;
        assert_true(num <= x->nnames);
        assert_int_equal(x->name_str[num - 1], id);
    }
    assert_int_equal(names_seen, x->nnames);
    /* every figure's name is a name, numbered as its figure list says */
    for (size_t g = 0; g < x->n; g++) {
        uint32_t num = gwr_fx_name_num(x, x->f_name[g]);
        assert_true(num > 0);
        const gwr_fx_nfig *f = &x->nfig[num - 1];
        int found = 0;
        uint32_t pos = 0, prev = 0, before = 0;
        for (uint32_t j = 0; j < f->n; j++) {
            uint32_t h = gwr_fx_nfig_next(f, &pos, &prev);
            if (j) assert_true(h > before);             /* in load order */
            before = h;
            found |= h == g;
        }
        assert_int_equal(pos, f->len);
        assert_true(found);
    }
    /* and a string that was an entity before it was a name is one */
    const gwr_fig_ref *res;
    assert_true(gwr_findex_query(x, "市7", -1, &res) > 0);
    for (size_t d = 0; d < ND; d++) free(sdocs[d].sents), sdocs[d] = (gwr_doc){ 0 };
    gwr_findex_free(x);
}

/* A name's figure list (varint gaps): every gap size from one byte to
   five, ids up to 2^32 - 2, and random runs read back as written. */
static void test_name_lists(void **state)
{
    (void)state;
    static const uint32_t ids[] = { 0, 1, 2, 129, 130, 16513, 16514, 2113666, 2113667, 270549120, 4000000000u, 4294967294u };
    enum { NI = sizeof ids / sizeof ids[0] };
    gwr_fx_nfig l = { 0 };
    for (size_t i = 0; i < NI; i++) assert_int_equal(gwr_fx_nfig_add(&l, ids[i]), 0);
    assert_int_equal(l.n, NI);
    assert_int_equal(l.len, 1 + 1 + 1 + 1 + 1 + 2 + 1 + 4 + 1 + 4 + 5 + 5);
    uint32_t pos = 0, prev = 0;
    for (size_t i = 0; i < NI; i++) assert_int_equal(gwr_fx_nfig_next(&l, &pos, &prev), ids[i]);
    assert_int_equal(pos, l.len);
    free(l.b);
    enum { NR = 200000 };
    uint32_t *want = malloc(NR * sizeof *want);
    assert_non_null(want);
    l = (gwr_fx_nfig){ 0 };
    uint32_t g = 0;
    for (size_t i = 0; i < NR; i++) {
        uint32_t r = next_rand();
        g += 1 + (r % 8 == 0 ? r % 20000 : r % 8 == 1 ? r % 3000 : r % 4);   /* mostly near, sometimes far */
        want[i] = g;
        assert_int_equal(gwr_fx_nfig_add(&l, g), 0);
    }
    assert_true(l.len < NR * 2);
    pos = prev = 0;
    for (size_t i = 0; i < NR; i++) assert_int_equal(gwr_fx_nfig_next(&l, &pos, &prev), want[i]);
    free(l.b);
    free(want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phases),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_refs),
        cmocka_unit_test(test_name_lists),
        cmocka_unit_test(test_name_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
