/* test_text.c — loading: encodings, line ends, bad input, the normalised form
 * and its map back to the original lines, hard-wrapped (PDF) joining. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "text.h"

static gwr_status load(gwr_text *t, const char *s, size_t n, gwr_err *e)
{
    return gwr_text_load_mem(t, "x.txt", s, n, e);
}

static void test_utf8_plain_and_bom(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    const char s[] = "\xEF\xBB\xBF各位代表：\r\n\r\n一、工作回顾\r旧行\n";
    assert_int_equal(load(&t, s, sizeof s - 1, &e), GWR_OK);
    assert_string_equal(t.encoding, "UTF-8 (BOM)");
    assert_string_equal(t.orig, "各位代表：\n\n一、工作回顾\n旧行\n");
    assert_int_equal(t.nlines, 4);
    assert_string_equal(t.norm, "各位代表：\n一、工作回顾\n旧行\n");
    /* norm offsets map back to original lines */
    const char *p = strstr(t.norm, "旧行");
    assert_int_equal(gwr_text_norm_line(&t, (size_t)(p - t.norm)), 4);
    p = strstr(t.norm, "一、");
    assert_int_equal(gwr_text_norm_line(&t, (size_t)(p - t.norm)), 3);
    gwr_text_free(&t);
}

static void test_gbk(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    /* "政府工作报告\r\n各位代表" in GBK */
    const char s[] = "\xD5\xFE\xB8\xAE\xB9\xA4\xD7\xF7\xB1\xA8\xB8\xE6\r\n\xB8\xF7\xCE\xBB\xB4\xFA\xB1\xED";
    assert_int_equal(load(&t, s, sizeof s - 1, &e), GWR_OK);
    assert_string_equal(t.encoding, "GB18030");
    assert_string_equal(t.orig, "政府工作报告\n各位代表");
    assert_int_equal(t.invalid, 0);
    gwr_text_free(&t);
}

static void test_utf16(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    const char le[] = "\xFF\xFE\x04\x54\x0D\x00\x0A\x00" "A\x00";         /* 各 CRLF A */
    assert_int_equal(load(&t, le, sizeof le - 1, &e), GWR_OK);
    assert_string_equal(t.encoding, "UTF-16LE");
    assert_string_equal(t.orig, "各\nA");
    gwr_text_free(&t);
    const char nobom[] = "\x04\x54\x0A\x00" "1\x00" "2\x00";                  /* 各 LF 1 2, no BOM */
    assert_int_equal(load(&t, nobom, sizeof nobom - 1, &e), GWR_OK);
    assert_string_equal(t.encoding, "UTF-16LE");
    assert_string_equal(t.orig, "各\n12");
    gwr_text_free(&t);
    const char be[] = "\xFE\xFF\x54\x04\x00\x0A\x00" "B";
    assert_int_equal(load(&t, be, sizeof be - 1, &e), GWR_OK);
    assert_string_equal(t.encoding, "UTF-16BE");
    assert_string_equal(t.orig, "各\nB");
    gwr_text_free(&t);
}

static void test_stray_invalid_bytes(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    /* long valid UTF-8 with one stray byte */
    char buf[4096];
    size_t n = 0;
    for (int i = 0; i < 200; i++) { memcpy(buf + n, "增长", 6); n += 6; }
    buf[n++] = '\xFF';
    memcpy(buf + n, "。\n", 4);
    n += 4;
    assert_int_equal(load(&t, buf, n, &e), GWR_OK);
    assert_string_equal(t.encoding, "UTF-8");
    assert_int_equal(t.invalid, 1);
    assert_non_null(strstr(t.orig, "\xEF\xBF\xBD。"));
    gwr_text_free(&t);
}

static void test_bad_input(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    assert_int_equal(load(&t, "", 0, &e), GWR_E_EMPTY);
    assert_non_null(strstr(e.msg, "x.txt: empty"));
    assert_int_equal(load(&t, " \n\r\n\t\n", 6, &e), GWR_E_EMPTY);
    assert_int_equal(load(&t, "ab\0cd", 5, &e), GWR_E_BINARY);
    assert_non_null(strstr(e.msg, "x.txt: binary"));
    const char ctl[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text";
    assert_int_equal(load(&t, ctl, sizeof ctl - 1, &e), GWR_E_BINARY);
    /* random high bytes: neither UTF-8 nor GB18030 */
    char junk[600];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)(0x80 | ((i * 37) & 0x7F));
    gwr_status s = load(&t, junk, sizeof junk, &e);
    if (s == GWR_OK) gwr_text_free(&t);
    else assert_non_null(strstr(e.msg, "x.txt: "));
}

static void test_files(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    char dir[] = "/tmp/gwr-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(gwr_text_load_file(&t, dir, &e), GWR_E_IO);
    assert_non_null(strstr(e.msg, "is a directory"));
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(gwr_text_load_file(&t, fifo, &e), GWR_E_IO);   /* never blocks */
    assert_non_null(strstr(e.msg, "not a regular file"));
    char missing[64];
    snprintf(missing, sizeof missing, "%s/none.txt", dir);
    assert_int_equal(gwr_text_load_file(&t, missing, &e), GWR_E_IO);
    assert_non_null(strstr(e.msg, "none.txt: No such file"));
    if (geteuid() != 0) {
        char ro[64];
        snprintf(ro, sizeof ro, "%s/noread.txt", dir);
        FILE *f = fopen(ro, "w");
        assert_non_null(f);
        fputs("各位代表\n", f);
        fclose(f);
        chmod(ro, 0);
        assert_int_equal(gwr_text_load_file(&t, ro, &e), GWR_E_IO);
        assert_non_null(strstr(e.msg, "noread.txt: Permission denied"));
        unlink(ro);
    }
    unlink(fifo);
    rmdir(dir);
    assert_int_equal(gwr_text_load_file(&t, "/dev/null", &e), GWR_E_IO);
}

static void test_norm_folding_and_spaces(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    const char s[] = "　　增长７．５％，ＧＤＰ 增长\n政 府 工 作 报 告\n项目 800 个，GDP growth 7 %\n";
    assert_int_equal(load(&t, s, sizeof s - 1, &e), GWR_OK);
    assert_string_equal(t.norm, "增长7.5%，GDP增长\n政府工作报告\n项目800个，GDP growth 7%\n");
    /* a folded character still maps to its own original line */
    assert_int_equal(gwr_text_norm_line(&t, strstr(t.norm, "800") - t.norm), 3);
    gwr_text_free(&t);
}

/* Numbers typeset with spaces between their digits are one number again;
 * two words of Latin letters keep their space. */
static void test_norm_spaced_digits(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    const char s[] = "1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，去年经济增长8 ．8 ％。GDP growth\n";
    assert_int_equal(load(&t, s, sizeof s - 1, &e), GWR_OK);
    assert_string_equal(t.norm, "1997年国内生产总值达到74772亿元，去年经济增长8.8%。GDP growth\n");
    gwr_text_free(&t);
}

static void test_doubled_headings(void **st)
{
    (void)st;
    gwr_text t;
    gwr_err e = { 0 };
    const char s[] = "着力推进新型工业化着力推进新型工业化\n第一段。\n重点工作\n重点工作\n";
    assert_int_equal(load(&t, s, sizeof s - 1, &e), GWR_OK);
    assert_string_equal(t.norm, "着力推进新型工业化\n第一段。\n重点工作\n");
    gwr_text_free(&t);
}

static void test_pdf_join(void **st)
{
    (void)st;
    /* 60 short hard-wrapped lines around the artefacts of a newspaper page */
    char buf[8192];
    size_t n = 0;
    const char *head =
        "坚持工业\n优先不动摇。\n全面强化“链长\n\n制”，推进11条\n确保粮食面积稳\n\n定 在 1062 万\n亩以上、产量稳\n"
        "定在90亿斤以\n上。\n加快共建\n宜 荆 荆 都 市\n圈。打造枢纽\n着力推进新型工业化着力推进新型工业化\n";
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", head);
    for (int i = 0; i < 40; i++) n += (size_t)snprintf(buf + n, sizeof buf - n, "新增企业%d\n家，推进\n", i);
    gwr_text t;
    gwr_err e = { 0 };
    assert_int_equal(load(&t, buf, n, &e), GWR_OK);
    assert_true(t.pdf_layout);
    assert_true(strncmp(t.norm, "坚持工业优先不动摇。全面强化“链长制”，推进11条确保粮食面积稳定在1062万亩以上、产量稳定在90亿斤以上。\n"
                                "加快共建宜荆荆都市圈。打造枢纽\n着力推进新型工业化\n", strlen("坚持工业优先不动摇。全面强化“链长制”，推进11条确保粮食面积稳定在1062万亩以上、产量稳定在90亿斤以上。\n"
                                "加快共建宜荆荆都市圈。打造枢纽\n着力推进新型工业化\n")) == 0);
    const char *p = strstr(t.norm, "1062");
    assert_int_equal(gwr_text_norm_line(&t, (size_t)(p - t.norm)), 8);
    p = strstr(t.norm, "都市圈");
    assert_int_equal(gwr_text_norm_line(&t, (size_t)(p - t.norm)), 13);
    gwr_text_free(&t);
}

static void test_huge_inputs_linear(void **st)
{
    (void)st;
    /* 8 MB on one line, 200,000 short lines, a heading repeated 100,000 times:
     * each must load quickly (the test would time out if anything were quadratic) */
    size_t n = 8u << 20;
    char *b = malloc(n);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) b[i] = (char)('a' + i % 26);
    gwr_text t;
    gwr_err e = { 0 };
    assert_int_equal(load(&t, b, n, &e), GWR_OK);
    assert_int_equal(t.nlines, 1);
    gwr_text_free(&t);
    size_t k = 0;
    for (int i = 0; i < 200000 && k + 16 < n; i++) k += (size_t)snprintf(b + k, n - k, "行%d\n", i % 10);
    assert_int_equal(load(&t, b, k, &e), GWR_OK);
    gwr_text_free(&t);
    k = 0;
    for (int i = 0; i < 100000; i++) { memcpy(b + k, "着力推进新型工业化\n", 28); k += 28; }
    assert_int_equal(load(&t, b, k, &e), GWR_OK);
    assert_string_equal(t.norm, "着力推进新型工业化\n");
    gwr_text_free(&t);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain_and_bom),
        cmocka_unit_test(test_gbk),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_stray_invalid_bytes),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_norm_folding_and_spaces),
        cmocka_unit_test(test_norm_spaced_digits),
        cmocka_unit_test(test_doubled_headings),
        cmocka_unit_test(test_pdf_join),
        cmocka_unit_test(test_huge_inputs_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
