/* test_series.c — timelines (rows per entity, indicator, kind and unit;
 * cells by year with the report of each side) and rankings (order, shared
 * places, ranges by their middle, the unranked, the chosen year and kind). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "series.h"

enum { MAXF = 16 };

typedef struct fx {
    gwr_doc doc;
    gwr_figure figs[MAXF];
} fx;

static void doc_init(fx *x, const char *path, const char *entity, int year)
{
    memset(x, 0, sizeof *x);
    x->doc.path = path;
    x->doc.entity = entity;
    x->doc.report_year = year;
    x->doc.reviewed_year = year - 1;
    x->doc.figs = x->figs;
}

static gwr_figure *add(fx *x, const char *key, gwr_fig_kind kind, gwr_fig_status st, int year, int64_t m, int32_t e,
                       gwr_qual q, int64_t hi, const char *unit)
{
    gwr_figure *f = &x->figs[x->doc.nfigs++];
    memset(f, 0, sizeof *f);
    f->name = key;
    f->key = key;
    f->kind = kind;
    f->status = st;
    f->year = year;
    f->period = GWR_PER_YEAR;
    gwr_fig_set_value(f, (gwr_dec){ m, e });
    gwr_fig_set_hi(f, (gwr_dec){ hi, e });
    gwr_fig_set_qual(f, q);
    f->line = (uint32_t)x->doc.nfigs;
    f->written = "w";
    gwr_fig_set_unit(f, unit);
    return f;
}

/* three reports of one city: 2022 plans 2022, 2023 reviews 2022 and plans 2023, 2024 reviews 2023 */
static void city(fx d[3])
{
    doc_init(&d[0], "a-2022.txt", "甲市", 2022);
    add(&d[0], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2022, 6, 0, GWR_Q_ABOUT, 0, "%");
    add(&d[0], "gdp", GWR_FK_LEVEL, GWR_ST_PLANNED, 2022, 300, 8, GWR_Q_EXACT, 0, "元");
    doc_init(&d[1], "a-2023.txt", "甲市", 2023);
    add(&d[1], "gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2022, 48, -1, GWR_Q_EXACT, 0, "%");
    add(&d[1], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2023, 6, 0, GWR_Q_EXACT, 0, "%");
    add(&d[1], "cpi", GWR_FK_LEVEL, GWR_ST_PLANNED, 2023, 3, 0, GWR_Q_ATMOST, 0, "%");
    doc_init(&d[2], "a-2024.txt", "甲市", 2024);
    add(&d[2], "gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 65, -1, GWR_Q_EXACT, 0, "%");
    add(&d[2], "cpi", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 2, 0, GWR_Q_EXACT, 0, "%");
}

static void test_timeline(void **state)
{
    (void)state;
    fx d[3];
    city(d);
    gwr_doc *docs[3] = { &d[0].doc, &d[1].doc, &d[2].doc };
    gwr_cmp c;
    gwr_timeline t;
    gwr_err err;
    assert_int_equal(gwr_compare_build(&c, docs, 3, &err), GWR_OK);
    assert_int_equal(gwr_timeline_build(&t, &c, docs, 3, NULL, &err), GWR_OK);
    assert_int_equal(t.nents, 1);
    assert_string_equal(t.ents[0].entity, "甲市");
    assert_int_equal(t.ents[0].year_lo, 2022);
    assert_int_equal(t.ents[0].year_hi, 2023);
    /* gdp growth first, then gdp level, then cpi: headline order, growth before level */
    assert_int_equal(t.ents[0].n, 3);
    const gwr_series_row *g = &t.rows[0];
    assert_string_equal(g->key, "gdp");
    assert_int_equal(g->kind, GWR_FK_GROWTH);
    assert_string_equal(g->unit, "%");
    assert_int_equal(t.rows[1].kind, GWR_FK_LEVEL);
    assert_string_equal(t.rows[1].unit, "元");
    assert_string_equal(t.rows[2].key, "cpi");
    /* 2022: target 6%左右 of report 2022 against 4.8% of report 2023 — missed */
    const gwr_series_cell *x = gwr_series_cell_at(&t, g, 2022);
    assert_non_null(x);
    assert_ptr_equal(x->planned, &d[0].figs[0]);
    assert_ptr_equal(x->pdoc, &d[0].doc);
    assert_ptr_equal(x->achieved, &d[1].figs[0]);
    assert_ptr_equal(x->adoc, &d[1].doc);
    assert_int_equal(x->verdict, GWR_V_MISSED);
    /* 2023: 6% (report 2023) against 6.5% (report 2024) — met */
    x = gwr_series_cell_at(&t, g, 2023);
    assert_non_null(x);
    assert_ptr_equal(x->pdoc, &d[1].doc);
    assert_ptr_equal(x->adoc, &d[2].doc);
    assert_int_equal(x->verdict, GWR_V_MET);
    assert_null(gwr_series_cell_at(&t, g, 2021));
    assert_null(gwr_series_cell_at(&t, &t.rows[1], 2023));
    /* the tally: 2023 has gdp met and cpi (3%以内 against 2%) met; 2022 one missed */
    int met, judged;
    gwr_series_tally(&t, &t.ents[0], 2023, &met, &judged);
    assert_int_equal(met, 2);
    assert_int_equal(judged, 2);
    gwr_series_tally(&t, &t.ents[0], 2022, &met, &judged);
    assert_int_equal(met, 0);
    assert_int_equal(judged, 1);
    gwr_timeline_free(&t);
    /* --key keeps one indicator */
    assert_int_equal(gwr_timeline_build(&t, &c, docs, 3, "cpi", &err), GWR_OK);
    assert_int_equal(t.nrows, 1);
    assert_string_equal(t.rows[0].key, "cpi");
    gwr_timeline_free(&t);
    gwr_compare_free(&c);
}

/* five cities, one report each, all of 2024 */
static void test_rank(void **state)
{
    (void)state;
    fx d[5];
    const char *names[5] = { "甲市", "乙市", "丙市", "丁市", "戊市" };
    const char *paths[5] = { "a.txt", "b.txt", "c.txt", "d.txt", "e.txt" };
    for (int i = 0; i < 5; i++) doc_init(&d[i], paths[i], names[i], 2024);
    add(&d[0], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 6, 0, GWR_Q_ABOUT, 0, "%");
    add(&d[1], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 55, -1, GWR_Q_RANGE, 65, "%");   /* 5.5–6.5: middle 6 */
    add(&d[2], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 7, 0, GWR_Q_EXACT, 0, "%");
    add(&d[3], "gdp", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 52, -1, GWR_Q_EXACT, 0, "%");   /* no target: unranked */
    add(&d[3], "gdp", GWR_FK_LEVEL, GWR_ST_PLANNED, 2024, 1, 11, GWR_Q_EXACT, 0, "元");
    add(&d[4], "gdp", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 45, -1, GWR_Q_EXACT, 0, "%");
    gwr_doc *docs[5] = { &d[0].doc, &d[1].doc, &d[2].doc, &d[3].doc, &d[4].doc };
    gwr_cmp c;
    gwr_timeline t;
    gwr_rank r;
    gwr_err err;
    assert_int_equal(gwr_compare_build(&c, docs, 5, &err), GWR_OK);
    assert_int_equal(gwr_timeline_build(&t, &c, docs, 5, NULL, &err), GWR_OK);
    /* the kind and year most cities give: growth targets of 2024 */
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", -1, NULL, 0, GWR_ST_PLANNED, false, &err), GWR_OK);
    assert_int_equal(r.kind, GWR_FK_GROWTH);
    assert_int_equal(r.year, 2024);
    assert_int_equal(r.nrows, 4);
    assert_string_equal(r.rows[0].entity, "丙市");
    assert_int_equal(r.rows[0].place, 1);
    /* 6%左右 and 5.5–6.5% (middle 6) share the second place */
    assert_int_equal(r.rows[1].place, 2);
    assert_int_equal(r.rows[2].place, 2);
    assert_string_equal(r.rows[3].entity, "戊市");
    assert_int_equal(r.rows[3].place, 4);
    assert_ptr_equal(r.rows[3].doc, &d[4].doc);
    assert_int_equal(r.nyears, 2);    /* 2023 (a result) and 2024 */
    gwr_rank_free(&r);
    /* lowest first */
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", -1, NULL, 2024, GWR_ST_PLANNED, true, &err), GWR_OK);
    assert_string_equal(r.rows[0].entity, "戊市");
    assert_int_equal(r.rows[0].place, 1);
    gwr_rank_free(&r);
    /* results of 2024: none; of 2023: 丁市 alone */
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", (int)GWR_FK_GROWTH, "%", 0, GWR_ST_ACHIEVED, false, &err), GWR_OK);
    assert_int_equal(r.year, 2023);
    assert_int_equal(r.nrows, 1);
    assert_string_equal(r.rows[0].entity, "丁市");
    gwr_rank_free(&r);
    /* a year where nobody gives a growth target: every row is there, none ranked */
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", (int)GWR_FK_GROWTH, "%", 2023, GWR_ST_PLANNED, false, &err), GWR_OK);
    assert_int_equal(r.nrows, 1);
    assert_int_equal(r.rows[0].place, 0);
    assert_null(r.rows[0].fig);
    gwr_rank_free(&r);
    /* the level row when asked for it */
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", (int)GWR_FK_LEVEL, NULL, 0, GWR_ST_PLANNED, false, &err), GWR_OK);
    assert_int_equal(r.nrows, 1);
    assert_string_equal(r.unit, "元");
    gwr_rank_free(&r);
    /* unknown key, unknown year */
    assert_int_equal(gwr_rank_build(&r, &t, "trade", -1, NULL, 0, GWR_ST_PLANNED, false, &err), GWR_E_USAGE);
    assert_non_null(strstr(err.msg, "trade"));
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", -1, NULL, 1999, GWR_ST_PLANNED, false, &err), GWR_E_USAGE);
    assert_non_null(strstr(err.msg, "1999"));
    gwr_timeline_free(&t);
    gwr_compare_free(&c);
}

static void test_empty(void **state)
{
    (void)state;
    gwr_cmp c = { 0 };
    gwr_timeline t;
    gwr_rank r;
    gwr_err err;
    assert_int_equal(gwr_timeline_build(&t, &c, NULL, 0, NULL, &err), GWR_OK);
    assert_int_equal(t.nents, 0);
    assert_int_equal(gwr_rank_build(&r, &t, "gdp", -1, NULL, 0, GWR_ST_PLANNED, false, &err), GWR_E_USAGE);
    gwr_timeline_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeline),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
