/* test_doc.c — the document's arena: packed strings and compaction keep
 * every string of the tree and the figures as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void assert_same(const char *want, const char *got)
{
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(want, got);
}

static void test_arena_packs_strings(void **state)
{
    (void)state;
    gwr_arena a;
    gwr_arena_init(&a);
    char *x = gwr_arena_strdup(&a, "增长");
    char *y = gwr_arena_strdup(&a, "7%");
    assert_ptr_equal(y, x + strlen("增长") + 1);          /* no padding between strings */
    void *o = gwr_arena_alloc(&a, 24);
    assert_int_equal((uintptr_t)o % _Alignof(max_align_t), 0); /* objects stay aligned */
    assert_string_equal(x, "增长");
    assert_string_equal(y, "7%");
    gwr_arena_free(&a);
}

/* Strings of every length fill one block to its last byte before the next
 * is taken, and every copy keeps its text. */
static void test_arena_strings_across_blocks(void **state)
{
    (void)state;
    gwr_arena a;
    gwr_arena_init(&a);
    char src[300];
    for (size_t i = 0; i < sizeof src; i++) src[i] = (char)('a' + i % 26);
    char *got[2000];
    size_t len[2000], blocks = 0, total = 0;
    for (size_t k = 0; k < 2000; k++) {
        len[k] = (k * 37) % 257;
        size_t before = gwr_arena_blocks(&a);
        got[k] = gwr_arena_strndup(&a, src + k % 40, len[k]);
        assert_non_null(got[k]);
        total += len[k] + 1;
        if (k && gwr_arena_blocks(&a) == before) assert_ptr_equal(got[k], got[k - 1] + len[k - 1] + 1);
        blocks = gwr_arena_blocks(&a);
    }
    assert_true(blocks > 1);
    assert_int_equal(a.used_total, total);
    for (size_t k = 0; k < 2000; k++) {
        assert_memory_equal(got[k], src + k % 40, len[k]);
        assert_int_equal(got[k][len[k]], '\0');
    }
    gwr_arena_free(&a);
}

static void test_compact_keeps_strings(void **state)
{
    (void)state;
    gwr_doc d;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load(&d, "samples/tianmen-2023.txt", &e), GWR_OK);
    assert_true(d.nfigs > 10);
    char *entity = dup_or_null(d.entity), *path = dup_or_null(d.path), *meeting = dup_or_null(d.meeting);
    char **names = calloc(d.nfigs * 3 + d.nnodes, sizeof *names);
    assert_non_null(names);
    for (size_t i = 0; i < d.nfigs; i++) {
        names[3 * i] = dup_or_null(d.figs[i].name);
        names[3 * i + 1] = dup_or_null(d.figs[i].written);
        names[3 * i + 2] = dup_or_null(gwr_fig_sentence(&d, &d.figs[i]));
    }
    for (size_t i = 0; i < d.nnodes; i++) names[3 * d.nfigs + i] = dup_or_null(d.nodes[i].title);
    /* the arena was sized from the text: the path's first block and one more */
    assert_true(gwr_arena_blocks(&d.arena) <= 2);
    size_t before = d.arena.used_total + d.sents_len;   /* the sentences join the arena */
    gwr_doc_drop_text(&d);
    assert_int_equal(gwr_doc_compact(&d), GWR_OK);
    assert_true(d.arena.used_total <= before);  /* shared sentences stay shared */
    assert_int_equal(gwr_arena_blocks(&d.arena), 1);
    assert_same(entity, d.entity);
    assert_same(path, d.path);
    assert_same(meeting, d.meeting);
    for (size_t i = 0; i < d.nfigs; i++) {
        assert_same(names[3 * i], d.figs[i].name);
        assert_same(names[3 * i + 1], d.figs[i].written);
        assert_same(names[3 * i + 2], gwr_fig_sentence(&d, &d.figs[i]));
        if (i && names[3 * i + 2] && names[3 * i - 1] && strcmp(names[3 * i + 2], names[3 * i - 1]) == 0)
            assert_ptr_equal(gwr_fig_sentence(&d, &d.figs[i]), gwr_fig_sentence(&d, &d.figs[i - 1]));
    }
    for (size_t i = 0; i < d.nnodes; i++) assert_same(names[3 * d.nfigs + i], d.nodes[i].title);
    /* names and values as written are kept once per text */
    size_t shared = 0;
    for (size_t i = 0; i < d.nfigs; i++)
        for (size_t j = 0; j < i; j++) {
            if (strcmp(d.figs[i].name, d.figs[j].name) == 0) assert_ptr_equal(d.figs[i].name, d.figs[j].name), shared++;
            if (strcmp(d.figs[i].written, d.figs[j].written) == 0) assert_ptr_equal(d.figs[i].written, d.figs[j].written);
        }
    assert_true(shared > 0);
    for (size_t i = 0; i < d.nfigs * 3 + d.nnodes; i++) free(names[i]);
    free(names);
    free(entity);
    free(path);
    free(meeting);
    gwr_doc_free(&d);
}

/* A figure's sentence is an offset in its document's sentences: 0 is none,
 * an offset past them reads as none, and each sentence keeps its NUL. */
static void test_sentence_spans(void **state)
{
    (void)state;
    gwr_doc d;
    memset(&d, 0, sizeof d);
    gwr_figure f[4];
    memset(f, 0, sizeof f);
    assert_null(gwr_fig_sentence(&d, &f[0]));
    assert_null(gwr_fig_sentence(NULL, &f[0]));
    /* enough sentences to grow the block several times */
    char buf[64];
    uint32_t off[300];
    for (int i = 0; i < 300; i++) {
        int n = snprintf(buf, sizeof buf, "第%d句增长%d%%。", i, i % 17);
        off[i] = gwr_doc_add_sentence(&d, buf, (size_t)n);
        assert_true(off[i] > 0);
        if (i) assert_true(off[i] > off[i - 1]);
    }
    uint32_t empty = gwr_doc_add_sentence(&d, "", 0);   /* an empty sentence is a sentence */
    assert_true(empty > off[299]);
    for (int i = 0; i < 300; i++) {
        gwr_fig_set_sentence(&f[0], off[i]);
        snprintf(buf, sizeof buf, "第%d句增长%d%%。", i, i % 17);
        assert_string_equal(gwr_fig_sentence(&d, &f[0]), buf);
    }
    gwr_fig_set_sentence(&f[1], off[7]);
    gwr_fig_set_sentence(&f[2], off[7]);
    assert_ptr_equal(gwr_fig_sentence(&d, &f[1]), gwr_fig_sentence(&d, &f[2]));
    gwr_fig_set_sentence(&f[3], empty);
    assert_string_equal(gwr_fig_sentence(&d, &f[3]), "");
    gwr_fig_set_sentence(&f[3], d.sents_len);           /* past the end: none */
    assert_null(gwr_fig_sentence(&d, &f[3]));
    /* compaction moves them, without the spare room, into the one block of
       the arena, and every sentence reads the same */
    d.figs = f;
    d.nfigs = 3;
    uint32_t len = d.sents_len;
    assert_true(d.sents_cap > len);
    assert_int_equal(gwr_doc_compact(&d), GWR_OK);
    assert_int_equal(d.sents_cap, 0);
    assert_int_equal(d.sents_len, len);
    assert_int_equal(gwr_arena_blocks(&d.arena), 1);
    assert_int_equal(d.arena.used_total, len);
    assert_string_equal(gwr_fig_sentence(&d, &f[1]), "第7句增长7%。");
    assert_string_equal(gwr_fig_sentence(&d, &f[0]), "第299句增长10%。");
    /* a sentence added after that goes to a block of its own, the others with it */
    uint32_t more = gwr_doc_add_sentence(&d, "再增长1%。", strlen("再增长1%。"));
    assert_int_equal(more, len);
    assert_true(d.sents_cap > 0);
    assert_string_equal(d.sents + more, "再增长1%。");
    assert_string_equal(gwr_fig_sentence(&d, &f[1]), "第7句增长7%。");
    d.figs = NULL;
    d.nfigs = 0;
    gwr_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_packs_strings),
        cmocka_unit_test(test_arena_strings_across_blocks),
        cmocka_unit_test(test_compact_keeps_strings),
        cmocka_unit_test(test_sentence_spans),
    };
    return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
