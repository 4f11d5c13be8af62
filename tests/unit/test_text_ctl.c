/* test_text_ctl.c — escape sequences and control characters: measured, and
 * dropped from the analysis text while the original keeps them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "text_internal.h"

static size_t ctl(const char *s) { return gwr_text_control_len((const unsigned char *)s, (const unsigned char *)s + strlen(s)); }

static void test_sequences(void **state)
{
    (void)state;
    assert_int_equal(ctl("\x1b[2Jx"), 4);             /* CSI */
    assert_int_equal(ctl("\x1b[38;5;196mx"), 11);
    assert_int_equal(ctl("\x1b]0;title\x07x"), 10);   /* OSC … BEL */
    assert_int_equal(ctl("\x1b]0;t\x1b\\x"), 7);      /* OSC … ST */
    assert_int_equal(ctl("\x1b" "cx"), 2);            /* RIS */
    assert_int_equal(ctl("\x1b(Bx"), 3);
    assert_int_equal(ctl("\xc2\x9b" "31mx"), 5);      /* C1 CSI */
    assert_int_equal(ctl("\xc2\x85x"), 2);            /* C1 NEL */
    assert_int_equal(ctl("\x07x"), 1);
    assert_int_equal(ctl("\x7fx"), 1);
}

static void test_malformed_and_text(void **state)
{
    (void)state;
    assert_int_equal(ctl("\x1b"), 1);                 /* ESC at the end */
    assert_int_equal(ctl("\x1b[12"), 2);              /* CSI cut: introducer only */
    assert_int_equal(ctl("\x1b]0;no end\n"), 2);      /* unterminated OSC keeps the text */
    assert_int_equal(ctl("增长"), 0);
    assert_int_equal(ctl("a"), 0);
    assert_int_equal(ctl("\t"), 0);                   /* blanks are spaces, not controls */
    assert_int_equal(ctl("\n"), 0);
    assert_int_equal(ctl("\xc2\xa0"), 0);             /* U+00A0 */
}

static void test_loader_drops_from_norm(void **state)
{
    (void)state;
    /* (long enough that one BEL stays under the loader's 1-in-100 control limit) */
    const char in[] = "一、2023年\x1b[2J\x1b]0;pwned\x07工作回顾\x1b[0m\n地区生产总值增长\x1b[31m6.7%\x1b[0m\xc2\x9b" "1m。"
                      "全年经济运行总体平稳，稳中有进，主要指标好于预期。\n";
    gwr_text t;
    gwr_err err = { 0 };
    assert_int_equal(gwr_text_load_mem(&t, "t.txt", in, strlen(in), &err), GWR_OK);
    assert_string_equal(t.norm, "一、2023年工作回顾\n地区生产总值增长6.7%。全年经济运行总体平稳，稳中有进，主要指标好于预期。\n");
    assert_non_null(strstr(t.orig, "\x1b[2J"));       /* the original is kept as it was */
    gwr_text_free(&t);
    const char only[] = "\x1b[2J\x1b[0m\n增长7%。\n";  /* a line of nothing but escapes: no empty paragraph */
    assert_int_equal(gwr_text_load_mem(&t, "t.txt", only, strlen(only), &err), GWR_OK);
    assert_string_equal(t.norm, "增长7%。\n");
    gwr_text_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequences),
        cmocka_unit_test(test_malformed_and_text),
        cmocka_unit_test(test_loader_drops_from_norm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
