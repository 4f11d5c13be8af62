/* test_outline_struct.c — entity, years and part roles on the layouts of the
 * genre that titles alone do not settle: the State Council's reports, a
 * county report naming itself only in the body, unnumbered and run-in part
 * headings, slogan-titled reviews, reviews of several years; and the check
 * built on them. Each text is written for the rule, not copied from a file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "check.h"

static void load(gwr_doc *d, const char *name, const char *s)
{
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(d, name, s, strlen(s), &e), GWR_OK);
}

/* Roles of the parts, in order, as a string such as "review plan self". */
static const char *part_roles(const gwr_doc *d, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 1; i < d->nnodes; i++)
        if (d->nodes[i].kind == GWR_NODE_PART)
            o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? " " : "", gwr_role_name(d->nodes[i].role));
    return buf;
}

static const gwr_figure *fig(const gwr_doc *d, const char *written)
{
    for (size_t i = 0; i < d->nfigs; i++)
        if (d->figs[i].written && strcmp(d->figs[i].written, written) == 0) return &d->figs[i];
    return NULL;
}

/* ---- entity ---------------------------------------------------------------- */

static void test_country_from_meeting(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "a.txt",
         "政府工作报告\n"
         "——1992年3月20日在第七届全国人民代表大会第五次会议上\n"
         "各位代表：\n"
         "一、1991年国内工作的回顾\n"
         "1991年，国民生产总值增长7%。\n");
    assert_string_equal(d.entity, "全国");
    assert_int_equal(d.entity_from, GWR_FROM_MEETING);
    gwr_doc_free(&d);
}

static void test_country_from_title(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "a.txt", "1957年国务院政府工作报告\n各位代表：\n一、过去一年的工作\n");
    assert_string_equal(d.entity, "全国");
    assert_int_equal(d.entity_from, GWR_FROM_TITLE);
    gwr_doc_free(&d);
}

static void test_country_from_speaker(void **s)
{
    (void)s;
    gwr_doc d;
    /* the speaker line run into the salutation, as web copies have it */
    load(&d, "a.txt", "国务院总理某某各位代表：\n一、关于国内建设\n实行农村改革，粮食增产。\n");
    assert_string_equal(d.entity, "全国");
    assert_int_equal(d.entity_from, GWR_FROM_SPEAKER);
    gwr_doc_free(&d);
}

static void test_country_from_statement(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "report.txt",
         "各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n"
         "一、过去五年工作回顾\n五年来，促进经济发展，促进社会进步，促进改革开放。\n");
    assert_string_equal(d.entity, "全国");
    assert_int_equal(d.entity_from, GWR_FROM_BODY);
    gwr_doc_free(&d);
}

/* Each way the State Council's report says whose it is, wherever in the
 * opening, even after a 国务院 that is none of them; a 国务院 alone, or one
 * of the phrases cut short, is no such word. */
static void test_country_phrases(void **s)
{
    (void)s;
    static const char *const yes[] = { "代表国务院", "受国务院", "根据国务院的决定", "代表中华人民共和国国务院" };
    static const char *const no[] = { "国务院", "代表了国务院", "根据国务院的", "中华人民共和国国务院" };
    char text[512];
    for (int k = 0; k < 4; k++)
        for (int pos = 0; pos < 2; pos++) {
            gwr_doc d;
            snprintf(text, sizeof text, "各位代表：\n%s%s，向大会报告工作。\n一、过去五年工作回顾\n五年来，促进发展。\n",
                     pos ? "按照国务院部署，我" : "", yes[k]);
            load(&d, "report.txt", text);
            assert_string_equal(d.entity, "全国");
            assert_int_equal(d.entity_from, GWR_FROM_BODY);
            gwr_doc_free(&d);
            snprintf(text, sizeof text, "各位代表：\n我%s，向大会报告工作。\n一、过去五年工作回顾\n五年来，促进发展。\n", no[k]);
            load(&d, "report.txt", text);
            assert_string_not_equal(d.entity, "全国");
            gwr_doc_free(&d);
        }
}

static void test_place_from_statement(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "x.txt", "各位代表：\n现在，我代表呼伦贝尔市海拉尔区人民政府向大会作工作报告。\n一、2015年工作回顾\n");
    assert_string_equal(d.entity, "海拉尔区");
    assert_int_equal(d.entity_from, GWR_FROM_BODY);
    gwr_doc_free(&d);
}

/* A name counted in the body counts only when the opening uses it too. */
static void test_body_name_needs_the_opening(void **s)
{
    (void)s;
    char text[8192];
    size_t o = (size_t)snprintf(text, sizeof text, "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n");
    for (int i = 0; i < 14; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "全县推进产业发展，办好民生实事第%d项。\n", i + 1);
    for (int i = 0; i < 8; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "巴东县城建设加快，巴东港口扩建，巴东茶叶增收。\n");
    gwr_doc d;
    load(&d, "county-2024.txt", text);
    assert_string_equal(d.entity, "county");
    assert_int_equal(d.entity_from, GWR_FROM_FILENAME);
    gwr_check c;
    gwr_check_doc(&d, &c);
    assert_true(c.doubts & (1u << GWR_DOUBT_ENTITY_FROM_FILENAME));
    gwr_doc_free(&d);
    /* the same name in the opening lines: taken, from the body */
    snprintf(text, sizeof text, "各位代表：\n过去一年，巴东县城建设加快。\n一、2023年工作回顾\n"
             "巴东港口扩建，巴东茶叶增收，巴东旅游兴旺，全县发展。\n巴东交通改善，全县稳定。\n");
    load(&d, "county-2024.txt", text);
    assert_string_equal(d.entity, "巴东县");
    assert_int_equal(d.entity_from, GWR_FROM_BODY);
    gwr_doc_free(&d);
}

/* One place, one string: 荆门市 / 荆门 / 荆门市人民政府. */
static void test_one_place_one_entity(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "荆门市2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n全市经济增长。\n",
        "荆门2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全市经济增长，全市民生改善。\n",
        "政府工作报告\n荆门市人民政府市长 某某\n各位代表：\n一、2024年工作回顾\n全市经济增长。\n",
    };
    for (size_t i = 0; i < 3; i++) {
        gwr_doc d;
        load(&d, "r.txt", texts[i]);
        assert_string_equal(d.entity, "荆门市");
        assert_int_not_equal(d.entity_from, GWR_FROM_FILENAME);
        gwr_doc_free(&d);
    }
}

/* ---- years ----------------------------------------------------------------- */

static void test_title_and_meeting_on_one_line(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "n.txt",
         "1999年政府工作报告——1999年3月5日在第九届全国人民代表大会第二次会议上\n各位代表：\n"
         "一、1998年工作回顾和1999年工作的总体要求\n过去一年，国内生产总值增长7.8%。\n"
         "二、2000年远景\n");
    assert_int_equal(d.report_year, 1999);
    assert_int_equal(d.reviewed_year, 1998);
    assert_int_equal(d.years_from, GWR_FROM_TITLE);
    gwr_doc_free(&d);
}

static void test_full_width_and_spaced_year_digits(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "n.txt",
         "政府工作报告\n——１ ９ ９ ４年３ 月１０日在第八届全国人民代表大会第二次会议上\n各位代表：\n"
         "一、１９９３年国内工作的回顾和１９９４年工作的基本方针\n过去的一年，国内生产总值增长13%。\n");
    assert_int_equal(d.report_year, 1994);
    assert_int_equal(d.years_from, GWR_FROM_MEETING);
    assert_int_equal(d.reviewed_year, 1993);   /* the year before the report year, not 1994 */
    gwr_doc_free(&d);
}

/* A meeting in November: the next year, unless the title names the year. */
static void test_title_year_beats_a_late_meeting(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "n.txt", "1981年政府工作报告\n——1981年11月30日在第五届全国人民代表大会第四次会议上\n各位代表：\n");
    assert_int_equal(d.report_year, 1981);
    gwr_doc_free(&d);
    load(&d, "n.txt", "政府工作报告\n——1981年11月30日在第五届全国人民代表大会第四次会议上\n各位代表：\n");
    assert_int_equal(d.report_year, 1982);
    assert_int_equal(d.years_from, GWR_FROM_MEETING);
    gwr_doc_free(&d);
}

/* ---- parts and roles ------------------------------------------------------- */

static void test_unnumbered_part_headings(void **s)
{
    (void)s;
    gwr_doc d;
    char r[128];
    load(&d, "p.txt",
         "政府工作报告\n各位代表：\n"
         "“十四五”时期工作回顾\n五年来，全省地区生产总值年均增长6%，完成规划目标。\n"
         "2025年，全省粮食产量增长2.1%。\n"
         "“十五五”时期的主要目标任务\n到2030年，地区生产总值年均增长5%左右。\n"
         "2026年重点工作\n今年主要预期目标是：地区生产总值增长5%左右。\n"
         "加强政府自身建设\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review plan plan");
    /* the five-year review: multiyear, its figures too */
    for (size_t i = 1; i < d.nnodes; i++)
        if (d.nodes[i].kind == GWR_NODE_PART && d.nodes[i].role == GWR_ROLE_REVIEW) assert_true(d.nodes[i].multiyear);
    const gwr_figure *f = fig(&d, "6%");
    assert_non_null(f);
    assert_int_equal(f->status, GWR_ST_ACHIEVED);
    assert_int_equal(f->period, GWR_PER_MULTIYEAR);
    /* a sentence that names its single year stays the year's */
    f = fig(&d, "2.1%");
    assert_non_null(f);
    assert_int_equal(f->period, GWR_PER_YEAR);
    gwr_doc_free(&d);
}

/* A slogan title over a review; the parts after it, up to the government's
 * own conduct, are the year's work. */
static void test_slogan_review_and_plan_by_order(void **s)
{
    (void)s;
    gwr_doc d;
    char r[128];
    load(&d, "p.txt",
         "政府工作报告\n——2025年1月10日在某省第十四届人民代表大会第三次会议上\n各位代表：\n"
         "一、砥砺奋进谱新篇\n过去一年，全省经济实现稳中有进。初步核算，地区生产总值增长5.2%，完成年度目标；"
         "一般公共预算收入达到3000亿元。2024年，城镇新增就业突破70万人。\n"
         "二、坚定信心开新局\n今年要坚持稳中求进，地区生产总值增长5%左右。\n"
         "三、推动产业升级\n加快建设现代化产业体系。\n"
         "四、加强政府自身建设\n坚持依法行政。\n"
         "五、关于对外交往\n积极拓展友城。\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review plan plan self other");
    const gwr_figure *f = fig(&d, "5.2%");
    assert_non_null(f);
    assert_int_equal(f->status, GWR_ST_ACHIEVED);
    assert_int_equal(f->period, GWR_PER_YEAR);
    gwr_doc_free(&d);
    /* a first part that does not review stays what its title says */
    load(&d, "p.txt", "政府工作报告\n各位代表：\n一、坚定信心开新局\n今年要坚持稳中求进，加快发展。\n二、推动产业升级\n加快建设。\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "other other");
    gwr_doc_free(&d);
}

static void test_announced_year_of_work(void **s)
{
    (void)s;
    gwr_doc d;
    char r[128];
    load(&d, "p.txt",
         "2002年政府工作报告\n——2002年3月5日在第九届全国人民代表大会第五次会议上\n各位代表：\n"
         "首先报告２００１年的工作。\n国民经济保持良好发展势头。国内生产总值增长7.3%。\n"
         "一、扩大和培育内需，促进经济较快增长\n今年要继续实施积极的财政政策。\n"
         "二、进一步转变政府职能，加强政风建设\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review plan plan");
    assert_int_equal(d.reviewed_year, 2001);
    gwr_doc_free(&d);
}

static void test_runin_heading(void **s)
{
    (void)s;
    gwr_doc d;
    char r[128];
    load(&d, "p.txt",
         "各位代表：\n一、2023年工作回顾\n过去一年，全市地区生产总值增长6%，完成年度目标。　　二、2024年工作安排\n"
         "今年主要预期目标是：地区生产总值增长7%左右。\n三、加强政府自身建设\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review plan self");
    const gwr_figure *f = fig(&d, "7%左右");
    assert_non_null(f);
    assert_int_equal(f->status, GWR_ST_PLANNED);
    assert_int_equal(f->year, 2024);
    gwr_doc_free(&d);
    /* without the spaces it is the text of the paragraph ("…的通知。二、…" is rare but a sentence) */
    load(&d, "p.txt", "各位代表：\n一、2023年工作回顾\n过去一年，增长6%，完成年度目标。二、2024年工作安排\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review");
    gwr_doc_free(&d);
}

/* A copy that lost the plan's heading: "2006年是…" well into the review. */
static void test_lost_plan_heading(void **s)
{
    (void)s;
    gwr_doc d;
    char r[128];
    load(&d, "p.txt",
         "2006年政府工作报告\n各位代表：\n一、去年工作回顾\n2005年，经济平稳较快发展。\n"
         "（一）加强宏观调控。成效明显。\n（二）推进结构调整。进展顺利。\n（三）深化改革。步伐加快。\n"
         "2006年是实施“十一五”规划的第一年，做好今年工作意义重大。\n"
         "综合考虑各种因素，2006年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右。\n"
         "（一）继续保持经济平稳较快发展\n");
    assert_string_equal(part_roles(&d, r, sizeof r), "review plan");
    const gwr_figure *f = fig(&d, "8%左右");
    assert_non_null(f);
    assert_int_equal(f->status, GWR_ST_PLANNED);
    assert_int_equal(f->year, 2006);
    gwr_doc_free(&d);
}

/* The State Council words the year's growth target its own way; a review part
 * that also sets out the year's requirements holds it. */
static void test_year_target_wordings(void **s)
{
    (void)s;
    static const char *const paras[] = {
        "综合分析国内外的有利条件和制约因素，今年的经济增长预期为7%左右。",
        "根据这个要求，今年计划国内生产总值增长百分之九。",
        "今年计划要求，在保持总需求与总供给基本平衡的基础上，国民生产总值增长百分之六。",
        "综合分析各方面的条件，今年经济增长速度的宏观调控目标，定为百分之八。",
    };
    for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
        char text[1024];
        snprintf(text, sizeof text, "1999年政府工作报告\n各位代表：\n一、1998年工作回顾和1999年工作的总体要求\n"
                 "过去一年，国内生产总值增长7.8%%，完成预期目标。\n%s\n二、关于外交工作\n", paras[i]);
        gwr_doc d;
        load(&d, "n.txt", text);
        size_t targets = 0;
        for (size_t k = 1; k < d.nnodes; k++) targets += d.nodes[k].kind == GWR_NODE_TARGETS;
        assert_int_equal(targets, 1);
        size_t headline = 0;
        for (size_t k = 0; k < d.nfigs; k++)
            headline += d.figs[k].headline && d.figs[k].status == GWR_ST_PLANNED && d.figs[k].year == 1999;
        assert_true(headline >= 1);
        const gwr_figure *f = fig(&d, "7.8%");   /* the review's result stays achieved */
        assert_non_null(f);
        assert_int_equal(f->status, GWR_ST_ACHIEVED);
        gwr_doc_free(&d);
    }
    /* "今年计划新建学校5所" names no growth target: not the targets paragraph */
    gwr_doc d;
    load(&d, "n.txt", "政府工作报告\n各位代表：\n一、2024年工作安排\n今年计划新建学校5所，改造道路12条。\n");
    for (size_t k = 1; k < d.nnodes; k++) assert_int_not_equal(d.nodes[k].kind, GWR_NODE_TARGETS);
    gwr_doc_free(&d);
}

/* ---- check ----------------------------------------------------------------- */

static void test_check_plan_only(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "city-2023.txt", "（一）着力推进新型工业化\n坚持工业优先。\n主要预期目标是：地区生产总值增长7.5%左右。\n");
    gwr_check c;
    gwr_check_doc(&d, &c);
    assert_int_equal(c.review_parts, 0);
    assert_int_equal(c.review_year, 0);   /* a plan-only report reviews no year */
    assert_int_equal(c.targets_paragraphs, 1);
    char l[256];
    assert_string_equal(gwr_check_doubt_list(&c, l, sizeof l), "no_review,entity_from_filename,years_guessed,no_gdp_result");
    /* the targets paragraph outside any section names itself as the section */
    const gwr_figure *f = fig(&d, "7.5%左右");
    assert_non_null(f);
    assert_string_equal(gwr_doc_section_title(&d, f->node), "主要预期目标");
    gwr_doc_free(&d);
}

static void test_check_complete_report(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "x.txt",
         "政府工作报告\n——2024年1月9日在荆门市第九届人民代表大会第四次会议上\n各位代表：\n"
         "一、2023年工作回顾\n2023年，全市地区生产总值增长6.7%。\n"
         "二、2024年工作建议\n主要预期目标是：地区生产总值增长7%。\n三、加强政府自身建设\n");
    gwr_check c;
    gwr_check_doc(&d, &c);
    assert_int_equal(c.report_year, 2024);
    assert_int_equal(c.review_year, 2023);
    assert_int_equal(c.review_parts, 1);
    assert_int_equal(c.plan_parts, 1);
    assert_int_equal(c.doubts & ~(1u << GWR_DOUBT_UNNAMED_FIGURES), 0);
    gwr_check_summary sum = { 0 };
    gwr_check_summary_add(&sum, &c);
    assert_int_equal(sum.reports, 1);
    char line[256];
    assert_true(gwr_check_line(&d, &c, 0, line, sizeof line));
    assert_string_equal(line, "entity    荆门市 (meeting)");
    assert_true(gwr_check_line(&d, &c, 1, line, sizeof line));
    assert_string_equal(line, "years     report 2024 (meeting), review 2023");
    assert_false(gwr_check_line(&d, &c, GWR_CHECK_LINES, line, sizeof line));
    /* the GDP doubts: GNP stands for it in older reports, another indicator does not */
    gwr_figure *f = (gwr_figure *)fig(&d, "7%");
    assert_non_null(f);
    f->key = "gnp";
    gwr_check_doc(&d, &c);
    assert_false(c.doubts & (1u << GWR_DOUBT_NO_GDP_TARGET));
    f->key = "cpi";
    gwr_check_doc(&d, &c);
    assert_true(c.doubts & (1u << GWR_DOUBT_NO_GDP_TARGET));
    gwr_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_country_from_meeting),
        cmocka_unit_test(test_country_from_title),
        cmocka_unit_test(test_country_from_speaker),
        cmocka_unit_test(test_country_from_statement),
        cmocka_unit_test(test_country_phrases),
        cmocka_unit_test(test_place_from_statement),
        cmocka_unit_test(test_body_name_needs_the_opening),
        cmocka_unit_test(test_one_place_one_entity),
        cmocka_unit_test(test_title_and_meeting_on_one_line),
        cmocka_unit_test(test_full_width_and_spaced_year_digits),
        cmocka_unit_test(test_title_year_beats_a_late_meeting),
        cmocka_unit_test(test_unnumbered_part_headings),
        cmocka_unit_test(test_slogan_review_and_plan_by_order),
        cmocka_unit_test(test_announced_year_of_work),
        cmocka_unit_test(test_runin_heading),
        cmocka_unit_test(test_lost_plan_heading),
        cmocka_unit_test(test_year_target_wordings),
        cmocka_unit_test(test_check_plan_only),
        cmocka_unit_test(test_check_complete_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
