/* test_compare.c — verdicts (qualifier, direction, 左右 tolerance, units) and
 * the pairing of planned(year N, report N) with achieved(year N, report N+1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "compare.h"

static gwr_figure mk(const char *key, gwr_fig_kind kind, gwr_fig_status st, int year,
                     int64_t m, int32_t e, const char *unit, gwr_qual qual)
{
    gwr_figure f;
    memset(&f, 0, sizeof f);
    f.name = key ? key : "x";
    f.key = key;
    f.kind = kind;
    f.status = st;
    f.year = year;
    f.period = GWR_PER_YEAR;
    gwr_fig_set_value(&f, (gwr_dec){ m, e });
    gwr_fig_set_qual(&f, qual);
    gwr_fig_set_unit(&f, unit);
    f.written = "w";
    return f;
}

static gwr_verdict v(const char *key, gwr_fig_kind kind, int64_t pm, int32_t pe, gwr_qual pq,
                     int64_t am, int32_t ae, gwr_qual aq, const char *unit)
{
    gwr_figure p = mk(key, kind, GWR_ST_PLANNED, 2023, pm, pe, unit, pq);
    gwr_figure a = mk(key, kind, GWR_ST_ACHIEVED, 2023, am, ae, unit, aq);
    return gwr_verdict_of(&p, &a, key);
}

static void test_growth_targets(void **state)
{
    (void)state;
    /* exact target of a "more is better" indicator is a floor */
    assert_int_equal(v("gdp", GWR_FK_GROWTH, 7, 0, GWR_Q_EXACT, 67, -1, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    assert_int_equal(v("gdp", GWR_FK_GROWTH, 7, 0, GWR_Q_EXACT, 7, 0, GWR_Q_EXACT, "%"), GWR_V_MET);
    /* 左右: within 0.5 percentage point counts */
    assert_int_equal(v("gdp", GWR_FK_GROWTH, 75, -1, GWR_Q_ABOUT, 71, -1, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("gdp", GWR_FK_GROWTH, 75, -1, GWR_Q_ABOUT, 7, 0, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("gdp", GWR_FK_GROWTH, 75, -1, GWR_Q_ABOUT, 69, -1, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    /* 以上 inclusive, 超过 strict */
    assert_int_equal(v("trade", GWR_FK_GROWTH, 9, 0, GWR_Q_ATLEAST, 9, 0, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("trade", GWR_FK_GROWTH, 9, 0, GWR_Q_OVER, 9, 0, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    /* an achieved lower bound above the target is enough */
    assert_int_equal(v("trade", GWR_FK_GROWTH, 9, 0, GWR_Q_ATLEAST, 18, 0, GWR_Q_OVER, "%"), GWR_V_MET);
    /* an achieved ceiling that straddles the target says nothing */
    assert_int_equal(v("trade", GWR_FK_GROWTH, 9, 0, GWR_Q_ATLEAST, 18, 0, GWR_Q_ATMOST, "%"), GWR_V_UNKNOWN);
}

static void test_ceilings(void **state)
{
    (void)state;
    /* 失业率控制在5%以内 is met from below */
    assert_int_equal(v("unemployment_surveyed", GWR_FK_LEVEL, 5, 0, GWR_Q_ATMOST, 48, -1, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("unemployment_surveyed", GWR_FK_LEVEL, 5, 0, GWR_Q_ATMOST, 5, 0, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("unemployment_surveyed", GWR_FK_LEVEL, 5, 0, GWR_Q_ATMOST, 51, -1, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    assert_int_equal(v("unemployment_surveyed", GWR_FK_LEVEL, 5, 0, GWR_Q_UNDER, 5, 0, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    /* a "less is better" indicator with 左右: up to 0.5 point above */
    assert_int_equal(v("cpi", GWR_FK_GROWTH, 3, 0, GWR_Q_ABOUT, 35, -1, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("cpi", GWR_FK_GROWTH, 3, 0, GWR_Q_ABOUT, 36, -1, GWR_Q_EXACT, "%"), GWR_V_MISSED);
    assert_int_equal(v("cpi", GWR_FK_GROWTH, 3, 0, GWR_Q_ABOUT, 2, -1, GWR_Q_EXACT, "%"), GWR_V_MET);
    /* both ceilings: achieved 控制在3%以内 against planned 3%以内 */
    assert_int_equal(v("unemployment_registered", GWR_FK_LEVEL, 3, 0, GWR_Q_ATMOST, 3, 0, GWR_Q_ATMOST, "%"), GWR_V_MET);
    /* a bigger fall of a "less is better" indicator is better */
    assert_int_equal(v("energy_intensity", GWR_FK_DECLINE, 3, 0, GWR_Q_EXACT, 4, 0, GWR_Q_EXACT, "%"), GWR_V_MET);
    assert_int_equal(v("energy_intensity", GWR_FK_DECLINE, 3, 0, GWR_Q_EXACT, 2, 0, GWR_Q_EXACT, "%"), GWR_V_MISSED);
}

static void test_amounts_and_units(void **state)
{
    (void)state;
    /* 左右 on an amount: 5% of the target */
    assert_int_equal(v("gdp", GWR_FK_LEVEL, 500, 8, GWR_Q_ABOUT, 476, 8, GWR_Q_EXACT, "元"), GWR_V_MET);
    assert_int_equal(v("gdp", GWR_FK_LEVEL, 500, 8, GWR_Q_ABOUT, 474, 8, GWR_Q_EXACT, "元"), GWR_V_MISSED);
    /* weights meet in 斤; other units that differ give no verdict */
    gwr_figure p = mk("grain_output", GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 58, 8, "斤", GWR_Q_ATLEAST);
    gwr_figure a = mk("grain_output", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 8148, 2, "吨", GWR_Q_EXACT);
    assert_int_equal(gwr_verdict_of(&p, &a, "grain_output"), GWR_V_MISSED);   /* 81.48万吨 = 16.296亿斤 < 58亿斤 */
    a = mk("grain_output", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 2936, 6, "吨", GWR_Q_EXACT);
    assert_int_equal(gwr_verdict_of(&p, &a, "grain_output"), GWR_V_MET);      /* 293.6万吨 = 58.72亿斤 */
    a = mk("grain_output", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 2936, 6, "亩", GWR_Q_EXACT);
    assert_int_equal(gwr_verdict_of(&p, &a, "grain_output"), GWR_V_UNKNOWN);
    assert_int_equal(gwr_verdict_of(&p, NULL, "grain_output"), GWR_V_NONE);
    /* a range target: met from its low end */
    p = mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2023, 6, 0, "%", GWR_Q_RANGE);
    gwr_fig_set_hi(&p, (gwr_dec){ 65, -1 });
    a = mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 61, -1, "%", GWR_Q_EXACT);
    assert_int_equal(gwr_verdict_of(&p, &a, "gdp"), GWR_V_MET);
    assert_string_equal(gwr_verdict_name(GWR_V_MISSED), "missed");
    assert_string_equal(gwr_verdict_name(GWR_V_NONE), "");
}

static void doc_with(gwr_doc *d, const char *path, int year, gwr_figure *figs, size_t n)
{
    memset(d, 0, sizeof *d);
    d->path = path;
    d->entity = "某区";
    d->report_year = year;
    d->reviewed_year = year - 1;
    d->figs = figs;
    d->nfigs = n;
}

static void test_pairing_across_reports(void **state)
{
    (void)state;
    gwr_figure f23[] = {
        mk("urban_jobs", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2022, 5000, 0, "人", GWR_Q_EXACT),
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2022, 6, 0, "%", GWR_Q_EXACT),
        mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2023, 7, 0, "%", GWR_Q_ABOUT),
        mk("urban_jobs", GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 5400, 0, "人", GWR_Q_ATLEAST),
        mk(NULL, GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 100, 0, "家", GWR_Q_EXACT),
    };
    gwr_figure f24[] = {
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 66, -1, "%", GWR_Q_EXACT),
        mk("urban_jobs", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 5300, 0, "人", GWR_Q_EXACT),
        mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 6, 0, "%", GWR_Q_EXACT),
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 1, 0, "%", GWR_Q_EXACT),
    };
    f24[3].period = GWR_PER_QUARTER;   /* quarters take no part */
    f24[3].headline = true;
    gwr_doc a, b;
    doc_with(&a, "r2023.txt", 2023, f23, 5);
    doc_with(&b, "r2024.txt", 2024, f24, 4);
    gwr_doc *docs[] = { &b, &a };   /* order of the arguments does not matter */
    gwr_cmp c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_compare_build(&c, docs, 2, &err), GWR_OK);
    /* gdp 2022, gdp 2023, gdp 2024, urban_jobs 2022, urban_jobs 2023 */
    assert_int_equal(c.nrows, 5);
    assert_string_equal(c.rows[0].key, "gdp");
    assert_int_equal(c.rows[0].year, 2022);
    assert_null(c.rows[0].planned);
    assert_int_equal(c.rows[0].verdict, GWR_V_NONE);
    assert_int_equal(c.rows[1].year, 2023);
    assert_ptr_equal(c.rows[1].planned, &f23[2]);
    assert_ptr_equal(c.rows[1].achieved, &f24[0]);
    assert_int_equal(c.rows[1].verdict, GWR_V_MET);         /* 6.6 against 7%左右 */
    assert_ptr_equal(c.rows[1].doc, &b);                    /* the later report */
    assert_int_equal(c.rows[2].year, 2024);
    assert_null(c.rows[2].achieved);
    assert_string_equal(c.rows[4].key, "urban_jobs");
    assert_int_equal(c.rows[4].verdict, GWR_V_MISSED);      /* 5300 against 5400以上 */
    assert_string_equal(c.rows[4].label, "城镇新增就业");
    gwr_compare_free(&c);
    assert_int_equal(c.nrows, 0);
}

static void test_one_report(void **state)
{
    (void)state;
    gwr_figure f[] = {
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 67, -1, "%", GWR_Q_EXACT),
        mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 7, 0, "%", GWR_Q_EXACT),
        mk("gdp", GWR_FK_RANK, GWR_ST_ACHIEVED, 2023, 4, 0, "位", GWR_Q_EXACT),
    };
    f[0].headline = true;
    gwr_doc d;
    doc_with(&d, "r.txt", 2024, f, 3);
    gwr_doc *docs[] = { &d };
    gwr_cmp c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_compare_build(&c, docs, 1, &err), GWR_OK);
    assert_int_equal(c.nrows, 2);                           /* ranks take no part */
    assert_int_equal(c.rows[0].year, 2023);
    assert_ptr_equal(c.rows[0].achieved, &f[0]);
    assert_int_equal(c.rows[1].year, 2024);
    assert_ptr_equal(c.rows[1].planned, &f[1]);
    gwr_compare_free(&c);
    assert_int_equal(gwr_compare_build(&c, docs, 0, &err), GWR_OK);
    assert_int_equal(c.nrows, 0);
    gwr_compare_free(&c);
}

static void test_unkeyed_pairs(void **state)
{
    (void)state;
    gwr_figure f23[] = {
        mk(NULL, GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 446, 4, "人次", GWR_Q_EXACT),
        mk(NULL, GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 5, 0, "家", GWR_Q_EXACT),
    };
    gwr_figure f24[] = {
        mk(NULL, GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 438, 4, "人次", GWR_Q_EXACT),
        mk(NULL, GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 9, 0, "家", GWR_Q_EXACT),
        mk(NULL, GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 7, 0, "个", GWR_Q_EXACT),
    };
    f23[0].name = f24[0].name = "旅游接待人数";
    f23[1].name = f24[1].name = "新增企业";      /* too short a name to pair */
    f24[2].name = "只有结果的指标";               /* one side only: no row */
    gwr_doc a, b;
    doc_with(&a, "r2023.txt", 2023, f23, 2);
    doc_with(&b, "r2024.txt", 2024, f24, 3);
    gwr_doc *docs[] = { &a, &b };
    gwr_cmp c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_compare_build(&c, docs, 2, &err), GWR_OK);
    assert_int_equal(c.nrows, 1);
    assert_null(c.rows[0].key);
    assert_string_equal(c.rows[0].label, "旅游接待人数");
    assert_int_equal(c.rows[0].verdict, GWR_V_MISSED);
    gwr_compare_free(&c);
}

static void test_exact_result_preferred(void **state)
{
    (void)state;
    gwr_figure f[] = {
        mk("gdp", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 1000, 8, "元", GWR_Q_OVER),
        mk("gdp", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 10289, 7, "元", GWR_Q_EXACT),
    };
    gwr_doc d;
    doc_with(&d, "r.txt", 2024, f, 2);
    gwr_doc *docs[] = { &d };
    gwr_cmp c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_compare_build(&c, docs, 1, &err), GWR_OK);
    assert_int_equal(c.nrows, 1);
    assert_ptr_equal(c.rows[0].achieved, &f[1]);
    gwr_compare_free(&c);
}

/* The year's target meets the year's result; a five-year target comes in a
 * row of its own, and a quarter or a multi-year result never stands in. */
static void test_periods_kept_apart(void **state)
{
    (void)state;
    gwr_figure f[] = {
        mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2026, 5, 0, "%", GWR_Q_ABOUT),     /* 年均增长5%左右 */
        mk("gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2022, 55, -1, "%", GWR_Q_ABOUT),   /* 今年增长5.5%左右 */
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2021, 47, -1, "%", GWR_Q_EXACT),  /* 一季度累计 */
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2021, 1323, -1, "%", GWR_Q_EXACT),/* 40年来 */
        mk("gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2021, 81, -1, "%", GWR_Q_EXACT),
        mk("gdp", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2021, 8, 0, "%", GWR_Q_EXACT),     /* 五年累计 */
    };
    f[0].period = GWR_PER_MULTIYEAR;
    f[2].period = GWR_PER_QUARTER;
    f[3].period = GWR_PER_MULTIYEAR;
    f[5].period = GWR_PER_MULTIYEAR;
    gwr_doc d;
    doc_with(&d, "r.txt", 2022, f, 6);
    gwr_doc *docs[] = { &d };
    gwr_cmp c;
    gwr_err err = { 0 };
    assert_int_equal(gwr_compare_build(&c, docs, 1, &err), GWR_OK);
    assert_int_equal(c.nrows, 3);
    assert_int_equal(c.rows[0].year, 2021);
    assert_ptr_equal(c.rows[0].achieved, &f[4]);
    assert_int_equal(c.rows[0].period, GWR_PER_YEAR);
    assert_int_equal(c.rows[1].year, 2022);
    assert_ptr_equal(c.rows[1].planned, &f[1]);
    assert_int_equal(c.rows[1].period, GWR_PER_YEAR);
    assert_int_equal(c.rows[2].year, 2026);
    assert_ptr_equal(c.rows[2].planned, &f[0]);
    assert_int_equal(c.rows[2].period, GWR_PER_MULTIYEAR);
    assert_null(c.rows[2].achieved);
    assert_int_equal(c.rows[2].verdict, GWR_V_NONE);
    gwr_compare_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growth_targets),
        cmocka_unit_test(test_ceilings),
        cmocka_unit_test(test_amounts_and_units),
        cmocka_unit_test(test_pairing_across_reports),
        cmocka_unit_test(test_one_report),
        cmocka_unit_test(test_exact_result_preferred),
        cmocka_unit_test(test_unkeyed_pairs),
        cmocka_unit_test(test_periods_kept_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
