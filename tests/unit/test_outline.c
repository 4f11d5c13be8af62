/* test_outline.c — the section tree and metadata, asserted as counts computed
 * from the tree (the acceptance table of the outline issue), plus headings,
 * note markers, roles and years on small constructed reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "outline_internal.h"

static void load(gwr_doc *d, const char *path)
{
    gwr_err e = { 0 };
    gwr_status st = gwr_doc_load(d, path, &e);
    if (st != GWR_OK) fprintf(stderr, "%s\n", e.msg);
    assert_int_equal(st, GWR_OK);
}

static void load_str(gwr_doc *d, const char *name, const char *s)
{
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(d, name, s, strlen(s), &e), GWR_OK);
}

/* Number of nodes of `kind` in the subtree of node i. */
static int count_in(const gwr_doc *d, int32_t i, gwr_node_kind kind)
{
    int n = 0;
    for (int32_t c = d->nodes[i].first_child; c >= 0; c = d->nodes[c].next_sibling)
        n += (d->nodes[c].kind == kind) + count_in(d, c, kind);
    return n;
}

/* The (first) part of a role; -1 if none. */
static int32_t part_of(const gwr_doc *d, gwr_role r)
{
    for (size_t i = 1; i < d->nnodes; i++)
        if (d->nodes[i].kind == GWR_NODE_PART && d->nodes[i].role == r) return (int32_t)i;
    return -1;
}

static void check_parts(const char *path, const char *entity, int year, int rev, int review, int plan, int self)
{
    gwr_doc d;
    load(&d, path);
    assert_string_equal(d.entity, entity);
    assert_int_equal(d.report_year, year);
    assert_int_equal(d.reviewed_year, rev);
    int32_t p;
    p = part_of(&d, GWR_ROLE_REVIEW);
    assert_true(p > 0);
    assert_int_equal(count_in(&d, p, GWR_NODE_SECTION), review);
    p = part_of(&d, GWR_ROLE_PLAN);
    assert_true(p > 0);
    assert_int_equal(count_in(&d, p, GWR_NODE_SECTION), plan);
    assert_int_equal(count_in(&d, p, GWR_NODE_TARGETS), 1);
    p = part_of(&d, GWR_ROLE_SELF);
    if (self < 0) {
        assert_int_equal(p, -1);
    } else {
        assert_true(p > 0);
        assert_int_equal(count_in(&d, p, GWR_NODE_SECTION), self);
    }
    /* pre-order: parents come first, depth = parent's + 1 */
    for (size_t i = 1; i < d.nnodes; i++) {
        assert_true(d.nodes[i].parent < (int32_t)i);
        assert_int_equal(d.nodes[i].depth, d.nodes[d.nodes[i].parent].depth + 1);
    }
    gwr_doc_free(&d);
}

static void test_jingmen(void **s) { (void)s; check_parts("samples/jingmen-2024.txt", "荆门市", 2024, 2023, 7, 9, 4); }
static void test_tianmen(void **s) { (void)s; check_parts("samples/tianmen-2023.txt", "天门市", 2023, 2022, 6, 6, 4); }
static void test_enshi(void **s) { (void)s; check_parts("samples/enshi-2024.txt", "恩施市", 2024, 2023, 5, 9, 4); }

static void test_xianning(void **s)
{
    (void)s;
    check_parts("samples/xianning-2024.txt", "咸宁市", 2024, 2023, 3, 7, 4);
    gwr_doc d;
    load(&d, "samples/xianning-2024.txt");
    int32_t p = part_of(&d, GWR_ROLE_REVIEW);
    assert_int_equal(count_in(&d, p, GWR_NODE_ITEM), 7);
    /* the items 一是…七是 belong to the part, not to section （三） */
    int direct = 0;
    for (int32_t c = d.nodes[p].first_child; c >= 0; c = d.nodes[c].next_sibling)
        direct += d.nodes[c].kind == GWR_NODE_ITEM;
    assert_int_equal(direct, 7);
    gwr_doc_free(&d);
}

static void test_jingzhou(void **s)
{
    (void)s;
    gwr_doc d;
    load(&d, "samples/jingzhou-2023.txt");
    assert_true(d.text.pdf_layout);
    /* the page never names its city near the top: the file name, flagged */
    assert_string_equal(d.entity, "jingzhou");
    assert_int_equal(d.entity_from, GWR_FROM_FILENAME);
    assert_int_equal(d.report_year, 2023);
    assert_int_equal(count_in(&d, 0, GWR_NODE_PART), 0);
    assert_int_equal(count_in(&d, 0, GWR_NODE_SECTION), 8);
    assert_int_equal(count_in(&d, 0, GWR_NODE_TARGETS), 1);
    static const char *const want[] = { "着力推进新型工业化", "着力推进新型城镇化", "着力推进农业现代化",
        "着力推进扩大内需战略", "着力推进创新驱动引领", "着力推进对外改革开放", "着力推进流域综合治理",
        "着力推进民生福祉改善" };
    size_t k = 0;
    for (size_t i = 1; i < d.nnodes; i++) {
        const gwr_node *n = &d.nodes[i];
        if (n->kind == GWR_NODE_SECTION) {
            assert_true(k < 8);
            assert_string_equal(n->title, want[k]);
            assert_int_equal(n->role, GWR_ROLE_PLAN);
            assert_true(count_in(&d, (int32_t)i, GWR_NODE_TOPIC) >= 3);
            k++;
        }
        if (n->kind == GWR_NODE_TARGETS) assert_int_equal(n->role, GWR_ROLE_PLAN);
    }
    assert_int_equal(k, 8);
    /* the topic of the first block, joined from "坚持工业\n优先不动摇。" */
    int32_t first = d.nodes[0].first_child;
    while (first >= 0 && d.nodes[first].kind != GWR_NODE_SECTION) first = d.nodes[first].next_sibling;
    assert_true(first > 0);
    assert_string_equal(d.nodes[d.nodes[first].first_child].title, "坚持工业优先不动摇");
    assert_int_equal(d.nodes[d.nodes[first].first_child].line, 2);
    gwr_doc_free(&d);
}

/* The newspaper page with each heading pair moved BEFORE its block (and a
 * title line on top): the headings must still title the same blocks. */
static void test_jingzhou_leading_headings(void **s)
{
    (void)s;
    FILE *f = fopen("samples/jingzhou-2023.txt", "rb");
    assert_non_null(f);
    static char in[32 * 1024], out[40 * 1024], block[32 * 1024];
    size_t n = fread(in, 1, sizeof in - 1, f), o = 0, bl = 0;
    fclose(f);
    in[n] = '\0';
    o += (size_t)sprintf(out, "政府工作报告\n");
    for (char *line = in, *nl; line < in + n; line = nl + 1) {
        nl = strchr(line, '\n');
        if (!nl) nl = in + n;
        size_t len = (size_t)(nl - line);
        if (len >= 12 && len % 2 == 0 && memcmp(line, line + len / 2, len / 2) == 0) {
            char *nl2 = strchr(nl + 1, '\n');              /* the subtitle line */
            size_t l2 = nl2 ? (size_t)(nl2 - nl) : 0;
            memcpy(out + o, line, len + 1); o += len + 1;
            memcpy(out + o, nl + 1, l2); o += l2;
            memcpy(out + o, block, bl); o += bl;
            bl = 0;
            if (nl2) nl = nl2;
            continue;
        }
        memcpy(block + bl, line, len); bl += len;
        block[bl++] = '\n';
    }
    memcpy(out + o, block, bl); o += bl;
    gwr_doc d;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(&d, "lead.txt", out, o, &e), GWR_OK);
    assert_int_equal(count_in(&d, 0, GWR_NODE_SECTION), 8);
    assert_int_equal(count_in(&d, 0, GWR_NODE_TARGETS), 1);
    assert_string_equal(d.title, "政府工作报告");
    for (size_t i = 1; i < d.nnodes; i++)
        if (d.nodes[i].kind == GWR_NODE_SECTION) {
            assert_true(strncmp(d.nodes[i].title, "着力推进", strlen("着力推进")) == 0);
            assert_true(count_in(&d, (int32_t)i, GWR_NODE_TOPIC) >= 3);
        }
    gwr_doc_free(&d);
}

static void test_hailar(void **s)
{
    (void)s;
    /* review / plan sections of 海拉尔区 2012–2019, read from the reports */
    static const struct { int year, review, plan, self; } h[] = {
        { 2012, 8, 10, -1 }, { 2013, 0, 4, -1 }, { 2014, 4, 5, -1 }, { 2015, 5, 10, -1 },
        { 2016, 4, 8, -1 }, { 2017, 6, 7, -1 }, { 2018, 0, 8, -1 }, { 2019, 6, 6, 5 },
    };
    for (size_t i = 0; i < sizeof h / sizeof *h; i++) {
        char path[64];
        snprintf(path, sizeof path, "tests/data/hailar/hailar-%d.txt", h[i].year);
        gwr_doc d;
        load(&d, path);
        assert_string_equal(d.text.encoding, "GB18030");
        assert_string_equal(d.entity, "海拉尔区");
        assert_int_equal(d.report_year, h[i].year);
        assert_int_equal(d.reviewed_year, h[i].year - 1);
        assert_non_null(d.meeting);
        int32_t rv = part_of(&d, GWR_ROLE_REVIEW), pl = part_of(&d, GWR_ROLE_PLAN);
        assert_true(rv > 0 && pl > rv);
        assert_int_equal(count_in(&d, rv, GWR_NODE_SECTION), h[i].review);
        int plan_secs = 0, targets = 0;
        for (size_t j = 1; j < d.nnodes; j++)
            if (d.nodes[j].kind == GWR_NODE_PART && d.nodes[j].role == GWR_ROLE_PLAN) {
                plan_secs += count_in(&d, (int32_t)j, GWR_NODE_SECTION);
                targets += count_in(&d, (int32_t)j, GWR_NODE_TARGETS);
            }
        assert_int_equal(plan_secs, h[i].plan);
        assert_int_equal(targets, 1);
        gwr_doc_free(&d);
    }
}

/* The same report hard-wrapped at 18 characters a line, as a PDF extraction
 * would give it: the tree must not change. */
static void test_wrapped_report(void **s)
{
    (void)s;
    FILE *f = fopen("samples/tianmen-2023.txt", "rb");
    assert_non_null(f);
    static char in[64 * 1024], out[96 * 1024];
    size_t n = fread(in, 1, sizeof in - 1, f), o = 0, col = 0;
    fclose(f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == '\n') { if (col) out[o++] = '\n'; col = 0; continue; }
        if ((c & 0xC0) != 0x80 && col == 18) { out[o++] = '\n'; col = 0; }
        if ((c & 0xC0) != 0x80 && c != ' ') col++;
        out[o++] = (char)c;
    }
    gwr_doc d;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(&d, "wrapped.txt", out, o, &e), GWR_OK);
    assert_true(d.text.pdf_layout);
    assert_string_equal(d.entity, "天门市");
    assert_int_equal(d.report_year, 2023);
    assert_non_null(d.meeting);
    assert_int_equal(count_in(&d, part_of(&d, GWR_ROLE_REVIEW), GWR_NODE_SECTION), 6);
    assert_int_equal(count_in(&d, part_of(&d, GWR_ROLE_PLAN), GWR_NODE_SECTION), 6);
    assert_int_equal(count_in(&d, part_of(&d, GWR_ROLE_PLAN), GWR_NODE_TARGETS), 1);
    assert_int_equal(count_in(&d, part_of(&d, GWR_ROLE_SELF), GWR_NODE_SECTION), 4);
    assert_string_equal(d.nodes[part_of(&d, GWR_ROLE_PLAN)].title, "2023年总体思路和目标任务");
    gwr_doc_free(&d);
}

static void test_front_matter(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt",
             "政 府 工 作 报 告\n\n——2023年1月10日在某某县第十届人民代表大会第三次会议上\n"
             "某某县人民政府县长  张三\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
             "一、2022年工作回顾\n（一）经济平稳增长。全县地区生产总值增长5%。\n"
             "二、2023年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n(一)扩大投资\n"
             "三、加强政府自身建设\n");
    assert_string_equal(d.title, "政府工作报告");
    assert_non_null(d.meeting);
    assert_non_null(d.speaker);
    assert_string_equal(d.entity, "某某县");
    assert_int_equal(d.report_year, 2023);
    assert_int_equal(d.reviewed_year, 2022);
    assert_int_equal(count_in(&d, 0, GWR_NODE_FRONT), 4);
    assert_int_equal(count_in(&d, 0, GWR_NODE_PART), 3);
    assert_int_equal(count_in(&d, 0, GWR_NODE_SECTION), 2);   /* full- and half-width brackets */
    gwr_doc_free(&d);
}

static void test_meeting_in_december(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt", "——2022年12月27日在甲乙市第九届人民代表大会第二次会议上\n各位代表：\n");
    assert_int_equal(d.report_year, 2023);
    assert_int_equal(d.reviewed_year, 2022);
    assert_string_equal(d.entity, "甲乙市");
    gwr_doc_free(&d);
    load_str(&d, "t.txt", "--2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n");
    assert_string_equal(d.entity, "海拉尔区");
    assert_int_equal(d.report_year, 2019);
    gwr_doc_free(&d);
}

static void test_targets_heading_and_list(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt",
             "一、2023年工作回顾\n（一）经济增长。\n二、2024年工作安排\n（一）主要预期目标\n"
             "地区生产总值增长6%左右；\n城镇新增就业5万人以上；\n居民消费价格涨幅3%左右。\n"
             "（二）重点工作\n扩大有效投资。开工项目100个。\n"
             "三、2025年展望\n经济社会发展主要预期目标是：\n地区生产总值增长5%；\n粮食产量60亿斤。\n"
             "四、政府自身建设\n主要预期目标是：\n地区生产总值增长6%；\n");
    int32_t plan = part_of(&d, GWR_ROLE_PLAN);
    assert_int_equal(count_in(&d, plan, GWR_NODE_SECTION), 2);
    assert_int_equal(count_in(&d, plan, GWR_NODE_TARGETS), 1);
    int32_t t = -1;
    for (size_t i = 1; i < d.nnodes; i++)
        if (d.nodes[i].kind == GWR_NODE_TARGETS && t < 0) t = (int32_t)i;
    assert_int_equal(d.nodes[t].line, 5);                   /* the figures, under the heading */
    assert_int_equal(d.nodes[d.nodes[t].parent].kind, GWR_NODE_SECTION);
    assert_int_equal(count_in(&d, t, GWR_NODE_PARA), 2);    /* the list lines that follow */
    assert_int_equal(count_in(&d, 0, GWR_NODE_TARGETS), 2); /* the lead-in form; none in the self part */
    assert_int_equal(count_in(&d, part_of(&d, GWR_ROLE_SELF), GWR_NODE_TARGETS), 0);
    gwr_doc_free(&d);
}

static void test_entity_from_title(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt", "丙丁市2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n");
    assert_string_equal(d.entity, "丙丁市");
    assert_int_equal(d.report_year, 2024);
    gwr_doc_free(&d);
    /* no name anywhere: the file name */
    load_str(&d, "reports/戊己县-2021.txt", "各位代表：\n一、2020年工作回顾\n二、2021年工作安排\n");
    assert_string_equal(d.entity, "戊己县");
    assert_int_equal(d.report_year, 2021);
    assert_int_equal(d.reviewed_year, 2020);
    gwr_doc_free(&d);
}

static void test_note_markers_are_not_headings(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt",
             "一、2023年工作回顾\n新增规上工业企业（1）246家，扎实开展“四擂三抓”（5）行动。\n"
             "（1）第一项内容。\n二、2024年工作安排\n");
    assert_int_equal(count_in(&d, 0, GWR_NODE_PART), 2);
    assert_int_equal(count_in(&d, 0, GWR_NODE_SECTION), 0);
    assert_int_equal(count_in(&d, 0, GWR_NODE_ITEM), 1);   /* only at the start of a paragraph */
    gwr_doc_free(&d);
}

static void test_numbers_follow_on(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt",
             "一、2023年工作回顾\n（一）甲。\n（三）跳号的不是节。\n（二）乙。\n"
             "十二、第十二部分\n二、2024年工作安排\n三、政府自身建设\n");
    assert_int_equal(count_in(&d, 0, GWR_NODE_SECTION), 2);
    assert_int_equal(count_in(&d, 0, GWR_NODE_PART), 3);
    assert_int_equal(d.nodes[part_of(&d, GWR_ROLE_SELF)].depth, 1);
    gwr_doc_free(&d);
}

static void test_role_from_year(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt", "一、2023年工作回顾\n（一）经济增长。\n二、2024年各项事业\n（一）扩大投资\n投资增长。开工项目。\n三、政府自身建设\n");
    int32_t p = part_of(&d, GWR_ROLE_PLAN);
    assert_true(p > 0);
    assert_string_equal(d.nodes[p].title, "2024年各项事业");
    assert_int_equal(count_in(&d, p, GWR_NODE_SECTION), 1);
    for (int32_t c = d.nodes[p].first_child; c >= 0; c = d.nodes[c].next_sibling)
        assert_int_equal(d.nodes[c].role, GWR_ROLE_PLAN);
    gwr_doc_free(&d);
}

static void test_sections_without_parts(void **s)
{
    (void)s;
    gwr_doc d;
    load_str(&d, "t.txt", "（一）2023年工作回顾\n经济增长。增长了5%。\n（二）2024年工作安排\n"
                          "主要预期目标是：地区生产总值增长6%。\n（三）加强政府自身建设\n");
    assert_int_equal(count_in(&d, 0, GWR_NODE_PART), 0);
    assert_int_equal(d.report_year, 2024);
    assert_int_equal(d.reviewed_year, 2023);
    gwr_role want[] = { GWR_ROLE_REVIEW, GWR_ROLE_PLAN, GWR_ROLE_SELF };
    size_t k = 0;
    for (size_t i = 1; i < d.nnodes; i++)
        if (d.nodes[i].kind == GWR_NODE_SECTION) assert_int_equal(d.nodes[i].role, want[k++]);
    assert_int_equal(k, 3);
    gwr_doc_free(&d);
}

static void test_cn_numbers(void **s)
{
    (void)s;
    size_t len;
    assert_int_equal(gwr_cn_number("一、", strlen("一、"), &len), 1);
    assert_int_equal(len, 3);
    assert_int_equal(gwr_cn_number("十、", strlen("十、"), &len), 10);
    assert_int_equal(gwr_cn_number("十二、", strlen("十二、"), &len), 12);
    assert_int_equal(len, 6);
    assert_int_equal(gwr_cn_number("二十三", strlen("二十三"), &len), 23);
    assert_int_equal(gwr_cn_number("是", strlen("是"), &len), 0);
}

static void test_roles(void **s)
{
    (void)s;
    assert_int_equal(gwr_part_role("2023年工作回顾"), GWR_ROLE_REVIEW);
    assert_int_equal(gwr_part_role("过去五年工作回顾"), GWR_ROLE_REVIEW);
    assert_int_equal(gwr_part_role("2024年工作建议"), GWR_ROLE_PLAN);
    assert_int_equal(gwr_part_role("2023年总体思路和目标任务"), GWR_ROLE_PLAN);
    assert_int_equal(gwr_part_role("2024年工作安排"), GWR_ROLE_PLAN);
    assert_int_equal(gwr_part_role("切实加强政府自身建设"), GWR_ROLE_SELF);
    assert_int_equal(gwr_part_role("其他"), GWR_ROLE_OTHER);
}

static void test_classify(void **s)
{
    (void)s;
    gwr_para p;
    const char *t = "（一）聚力抓项目扩投资，发展基础持续夯实。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_SECTION);
    assert_false(p.runin);
    t = "（一）全力以赴稳增长，经济运行呈现新气象。深入开展重大项目攻坚行动。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_SECTION);
    assert_true(p.runin);
    assert_int_equal(p.tlen, strlen("全力以赴稳增长，经济运行呈现新气象"));
    t = "扩大有效益的投资。紧盯国家重大战略。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_TOPIC);
    assert_int_equal(p.tlen, strlen("扩大有效益的投资"));
    t = "一是突出负重求实，着力稳住经济大盘。夯实基础。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_ITEM);
    assert_int_equal(p.num, 1);
    t = "第三，加强管理。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_ITEM);
    assert_int_equal(p.num, 3);
    t = "2.推进改革。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_ITEM);
    t = "1.5万人参加。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_not_equal(p.cls, GWR_P_ITEM);
    t = "主要预期目标是：地区生产总值增长7%。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_equal(p.cls, GWR_P_TARGETS);
    t = "2023年是极不平凡的一年。面对挑战。";
    gwr_para_classify(t, strlen(t), 0, &p);
    assert_int_not_equal(p.cls, GWR_P_TOPIC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jingmen),
        cmocka_unit_test(test_tianmen),
        cmocka_unit_test(test_xianning),
        cmocka_unit_test(test_enshi),
        cmocka_unit_test(test_jingzhou),
        cmocka_unit_test(test_jingzhou_leading_headings),
        cmocka_unit_test(test_hailar),
        cmocka_unit_test(test_wrapped_report),
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_meeting_in_december),
        cmocka_unit_test(test_targets_heading_and_list),
        cmocka_unit_test(test_entity_from_title),
        cmocka_unit_test(test_note_markers_are_not_headings),
        cmocka_unit_test(test_numbers_follow_on),
        cmocka_unit_test(test_role_from_year),
        cmocka_unit_test(test_sections_without_parts),
        cmocka_unit_test(test_cn_numbers),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_classify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
