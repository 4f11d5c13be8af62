/* test_err.c — error messages are one line and never carry terminal controls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "err.h"

static void test_controls_replaced(void **state)
{
    (void)state;
    gwr_err e = { 0 };
    assert_int_equal(gwr_err_set(&e, GWR_E_EMPTY, "%s: empty file", "bad\x1b[2J\n\x07x\xc2\x9by.txt"), GWR_E_EMPTY);
    assert_string_equal(e.msg, "bad?[2J??x?y.txt: empty file");
    assert_int_equal(e.code, GWR_E_EMPTY);
}

static void test_cut_utf8_dropped(void **state)
{
    (void)state;
    gwr_err e = { 0 };
    char name[600];
    memset(name, 'a', 509);
    strcpy(name + 509, "增长");            /* 增 straddles the 511-byte limit */
    gwr_err_set(&e, GWR_E_IO, "%s", name);
    assert_int_equal(strlen(e.msg), 509);  /* the cut character is dropped, not half kept */
    gwr_err_set(NULL, GWR_E_IO, "%s", "no crash without err");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controls_replaced),
        cmocka_unit_test(test_cut_utf8_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
