/* test_quantity_forms.c — one table row per way a number is written:
 * Chinese decimals, fractions and per-mille, negatives, thousands
 * separators, numerals split by spaces, mixed Arabic/Chinese forms, vague
 * amounts, tenths (成), traditional and financial numerals, and the strings
 * that must not be read as figures (times, dates, ordinals, versions, phone
 * numbers, codes, words). Every row asserts value, value_hi, unit, qualifier
 * and flags (GWR_QF_CHINESE aside), and the span where it matters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "quantity.h"

typedef struct frow {
    const char *in;
    int         nth;       /* which quantity of the phrase (0 = first) */
    const char *value;     /* NULL: the phrase has no nth quantity */
    const char *hi;        /* "0" unless a range or ratio */
    const char *unit;
    gwr_qual    qual;
    unsigned    flags;     /* exact set, GWR_QF_CHINESE ignored */
    const char *span;      /* NULL: not checked */
} frow;

#define V   GWR_QF_VAGUE
#define FR  GWR_QF_FRACTION
#define RD  GWR_QF_ROUNDED
#define RT  GWR_QF_RATIO
#define RK  GWR_QF_RANK
#define EX  GWR_Q_EXACT
#define AB  GWR_Q_ABOUT
#define AL  GWR_Q_ATLEAST
#define OV  GWR_Q_OVER
#define AM  GWR_Q_ATMOST
#define UN  GWR_Q_UNDER
#define RG  GWR_Q_RANGE

/* the first quantity of the phrase, its whole span */
#define R(in, v, u, q, f)            { in, 0, v, "0", u, q, f, NULL }
#define RS(in, v, u, q, f, sp)       { in, 0, v, "0", u, q, f, sp }
/* a range or ratio */
#define RH(in, v, h, u, q, f)        { in, 0, v, h, u, q, f, NULL }
/* the nth quantity */
#define RN(in, n, v, u, q, f, sp)    { in, n, v, "0", u, q, f, sp }
/* nothing is read from the phrase */
#define NO(in)                       { in, 0, NULL, NULL, NULL, EX, 0, NULL }

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

static int run_rows(const frow *rs, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const frow *c = &rs[i];
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
            ok = found && strcmp(v, c->value) == 0 && strcmp(h, c->hi) == 0 && strcmp(q.unit, c->unit) == 0 &&
                 q.qual == c->qual && (q.flags & ~(unsigned)GWR_QF_CHINESE) == c->flags;
            if (ok && c->span) ok = strlen(c->span) == q.len && memcmp(c->in + q.off, c->span, q.len) == 0;
        }
        if (!ok) {
            bad++;
            if (found)
                print_error("row %zu \"%s\" #%d: got value=%s hi=%s unit=\"%s\" qual=%s flags=%#x span=\"%.*s\"\n", i,
                            c->in, c->nth, v, h, q.unit, gwr_qual_name(q.qual), q.flags, (int)q.len, c->in + q.off);
            else
                print_error("row %zu \"%s\" #%d: no quantity (expected %s)\n", i, c->in, c->nth,
                            c->value ? c->value : "none");
        }
    }
    return bad;
}

#define RUN(tab) assert_int_equal(run_rows(tab, sizeof tab / sizeof tab[0]), 0)
static size_t total_rows;
#define COUNT(tab) (total_rows += sizeof tab / sizeof tab[0])

static const frow decimals[] = {
    R("二点五", "2.5", "", EX, 0),
    R("零点五", "0.5", "", EX, 0),
    R("十五点七", "15.7", "", EX, 0),
    R("一千六点五", "1600.5", "", EX, 0),
    R("两千三点一", "2300.1", "", EX, 0),
    RS("增长百分之五十五点五七九", "55.579", "%", EX, 0, "百分之五十五点五七九"),
    RS("投资三点五亿元", "350000000", "元", EX, 0, "三点五亿元"),
    RS("增长百分之十一点六", "11.6", "%", EX, 0, "百分之十一点六"),
    RS("增长四点二倍", "4.2", "倍", EX, 0, "四点二倍"),
    R("三点五万亿元", "3500000000000", "元", EX, 0),
    R("一点二万人", "12000", "人", EX, 0),
    R("零点三个百分点", "0.3", "个百分点", EX, 0),
    R("下降零点五个百分点", "0.5", "个百分点", EX, 0),
    R("百分之零点八", "0.8", "%", EX, 0),
    R("百分之一百零五点三", "105.3", "%", EX, 0),
    R("三百八十七点四二斤", "387.42", "斤", EX, 0),
    R("一点二所", "1.2", "所", EX, 0),
    R("增长一点九倍", "1.9", "倍", EX, 0),
    R("二十点零五", "20.05", "", EX, 0),
    R("六十二点三亿斤", "6230000000", "斤", EX, 0),
    R("四点五亿人", "450000000", "人", EX, 0),
    R("十二点四倍", "12.4", "倍", EX, 0),
    R("百分之三点五以上", "3.5", "%", AL, 0),
    R("约百分之二点一", "2.1", "%", AB, 0),
    R("三点一倍左右", "3.1", "倍", AB, 0),
    R("不到百分之三点五", "3.5", "%", UN, 0),
    R("七点五万吨", "75000", "吨", EX, 0),
    R("二点二五", "2.25", "", EX, 0),
    R("一百点一", "100.1", "", EX, 0),
    R("九点九九", "9.99", "", EX, 0),
    R("五点零", "5", "", EX, 0),
    R("十点五公里", "10.5", "公里", EX, 0),
    R("两点五万平方米", "25000", "平方米", EX, 0),
    RN("由百分之四十二点三提高到百分之五十点一", 1, "50.1", "%", EX, 0, "百分之五十点一"),
    R("千分之六点一", "6.1", "‰", EX, 0),
    /* 点 without a digit after it is not a decimal point */
    NO("下午三点开会"),
    NO("重点"),
    NO("两点一线"),
    NO("一点一滴地积累"),
    R("三点钟三个", "3", "个", EX, 0),
};

static const frow fractions[] = {
    RS("三分之一", "0.333333", "", EX, FR | RD, "三分之一"),
    R("五分之一", "0.2", "", EX, FR),
    R("一百分之二", "0.02", "", EX, FR),
    R("四分之一", "0.25", "", EX, FR),
    R("三分之二", "0.666667", "", EX, FR | RD),
    R("七分之一", "0.142857", "", EX, FR | RD),
    R("六分之五", "0.833333", "", EX, FR | RD),
    R("十分之一", "0.1", "", EX, FR),
    R("十分之一以上", "0.1", "", AL, FR),
    R("四分之三", "0.75", "", EX, FR),
    R("八分之一", "0.125", "", EX, FR),
    R("九分之一", "0.111111", "", EX, FR | RD),
    R("三分之一左右", "0.333333", "", AB, FR | RD),
    R("二分之一", "0.5", "", EX, FR),
    R("一千分之一", "0.001", "", EX, FR),
    R("十一分之一", "0.0909091", "", EX, FR | RD),
    R("三十分之一", "0.0333333", "", EX, FR | RD),
    R("3分之1", "0.333333", "", EX, FR | RD),
    R("4分之1", "0.25", "", EX, FR),
    RS("3又一千分之23", "3.023", "", EX, FR, "3又一千分之23"),
    R("二又三分之一", "2.33333", "", EX, FR | RD),
    R("一又三分之二", "1.66667", "", EX, FR | RD),
    R("一又二分之一", "1.5", "", EX, FR),
    RS("千分之三", "3", "‰", EX, 0, "千分之三"),
    RS("万分之三", "3", "‱", EX, 0, "万分之三"),
    R("千分之五", "5", "‰", EX, 0),
    R("千分之十三以下", "13", "‰", AM, 0),
    R("千分之十左右", "10", "‰", AB, 0),
    R("万分之一点五", "1.5", "‱", EX, 0),
    R("千分之0.8", "0.8", "‰", EX, 0),
    R("百分之五", "5", "%", EX, 0),
    R("百分之百", "100", "%", EX, 0),
    /* not a fraction */
    NO("十分重要"),
    NO("分之"),
    NO("三分天下"),
};

static const frow negatives[] = {
    RS("负三十二", "-32", "", EX, 0, "负三十二"),
    RS("负6.6", "-6.6", "", EX, 0, "负6.6"),
    RS("-10000", "-10000", "", EX, 0, "-10000"),
    RS("增长−2.3%", "-2.3", "%", EX, 0, "−2.3%"),
    RS("增长-0.5%", "-0.5", "%", EX, 0, "-0.5%"),
    R("增长负3.2%", "-3.2", "%", EX, 0),
    R("增速为负百分之二", "-2", "%", EX, 0),
    R("负增长1.5%", "1.5", "%", EX, 0),
    R("为：-1", "-1", "", EX, 0),
    R("（-2.1%）", "-2.1", "%", EX, 0),
    R("负二点五", "-2.5", "", EX, 0),
    R("负5个百分点", "-5", "个百分点", EX, 0),
    R("增长－3%", "-3", "%", EX, 0),
    R("负０．５％", "-0.5", "%", EX, 0),
    R("負五點五", "-5.5", "", EX, 0),
    /* 负 ending a word is not a sign */
    R("担负三项任务", "3", "项", EX, 0),
    R("肩负两个使命", "2", "个", EX, 0),
    R("胜负3场", "3", "场", EX, 0),
    /* a dash between numbers is not a sign */
    RH("1-2家", "1", "2", "家", RG, 0),
    NO("负责"),
};

static const frow separators[] = {
    R("5,236", "5236", "", EX, 0),
    R("5,236家", "5236", "家", EX, 0),
    R("1,234.5亿元", "123450000000", "元", EX, 0),
    R("４，５６５", "4565", "", EX, 0),
    R("４，５６５家", "4565", "家", EX, 0),
    R("1,000,000元", "1000000", "元", EX, 0),
    R("1，011，038，000元", "1011038000", "元", EX, 0),
    R("12,345.67万元", "123456700", "元", EX, 0),
    R("收入3,500元", "3500", "元", EX, 0),
    R("1,234,567", "1234567", "", EX, 0),
    R("10,000人", "10000", "人", EX, 0),
    R("999,999", "999999", "", EX, 0),
    /* lists stay apart */
    RN("1,2,3", 0, "1", "", EX, 0, "1"),
    RN("1,2,3", 1, "2", "", EX, 0, "2"),
    RN("1,2,3", 2, "3", "", EX, 0, "3"),
    NO("2018,2019年"),
    NO("2018，2019年"),
    RN("12345,678元", 0, "12345", "", EX, 0, "12345"),
    RN("12345,678元", 1, "678", "元", EX, 0, "678元"),
    RN("5,23家", 0, "5", "", EX, 0, "5"),
    RN("5,23家", 1, "23", "家", EX, 0, "23家"),
    RN("3,1234家", 1, "1234", "家", EX, 0, "1234家"),
    RN("增长5%,7%", 1, "7", "%", EX, 0, "7%"),
    R("1,234.5", "1234.5", "", EX, 0),
    RN("1,234,56", 0, "1234", "", EX, 0, "1,234"),
    R("7,500亩", "7500", "亩", EX, 0),
};

static const frow spaced[] = {
    RS("三千 九百 六十五", "3965", "", EX, 0, "三千 九百 六十五"),
    RS("7 万5 千4 百", "75400", "", EX, 0, "7 万5 千4 百"),
    RS("一百 五 十 二", "152", "", EX, 0, "一百 五 十 二"),
    RS("外汇储备由1 9 4 亿美元", "19400000000", "美元", EX, 0, "1 9 4 亿美元"),
    R("外汇储备由1 9 4亿美元", "19400000000", "美元", EX, 0),
    R("缔结国际条约1 8 7个", "187", "个", EX, 0),
    R("1 6 5 5亿美元", "165500000000", "美元", EX, 0),
    R("覆盖率8 5%以上", "85", "%", AL, 0),
    R("增长1 1%", "11", "%", EX, 0),
    R("4 0 8 3公里", "4083", "公里", EX, 0),
    R("4 9 2 5 0万吨", "492500000", "吨", EX, 0),
    R("三千　九百", "3900", "", EX, 0),
    R("两 万 人", "20000", "人", EX, 0),
    R("十 二 个", "12", "个", EX, 0),
    /* spaced digits with nothing after them stay apart */
    RN("1 9 4", 0, "1", "", EX, 0, "1"),
    RN("1 9 4", 2, "4", "", EX, 0, "4"),
    /* groups of more than one digit are separate numbers */
    RN("12 34个", 1, "34", "个", EX, 0, "34个"),
    NO("1 9 9 7年"),
    RN("第1 2 3个", 0, NULL, NULL, EX, 0, NULL),
    /* an ill-formed joined numeral falls back to its parts */
    RN("二十 三十个", 0, "20", "", EX, 0, "二十"),
    RN("二十 三十个", 1, "30", "个", EX, 0, "三十个"),
};

static const frow mixed[] = {
    RS("5万4千6百", "54600", "", EX, 0, "5万4千6百"),
    RS("5亿1万4千6百", "500014600", "", EX, 0, "5亿1万4千6百"),
    R("5万4千6百人", "54600", "人", EX, 0),
    R("3万5千元", "35000", "元", EX, 0),
    R("1亿2千万元", "120000000", "元", EX, 0),
    R("2千5百人", "2500", "人", EX, 0),
    R("12万3千人", "123000", "人", EX, 0),
    R("5万零6百", "50600", "", EX, 0),
    R("3亿5千万", "350000000", "", EX, 0),
    R("1万2千个", "12000", "个", EX, 0),
    R("5万4千6百人以上", "54600", "人", AL, 0),
    R("约3万5千人", "35000", "人", AB, 0),
    /* one pair is an ordinary scaled number */
    R("5千万元", "50000000", "元", EX, 0),
    R("5万人", "50000", "人", EX, 0),
    R("3.5万人", "35000", "人", EX, 0),
    /* a multiplier order that is not a number: read as it was */
    RN("5千4万人", 0, "5000", "", EX, 0, "5千"),
};

static const frow vague[] = {
    RS("二十几万", "200000", "", OV, V, "二十几万"),
    R("二十几万人", "200000", "人", OV, V),
    R("一百零几万", "1000000", "", OV, V),
    R("五百余万", "5000000", "", OV, V),
    R("五百余万人", "5000000", "人", OV, V),
    RS("数百", "100", "", OV, V, "数百"),
    RS("数百家企业", "100", "家", OV, V, "数百家"),
    RS("几十", "10", "", OV, V, "几十"),
    R("几十个", "10", "个", OV, V),
    RS("上百", "100", "", OV, V, "上百"),
    R("上百家", "100", "家", OV, V),
    RS("近千", "1000", "", AB, V, "近千"),
    R("近千人", "1000", "人", AB, V),
    { "约1—2家", 0, "1", "2", "家", RG, V, "约1—2家" },
    R("几十万人", "100000", "人", OV, V),
    R("数十万人", "100000", "人", OV, V),
    R("数千项", "1000", "项", OV, V),
    R("数百万", "1000000", "", OV, V),
    R("几百万人", "1000000", "人", OV, V),
    R("几千万", "10000000", "", OV, V),
    R("几万亩", "10000", "亩", OV, V),
    R("几十亿元", "1000000000", "元", OV, V),
    R("一百几十亿元", "10000000000", "元", OV, V),
    R("一千几百万人", "10000000", "人", OV, V),
    R("三百几十个", "300", "个", OV, V),
    R("十几个", "10", "个", OV, V),
    R("二十几个", "20", "个", OV, V),
    R("一百一十几万人", "1100000", "人", OV, V),
    R("十余万", "100000", "", OV, V),
    R("3万余元", "30000", "元", OV, V),
    R("100多家", "100", "家", OV, V),
    R("两年多", "2", "年", OV, V),
    R("近700万元", "7000000", "元", AB, V),
    R("几十年", "10", "年", OV, V),
    R("几百倍", "100", "倍", OV, V),
    /* 数 ending a noun is not "several" */
    R("指数百分之五", "5", "%", EX, 0),
    NO("多数百姓"),
    NO("几个"),
    RH("约2—3个百分点", "2", "3", "个百分点", RG, V),
    RH("1—2家左右", "1", "2", "家", RG, V),
};

static const frow tenths[] = {
    RS("七成", "70", "%", EX, 0, "七成"),
    RS("九成以上", "90", "%", AL, 0, "九成以上"),
    RS("六点五成", "65", "%", EX, 0, "六点五成"),
    R("两成", "20", "%", EX, 0),
    R("三成左右", "30", "%", AB, 0),
    R("近八成", "80", "%", AB, V),
    R("超过五成", "50", "%", OV, 0),
    R("十成", "100", "%", EX, 0),
    R("7成", "70", "%", EX, 0),
    R("夏粮减产一成以上", "10", "%", AL, 0),
    R("八成多", "80", "%", OV, V),
    NO("建成"),
    NO("完成"),
    NO("一成不变"),
    NO("三五成群"),
    R("四个成员", "4", "个", EX, 0),
    NO("十成为"),
    NO("造成"),
    NO("形成"),
    NO("二十成"),
};

static const frow traditional[] = {
    R("一億兩千萬元", "120000000", "元", EX, 0),
    R("三萬人", "30000", "人", EX, 0),
    R("五億元", "500000000", "元", EX, 0),
    R("兩個", "2", "个", EX, 0),
    R("三個", "3", "个", EX, 0),
    R("增長三點五個百分點", "3.5", "个百分点", EX, 0),
    R("3.5萬人", "35000", "人", EX, 0),
    R("12億元", "1200000000", "元", EX, 0),
    R("負三十", "-30", "", EX, 0),
    R("壹仟贰佰元", "1200", "元", EX, 0),
    R("貳佰參拾陸元", "236", "元", EX, 0),
    R("贰佰叁拾陆元", "236", "元", EX, 0),
    R("壹万元", "10000", "元", EX, 0),
    R("伍拾元", "50", "元", EX, 0),
    R("玖佰玖拾玖元", "999", "元", EX, 0),
    R("捌仟柒佰元", "8700", "元", EX, 0),
    R("肆拾万元", "400000", "元", EX, 0),
    R("壹亿贰仟万元", "120000000", "元", EX, 0),
    R("柒拾", "70", "", EX, 0),
    R("壹佰零伍元", "105", "元", EX, 0),
    R("叁萬元", "30000", "元", EX, 0),
    R("人民币壹拾万元整", "100000", "元", EX, 0),
    R("陸佰元", "600", "元", EX, 0),
    R("參拾", "30", "", EX, 0),
    R("十億", "1000000000", "", EX, 0),
    /* financial forms never mix with ordinary numerals; a lone one is a word */
    R("队伍两个", "2", "个", EX, 0),
    NO("陆家嘴"),
    NO("伍家岗"),
    NO("大陆"),
    NO("收拾"),
    R("陆续建成三个", "3", "个", EX, 0),
};

static const frow not_figures[] = {
    NO("8:30"),
    NO("会议8：30开始"),
    NO("14:05"),
    NO("09:00"),
    NO("7:05"),
    NO("上午9:00至12:00"),
    NO("2023年"),
    NO("二〇二三年"),
    NO("2012—2019年"),
    NO("12月27日"),
    NO("1-11月"),
    NO("3号"),
    NO("40周年"),
    NO("第十二次"),
    NO("第3"),
    NO("第三"),
    NO("第N"),
    NO("2222.2222.22222"),
    NO("192.168.1.1"),
    NO("版本1.2.3"),
    NO("13912345678"),
    NO("电话0571-88888888"),
    NO("热线400-800-1234"),
    NO("0571"),
    NO("编号007"),
    NO("“十四五”"),
    NO("5G"),
    NO("PM2.5"),
    NO("G20"),
    NO("1+5+N"),
    NO("4·14"),
    NO("323攻坚行动"),
    NO("（1）"),
    NO("1、"),
    NO("二十大"),
    NO("一是"),
    NO("统一"),
    NO("千方百计"),
    NO("三大"),
    NO("百姓"),
    NO("千家万户"),
    NO("万一"),
    NO("十四五"),
    NO("一二三"),
    NO("“两个确立”"),
    NO("“双11”"),
    NO("到2025，"),
    NO("万亿台阶"),
    NO("2#装置"),
    NO("十二届四次全会"),
    NO("1/4"),
    NO("GB2312"),
    NO("ISO9001"),
    NO("v2.0"),
    NO("12:30:45"),
    NO("一九九七年"),
    NO("二〇二三"),
    NO("三点"),
    NO("点五"),
    NO("九五"),
    NO("百分之"),
    NO("千分"),
};

static const frow unchanged[] = {
    R("增长7%", "7", "%", EX, 0),
    R("增长７．５％", "7.5", "%", EX, 0),
    R("16.4亿", "1640000000", "", EX, 0),
    R("两个", "2", "个", EX, 0),
    R("一百九十万零三千九百七十一", "1903971", "", EX, 0),
    R("十万零一千", "101000", "", EX, 0),
    R("一万五千人", "15000", "人", EX, 0),
    R("一万五", "15000", "", EX, 0),
    R("三千五百万元", "35000000", "元", EX, 0),
    R("58.7亿斤", "5870000000", "斤", EX, 0),
    R("3.2万亿元", "3200000000000", "元", EX, 0),
    R("提高33.2个百分点", "33.2", "个百分点", EX, 0),
    RH("比例1.4：1", "1.4", "1", "", EX, RT),
    RH("3:7", "3", "7", "", EX, RT),
    RH("生师比1:15", "1", "15", "", EX, RT),
    RH("比例尺1:50", "1", "50", "", EX, RT),
    RH("增长4.5%—5%", "4.5", "5", "%", RG, 0),
    RH("两三个", "2", "3", "个", RG, 0),
    RH("二三十个", "20", "30", "个", RG, 0),
    R("5.5万人以上", "55000", "人", AL, 0),
    R("突破1000亿元", "100000000000", "元", OV, 0),
    R("第4位", "4", "位", EX, RK),
    R("800元/月", "800", "元/月", EX, 0),
    R("2×35万千瓦", "700000", "千瓦", EX, 0),
    R("百亿级", "10000000000", "", EX, 0),
    R("实施五年", "5", "年", EX, 0),
    R("近五年", "5", "年", EX, 0),
};

static void test_decimals(void **state) { (void)state; RUN(decimals); }
static void test_fractions(void **state) { (void)state; RUN(fractions); }
static void test_negatives(void **state) { (void)state; RUN(negatives); }
static void test_separators(void **state) { (void)state; RUN(separators); }
static void test_spaced(void **state) { (void)state; RUN(spaced); }
static void test_mixed(void **state) { (void)state; RUN(mixed); }
static void test_vague(void **state) { (void)state; RUN(vague); }
static void test_tenths(void **state) { (void)state; RUN(tenths); }
static void test_traditional(void **state) { (void)state; RUN(traditional); }
static void test_not_figures(void **state) { (void)state; RUN(not_figures); }
static void test_unchanged(void **state) { (void)state; RUN(unchanged); }

/* The table is the specification: it must stay at least this large. */
static void test_table_size(void **state)
{
    (void)state;
    total_rows = 0;
    COUNT(decimals); COUNT(fractions); COUNT(negatives); COUNT(separators); COUNT(spaced); COUNT(mixed);
    COUNT(vague); COUNT(tenths); COUNT(traditional); COUNT(not_figures); COUNT(unchanged);
    assert_true(total_rows >= 300);
}

/* A rounded fraction is within half a unit of its sixth significant digit. */
static void test_rounding_precision(void **state)
{
    (void)state;
    static const struct { const char *in; int64_t m; int32_t e; } cs[] = {
        { "三分之一", 333333, -6 }, { "三分之二", 666667, -6 }, { "七分之一", 142857, -6 },
        { "十一分之一", 909091, -7 }, { "三分之一百", 333333, -4 },
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        gwr_quantity q;
        assert_true(nth_quantity(cs[i].in, 0, &q));
        assert_true(q.flags & GWR_QF_ROUNDED);
        assert_true(q.value.m == cs[i].m && q.value.e == cs[i].e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimals),     cmocka_unit_test(test_fractions),
        cmocka_unit_test(test_negatives),    cmocka_unit_test(test_separators),
        cmocka_unit_test(test_spaced),       cmocka_unit_test(test_mixed),
        cmocka_unit_test(test_vague),        cmocka_unit_test(test_tenths),
        cmocka_unit_test(test_traditional),  cmocka_unit_test(test_not_figures),
        cmocka_unit_test(test_unchanged),    cmocka_unit_test(test_table_size),
        cmocka_unit_test(test_rounding_precision),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
