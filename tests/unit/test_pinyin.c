/* test_pinyin.c — query → matched text, as a table: literal, full pinyin,
 * initials, mixed, the last syllable as a prefix, separators, polyphones,
 * ü typed as v or u, traditional characters, and queries that must not
 * match; then ranking classes, English key names, pinyin collation, and a
 * linear-time check on a long text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "pinyin.h"
#include "indicators_alias.h"

typedef struct row {
    const char *query, *text, *match;     /* match NULL: no match */
    gwr_pq_class cls;                      /* GWR_PQ_NONE: any class */
} row;

#define L GWR_PQ_LITERAL
#define F GWR_PQ_FULL
#define M GWR_PQ_MIXED
#define I GWR_PQ_INITIALS
#define N GWR_PQ_NONE

static const row rows[] = {
    /* full pinyin */
    { "jiuye", "城镇新增就业", "就业", F },
    { "jiuye", "就业 jiuye", "jiuye", L },        /* a literal after a full match is better */
    { "jiuye", "就业人数 (JiuYe)", "JiuYe", L },
    { "jiuye", "就业岗位", "就业", F },
    { "JiuYe", "城镇新增就业", "就业", F },
    { "zengzhang", "地区生产总值增长7%", "增长", F },
    { "shengchanzongzhi", "地区生产总值", "生产总值", F },
    { "diqushengchanzongzhi", "地区生产总值增长", "地区生产总值", F },
    { "touzi", "固定资产投资", "投资", F },
    { "gudingzichantouzi", "全社会固定资产投资", "固定资产投资", F },
    { "liangshi", "粮食总产量", "粮食", F },
    { "shouru", "一般公共预算收入", "收入", F },
    { "jiaoyu", "教育支出", "教育", F },
    { "jianyi", "2024年工作建议", "建议", F },
    { "jingji", "经济运行", "经济", F },
    { "chengzhen", "城镇居民", "城镇", F },
    { "nongcun", "农村居民", "农村", F },
    { "jumin", "城镇居民人均可支配收入", "居民", F },
    { "xiaofei", "居民消费价格", "消费", F },
    { "jiage", "居民消费价格", "价格", F },
    { "gongye", "规模以上工业增加值", "工业", F },
    { "chukou", "出口总额", "出口", F },
    { "nenghao", "单位GDP能耗", "能耗", F },
    { "kongqi", "空气质量优良天数", "空气", F },
    { "yiliao", "医疗保障", "医疗", F },
    { "lvyou", "旅游收入", "旅游", F },
    { "luyou", "旅游收入", "旅游", F },
    { "xiangmu", "重大项目", "项目", F },
    { "qiye", "规上企业", "企业", F },
    { "shuishou", "税收收入", "税收", F },
    { "renkou", "常住人口", "人口", F },
    { "huanjing", "生态环境", "环境", F },
    /* the last syllable as a prefix */
    { "jiuy", "城镇新增就业", "就业", N },
    { "jiuyi", "城镇新增就业", NULL, N },
    { "zengzh", "增长7%", "增长", N },
    { "zengzha", "增长7%", "增长", F },
    { "touz", "投资", "投资", N },
    { "tou", "投资", "投", F },
    { "gudingzic", "固定资产", "固定资产", N },
    { "jingj", "经济", "经济", N },
    { "liangsh", "粮食", "粮食", N },
    { "chengzh", "城镇", "城镇", N },
    /* initials */
    { "jy", "城镇新增就业", "就业", I },
    { "jy", "教育支出", "教育", I },
    { "jy", "工作建议", "建议", I },
    { "gdp", "全市GDP", "GDP", L },
    { "gdzctz", "固定资产投资", "固定资产投资", I },
    { "czxzjy", "城镇新增就业", "城镇新增就业", I },
    { "dqsczz", "地区生产总值", "地区生产总值", I },
    { "ls", "粮食产量", "粮食", I },
    { "jj", "经济", "经济", I },
    { "zg", "中国", "中国", I },
    { "zhg", "中国", "中国", I },
    { "sr", "居民收入", "收入", I },
    { "xf", "消费", "消费", I },
    { "tz", "投资", "投资", I },
    { "gyzjz", "工业增加值", "工业增加值", I },
    { "cz", "城镇", "城镇", I },
    { "nc", "农村", "农村", I },
    { "shr", "收入", "收入", I },
    { "chzh", "城镇", "城镇", I },
    { "zhz", "种植", "种植", I },
    /* mixed per character */
    { "jiuy", "就业", "就业", M },
    { "jye", "就业", "就业", M },
    { "jiuyee", "就业", NULL, N },
    { "zengz", "增长", "增长", N },
    { "zzhang", "增长", "增长", N },
    { "gudzc", "固定资产", "固定资产", M },
    { "gdzichan", "固定资产", "固定资产", M },
    { "jingjiz", "经济增长", "经济增", M },
    { "jjzengzhang", "经济增长", "经济增长", M },
    { "shengcz", "生产总值", "生产总", M },
    /* separators */
    { "xi'an", "西安市", "西安", F },
    { "xian", "西安市", "西安", F },
    { "xian", "先进制造业", "先", F },
    { "xi'an", "先进制造业", NULL, N },
    { "xi an", "西安市", "西安", F },
    { "jiu ye", "就业", "就业", F },
    { "jiu'ye", "就业", "就业", F },
    { "ji'uye", "就业", NULL, N },
    { "fang'an", "实施方案", "方案", F },
    { "fangan", "实施方案", "方案", F },
    { "chang'an", "长安", "长安", F },
    { "j y", "就业", "就业", I },
    { "jiuye ", "就业", "就业", F },
    { " jiuye", "就业", "就业", F },
    { "tian'anmen", "天安门", "天安门", F },
    /* polyphonic characters: every modern reading */
    { "chang", "长江", "长", F },
    { "zhang", "增长", "长", F },
    { "zengchang", "增长", "增长", F }     /* 长 reads chang too */,
    { "changjiang", "长江", "长江", F },
    { "hang", "银行", "行", F },
    { "xing", "进行", "行", F },
    { "yinhang", "银行", "银行", F },
    { "jinxing", "进行", "进行", F },
    { "zhong", "重点", "重", F },
    { "chong", "重庆", "重", F },
    { "chongqing", "重庆市", "重庆", F },
    { "zhongdian", "重点项目", "重点", F },
    { "shuai", "率先", "率", F },
    { "lv", "增长率", "率", F },
    { "lu", "增长率", "率", F },
    { "le", "完成了", "了", F },
    { "liao", "了解", "了", F },
    { "shu", "数据", "数", F },
    { "le", "快乐", "乐", F },
    { "yue", "音乐", "乐", F },
    { "dou", "都市", "都", F },
    { "du", "首都", "都", F },
    { "jiang", "降低", "降", F },
    { "xiang", "投降", "降", F },
    { "yu", "王", NULL, N },             /* a dictionary-only reading: no hit */
    { "wang", "王", "王", F },
    /* ü typed as v or u */
    { "lv", "绿色发展", "绿", F },
    { "lu", "绿色发展", "绿", N },
    { "lvse", "绿色发展", "绿色", F },
    { "luse", "绿色发展", "绿色", F },
    { "nv", "妇女", "女", F },
    { "nu", "妇女", "女", N },
    { "nvxing", "女性", "女性", F },
    { "lve", "战略", "略", F },
    { "lue", "战略", "略", F },
    { "zhanlve", "发展战略", "战略", F },
    { "zhanlue", "发展战略", "战略", F },
    { "lvyou", "旅游", "旅游", F },
    { "lvy", "旅游", "旅游", N },
    { "ly", "旅游", "旅游", I },
    /* traditional characters match simplified text */
    { "萬", "一万元", "万", L },
    { "業", "就业", "业", L },
    { "經濟", "经济增长", "经济", L },
    { "就業", "城镇新增就业", "就业", L },
    { "國內生產總值", "国内生产总值", "国内生产总值", L },
    { "環境", "生态环境", "环境", L },
    { "發展", "绿色发展", "发展", L },
    { "農村", "农村居民", "农村", L },
    { "經濟", "經濟", NULL, N },          /* text is read as simplified */
    { "投資", "投资", "投资", L },
    /* literal */
    { "就业", "城镇新增就业", "就业", L },
    { "GDP", "单位gdp能耗", "gdp", L },
    { "cpi", "居民消费价格指数（CPI）", "CPI", L },
    { "7%", "增长7%", "7%", L },
    { "增长", "增长7%", "增长", L },
    { "5G", "5G基站", "5G", L },
    { "a", "ABC", "A", L },
    /* queries that must not match */
    { "jiuye", "教育", NULL, N },
    { "jy", "经济", NULL, N },
    { "gdp", "地区生产总值", NULL, N },
    { "zzz", "增长", NULL, N },
    { "x", "123", NULL, N },
    { "jiuye", "就 业", NULL, N },
    { "jiuye", "就，业", NULL, N },
    { "jiuye", "jiu业", "jiu业", N },
    { "qwrtp", "地区生产总值", NULL, N },
    { "就业", "就 业", NULL, N },
    { "xyzzy", "", NULL, N },
    { "jyjyjy", "就业", NULL, N },
    { "nh", "能耗", "能耗", I },
    { "v", "绿色", NULL, N },
    { "'", "就业", NULL, N },
};

static void test_table(void **state)
{
    (void)state;
    size_t nrows = sizeof rows / sizeof rows[0], bad = 0;
    assert_true(nrows >= 150);
    for (size_t i = 0; i < nrows; i++) {
        const row *r = &rows[i];
        gwr_pq *q = gwr_pq_new(r->query);
        assert_non_null(q);
        gwr_pq_match m;
        bool hit = gwr_pq_best(q, r->text, strlen(r->text), &m);
        /* the scan finds the same class as the search */
        gwr_pq_scan st;
        gwr_pq_scan_init(&st);
        size_t budget = 1 << 20;
        while (!gwr_pq_scan_step(q, r->text, strlen(r->text), &st, &budget)) budget = 1 << 20;
        if (st.cls != (hit ? m.cls : GWR_PQ_NONE)) {
            print_error("row %zu: %s in %s: scan class %d, search class %d\n", i, r->query, r->text, (int)st.cls, hit ? (int)m.cls : 0);
            bad++;
        }
        char got[128] = "(none)";
        if (hit) snprintf(got, sizeof got, "%.*s", (int)(m.end - m.start), r->text + m.start);
        if ((r->match != NULL) != hit || (hit && strcmp(got, r->match) != 0) || (hit && r->cls && m.cls != r->cls)) {
            print_error("row %zu: %s in %s: got %s (class %d), want %s (class %d)\n", i, r->query, r->text, got,
                        hit ? (int)m.cls : 0, r->match ? r->match : "(none)", (int)r->cls);
            bad++;
        }
        gwr_pq_free(q);
    }
    assert_int_equal(bad, 0);
}

/* gwr_pq_next walks every match of a text in order. */
static void test_next(void **state)
{
    (void)state;
    const char *t = "就业优先，稳就业，促进就业";
    gwr_pq *q = gwr_pq_new("jy");
    gwr_pq_match m;
    size_t at = 0, n = 0;
    while (gwr_pq_next(q, t, strlen(t), at, &m)) {
        assert_memory_equal(t + m.start, "就业", strlen("就业"));
        at = m.end;
        n++;
    }
    assert_int_equal(n, 3);
    gwr_pq_free(q);
}

static void test_aliases(void **state)
{
    (void)state;
    const gwr_indicator *ind[4];
    assert_int_equal(gwr_indicator_aliases("gdp", ind, 4), 1);
    assert_string_equal(ind[0]->key, "gdp");
    assert_int_equal(gwr_indicator_aliases("GDP", ind, 4), 1);
    assert_int_equal(gwr_indicator_aliases("jobs", ind, 4), 1);
    assert_string_equal(ind[0]->key, "urban_jobs");
    assert_int_equal(gwr_indicator_aliases("employment", ind, 4), 1);
    assert_int_equal(gwr_indicator_aliases("unemployment", ind, 4), 2);
    assert_int_equal(gwr_indicator_aliases("income", ind, 4), 2);
    assert_int_equal(gwr_indicator_aliases("urban_jobs", ind, 4), 1);
    assert_int_equal(gwr_indicator_aliases("urban jobs", ind, 4), 1);
    assert_int_equal(gwr_indicator_aliases("cpi", ind, 4), 1);
    assert_int_equal(gwr_indicator_aliases("jiuye", ind, 4), 0);
    assert_int_equal(gwr_indicator_aliases("gd", ind, 4), 0);
    /* every alias names keys that exist, and every key is its own alias */
    for (size_t i = 0; i < gwr_alias_count(); i++) {
        const char *keys;
        const char *a = gwr_alias_at(i, &keys);
        assert_true(gwr_indicator_aliases(a, ind, 4) >= 1);
    }
    for (size_t i = 0; i < gwr_indicator_count(); i++)
        assert_int_equal(gwr_indicator_aliases(gwr_indicator_at(i)->key, ind, 4) >= 1, 1);
    const char *named[] = { "grain", "investment", "retail", "revenue", "trade", "exports", "fdi", "energy", "air" };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) assert_true(gwr_indicator_aliases(named[i], ind, 4) >= 1);
}

static void test_readings(void **state)
{
    (void)state;
    uint16_t r[8];
    size_t n = gwr_py_readings(0x957F, r, 8);          /* 长 */
    assert_int_equal(n, 2);
    assert_string_equal(gwr_py_syllable(r[0]), "chang");
    assert_string_equal(gwr_py_syllable(r[1]), "zhang");
    assert_int_equal(gwr_py_readings(0x738B, r, 8), 1);  /* 王: wang only, not yu */
    assert_int_equal(gwr_py_readings('a', r, 8), 0);
    assert_int_equal(gwr_py_simplify(0x842C), 0x4E07); /* 萬 → 万 */
    assert_int_equal(gwr_py_simplify(0x4E07), 0x4E07);
    assert_true(gwr_py_table_bytes() < 400000);
}

/* Sorting by pinyin: 恩施 荆门 荆州 天门 咸宁 (code points give 咸宁 first). */
static void test_collate(void **state)
{
    (void)state;
    const char *want[] = { "恩施市", "荆门市", "荆州市", "天门市", "咸宁市" };
    for (size_t i = 0; i + 1 < 5; i++) {
        assert_true(gwr_py_collate(want[i], want[i + 1]) < 0);
        assert_true(gwr_py_collate(want[i + 1], want[i]) > 0);
    }
    assert_int_equal(gwr_py_collate("就业", "就业"), 0);
    assert_true(gwr_py_collate("GDP", "地区") < 0);
    assert_true(gwr_py_collate("就", "就业") < 0);
}

/* Linear: a long text of one letter against a long query (KMP never
 * rescans), a long Chinese text against a pinyin query, and the resumable
 * scan gives the same answer in small steps. */
static void test_long_text(void **state)
{
    (void)state;
    size_t n = 4u << 20;
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, 'a', n);
    s[n] = '\0';
    char qs[256];
    memset(qs, 'a', 254);
    qs[254] = 'b';
    qs[255] = '\0';
    gwr_pq *q = gwr_pq_new(qs);
    gwr_pq_match m;
    assert_false(gwr_pq_best(q, s, n, &m));
    gwr_pq_scan st;
    gwr_pq_scan_init(&st);
    size_t steps = 0;
    for (;;) {
        size_t budget = 65536;
        steps++;
        if (gwr_pq_scan_step(q, s, n, &st, &budget)) break;
        assert_int_equal(budget, 0);
    }
    assert_int_equal(st.cls, GWR_PQ_NONE);
    assert_true(steps >= 64);
    s[n - 1] = 'b';
    gwr_pq_scan_init(&st);
    for (;;) {
        size_t budget = 65536;
        if (gwr_pq_scan_step(q, s, n, &st, &budget)) break;
    }
    assert_int_equal(st.cls, GWR_PQ_LITERAL);
    gwr_pq_free(q);
    /* Chinese text: 就业 repeated, query jiuyejiuyejiuz (no match at the end) */
    size_t k = strlen("就业");
    for (size_t i = 0; i + k <= n; i += k) memcpy(s + i, "就业", k);
    s[n - n % k] = '\0';
    q = gwr_pq_new("jiuyejiuyejiuz");
    assert_false(gwr_pq_best(q, s, strlen(s), &m));
    gwr_pq_free(q);
    q = gwr_pq_new("jiuyejiuyejiuye");
    assert_true(gwr_pq_best(q, s, strlen(s), &m));
    assert_int_equal(m.start, 0);
    gwr_pq_free(q);
    free(s);
}

/* Random ASCII queries over report text: no crash, and a match reported is
 * inside the text and non-empty (run under ASan by make test-san). */
static void test_random_queries(void **state)
{
    (void)state;
    const char *texts[] = { "城镇新增就业5.5万人以上，地区生产总值增长7%左右。", "GDP增长4.7%；CPI涨幅3%", "",
                            "绿色发展、战略、重庆、长江、银行、西安", "\xff\xfe 坏的 \xe5\xb0" };
    unsigned seed = 12345;
    for (int i = 0; i < 20000; i++) {
        char qs[80];
        int len = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 70;
        for (int j = 0; j < len; j++) qs[j] = (char)(32 + ((seed = seed * 1103515245u + 12345u) >> 16) % 95);
        qs[len] = '\0';
        gwr_pq *q = gwr_pq_new(qs);
        assert_non_null(q);
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            gwr_pq_match m;
            size_t n = strlen(texts[t]);
            if (gwr_pq_best(q, texts[t], n, &m)) assert_true(m.start <= m.end && m.end <= n);
            size_t at = 0;
            while (at < n && gwr_pq_next(q, texts[t], n, at, &m) && m.end > at) at = m.end;
        }
        gwr_pq_free(q);
    }
}

/* Overlong forms, surrogates and values past U+10FFFF are invalid bytes, one
 * step each: a query made of them never puts a NUL (or any character) into
 * the literal that was not in the query. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    static const char *bad[] = { "\xF0\x80\x80\x80", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80",
                                 "\xF4\x90\x80\x80", "\xC0\x80", "\xC1\xBF", "\xF5\x80\x80\x80" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint32_t cp = 0;
        assert_int_equal(gwr_py_utf8_step((const unsigned char *)bad[i], strlen(bad[i]), &cp), 1);
        assert_true(cp >= 0x110000);
        char q[32];
        snprintf(q, sizeof q, "d%s1", bad[i]);
        gwr_pq *p = gwr_pq_new(q);
        assert_non_null(p);
        size_t ll = 0;
        const char *lit = gwr_pq_literal(p, &ll);
        assert_int_equal(strlen(lit), ll);
        assert_int_equal(ll, strlen(q));
        gwr_pq_free(p);
    }
    static const struct { const char *s; uint32_t cp; size_t len; } good[] = {
        { "\xC2\x80", 0x80, 2 }, { "\xE0\xA0\x80", 0x800, 3 }, { "\xED\x9F\xBF", 0xD7FF, 3 },
        { "\xEE\x80\x80", 0xE000, 3 }, { "\xF0\x90\x80\x80", 0x10000, 4 }, { "\xF4\x8F\xBF\xBF", 0x10FFFF, 4 },
        { "\xE5\xB0\xB1", 0x5C31, 3 } };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        uint32_t cp = 0;
        assert_int_equal(gwr_py_utf8_step((const unsigned char *)good[i].s, strlen(good[i].s), &cp), good[i].len);
        assert_int_equal(cp, good[i].cp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),  cmocka_unit_test(test_next),     cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_readings), cmocka_unit_test(test_collate), cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_random_queries), cmocka_unit_test(test_invalid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
