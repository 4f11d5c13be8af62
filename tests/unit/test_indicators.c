/* test_indicators.c — canonical keys: synonyms meet, look-alikes do not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "indicators.h"

static const char *key_of(const char *name)
{
    const gwr_indicator *i = gwr_indicator_match(name, strlen(name));
    return i ? i->key : "";
}

static void test_synonyms_meet(void **state)
{
    (void)state;
    assert_string_equal(key_of("新增城镇就业"), "urban_jobs");
    assert_string_equal(key_of("城镇新增就业"), "urban_jobs");
    assert_string_equal(key_of("城镇新增就业人数"), "urban_jobs");
    assert_string_equal(key_of("GDP"), "gdp");
    assert_string_equal(key_of("地区生产总值"), "gdp");
    assert_string_equal(key_of("全市地区生产总值"), "gdp");
    assert_string_equal(key_of("2023年地区生产总值"), "gdp");
    assert_string_equal(key_of("地方一般公共预算收入"), "budget_revenue");
    assert_string_equal(key_of("一般公共预算收入"), "budget_revenue");
    assert_string_equal(key_of("一般公共财政预算收入"), "budget_revenue");
    assert_string_equal(key_of("城镇常住居民人均可支配收入"), "income_urban");
    assert_string_equal(key_of("城镇居民人均可支配收入"), "income_urban");
    assert_string_equal(key_of("农村常住居民人均可支配收入"), "income_rural");
    assert_string_equal(key_of("农民人均纯收入"), "income_rural");
    assert_string_equal(key_of("全社会固定资产投资"), "fixed_investment");
    assert_string_equal(key_of("区本级固定资产投资"), "fixed_investment");
    assert_string_equal(key_of("规上工业增加值"), "industry_va");
    assert_string_equal(key_of("规模以上工业增加值增速"), "industry_va");
    assert_string_equal(key_of("居民消费价格涨幅"), "cpi");
    assert_string_equal(key_of("居民消费价格指数涨幅"), "cpi");
    assert_string_equal(key_of("空气优良天数比例"), "air_quality");
    assert_string_equal(key_of("能耗强度"), "energy_intensity");
    assert_string_equal(key_of("单位GDP能耗"), "energy_intensity");
    assert_string_equal(key_of("粮食种植面积"), "grain_area");
    assert_string_equal(key_of("粮食总产"), "grain_output");
    assert_string_equal(key_of("外贸进出口额"), "trade");
    assert_string_equal(key_of("调查失业率"), "unemployment_surveyed");
    assert_string_equal(key_of("居民消费价格指数（CPI）涨幅"), "cpi");
    assert_string_equal(key_of("居民消费价格总水平涨幅"), "cpi");
    assert_string_equal(key_of("规模以上工业增加值(规上工业增加值)增速"), "industry_va");
    assert_string_equal(key_of("环境空气质量优良天数比例"), "air_quality");
    assert_string_equal(key_of("万元GDP能耗"), "energy_intensity");
}

/* Every measure word after a synonym (the suffixes are tried by their last byte). */
static void test_every_measure_word(void **state)
{
    (void)state;
    static const char *const measures[] = {
        "", "增速", "增幅", "涨幅", "增长率", "总量", "总额", "规模", "人数", "涨幅指数", "指数涨幅", "完成额", "额",
        "总水平", "速度", "增长速度", "上涨幅度",
    };
    static const char *const names[][2] = {
        { "地区生产总值", "gdp" }, { "全社会固定资产投资", "fixed_investment" }, { "城镇调查失业率", "unemployment_surveyed" },
        { "全市实际利用外资", "fdi" }, { "GDP", "gdp" },
    };
    char buf[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        for (size_t m = 0; m < sizeof measures / sizeof measures[0]; m++) {
            snprintf(buf, sizeof buf, "%s%s", names[i][0], measures[m]);
            assert_string_equal(key_of(buf), names[i][1]);
        }
    /* a measure word alone, or after words that are no synonym, is no indicator */
    for (size_t m = 0; m < sizeof measures / sizeof measures[0]; m++) {
        assert_null(gwr_indicator_match(measures[m], strlen(measures[m])));
        snprintf(buf, sizeof buf, "工业用电%s", measures[m]);
        assert_null(gwr_indicator_match(buf, strlen(buf)));
    }
}

/* One assertion per synonym of the national report and its scope words. */
static void test_national_synonyms(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        { "国内生产总值", "gdp" }, { "全国国内生产总值", "gdp" }, { "全国生产总值", "gdp" },
        { "全省生产总值", "gdp" }, { "全市生产总值", "gdp" }, { "全区生产总值", "gdp" },
        { "全县生产总值", "gdp" }, { "全州生产总值", "gdp" }, { "全盟生产总值", "gdp" },
        { "全旗生产总值", "gdp" }, { "本市生产总值", "gdp" }, { "本县地区生产总值", "gdp" },
        { "经济增长", "gdp" }, { "经济增长速度", "gdp" }, { "国民经济增长", "gdp" },
        { "国内生产总值增长率", "gdp" }, { "国内生产总值增长速度", "gdp" },
        { "单位国内生产总值能耗", "energy_intensity" }, { "单位地区生产总值能耗", "energy_intensity" },
        { "单位国内生产总值能源消耗", "energy_intensity" }, { "万元国内生产总值能耗", "energy_intensity" },
        { "能耗强度", "energy_intensity" },
        { "居民消费价格总水平", "cpi" }, { "居民消费价格总水平涨幅", "cpi" }, { "居民消费价格涨幅", "cpi" },
        { "居民消费价格上涨幅度", "cpi" }, { "消费价格总水平", "cpi" },
        { "赤字率", "deficit_ratio" }, { "财政赤字率", "deficit_ratio" },
        { "财政赤字", "deficit" }, { "中央财政赤字", "deficit" },
        { "粮食产量", "grain_output" }, { "全国粮食产量", "grain_output" }, { "粮食总产量", "grain_output" },
        { "新增就业", "urban_jobs" }, { "全年新增就业", "urban_jobs" }, { "新增就业人数", "urban_jobs" },
        { "财政总收入", "fiscal_total_revenue" }, { "地方财政总收入", "fiscal_revenue" },
        { "财政收入", "revenue" }, { "全国财政收入", "revenue" }, { "国家财政收入", "revenue" },
        { "一般公共预算收入剔除虚增空转因素后", "budget_revenue" },
        { "国民生产总值", "gnp" }, { "国家外汇储备", "forex_reserves" }, { "外汇储备", "forex_reserves" },
        { "社会商品零售总额", "retail_sales" }, { "进出口贸易总额", "trade" },
        { "商品零售价格", "retail_prices" }, { "全国商品零售价格涨幅", "retail_prices" },
        { "零售物价总指数", "retail_prices" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const char *got = key_of(pairs[i][0]);
        if (strcmp(got, pairs[i][1]) != 0) fail_msg("%s: want %s, got \"%s\"", pairs[i][0], pairs[i][1], got);
    }
}

/* A name that only contains an indicator is another indicator. */
static void test_containing_is_not_keyed(void **state)
{
    (void)state;
    assert_string_equal(key_of("研究与试验发展经费支出与国内生产总值之比"), "");
    assert_string_equal(key_of("财政收入占国内生产总值的比重"), "");
    assert_string_equal(key_of("国内生产总值能耗"), "");
    assert_string_equal(key_of("拉动经济增长"), "");
    assert_string_equal(key_of("新增就业岗位"), "");
    assert_string_equal(key_of("中央财政收入"), "");
    assert_string_equal(key_of("国民收入"), "");
    assert_string_equal(key_of("一般公共预算收入剔除"), "");
}

static void test_look_alikes_do_not(void **state)
{
    (void)state;
    assert_string_equal(key_of("工业固定资产投资"), "");
    assert_string_equal(key_of("民间投资占固定资产投资比重"), "");
    assert_string_equal(key_of("拉动GDP"), "");
    assert_string_equal(key_of("高新技术产业增加值"), "");
    assert_string_equal(key_of("全体居民人均可支配收入"), "");
    assert_string_equal(key_of("新增进出口亿元企业"), "");
    assert_string_equal(key_of("农业总产值"), "");
    assert_string_equal(key_of(""), "");
}

static void test_table(void **state)
{
    (void)state;
    size_t n = gwr_indicator_count();
    assert_true(n >= 18);
    for (size_t i = 0; i < n; i++) {
        const gwr_indicator *ind = gwr_indicator_at(i);
        assert_non_null(ind);
        assert_ptr_equal(gwr_indicator_by_key(ind->key), ind);
        assert_int_equal(ind->rank, (int)i);
        /* the label is itself a synonym */
        assert_ptr_equal(gwr_indicator_match(ind->label, strlen(ind->label)), ind);
    }
    assert_null(gwr_indicator_at(n));
    assert_null(gwr_indicator_by_key("nope"));
    assert_int_equal(gwr_indicator_by_key("unemployment_surveyed")->dir, GWR_DIR_DOWN);
    assert_int_equal(gwr_indicator_by_key("cpi")->dir, GWR_DIR_DOWN);
    assert_int_equal(gwr_indicator_by_key("gdp")->dir, GWR_DIR_UP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synonyms_meet),
        cmocka_unit_test(test_every_measure_word),
        cmocka_unit_test(test_look_alikes_do_not),
        cmocka_unit_test(test_national_synonyms),
        cmocka_unit_test(test_containing_is_not_keyed),
        cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
