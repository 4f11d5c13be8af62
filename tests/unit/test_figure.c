/* test_figure.c — the packed figure: every part of a quantity comes back as
 * it was set, units are interned (one id per distinct unit, from any thread),
 * and the other fields keep their values beside the packed ones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>
#include "doc.h"

static void assert_dec(gwr_dec got, int64_t m, int32_t e)
{
    assert_int_equal(got.m, m);
    assert_int_equal(got.e, e);
}

static void test_quantity_round_trip(void **state)
{
    (void)state;
    gwr_quantity q;
    memset(&q, 0, sizeof q);
    q.value = (gwr_dec){ -999999999999999999LL, -18 };
    q.hi = (gwr_dec){ 999999999999999999LL, 18 };
    strcpy(q.unit, "微克/立方米");
    q.qual = GWR_Q_RANGE;
    q.flags = GWR_QF_VAGUE | GWR_QF_ROUNDED | GWR_QF_FRACTION | GWR_QF_CHINESE;
    q.off = 7;
    q.len = 9;
    gwr_figure f;
    memset(&f, 0, sizeof f);
    f.kind = GWR_FK_MULTIPLE;
    f.status = GWR_ST_PLANNED;
    f.period = GWR_PER_MULTIYEAR;
    f.headline = true;
    f.year = 2024;
    f.line = 4000000000u;
    f.node = -1;
    gwr_fig_set_quantity(&f, &q);
    assert_dec(gwr_fig_value(&f), -999999999999999999LL, -18);
    assert_dec(gwr_fig_hi(&f), 999999999999999999LL, 18);
    assert_string_equal(gwr_fig_unit(&f), "微克/立方米");
    assert_int_equal(gwr_fig_qual(&f), GWR_Q_RANGE);
    assert_int_equal(gwr_fig_flags(&f), GWR_QF_VAGUE | GWR_QF_ROUNDED | GWR_QF_FRACTION | GWR_QF_CHINESE);
    /* the neighbours of the bit fields are untouched */
    assert_int_equal(f.kind, GWR_FK_MULTIPLE);
    assert_int_equal(f.status, GWR_ST_PLANNED);
    assert_int_equal(f.period, GWR_PER_MULTIYEAR);
    assert_true(f.headline);
    assert_int_equal(f.year, 2024);
    assert_int_equal(f.line, 4000000000u);
    assert_int_equal(f.node, -1);
    gwr_quantity back = gwr_fig_quantity(&f);
    assert_dec(back.value, q.value.m, q.value.e);
    assert_dec(back.hi, q.hi.m, q.hi.e);
    assert_string_equal(back.unit, q.unit);
    assert_int_equal(back.qual, q.qual);
    assert_int_equal(back.flags, q.flags);
    assert_int_equal(back.off, 0);   /* a figure keeps no span */
    assert_int_equal(back.len, 0);

    /* every qualifier and every flag on its own */
    for (int k = 0; k < GWR_Q__COUNT; k++) {
        gwr_fig_set_qual(&f, (gwr_qual)k);
        assert_int_equal(gwr_fig_qual(&f), k);
    }
    for (unsigned b = 0; b < 7; b++) {
        gwr_fig_set_flags(&f, 1u << b);
        assert_int_equal(gwr_fig_flags(&f), 1u << b);
    }
    assert_int_equal(f.kind, GWR_FK_MULTIPLE);
    assert_string_equal(gwr_fig_unit(&f), "微克/立方米");
}

static void test_units_interned(void **state)
{
    (void)state;
    assert_int_equal(gwr_unit_id(""), 0);
    assert_string_equal(gwr_unit_name(0), "");
    uint16_t pct = gwr_unit_id("%"), yuan = gwr_unit_id("元"), rate = gwr_unit_id("元/月");
    assert_true(pct != 0 && yuan != 0 && rate != 0);
    assert_true(pct != yuan && yuan != rate && pct != rate);
    assert_int_equal(gwr_unit_id("%"), pct);
    char buf[8] = "元/月";
    assert_int_equal(gwr_unit_id(buf), rate);          /* by content, not by pointer */
    assert_string_equal(gwr_unit_name(rate), "元/月");
    /* a unit longer than a quantity can hold is cut as gwr_quantity would */
    char big[64];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    uint16_t b = gwr_unit_id(big);
    assert_int_equal(strlen(gwr_unit_name(b)), GWR_UNIT_MAX - 1);
    big[GWR_UNIT_MAX - 1] = '\0';
    assert_int_equal(gwr_unit_id(big), b);
    /* the last unit asked for is remembered: one that it begins with, or
     * that begins with it, is still another unit */
    uint16_t yi = gwr_unit_id("亿元");
    uint16_t y = gwr_unit_id("亿");
    assert_true(yi != y);
    assert_int_equal(gwr_unit_id("亿元"), yi);
    assert_int_equal(gwr_unit_id("亿元/吨") != yi, 1);
    assert_int_equal(gwr_unit_id("亿"), y);
    assert_string_equal(gwr_unit_name(y), "亿");
}

enum { THREADS = 4, PER = 300 };
static uint16_t seen[THREADS][PER];

static void *intern_many(void *arg)
{
    int t = (int)(intptr_t)arg;
    for (int i = 0; i < PER; i++) {
        char u[16];
        snprintf(u, sizeof u, "u%d", (i * 7 + t * 13) % PER);   /* each thread in its own order */
        seen[t][(i * 7 + t * 13) % PER] = gwr_unit_id(u);
    }
    return NULL;
}

/* A figure set from a quantity takes the unit id the scanner interned only
 * when it names the quantity's unit; any other id (stale, or none) is not
 * trusted and the unit is looked up. */
static void test_unit_id_from_quantity(void **state)
{
    (void)state;
    gwr_quantity q;
    size_t pos = 0;
    const char *text = "增长6.5%，投资800亿元";
    assert_true(gwr_quantity_next(text, strlen(text), &pos, &q));
    assert_string_equal(q.unit, "%");
    assert_int_equal(q.unit_id, gwr_unit_id("%"));
    gwr_figure f;
    memset(&f, 0, sizeof f);
    gwr_fig_set_quantity(&f, &q);
    assert_string_equal(gwr_fig_unit(&f), "%");
    assert_true(gwr_quantity_next(text, strlen(text), &pos, &q));
    assert_string_equal(q.unit, "元");
    gwr_fig_set_quantity(&f, &q);
    assert_string_equal(gwr_fig_unit(&f), "元");
    q.unit_id = gwr_unit_id("%");                 /* stale: the unit was changed after the scan */
    gwr_fig_set_quantity(&f, &q);
    assert_string_equal(gwr_fig_unit(&f), "元");
    memset(&q, 0, sizeof q);                      /* made by hand: no id */
    strcpy(q.unit, "万吨");
    gwr_fig_set_quantity(&f, &q);
    assert_string_equal(gwr_fig_unit(&f), "万吨");
    gwr_quantity back = gwr_fig_quantity(&f);
    assert_int_equal(back.unit_id, gwr_unit_id("万吨"));
}

static void test_units_from_threads(void **state)
{
    (void)state;
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++) assert_int_equal(pthread_create(&th[t], NULL, intern_many, (void *)(intptr_t)t), 0);
    for (int t = 0; t < THREADS; t++) pthread_join(th[t], NULL);
    for (int i = 0; i < PER; i++) {
        char u[16];
        snprintf(u, sizeof u, "u%d", i);
        for (int t = 1; t < THREADS; t++) assert_int_equal(seen[t][i], seen[0][i]);   /* one id per unit */
        assert_string_equal(gwr_unit_name(seen[0][i]), u);
        for (int j = 0; j < i; j++) assert_int_not_equal(seen[0][j], seen[0][i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quantity_round_trip),
        cmocka_unit_test(test_units_interned),
        cmocka_unit_test(test_unit_id_from_quantity),
        cmocka_unit_test(test_units_from_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
