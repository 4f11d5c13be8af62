/* test_uwidth.c — sanitise → measure → clip. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "uwidth.h"

static void test_cjk_width(void **state)
{
    (void)state;
    assert_int_equal(gwr_width("地区生产总值", strlen("地区生产总值")), 12);
    assert_int_equal(gwr_width("GDP增长7%", strlen("GDP增长7%")), 9);
}

static void test_sanitize_controls(void **state)
{
    (void)state;
    char out[64];
    const char in[] = "a\x1b[2Jb\x07";
    gwr_sanitize(in, strlen(in), out, sizeof out);
    assert_string_equal(out, "a^[[2Jb^G");
    const char c1[] = "x\xc2\x9by";                 /* U+009B CSI */
    gwr_sanitize(c1, strlen(c1), out, sizeof out);
    assert_string_equal(out, "x<U+009B>y");
    const char bad[] = "ok\xff\xfe";
    gwr_sanitize(bad, strlen(bad), out, sizeof out);
    assert_string_equal(out, "ok\\xff\\xfe");          /* invalid bytes shown as \xHH */
}

static void test_clip_never_splits(void **state)
{
    (void)state;
    const char *s = "增长7%左右";
    int used = -1;
    size_t n = gwr_clip(s, strlen(s), 3, &used);   /* 增 fits, 长 would need cells 3-4 */
    assert_int_equal(n, 3);
    assert_int_equal(used, 2);
    n = gwr_clip(s, strlen(s), 5, &used);
    assert_int_equal(n, 7);                        /* 增长7 */
    assert_int_equal(used, 5);
}

static void test_sanitize_truncates_whole_chars(void **state)
{
    (void)state;
    char out[5];
    gwr_sanitize("增长", 6, out, sizeof out);     /* room for one 3-byte char only */
    assert_string_equal(out, "增");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cjk_width),
        cmocka_unit_test(test_sanitize_controls),
        cmocka_unit_test(test_clip_never_splits),
        cmocka_unit_test(test_sanitize_truncates_whole_chars),
    };
    return cmocka_run_group_tests_name("uwidth", tests, NULL, NULL);
}
