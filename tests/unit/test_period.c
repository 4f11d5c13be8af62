/* test_period.c — the mark of a figure's period: which quarter, which months,
 * how many years, read from the words before the figure's value. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "period.h"

static const char *mark(gwr_period p, const char *sentence, const char *written)
{
    static char buf[32];
    gwr_doc d = { 0 };
    gwr_figure f = { .period = p, .written = written };
    gwr_fig_set_sentence(&f, gwr_doc_add_sentence(&d, sentence, strlen(sentence)));
    size_t n = gwr_period_mark(&d, &f, buf, sizeof buf);
    free(d.sents);
    assert_int_equal(n, strlen(buf));
    return buf;
}

#define JM "GDP一季度累计增长4.7%、二季度累计增长6.3%、三季度累计增长6.6%，全年累计增长6.7%"

static void test_year_has_no_mark(void **state)
{
    (void)state;
    assert_string_equal(mark(GWR_PER_YEAR, JM, "6.7%"), "");
    char b[8] = "x";
    assert_int_equal(gwr_period_mark(NULL, NULL, b, sizeof b), 0);
    assert_string_equal(b, "");
}

static void test_quarters(void **state)
{
    (void)state;
    /* each value takes the nearest quarter before it, not the first one */
    assert_string_equal(mark(GWR_PER_QUARTER, JM, "4.7%"), "Q1");
    assert_string_equal(mark(GWR_PER_QUARTER, JM, "6.3%"), "Q2");
    assert_string_equal(mark(GWR_PER_QUARTER, JM, "6.6%"), "Q3");
    assert_string_equal(mark(GWR_PER_QUARTER, "前三季度地区生产总值增长5.2%", "5.2%"), "Q1-3");
    assert_string_equal(mark(GWR_PER_QUARTER, "上半年完成投资12亿元", "12亿元"), "H1");
    assert_string_equal(mark(GWR_PER_QUARTER, "下半年增长8%", "8%"), "H2");
    assert_string_equal(mark(GWR_PER_QUARTER, "四季度同比增长3%", "3%"), "Q4");
    /* a quarter named only after the value: the kind is known, not which */
    assert_string_equal(mark(GWR_PER_QUARTER, "增长3%（一季度）", "3%"), "qtr");
}

static void test_months(void **state)
{
    (void)state;
    assert_string_equal(mark(GWR_PER_MONTH, "1-11月规模以上工业增加值增长9.1%", "9.1%"), "M1-11");
    assert_string_equal(mark(GWR_PER_MONTH, "截至10月底完成80%", "80%"), "M10");
    assert_string_equal(mark(GWR_PER_MONTH, "月度增长2%", "2%"), "month");
}

static void test_years(void **state)
{
    (void)state;
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "五年来，地区生产总值年均增长7.1%", "7.1%"), "5y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "过去五年累计完成投资3000亿元", "3000亿元"), "5y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "改革开放40年来，经济总量增长132.3倍", "132.3倍"), "40y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "四十年来增长20倍", "20倍"), "40y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "近十五年增长3倍", "3倍"), "15y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "“十四五”以来新增就业12万人", "12万人"), "5y");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "年均增长6%", "6%"), "avg");
    assert_string_equal(mark(GWR_PER_MULTIYEAR, "累计增长6%", "6%"), "yrs");
    /* the buffer is never overrun */
    char b[3];
    gwr_doc d = { 0 };
    gwr_figure f = { .period = GWR_PER_MULTIYEAR, .written = "20倍" };
    gwr_fig_set_sentence(&f, gwr_doc_add_sentence(&d, "四十年来增长20倍", strlen("四十年来增长20倍")));
    assert_int_equal(gwr_period_mark(&d, &f, b, sizeof b), 2);
    free(d.sents);
    assert_string_equal(b, "40");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_year_has_no_mark),
        cmocka_unit_test(test_quarters),
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
