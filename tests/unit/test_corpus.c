/* test_corpus.c — directory expansion and parallel loading: sorted, complete,
 * the same on one thread as on many, never blocked by FIFOs or link loops. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "corpus.h"

static char root[256];

static void put(const char *rel, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void sub(const char *rel)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    assert_int_equal(mkdir(p, 0755), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gwr-test-corpus-XXXXXX");
    if (!mkdtemp(root)) return -1;
    sub("b");
    sub("a");
    sub("a/deep");
    static const char report[] =
        "各位代表：\n\n一、2023年工作回顾\n\n全年地区生产总值增长6.5%%，城镇新增就业%d万人。\n\n"
        "二、2024年目标任务\n\n地区生产总值增长6%%左右。\n";
    const char *names[] = { "b/z.txt", "b/a.txt", "a/deep/m.txt", "a/k.txt", "top.txt", "a/c.txt" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char buf[sizeof report + 16];
        snprintf(buf, sizeof buf, report, (int)i + 1);
        put(names[i], buf);
    }
    for (int i = 0; i < 40; i++) {     /* enough files for the threads to interleave */
        char n[32], buf[sizeof report + 16];
        snprintf(n, sizeof n, "b/r%02d.txt", 39 - i);
        snprintf(buf, sizeof buf, report, i + 10);
        put(n, buf);
    }
    put("a/empty.txt", "");                     /* cannot be loaded: an error entry */
    put(".hidden.txt", "skipped");
    char p[512], q[512];
    snprintf(p, sizeof p, "%s/a/fifo", root);
    assert_int_equal(mkfifo(p, 0644), 0);       /* must not be opened */
    snprintf(p, sizeof p, "%s/a/deep/loop", root);
    snprintf(q, sizeof q, "%s/a", root);
    assert_int_equal(symlink(q, p), 0);         /* a directory link: not followed */
    snprintf(p, sizeof p, "%s/b/self", root);
    assert_int_equal(symlink("self", p), 0);    /* a link to itself */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct seen {
    size_t ndocs, last_progress, total;
    int in_order, progress_ok;
    char paths[64][512];
    int hand_over;
} seen;

static void on_doc(void *ctx, size_t index, gwr_doc *d)
{
    seen *s = ctx;
    if (index != s->ndocs) s->in_order = 0;
    if (s->ndocs < 64) snprintf(s->paths[s->ndocs], sizeof s->paths[0], "%s", d->path);
    s->ndocs++;
    if (s->hand_over) {
        gwr_doc_free(d);
        free(d);
    }
}

static void progress(void *ctx, size_t done, size_t total)
{
    seen *s = ctx;
    if (done != s->last_progress + 1) s->progress_ok = 0;
    s->last_progress = done;
    s->total = total;
}

static void load(gwr_corpus *c, seen *s, int threads, int hand_over)
{
    memset(s, 0, sizeof *s);
    s->in_order = s->progress_ok = 1;
    s->hand_over = hand_over;
    gwr_corpus_opts o = { .threads = threads, .on_doc = on_doc, .progress = progress, .ctx = s,
                          .drop_text = true, .hand_over = hand_over };
    char *args[] = { root };
    gwr_err err = { 0 };
    alarm(20);                                  /* a blocked open fails the test */
    assert_int_equal(gwr_corpus_load(c, args, 1, &o, &err), GWR_OK);
    alarm(0);
}

static void test_sorted_and_complete(void **state)
{
    (void)state;
    gwr_corpus c;
    seen s;
    load(&c, &s, 1, 0);
    assert_int_equal(c.ndocs, 46);
    assert_true(s.in_order);
    assert_true(s.progress_ok);
    assert_int_equal(s.last_progress, s.total);
    assert_int_equal(s.total, 47);              /* 46 reports + the empty file */
    char want[512];
    snprintf(want, sizeof want, "%s/a/c.txt", root);
    assert_string_equal(c.docs[0]->path, want);
    snprintf(want, sizeof want, "%s/a/deep/m.txt", root);
    assert_string_equal(c.docs[1]->path, want);
    snprintf(want, sizeof want, "%s/top.txt", root);
    assert_string_equal(c.docs[45]->path, want);
    for (size_t i = 1; i < c.ndocs; i++) assert_true(strcmp(c.docs[i - 1]->path, c.docs[i]->path) < 0);
    for (size_t i = 0; i < c.ndocs; i++) assert_string_equal(c.docs[i]->path, s.paths[i]);
    /* errors: the FIFO and the self link are named, the empty file too */
    int fifo = 0, self = 0, empty = 0;
    for (size_t i = 0; i < c.nerrs; i++) {
        fifo |= strstr(c.errs[i].err.msg, "/a/fifo") != NULL;
        self |= strstr(c.errs[i].err.msg, "/b/self") != NULL;
        empty |= strstr(c.errs[i].err.msg, "/a/empty.txt") != NULL;
    }
    assert_true(fifo && self && empty);
    assert_int_equal(c.nerrs, 3);
    gwr_corpus_free(&c);
}

static void test_threads_same_result(void **state)
{
    (void)state;
    gwr_corpus one, many;
    static seen s1, s4;
    load(&one, &s1, 1, 0);
    for (int round = 0; round < 5; round++) {
        load(&many, &s4, 4, 0);
        assert_true(s4.in_order);
        assert_true(s4.progress_ok);
        assert_int_equal(many.ndocs, one.ndocs);
        assert_int_equal(many.nerrs, one.nerrs);
        for (size_t i = 0; i < one.ndocs; i++) {
            assert_string_equal(many.docs[i]->path, one.docs[i]->path);
            assert_int_equal(many.docs[i]->nfigs, one.docs[i]->nfigs);
            assert_false(many.docs[i]->has_text);          /* drop_text */
        }
        for (size_t i = 0; i < one.nerrs; i++) assert_string_equal(many.errs[i].err.msg, one.errs[i].err.msg);
        gwr_corpus_free(&many);
    }
    gwr_corpus_free(&one);
}

static void test_hand_over(void **state)
{
    (void)state;
    gwr_corpus c;
    static seen s;
    load(&c, &s, 2, 1);
    assert_int_equal(c.ndocs, 46);
    assert_int_equal(s.ndocs, 46);
    assert_true(s.in_order);
    gwr_corpus_free(&c);                       /* must not free the handed-over docs */
}

/* prepare runs on the loading threads; what it made for a doc must come back
 * with that doc, in input order, whatever the number of threads */
static void *prep_path(void *ctx, const gwr_doc *d)
{
    (void)ctx;
    return strdup(d->path);
}

static void on_prepared(void *ctx, size_t index, gwr_doc *d, void *prep)
{
    seen *s = ctx;
    if (!prep || strcmp(prep, d->path) != 0) s->progress_ok = 0;   /* paired wrongly */
    free(prep);
    on_doc(ctx, index, d);
}

static void test_prepare(void **state)
{
    (void)state;
    gwr_corpus one;
    static seen s1;
    load(&one, &s1, 1, 0);
    for (int threads = 1; threads <= 4; threads++) {
        gwr_corpus c;
        static seen s;
        memset(&s, 0, sizeof s);
        s.in_order = s.progress_ok = 1;
        s.hand_over = 1;
        gwr_corpus_opts o = { .threads = threads, .on_doc = on_doc, .prepare = prep_path,
                              .on_prepared = on_prepared, .ctx = &s, .hand_over = true };
        char *args[] = { root };
        gwr_err err = { 0 };
        assert_int_equal(gwr_corpus_load(&c, args, 1, &o, &err), GWR_OK);
        assert_int_equal(s.ndocs, 46);
        assert_true(s.in_order);
        assert_true(s.progress_ok);
        for (size_t i = 0; i < 46 && i < 64; i++) assert_string_equal(s.paths[i], s1.paths[i]);
        assert_int_equal(c.nerrs, one.nerrs);
        gwr_corpus_free(&c);
    }
    gwr_corpus_free(&one);
}

static void test_plain_file_args(void **state)
{
    (void)state;
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/top.txt", root);
    snprintf(b, sizeof b, "%s/missing.txt", root);
    char *args[] = { a, b, a };
    gwr_corpus c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_corpus_load(&c, args, 3, NULL, &err), GWR_OK);
    assert_int_equal(c.ndocs, 2);               /* given order kept, duplicates too */
    assert_int_equal(c.nerrs, 1);
    assert_non_null(strstr(c.errs[0].err.msg, "missing.txt"));
    gwr_corpus_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_and_complete),
        cmocka_unit_test(test_threads_same_result),
        cmocka_unit_test(test_hand_over),
        cmocka_unit_test(test_prepare),
        cmocka_unit_test(test_plain_file_args),
    };
    return cmocka_run_group_tests_name("corpus", tests, setup, teardown);
}
