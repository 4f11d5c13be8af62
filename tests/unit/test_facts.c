/* test_facts.c — figures found in sentences of the genre: value, unit,
 * qualifier and kind of each, its indicator name and key, status and year.
 * The outline is made by hand here (one part of a chosen role, optionally a
 * targets paragraph) so that these tests exercise the facts layer alone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "facts.h"

static gwr_doc doc;

/* Loads text as one part of the given role (GWR_NODE_TARGETS when targets). */
static void load(const char *text, gwr_role role, bool targets)
{
    gwr_err err = { 0 };
    memset(&doc, 0, sizeof doc);
    gwr_arena_init(&doc.arena);
    doc.path = "test.txt";
    assert_int_equal(gwr_text_load_mem(&doc.text, "test.txt", text, strlen(text), &err), GWR_OK);
    doc.has_text = true;
    doc.entity = "某市";
    doc.report_year = 2024;
    doc.reviewed_year = 2023;
    doc.nnodes = targets ? 3 : 2;
    doc.nodes = calloc(doc.nnodes, sizeof *doc.nodes);
    assert_non_null(doc.nodes);
    uint32_t len = (uint32_t)doc.text.norm_len;
    doc.nodes[0] = (gwr_node){ .kind = GWR_NODE_ROOT, .title = "", .body_len = len, .line = 1,
                               .parent = -1, .first_child = 1, .next_sibling = -1 };
    doc.nodes[1] = (gwr_node){ .kind = GWR_NODE_PART, .role = role, .depth = 1, .title = "部分",
                               .body_len = len, .line = 1, .parent = 0,
                               .first_child = targets ? 2 : -1, .next_sibling = -1 };
    if (targets)
        doc.nodes[2] = (gwr_node){ .kind = GWR_NODE_TARGETS, .role = role, .depth = 2, .title = "主要预期目标",
                                   .body_len = len, .line = 1, .parent = 1,
                                   .first_child = -1, .next_sibling = -1 };
    assert_int_equal(gwr_facts_extract(&doc, &err), GWR_OK);
}

static int teardown(void **state)
{
    (void)state;
    gwr_doc_free(&doc);
    return 0;
}

/* The i-th figure must have this name, key, kind, value, unit and qualifier. */
static void fig(size_t i, const char *name, const char *key, gwr_fig_kind kind,
                const char *value, const char *unit, gwr_qual qual)
{
    char buf[64];
    assert_true(i < doc.nfigs);
    const gwr_figure *g = &doc.figs[i];
    assert_string_equal(g->name, name);
    if (key) assert_string_equal(g->key ? g->key : "(none)", key);
    else assert_null(g->key);
    assert_string_equal(gwr_fig_kind_name(g->kind), gwr_fig_kind_name(kind));
    gwr_dec_format(gwr_fig_value(g), buf, sizeof buf);
    assert_string_equal(buf, value);
    assert_string_equal(gwr_fig_unit(g), unit);
    assert_string_equal(gwr_qual_name(gwr_fig_qual(g)), gwr_qual_name(qual));
}

static void test_shared_verb_two(void **state)
{
    (void)state;
    load("城镇、农村居民人均可支配收入分别增长9%、10%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 2);
    fig(0, "城镇居民人均可支配收入", "income_urban", GWR_FK_GROWTH, "9", "%", GWR_Q_EXACT);
    fig(1, "农村居民人均可支配收入", "income_rural", GWR_FK_GROWTH, "10", "%", GWR_Q_EXACT);
    assert_ptr_equal(gwr_fig_sentence(&doc, &doc.figs[0]), gwr_fig_sentence(&doc, &doc.figs[1]));
    assert_int_equal(doc.figs[0].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[0].year, 2023);
}

static void test_shared_verb_four(void **state)
{
    (void)state;
    load("规上工业增加值、固定资产投资、社会消费品零售总额、一般公共预算收入分别增长12.7%、9.6%、5.2%、19.8%。\n",
         GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 4);
    fig(0, "规上工业增加值", "industry_va", GWR_FK_GROWTH, "12.7", "%", GWR_Q_EXACT);
    fig(1, "固定资产投资", "fixed_investment", GWR_FK_GROWTH, "9.6", "%", GWR_Q_EXACT);
    fig(2, "社会消费品零售总额", "retail_sales", GWR_FK_GROWTH, "5.2", "%", GWR_Q_EXACT);
    fig(3, "一般公共预算收入", "budget_revenue", GWR_FK_GROWTH, "19.8", "%", GWR_Q_EXACT);
}

static void test_shared_subject(void **state)
{
    (void)state;
    load("力争亿元以上产业项目新签约60个、新开工42个。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 2);
    fig(0, "亿元以上产业项目新签约", NULL, GWR_FK_LEVEL, "60", "个", GWR_Q_EXACT);
    fig(1, "亿元以上产业项目新开工", NULL, GWR_FK_LEVEL, "42", "个", GWR_Q_EXACT);
    assert_int_equal(doc.figs[1].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[1].year, 2024);
}

static void test_number_before_noun(void **state)
{
    (void)state;
    load("完成245个老旧小区改造，实施100个重点技改项目。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 2);
    fig(0, "完成老旧小区改造", NULL, GWR_FK_LEVEL, "245", "个", GWR_Q_EXACT);
    fig(1, "实施重点技改项目", NULL, GWR_FK_LEVEL, "100", "个", GWR_Q_EXACT);
}

static void test_quarters_rank_comparison(void **state)
{
    (void)state;
    load("GDP一季度累计增长4.7%、二季度累计增长6.3%、三季度累计增长6.6%，全年累计增长6.7%，增幅居全省第4位；"
         "固定资产投资增长6.8%，高于全省1.8个百分点。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 7);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(doc.figs[i].period, GWR_PER_QUARTER);
        assert_string_equal(doc.figs[i].key, "gdp");
    }
    fig(2, "GDP", "gdp", GWR_FK_GROWTH, "6.6", "%", GWR_Q_EXACT);
    fig(3, "GDP", "gdp", GWR_FK_GROWTH, "6.7", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[3].period, GWR_PER_YEAR);
    assert_int_equal(doc.figs[4].kind, GWR_FK_RANK);
    assert_string_equal(gwr_fig_unit(&doc.figs[4]), "位");
    fig(5, "固定资产投资", "fixed_investment", GWR_FK_GROWTH, "6.8", "%", GWR_Q_EXACT);
    /* the comparison is not the indicator's own change */
    fig(6, "固定资产投资高于全省", NULL, GWR_FK_POINTS, "1.8", "个百分点", GWR_Q_EXACT);
}

static void test_targets_paragraph(void **state)
{
    (void)state;
    load("主要预期目标是：地区生产总值增长7%左右；城镇新增就业5.5万人以上；居民消费价格涨幅控制在3%左右；"
         "粮食总产保持在58亿斤以上。\n", GWR_ROLE_PLAN, true);
    assert_int_equal(doc.nfigs, 4);
    fig(0, "地区生产总值", "gdp", GWR_FK_GROWTH, "7", "%", GWR_Q_ABOUT);
    fig(1, "城镇新增就业", "urban_jobs", GWR_FK_LEVEL, "55000", "人", GWR_Q_ATLEAST);
    fig(2, "居民消费价格涨幅", "cpi", GWR_FK_GROWTH, "3", "%", GWR_Q_ABOUT);
    fig(3, "粮食总产", "grain_output", GWR_FK_LEVEL, "5800000000", "斤", GWR_Q_ATLEAST);
    for (size_t i = 0; i < doc.nfigs; i++) {
        assert_true(doc.figs[i].headline);
        assert_int_equal(doc.figs[i].status, GWR_ST_PLANNED);
        assert_int_equal(doc.figs[i].year, 2024);
        assert_int_equal(doc.figs[i].node, 2);
    }
    assert_string_equal(doc.figs[0].written, "7%左右");
}

static void test_subject_carried(void **state)
{
    (void)state;
    load("地区生产总值完成198.5亿元，同比增长22.3%；城镇登记失业率控制在4%以内。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 3);
    fig(0, "地区生产总值", "gdp", GWR_FK_LEVEL, "19850000000", "元", GWR_Q_EXACT);
    fig(1, "地区生产总值", "gdp", GWR_FK_GROWTH, "22.3", "%", GWR_Q_EXACT);
    fig(2, "城镇登记失业率", "unemployment_registered", GWR_FK_LEVEL, "4", "%", GWR_Q_ATMOST);
    assert_true(doc.figs[0].headline);   /* two headline indicators in one review sentence */
}

static void test_names_in_quiet_clause(void **state)
{
    (void)state;
    load("粮食种植面积、总产量实现双增，分别达到241.08万亩、81.48万吨。粮食稳产增收，总产达到58.7亿斤。\n",
         GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 3);
    fig(0, "粮食种植面积", "grain_area", GWR_FK_LEVEL, "2410800", "亩", GWR_Q_EXACT);
    fig(1, "粮食总产量", "grain_output", GWR_FK_LEVEL, "814800", "吨", GWR_Q_EXACT);
    fig(2, "粮食总产", "grain_output", GWR_FK_LEVEL, "5870000000", "斤", GWR_Q_EXACT);
    assert_ptr_not_equal(gwr_fig_sentence(&doc, &doc.figs[1]), gwr_fig_sentence(&doc, &doc.figs[2]));
}

static void test_urban_rural(void **state)
{
    (void)state;
    load("城乡常住居民人均可支配收入分别增长7%和8%左右。城镇和农村居民人均可支配收入分别达35512元、25689元，"
         "分别同比增长7.8%。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 6);
    fig(0, "城镇常住居民人均可支配收入", "income_urban", GWR_FK_GROWTH, "7", "%", GWR_Q_EXACT);
    fig(1, "农村常住居民人均可支配收入", "income_rural", GWR_FK_GROWTH, "8", "%", GWR_Q_ABOUT);
    fig(2, "城镇居民人均可支配收入", "income_urban", GWR_FK_LEVEL, "35512", "元", GWR_Q_EXACT);
    fig(3, "农村居民人均可支配收入", "income_rural", GWR_FK_LEVEL, "25689", "元", GWR_Q_EXACT);
    fig(4, "城镇居民人均可支配收入", "income_urban", GWR_FK_GROWTH, "7.8", "%", GWR_Q_EXACT);
    fig(5, "农村居民人均可支配收入", "income_rural", GWR_FK_GROWTH, "7.8", "%", GWR_Q_EXACT);
}

static void test_periods_and_years(void **state)
{
    (void)state;
    load("五年来，地区生产总值年均增长12.1%。2022年，城镇新增就业2.18万人。到2025年，粮食产量达到80万吨。"
         "拉动GDP增长3个百分点。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 4);
    fig(0, "地区生产总值", "gdp", GWR_FK_GROWTH, "12.1", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].period, GWR_PER_MULTIYEAR);
    fig(1, "城镇新增就业", "urban_jobs", GWR_FK_LEVEL, "21800", "人", GWR_Q_EXACT);
    assert_int_equal(doc.figs[1].year, 2022);
    assert_int_equal(doc.figs[1].period, GWR_PER_YEAR);
    /* a "到2025年" sentence in the review is still read as planned for 2025 */
    assert_int_equal(doc.figs[2].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[2].year, 2025);
    assert_int_equal(doc.figs[2].period, GWR_PER_MULTIYEAR);
    fig(3, "拉动GDP", NULL, GWR_FK_POINTS, "3", "个百分点", GWR_Q_EXACT);
}

/* The sentence's own words outweigh the part it stands in: a result of a named
 * earlier year is achieved, this year's targets are planned. */
static void test_status_from_the_sentence(void **state)
{
    (void)state;
    load("2023年，国内生产总值达到95933亿元。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 1);
    fig(0, "国内生产总值", "gdp", GWR_FK_LEVEL, "9593300000000", "元", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[0].year, 2023);
    teardown(NULL);
    load("综合考虑各种因素，今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 1);
    fig(0, "国内生产总值", "gdp", GWR_FK_GROWTH, "8", "%", GWR_Q_ABOUT);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[0].year, 2024);
    teardown(NULL);
    load("今年经济增长速度的调控目标定为8%，物价上涨幅度控制在10%左右。\n", GWR_ROLE_NONE, false);
    assert_true(doc.nfigs >= 1);
    fig(0, "经济增长速度", "gdp", GWR_FK_GROWTH, "8", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
    /* a paragraph that opens with the past year speaks of it throughout */
    teardown(NULL);
    load("过去的一年，我们完成了确定的任务。国内生产总值比上年增长10.2%。\n今年国内生产总值增长8%。\n",
         GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 2);
    assert_int_equal(doc.figs[0].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[0].year, 2023);
    assert_int_equal(doc.figs[1].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[1].year, 2024);
    /* a year in Chinese numerals; a starting point (以来) is not the figure's year */
    teardown(NULL);
    load("一九九○年，国民生产总值达到15677亿元。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.figs[0].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[0].year, 1990);
    teardown(NULL);
    load("为了改变价格体系，2022年四季度以来陆续出台调价措施，全年居民消费价格上涨2.1%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.figs[0].year, 2023);
    /* a price base is no year of the figure; a later year is a target for it */
    teardown(NULL);
    load("按2020年不变价格计算，2026年国民生产总值达到11170亿元。国民生产总值2023年达到10920亿元。"
         "2023年同2015年相比，国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。\n",
         GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 5);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[0].year, 2026);
    assert_int_equal(doc.figs[0].period, GWR_PER_MULTIYEAR);
    assert_int_equal(doc.figs[1].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[1].year, 2023);
    assert_int_equal(doc.figs[4].period, GWR_PER_MULTIYEAR);   /* 102% since 2015 */
    /* a base of comparison is not the figure's year */
    teardown(NULL);
    load("比2020年增长30%。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
}

/* A paragraph's first sentence, without figures of its own, says which year
 * and which status the figures after it have; one that says none of that
 * leaves them to their part. */
static void test_paragraph_openers(void **state)
{
    (void)state;
    load("2021年，我们攻坚克难。地区生产总值增长5%。\n"
         "今年的主要目标是明确的。地区生产总值增长6%左右。\n"
         "我们攻坚克难。地区生产总值增长7%。\n"
         "“十四五”规划纲要提出了发展目标。地区生产总值年均增长8%。\n"
         "去年，我们攻坚克难。地区生产总值增长9%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 5);
    assert_int_equal(doc.figs[0].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[0].year, 2021);
    assert_int_equal(doc.figs[1].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[1].year, 2024);
    assert_int_equal(doc.figs[2].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[2].year, 2023);
    assert_int_equal(doc.figs[3].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[3].period, GWR_PER_MULTIYEAR);
    assert_int_equal(doc.figs[4].status, GWR_ST_ACHIEVED);
    assert_int_equal(doc.figs[4].year, 2023);
}

/* Five-year targets are planned, multi-year, with their end year; the year's
 * targets after them stay the year's. */
static void test_five_year_targets(void **state)
{
    (void)state;
    load("今后五年国内生产总值年均增长7.5%。\n"
         "“十五五”时期经济社会发展的主要目标是：到2030年，地区生产总值达到5000亿元。粮食产量稳定在50万吨。\n"
         "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 4);
    fig(0, "国内生产总值", "gdp", GWR_FK_GROWTH, "7.5", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[0].period, GWR_PER_MULTIYEAR);
    assert_int_equal(doc.figs[0].year, 2028);
    for (size_t i = 1; i <= 2; i++) {
        assert_int_equal(doc.figs[i].status, GWR_ST_PLANNED);
        assert_int_equal(doc.figs[i].period, GWR_PER_MULTIYEAR);
        assert_int_equal(doc.figs[i].year, 2030);
    }
    fig(3, "地区生产总值", "gdp", GWR_FK_GROWTH, "5", "%", GWR_Q_ABOUT);
    assert_int_equal(doc.figs[3].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[3].period, GWR_PER_YEAR);
    assert_int_equal(doc.figs[3].year, 2024);
}

/* Dates, times, source lines and page chrome yield no figures. */
static void test_not_figures(void **state)
{
    (void)state;
    load("时间：2026-02-09 来源：市政府办公室\n发布时间：2026年2月9日 10:30 责任编辑：李四\n"
         "下载 打印 全屏 收藏 【字号：加大 还原 减小】\n"
         "会议于1月27日上午8:30开幕，2026.02.09发布，2026/2/9印发。\n"
         "（《人民日报》1 9 5 5 0 7 0 8）\n"
         "地区生产总值增长5.8%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 1);
    fig(0, "地区生产总值", "gdp", GWR_FK_GROWTH, "5.8", "%", GWR_Q_EXACT);
}

/* A comparison with other regions or with last year is never the indicator's
 * level or growth. */
static void test_comparisons_are_not_levels(void **state)
{
    (void)state;
    load("地区生产总值增长5.8%，高于全国1.8个百分点，比上年提高0.5个百分点，快于全省0.3个百分点，"
         "比全省高1.2个百分点。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 5);
    fig(0, "地区生产总值", "gdp", GWR_FK_GROWTH, "5.8", "%", GWR_Q_EXACT);
    for (size_t i = 1; i < 5; i++) {
        assert_int_equal(doc.figs[i].kind, GWR_FK_POINTS);
        assert_int_not_equal(doc.figs[i].kind, GWR_FK_LEVEL);
    }
    assert_null(doc.figs[1].key);   /* 高于全国: a comparison */
    assert_null(doc.figs[3].key);   /* 快于全省 */
    assert_null(doc.figs[4].key);   /* 比全省高 */
}

/* A name is the measured noun phrase; when there is none, the placeholder. */
static void test_names_never_verbs(void **state)
{
    (void)state;
    load("全市电诈预警后被骗率从23.4%下降至2.5%。各行各业的建设者努力拼搏，260万荆门人民了不起。"
         "确保70%以上的村卫生室规范开展服务。完成2亿元。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 5);
    assert_string_equal(doc.figs[0].name, "电诈预警后被骗率");
    assert_string_equal(doc.figs[1].name, "电诈预警后被骗率");
    assert_int_equal(doc.figs[1].kind, GWR_FK_LEVEL);
    for (size_t i = 2; i < 5; i++) assert_string_equal(doc.figs[i].name, GWR_FIG_NO_NAME);
}

/* The year's targets, however the verb is written. */
static void test_target_verbs(void **state)
{
    (void)state;
    load("今年经济社会发展的主要预期目标是：地区生产总值按增长5%安排，规模以上工业增加值预期增长6%，"
         "固定资产投资力争增长7%，社会消费品零售总额增长5%以上、力争6%，到2030年城镇化率达到70%。\n",
         GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 6);
    fig(0, "地区生产总值", "gdp", GWR_FK_GROWTH, "5", "%", GWR_Q_EXACT);
    fig(1, "规模以上工业增加值", "industry_va", GWR_FK_GROWTH, "6", "%", GWR_Q_EXACT);
    fig(2, "固定资产投资", "fixed_investment", GWR_FK_GROWTH, "7", "%", GWR_Q_EXACT);
    fig(3, "社会消费品零售总额", "retail_sales", GWR_FK_GROWTH, "5", "%", GWR_Q_ATLEAST);
    fig(4, "社会消费品零售总额", "retail_sales", GWR_FK_GROWTH, "6", "%", GWR_Q_EXACT);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(doc.figs[i].status, GWR_ST_PLANNED);
        assert_int_equal(doc.figs[i].year, 2024);
    }
    assert_string_equal(doc.figs[5].name, "城镇化率");
}

/* Under a heading of the five-year targets, even one read as a targets
 * paragraph, the figures are the five-year targets; the year's work is not. */
static void test_five_year_heading(void **state)
{
    (void)state;
    gwr_err err = { 0 };
    load("地区生产总值增长5%左右，城镇化率达到70%。\n", GWR_ROLE_PLAN, true);
    doc.nodes[1].title = "“十五五”时期的主要目标任务";
    assert_int_equal(gwr_facts_extract(&doc, &err), GWR_OK);
    assert_int_equal(doc.nfigs, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(doc.figs[i].status, GWR_ST_PLANNED);
        assert_int_equal(doc.figs[i].period, GWR_PER_MULTIYEAR);
        assert_int_equal(doc.figs[i].year, 2028);
    }
    doc.nodes[1].title = "2024年是实施“十四五”规划的关键一年";
    assert_int_equal(gwr_facts_extract(&doc, &err), GWR_OK);
    assert_int_equal(doc.figs[0].period, GWR_PER_YEAR);
    assert_int_equal(doc.figs[0].year, 2024);
}

static void test_rate_named_by_its_tail(void **state)
{
    (void)state;
    load("规模以上工业增加值增速达到11.1%，经济增长速度为8%，城镇登记失业率为3.9%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 3);
    fig(0, "规模以上工业增加值增速", "industry_va", GWR_FK_GROWTH, "11.1", "%", GWR_Q_EXACT);
    fig(1, "经济增长速度", "gdp", GWR_FK_GROWTH, "8", "%", GWR_Q_EXACT);
    fig(2, "城镇登记失业率", "unemployment_registered", GWR_FK_LEVEL, "3.9", "%", GWR_Q_EXACT);
}

static void test_kinds(void **state)
{
    (void)state;
    load("能耗强度下降3%以上，空气优良天数比例达到80%以上，进出口总额增长超过18%，旅游收入增长2倍，"
         "城镇登记失业率3%左右。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 5);
    fig(0, "能耗强度", "energy_intensity", GWR_FK_DECLINE, "3", "%", GWR_Q_ATLEAST);
    fig(1, "空气优良天数比例", "air_quality", GWR_FK_LEVEL, "80", "%", GWR_Q_ATLEAST);
    fig(2, "进出口总额", "trade", GWR_FK_GROWTH, "18", "%", GWR_Q_OVER);
    fig(3, "旅游收入", NULL, GWR_FK_MULTIPLE, "2", "倍", GWR_Q_EXACT);
    fig(4, "城镇登记失业率", "unemployment_registered", GWR_FK_LEVEL, "3", "%", GWR_Q_ABOUT);
}

static void test_values_follow_values(void **state)
{
    (void)state;
    load("城镇和农村常住居民人均可支配收入分别达到35000元和18000元、增长6.5%和8%。"
         "全年地区生产总值突破1000亿元、达到1028.9亿元，增长7.3%。余额贷存比突破80%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 8);
    fig(0, "城镇常住居民人均可支配收入", "income_urban", GWR_FK_LEVEL, "35000", "元", GWR_Q_EXACT);
    fig(1, "农村常住居民人均可支配收入", "income_rural", GWR_FK_LEVEL, "18000", "元", GWR_Q_EXACT);
    fig(2, "城镇常住居民人均可支配收入", "income_urban", GWR_FK_GROWTH, "6.5", "%", GWR_Q_EXACT);
    fig(3, "农村常住居民人均可支配收入", "income_rural", GWR_FK_GROWTH, "8", "%", GWR_Q_EXACT);
    fig(4, "地区生产总值", "gdp", GWR_FK_LEVEL, "100000000000", "元", GWR_Q_OVER);
    fig(5, "地区生产总值", "gdp", GWR_FK_LEVEL, "102890000000", "元", GWR_Q_EXACT);
    fig(6, "地区生产总值", "gdp", GWR_FK_GROWTH, "7.3", "%", GWR_Q_EXACT);
    fig(7, "余额贷存比", NULL, GWR_FK_LEVEL, "80", "%", GWR_Q_OVER);
}

static void test_spans_and_targets_in_passing(void **state)
{
    (void)state;
    load("粮食总产量达到554.6亿斤，连续11年稳定在500亿斤以上。全市地区生产总值增长7.2%，完成了增长7%的目标。\n",
         GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 4);
    fig(0, "粮食总产量", "grain_output", GWR_FK_LEVEL, "55460000000", "斤", GWR_Q_EXACT);
    fig(1, "粮食总产量", "grain_output", GWR_FK_LEVEL, "50000000000", "斤", GWR_Q_ATLEAST);
    assert_int_equal(doc.figs[1].period, GWR_PER_MULTIYEAR);
    fig(2, "地区生产总值", "gdp", GWR_FK_GROWTH, "7.2", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[2].status, GWR_ST_ACHIEVED);
    /* the target of the reviewed year, named in the review */
    fig(3, "地区生产总值", "gdp", GWR_FK_GROWTH, "7", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[3].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[3].year, 2023);
}

static void test_brackets_and_trailing_growth(void **state)
{
    (void)state;
    load("地区生产总值达到500亿元（增长7%），服务业增加值实现了8.1%的增长。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 3);
    fig(0, "地区生产总值", "gdp", GWR_FK_LEVEL, "50000000000", "元", GWR_Q_EXACT);
    fig(1, "地区生产总值", "gdp", GWR_FK_GROWTH, "7", "%", GWR_Q_EXACT);
    fig(2, "服务业增加值", "services_va", GWR_FK_GROWTH, "8.1", "%", GWR_Q_EXACT);
    teardown(NULL);
    load("1-11月规上工业增加值增长9%，前三季度GDP增长5.2%。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 2);
    fig(0, "规上工业增加值", "industry_va", GWR_FK_GROWTH, "9", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].period, GWR_PER_MONTH);
    fig(1, "GDP", "gdp", GWR_FK_GROWTH, "5.2", "%", GWR_Q_EXACT);
    assert_int_equal(doc.figs[1].period, GWR_PER_QUARTER);
}

static void test_no_key_by_guess(void **state)
{
    (void)state;
    /* only measure words (产量, 面积 …) borrow a topic; 投资 stays unkeyed */
    load("完成固定资产投资100亿元，投资30亿元，工业固定资产投资50亿元。\n", GWR_ROLE_REVIEW, false);
    assert_int_equal(doc.nfigs, 3);
    fig(0, "固定资产投资", "fixed_investment", GWR_FK_LEVEL, "10000000000", "元", GWR_Q_EXACT);
    fig(1, "投资", NULL, GWR_FK_LEVEL, "3000000000", "元", GWR_Q_EXACT);
    fig(2, "工业固定资产投资", NULL, GWR_FK_LEVEL, "5000000000", "元", GWR_Q_EXACT);
}

static void test_self_part_is_planned(void **state)
{
    (void)state;
    load("持续过紧日子，一般性支出压减10%以上。\n", GWR_ROLE_SELF, false);
    assert_int_equal(doc.nfigs, 1);
    fig(0, "一般性支出", NULL, GWR_FK_DECLINE, "10", "%", GWR_Q_ATLEAST);
    assert_int_equal(doc.figs[0].status, GWR_ST_PLANNED);
    assert_int_equal(doc.figs[0].year, 2024);
}

static void test_lines_and_no_figures(void **state)
{
    (void)state;
    load("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n新增高新技术企业100家。\n", GWR_ROLE_PLAN, false);
    assert_int_equal(doc.nfigs, 1);
    fig(0, "新增高新技术企业", NULL, GWR_FK_LEVEL, "100", "家", GWR_Q_EXACT);
    assert_int_equal(doc.figs[0].line, 4);
    assert_string_equal(gwr_fig_sentence(&doc, &doc.figs[0]), "新增高新技术企业100家。");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_paragraph_openers, teardown),
        cmocka_unit_test_teardown(test_shared_verb_two, teardown),
        cmocka_unit_test_teardown(test_shared_verb_four, teardown),
        cmocka_unit_test_teardown(test_shared_subject, teardown),
        cmocka_unit_test_teardown(test_number_before_noun, teardown),
        cmocka_unit_test_teardown(test_quarters_rank_comparison, teardown),
        cmocka_unit_test_teardown(test_targets_paragraph, teardown),
        cmocka_unit_test_teardown(test_subject_carried, teardown),
        cmocka_unit_test_teardown(test_names_in_quiet_clause, teardown),
        cmocka_unit_test_teardown(test_urban_rural, teardown),
        cmocka_unit_test_teardown(test_periods_and_years, teardown),
        cmocka_unit_test_teardown(test_kinds, teardown),
        cmocka_unit_test_teardown(test_status_from_the_sentence, teardown),
        cmocka_unit_test_teardown(test_rate_named_by_its_tail, teardown),
        cmocka_unit_test_teardown(test_five_year_targets, teardown),
        cmocka_unit_test_teardown(test_not_figures, teardown),
        cmocka_unit_test_teardown(test_five_year_heading, teardown),
        cmocka_unit_test_teardown(test_target_verbs, teardown),
        cmocka_unit_test_teardown(test_comparisons_are_not_levels, teardown),
        cmocka_unit_test_teardown(test_names_never_verbs, teardown),
        cmocka_unit_test_teardown(test_values_follow_values, teardown),
        cmocka_unit_test_teardown(test_spans_and_targets_in_passing, teardown),
        cmocka_unit_test_teardown(test_self_part_is_planned, teardown),
        cmocka_unit_test_teardown(test_no_key_by_guess, teardown),
        cmocka_unit_test_teardown(test_brackets_and_trailing_growth, teardown),
        cmocka_unit_test_teardown(test_lines_and_no_figures, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
