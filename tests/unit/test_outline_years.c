/* test_outline_years.c — report and reviewed years, and the roles that
 * follow from them, on a county report whose review part carries no review
 * word ("2022年主要工作"): the meeting date decides. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"

static const char county[] =
    "巴东县人民政府工作报告\n"
    "—2023年2月10日在巴东县第十八届人民代表大会第二次会议上\n"
    "县长 李四\n"
    "各位代表：\n"
    "一、2022年主要工作\n"
    "2022年，全县完成地区生产总值186.5亿元，同比增长4.8%；固定资产投资增长12.3%。\n"
    "一是产业发展提速。新增规上工业企业21家。\n"
    "二、2023年工作打算\n"
    "今年全县经济社会发展的主要目标是：地区生产总值增长7%以上，固定资产投资增长10%。\n"
    "（一）聚力产业发展。新增规上工业企业20家以上。\n"
    "三、加强政府自身建设\n";

static const gwr_figure *find_fig(const gwr_doc *d, const char *written)
{
    for (size_t i = 0; i < d->nfigs; i++)
        if (d->figs[i].written && strcmp(d->figs[i].written, written) == 0) return &d->figs[i];
    return NULL;
}

static void test_meeting_date_decides(void **state)
{
    (void)state;
    gwr_doc d;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(&d, "county.txt", county, sizeof county - 1, &e), GWR_OK);
    assert_string_equal(d.entity, "巴东县");
    assert_int_equal(d.report_year, 2023);
    assert_int_equal(d.reviewed_year, 2022);
    int parts = 0;
    for (size_t i = 1; i < d.nnodes; i++) {
        const gwr_node *n = &d.nodes[i];
        if (n->kind != GWR_NODE_PART) continue;
        static const gwr_role want[] = { GWR_ROLE_REVIEW, GWR_ROLE_PLAN, GWR_ROLE_SELF };
        assert_true(parts < 3);
        assert_int_equal(n->role, want[parts]);
        parts++;
    }
    assert_int_equal(parts, 3);
    const gwr_figure *g = find_fig(&d, "4.8%");
    assert_non_null(g);
    assert_int_equal(g->status, GWR_ST_ACHIEVED);
    assert_int_equal(g->year, 2022);
    g = find_fig(&d, "7%以上");
    assert_non_null(g);
    assert_int_equal(g->status, GWR_ST_PLANNED);
    assert_int_equal(g->year, 2023);
    gwr_doc_free(&d);
}

/* "今年是“十四五”开局之年" gives the year; the walk back to the opening quote
 * stays inside the sentence when there is none and ASCII is mixed in. */
static void test_plan_period_year(void **state)
{
    (void)state;
    static const char good[] = "今年是“十四五”开局之年。\n各位代表：\n";
    static const char noquote[] = "今年是AB十四五”开局之年。\n各位代表：\n";
    gwr_doc d;
    gwr_err e = { 0 };
    assert_int_equal(gwr_doc_load_mem(&d, "report.txt", good, sizeof good - 1, &e), GWR_OK);
    assert_int_equal(d.report_year, 2021);
    gwr_doc_free(&d);
    assert_int_equal(gwr_doc_load_mem(&d, "report.txt", noquote, sizeof noquote - 1, &e), GWR_OK);
    assert_int_not_equal(d.report_year, 2021);
    gwr_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meeting_date_decides),
        cmocka_unit_test(test_plan_period_year),
    };
    return cmocka_run_group_tests_name("outline_years", tests, NULL, NULL);
}
