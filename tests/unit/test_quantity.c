/* test_quantity.c — reading figures: value, unit, qualifier and flags of
 * each form the reports use, and what must not be read as a figure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "quantity.h"

#define NOHI NULL
#define ANYF 0xFFFFu   /* do not check flags other than those listed */

typedef struct qcase {
    const char *in;
    int         nth;       /* which quantity of the phrase (0 = first) */
    const char *value;     /* NULL: no such quantity expected */
    const char *hi;
    const char *unit;
    gwr_qual    qual;
    unsigned    flags;     /* exact flag set expected (GWR_QF_CHINESE ignored) */
    const char *span;      /* NULL: not checked */
} qcase;

/* The nth quantity of in; false if there are fewer. */
static bool nth_quantity(const char *in, int nth, gwr_quantity *q)
{
    size_t pos = 0, len = strlen(in);
    for (int i = 0; i <= nth; i++) {
        size_t before = pos;
        if (!gwr_quantity_next(in, len, &pos, q)) return false;
        assert_true(pos > before);
        assert_true((size_t)q->off + q->len <= len);
        assert_true(q->off >= before);
    }
    return true;
}

static int count(const char *in)
{
    size_t pos = 0, len = strlen(in);
    gwr_quantity q;
    int n = 0;
    while (gwr_quantity_next(in, len, &pos, &q)) n++;
    return n;
}

static void run_cases(const qcase *cs, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const qcase *c = &cs[i];
        gwr_quantity q;
        bool found = nth_quantity(c->in, c->nth, &q);
        char v[64] = "", h[64] = "";
        if (found) {
            gwr_dec_format(q.value, v, sizeof v);
            gwr_dec_format(q.hi, h, sizeof h);
        }
        bool ok;
        if (!c->value) {
            ok = !found;
        } else {
            ok = found && strcmp(v, c->value) == 0 && strcmp(q.unit, c->unit) == 0 && q.qual == c->qual &&
                 (!c->hi || strcmp(h, c->hi) == 0) &&
                 (c->flags == ANYF || (q.flags & ~(unsigned)GWR_QF_CHINESE) == c->flags);
            if (ok && c->span)
                ok = strlen(c->span) == q.len && memcmp(c->in + q.off, c->span, q.len) == 0;
        }
        if (!ok) {
            bad++;
            if (found)
                print_error("case %zu \"%s\" #%d: got value=%s hi=%s unit=\"%s\" qual=%s flags=%#x span=\"%.*s\"\n",
                            i, c->in, c->nth, v, h, q.unit, gwr_qual_name(q.qual), q.flags,
                            (int)q.len, c->in + q.off);
            else
                print_error("case %zu \"%s\" #%d: no quantity (expected %s)\n", i, c->in, c->nth,
                            c->value ? c->value : "none");
        }
    }
    assert_int_equal(bad, 0);
}

#define RUN(tab) run_cases(tab, sizeof tab / sizeof tab[0])
#define E GWR_Q_EXACT

static void test_arabic_and_fullwidth(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "增长7%", 0, "7", NOHI, "%", E, 0, "7%" },
        { "增长７．５％", 0, "7.5", NOHI, "%", E, 0, "７．５％" },
        { "下降0.5‰", 0, "0.5", NOHI, "‰", E, 0, NULL },
        { "16.4亿", 0, "1640000000", NOHI, "", E, 0, NULL },
        { "增长-2.3%", 0, "-2.3", NOHI, "%", E, 0, "-2.3%" },
        { "总额1,234.5亿元", 0, "123450000000", NOHI, "元", E, 0, NULL },
        { "指数为102.3，", 0, "102.3", NOHI, "", E, 0, NULL },
        { "１０６２万亩", 0, "10620000", NOHI, "亩", E, 0, NULL },
    };
    RUN(cs);
}

static void test_chinese_numerals(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "建设两个基地", 0, "2", NOHI, "个", E, 0, "两个" },
        { "三个", 0, "3", NOHI, "个", E, 0, NULL },
        { "二十", 0, "20", NOHI, "", E, 0, NULL },
        { "一百九十万零三千九百七十一", 0, "1903971", NOHI, "", E, 0, NULL },
        { "十万零一千", 0, "101000", NOHI, "", E, 0, NULL },
        { "打造百亿级产业集群", 0, "10000000000", NOHI, "", E, 0, "百亿级" },
        { "千亿元", 0, "100000000000", NOHI, "元", E, 0, NULL },
        { "十二个", 0, "12", NOHI, "个", E, 0, NULL },
        { "建成十个", 0, "10", NOHI, "个", E, 0, "十个" },
        { "一百个", 0, "100", NOHI, "个", E, 0, NULL },
        { "一千万元", 0, "10000000", NOHI, "元", E, 0, NULL },
        { "百家", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一万五千人", 0, "15000", NOHI, "人", E, 0, NULL },
        { "三千五百万元", 0, "35000000", NOHI, "元", E, 0, NULL },
        { "一百零五项", 0, "105", NOHI, "项", E, 0, NULL },
        { "三万亿元", 0, "3000000000000", NOHI, "元", E, 0, NULL },
        { "GDP突破万亿元", 0, "1000000000000", NOHI, "元", GWR_Q_OVER, 0, "突破万亿元" },
        { "迈上万亿台阶", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "实施五年", 0, "5", NOHI, "年", E, 0, NULL },
        { "覆盖率达到百分之百", 0, "100", NOHI, "%", E, 0, "百分之百" },
        { "百分之三十以上", 0, "30", NOHI, "%", GWR_Q_ATLEAST, 0, "百分之三十以上" },
        { "百分之5", 0, "5", NOHI, "%", E, 0, NULL },
        { "比上年增长百分之十一点八", 0, "11.8", NOHI, "%", E, 0, "百分之十一点八" },
        { "上涨百分之二点九五，", 0, "2.95", NOHI, "%", E, 0, "百分之二点九五" },
    };
    RUN(cs);
    gwr_quantity q;
    assert_true(nth_quantity("两个", 0, &q));
    assert_true(q.flags & GWR_QF_CHINESE);
    assert_true(nth_quantity("2个", 0, &q));
    assert_false(q.flags & GWR_QF_CHINESE);
}

static void test_units_and_scales(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "粮食产量58.7亿斤", 0, "5870000000", NOHI, "斤", E, 0, "58.7亿斤" },
        { "58亿斤", 0, "5800000000", NOHI, "斤", E, 0, NULL },
        { "新增就业5.5万人", 0, "55000", NOHI, "人", E, 0, NULL },
        { "1.3万个", 0, "13000", NOHI, "个", E, 0, NULL },
        { "1062万亩", 0, "10620000", NOHI, "亩", E, 0, NULL },
        { "350亿元", 0, "35000000000", NOHI, "元", E, 0, NULL },
        { "3.5万美元", 0, "35000", NOHI, "美元", E, 0, NULL },
        { "12亿欧元", 0, "1200000000", NOHI, "欧元", E, 0, NULL },
        { "3.2万亿元", 0, "3200000000000", NOHI, "元", E, 0, NULL },
        { "5千万元", 0, "50000000", NOHI, "元", E, 0, NULL },
        { "接待游客1200万人次", 0, "12000000", NOHI, "人次", E, 0, NULL },
        { "2.1万户", 0, "21000", NOHI, "户", E, 0, NULL },
        { "新增高新技术企业45家", 0, "45", NOHI, "家", E, 0, NULL },
        { "实施项目120项", 0, "120", NOHI, "项", E, 0, NULL },
        { "新建学校8所", 0, "8", NOHI, "所", E, 0, NULL },
        { "建成桥梁3座", 0, "3", NOHI, "座", E, 0, NULL },
        { "保障房2000套", 0, "2000", NOHI, "套", E, 0, NULL },
        { "产量20万吨", 0, "200000", NOHI, "吨", E, 0, NULL },
        { "新建公路85.6公里", 0, "85.6", NOHI, "公里", E, 0, NULL },
        { "改造12万平方米", 0, "120000", NOHI, "平方米", E, 0, NULL },
        { "面积3.2平方公里", 0, "3.2", NOHI, "平方公里", E, 0, NULL },
        { "标准厂房14.2万方", 0, "142000", NOHI, "方", E, 0, "14.2万方" },
        { "生猪5万头", 0, "50000", NOHI, "头", E, 0, NULL },
        { "公交车200辆", 0, "200", NOHI, "辆", E, 0, NULL },
        { "办理300件", 0, "300", NOHI, "件", E, 0, NULL },
        { "中欧班列100列", 0, "100", NOHI, "列", E, 0, NULL },
        { "举办活动50场", 0, "50", NOHI, "场", E, 0, NULL },
        { "植树10万株", 0, "100000", NOHI, "株", E, 0, NULL },
        { "教室60间", 0, "60", NOHI, "间", E, 0, NULL },
        { "装机20万千瓦", 0, "200000", NOHI, "千瓦", E, 0, "20万千瓦" },
        { "提高33.2个百分点", 0, "33.2", NOHI, "个百分点", E, 0, NULL },
        { "下降1.5个点", 0, "1.5", NOHI, "个百分点", E, 0, NULL },
        { "增长1.5倍", 0, "1.5", NOHI, "倍", E, 0, NULL },
        { "PM2.5浓度35微克/立方米", 0, "35", NOHI, "微克/立方米", E, 0, NULL },
        { "比例1.4：1", 0, "1.4", "1", "", E, GWR_QF_RATIO, "1.4：1" },
        { "3:7", 0, "3", "7", "", E, GWR_QF_RATIO, NULL },
        { "比重调整为8.5∶40.2∶51.3", 0, "8.5", "40.2", "", E, GWR_QF_RATIO, "8.5∶40.2∶51.3" },
        { "目标是“7%”", 0, "7", NOHI, "%", E, 0, "7%" },
        { "\"100亿元\"", 0, "10000000000", NOHI, "元", E, 0, NULL },
        { "演进为3.6 : 48 : 48.4。", 0, "3.6", "48", "", E, GWR_QF_RATIO, "3.6 : 48 : 48.4" },
        { "发电厂2×35万千瓦热电联产", 0, "700000", NOHI, "千瓦", E, 0, "2×35万千瓦" },
        { "出入境航班297架次", 0, "297", NOHI, "架次", E, 0, NULL },
        { "低保标准提升至800元/月、610元/月", 1, "610", NOHI, "元/月", E, 0, "610元/月" },
        { "补贴1.5万元/亩", 0, "15000", NOHI, "元/亩", E, 0, NULL },
        { "11座10蒸吨以上锅炉", 1, "10", NOHI, "蒸吨", GWR_Q_ATLEAST, 0, NULL },
    };
    RUN(cs);
}

static void test_ranges(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "培育1—2家", 0, "1", "2", "家", GWR_Q_RANGE, 0, "1—2家" },
        { "2—3个", 0, "2", "3", "个", GWR_Q_RANGE, 0, NULL },
        { "增长4.5%—5%", 0, "4.5", "5", "%", GWR_Q_RANGE, 0, "4.5%—5%" },
        { "增长6%－6.5%", 0, "6", "6.5", "%", GWR_Q_RANGE, 0, NULL },
        { "增长4.5-5%", 0, "4.5", "5", "%", GWR_Q_RANGE, 0, NULL },
        { "两三个", 0, "2", "3", "个", GWR_Q_RANGE, 0, NULL },
        { "新增1-2万人", 0, "10000", "20000", "人", GWR_Q_RANGE, 0, NULL },
        { "增长6%至7%", 0, "6", "7", "%", GWR_Q_RANGE, 0, NULL },
        { "投资5000万—1亿元", 0, "50000000", "100000000", "元", GWR_Q_RANGE, 0, NULL },
        { "二三十个", 0, "20", "30", "个", GWR_Q_RANGE, 0, NULL },
        /* different units: not a range, two figures */
        { "3%—5个", 0, "3", NOHI, "%", E, 0, NULL },
        { "3%—5个", 1, "5", NOHI, "个", E, 0, NULL },
        /* decreasing: not a range */
        { "5—3家", 0, "5", NOHI, "", E, ANYF, NULL },
    };
    RUN(cs);
}

static void test_qualifiers(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "5.5万人以上", 0, "55000", NOHI, "人", GWR_Q_ATLEAST, 0, "5.5万人以上" },
        { "不少于100家", 0, "100", NOHI, "家", GWR_Q_ATLEAST, 0, "不少于100家" },
        { "不低于80%", 0, "80", NOHI, "%", GWR_Q_ATLEAST, 0, NULL },
        { "1062 万亩以上", 0, "10620000", NOHI, "亩", GWR_Q_ATLEAST, 0, NULL },
        { "超过18%", 0, "18", NOHI, "%", GWR_Q_OVER, 0, NULL },
        { "突破1000亿元", 0, "100000000000", NOHI, "元", GWR_Q_OVER, 0, NULL },
        { "高于全省1.8个百分点", 0, "1.8", NOHI, "个百分点", GWR_Q_OVER, 0, "高于全省1.8个百分点" },
        { "逾百亿元", 0, "10000000000", NOHI, "元", GWR_Q_OVER, 0, NULL },
        { "控制在3%以内", 0, "3", NOHI, "%", GWR_Q_ATMOST, 0, "3%以内" },
        { "5%以下", 0, "5", NOHI, "%", GWR_Q_ATMOST, 0, NULL },
        { "不超过2%", 0, "2", NOHI, "%", GWR_Q_ATMOST, 0, NULL },
        { "低于3.5%", 0, "3.5", NOHI, "%", GWR_Q_UNDER, 0, NULL },
        { "不到1%", 0, "1", NOHI, "%", GWR_Q_UNDER, 0, NULL },
        { "增长7%左右", 0, "7", NOHI, "%", GWR_Q_ABOUT, 0, "7%左右" },
        { "约3%", 0, "3", NOHI, "%", GWR_Q_ABOUT, 0, "约3%" },
        { "新签约60个", 0, "60", NOHI, "个", E, 0, "60个" },
        { "最近3年", 0, "3", NOHI, "年", E, 0, "3年" },
        { "税收过千万元企业", 0, "10000000", NOHI, "元", GWR_Q_OVER, 0, "过千万元" },
        { "通过3个", 0, "3", NOHI, "个", E, 0, "3个" },
        { "96个过亿元以上项目", 1, "100000000", NOHI, "元", GWR_Q_ATLEAST, 0, "过亿元以上" },
        { "出口破千万美元企业", 0, "10000000", NOHI, "美元", GWR_Q_OVER, 0, "破千万美元" },
        { "接待游客超万人次", 0, "10000", NOHI, "人次", GWR_Q_OVER, 0, "超万人次" },
        { "打破3项纪录", 0, "3", NOHI, "项", E, 0, "3项" },
        { "配送量超2万单", 0, "20000", NOHI, "单", GWR_Q_OVER, 0, NULL },
        { "3%上下", 0, "3", NOHI, "%", GWR_Q_ABOUT, 0, NULL },
        { "增长7%", 0, "7", NOHI, "%", E, 0, NULL },
        /* 上下游 is not 上下 */
        { "带动3家上下游企业", 0, "3", NOHI, "家", E, 0, "3家" },
        /* a qualifier belongs to its own number only */
        { "增长5%，超过全国8个百分点", 0, "5", NOHI, "%", E, 0, NULL },
        { "增长5%，超过全国8个百分点", 1, "8", NOHI, "个百分点", GWR_Q_OVER, 0, NULL },
        /* a qualifier word is not taken from before the previous figure */
        { "超过5%，6%", 1, "6", NOHI, "%", E, 0, "6%" },
        { "不低于80%和90%", 1, "90", NOHI, "%", E, 0, NULL },
        { "约3%、5%左右", 1, "5", NOHI, "%", GWR_Q_ABOUT, 0, NULL },
    };
    RUN(cs);
}

static void test_vague(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "十余万", 0, "100000", NOHI, "", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "五百多", 0, "500", NOHI, "", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "五百多人", 0, "500", NOHI, "人", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "近700万元", 0, "7000000", NOHI, "元", GWR_Q_ABOUT, GWR_QF_VAGUE, "近700万元" },
        { "3万余元", 0, "30000", NOHI, "元", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "300多万元", 0, "3000000", NOHI, "元", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "100多个", 0, "100", NOHI, "个", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "三百多万人", 0, "3000000", NOHI, "人", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "两年多来", 0, "2", NOHI, "年", GWR_Q_OVER, GWR_QF_VAGUE, "两年多" },
        { "近五年", 0, "5", NOHI, "年", E, 0, "五年" },
        { "近3个月", 0, "3", NOHI, "个月", E, 0, "3个月" },
        { "3万元多元化", 0, "30000", NOHI, "元", E, 0, "3万元" },
        { "建成十几个", 0, "10", NOHI, "个", GWR_Q_OVER, GWR_QF_VAGUE, "十几个" },
        { "吸引上百家企业", 0, "100", NOHI, "家", GWR_Q_OVER, GWR_QF_VAGUE, "上百家" },
        { "带动上千人就业", 0, "1000", NOHI, "人", GWR_Q_OVER, GWR_QF_VAGUE, "上千人" },
        /* 上 of the previous figure's 以上 is not taken again (found by fuzzing) */
        { "30亿%以上亿%以上", 1, NULL, NOHI, NULL, E, 0, NULL },
        { "3万多居民", 0, "30000", NOHI, "", GWR_Q_OVER, GWR_QF_VAGUE, "3万多" },
        { "近4万居民", 0, "40000", NOHI, "", GWR_Q_ABOUT, GWR_QF_VAGUE, "近4万" },
        { "栽植大树1万余株", 0, "10000", NOHI, "株", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
        { "启动80余场次", 0, "80", NOHI, "场次", GWR_Q_OVER, GWR_QF_VAGUE, NULL },
    };
    RUN(cs);
}

static void test_not_figures(void **state)
{
    (void)state;
    static const qcase cs[] = {
        { "2023年", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "12月27日", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "2022年12月", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "2012—2019年", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "1-11月", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "二〇二三年", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“十四五”时期", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "党的二十大", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“4321”政银担", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "5G基站", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“1+5+N”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "323攻坚行动", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "改革开放40周年", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "省第十二次党代会", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一季度", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "三季度", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "增长（1）", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "增长(12)", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "增长［3］", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "工程〔2〕", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "增速保持两位数", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "每千人口床位数", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "万元GDP能耗", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "百强县", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一是", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一批", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一体化", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "统一", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一流", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一站式", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "千方百计", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "千家万户", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "千万不要", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "三大攻坚战", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "一二三产业", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "三次产业", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "1.加快发展", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "2、加快发展", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "到2035，", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "G20峰会", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "4A级景区", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "万众一心", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "万亩良田", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "亿元以上项目", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "每万人拥有", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "万一", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "增强“四个意识”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "坚定拥护“两个确立”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“三位一体”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "中央八项规定", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "市委九届四次全会", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "市委六届四次、五次全会", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "总量的1/4", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "三年行动计划", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“五到四从四多”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“4·14”事故", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "2#催化装置", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "办事的群众“跑两头”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "“双11”", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "第十三个五年规划", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "第4名", 0, "4", NOHI, "名", E, GWR_QF_RANK, NULL },
        { "居全省第一位", 0, "1", NOHI, "位", E, GWR_QF_RANK, "第一位" },
        { "居全国第十二位", 0, "12", NOHI, "位", E, GWR_QF_RANK, "第十二位" },
        { "全省第一", 0, NULL, NOHI, NULL, E, 0, NULL },
        { "居全省第4位", 0, "4", NOHI, "位", E, GWR_QF_RANK, "第4位" },
    };
    RUN(cs);
}

static void test_sentences(void **state)
{
    (void)state;
    assert_int_equal(count("城镇、农村居民人均可支配收入分别增长9%、10%"), 2);
    assert_int_equal(count("规上工业增加值、固定资产投资、社会消费品零售总额、一般公共预算收入分别增长12.7%、9.6%、5.2%、19.8%"), 4);
    assert_int_equal(count("2023年12月27日，全市GDP增长6.7%，新增城镇就业5.5万人以上"), 2);
    assert_int_equal(count("一是坚持“十四五”规划，二是推进“1+5+N”"), 0);
    static const qcase cs[] = {
        { "2022年全区地区生产总值增长6.7%左右", 0, "6.7", NOHI, "%", GWR_Q_ABOUT, 0, "6.7%左右" },
        { "新签约60个、新开工42个", 1, "42", NOHI, "个", E, 0, NULL },
        { "完成245个老旧小区改造", 0, "245", NOHI, "个", E, 0, NULL },
    };
    RUN(cs);
}

static void test_overflow(void **state)
{
    (void)state;
    char big[420];
    memset(big, '9', 400);
    strcpy(big + 400, "亿元");
    gwr_quantity q;
    assert_true(nth_quantity(big, 0, &q));
    assert_true(q.flags & GWR_QF_OVERFLOW);
    assert_true(gwr_dec_is_zero(q.value));
    assert_string_equal(q.unit, "元");
    assert_int_equal(q.len, strlen(big));      /* the whole number is consumed */
    static const qcase cs[] = {
        { "99999999999999999999亿", 0, "0", NOHI, "", E, GWR_QF_OVERFLOW, NULL },
        { "9999999999万亿元", 0, "0", NOHI, "元", E, GWR_QF_OVERFLOW, NULL },
        { "0.0000000000000000000001%", 0, "0", NOHI, "%", E, GWR_QF_OVERFLOW, NULL },
        { "999999999999999999元", 0, "999999999999999999", NOHI, "元", E, 0, NULL },
        { "九千九百亿亿", 0, NULL, NOHI, NULL, E, 0, NULL },
    };
    RUN(cs);
}

/* Bytes that are not valid UTF-8, cut sequences, pseudo-random input: the
 * scanner always advances and stays inside the text. */
static void test_robust(void **state)
{
    (void)state;
    const char cut[] = "增长7\xE4\xB8";          /* cut after a number */
    gwr_quantity q1;
    assert_true(nth_quantity(cut, 0, &q1));       /* the bare 7, the cut bytes left alone */
    assert_int_equal(q1.len, 1);
    assert_int_equal(count(cut), 1);
    const char junk[] = "\xFF\xFE" "5%\xE4" "3个\xEF\xBC";
    assert_int_equal(count(junk), 2);
    char buf[4096];
    uint32_t x = 12345;
    static const char *const pieces[] = { "1", "2", ".", "%", "万", "亿", "—", "-", "个", "以上", "第", "十",
                                         "二", "“", "”", "（", "）", "年", "：", "多", "\xE4", "\x80", "零" };
    for (int round = 0; round < 200; round++) {
        size_t n = 0;
        while (n < sizeof buf - 16) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 16) % (sizeof pieces / sizeof pieces[0])];
            memcpy(buf + n, p, strlen(p));
            n += strlen(p);
        }
        size_t pos = 0;
        gwr_quantity q;
        int guard = 0;
        while (gwr_quantity_next(buf, n, &pos, &q)) {
            assert_true((size_t)q.off + q.len <= n);
            assert_true(pos <= n);
            assert_true(++guard < 5000);
        }
        assert_int_equal(pos, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_and_fullwidth),
        cmocka_unit_test(test_chinese_numerals),
        cmocka_unit_test(test_units_and_scales),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_vague),
        cmocka_unit_test(test_not_figures),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_robust),
    };
    return cmocka_run_group_tests_name("quantity", tests, NULL, NULL);
}
