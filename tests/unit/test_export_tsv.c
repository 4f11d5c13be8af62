/* test_export_tsv.c — the TSV rows of `gwr targets` (written straight into a
 * row buffer, with lengths, checks and copies remembered) are the bytes of
 * the plain field writers: every field through gwr_tsv_field, numbers as
 * gwr_fmt_dec and printf. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <pthread.h>
#include "export.h"

static const char HEAD[] =
    "file\tentity\tstatus\tyear\tkey\tname\tkind\tvalue\tvalue_hi\tunit\tqual\ttext\tline\tsection\tperiod\n";

/* The definition: one row by the unbuffered writers. */
static void ref_row(FILE *f, const gwr_doc *d, const gwr_figure *g)
{
    bool known = !(gwr_fig_flags(g) & GWR_QF_OVERFLOW);
    bool hi = gwr_fig_qual(g) == GWR_Q_RANGE || (gwr_fig_flags(g) & GWR_QF_RATIO);
    gwr_tsv_field(f, d->path); fputc('\t', f);
    gwr_tsv_field(f, d->entity ? d->entity : ""); fputc('\t', f);
    fprintf(f, "%s\t", gwr_fig_status_name(g->status));
    if (g->year) fprintf(f, "%d", g->year);
    fputc('\t', f);
    gwr_tsv_field(f, g->key ? g->key : ""); fputc('\t', f);
    gwr_tsv_field(f, g->name); fputc('\t', f);
    fprintf(f, "%s\t", gwr_fig_kind_name(g->kind));
    if (known) gwr_fmt_dec(f, gwr_fig_value(g));
    fputc('\t', f);
    if (known && hi) gwr_fmt_dec(f, gwr_fig_hi(g));
    fputc('\t', f);
    gwr_tsv_field(f, gwr_fig_unit(g)); fputc('\t', f);
    fprintf(f, "%s\t", gwr_qual_name(gwr_fig_qual(g)));
    gwr_tsv_field(f, g->written); fputc('\t', f);
    fprintf(f, "%u\t", g->line);
    gwr_tsv_field(f, gwr_doc_section_title(d, g->node)); fputc('\t', f);
    fprintf(f, "%s\n", gwr_period_name(g->period));
}

typedef struct out { char *buf; size_t len; FILE *f; } out;
static void out_open(out *o) { o->buf = NULL; o->len = 0; o->f = open_memstream(&o->buf, &o->len); assert_non_null(o->f); }
static void out_close(out *o) { assert_int_equal(fclose(o->f), 0); }

static void fig(gwr_figure *g, const char *name, const char *key, const char *written, int64_t m, int e, const char *unit,
                int32_t node, int year)
{
    memset(g, 0, sizeof *g);
    g->name = name;
    g->key = key;
    g->written = written;
    gwr_fig_set_value(g, (gwr_dec){ m, e });
    gwr_fig_set_unit(g, unit);
    g->node = node;
    g->year = (int16_t)year;
    g->line = (uint32_t)(100 + node);
}

/* Compares the export of d with the rows of the definition; returns the export. */
static char *check_doc(const gwr_doc *d, bool first)
{
    out a, b;
    out_open(&a);
    gwr_export_targets(a.f, GWR_FMT_TSV, d, NULL, first, false);
    out_close(&a);
    out_open(&b);
    if (first) fputs(HEAD, b.f);
    for (size_t i = 0; i < d->nfigs; i++) ref_row(b.f, d, &d->figs[i]);
    out_close(&b);
    assert_string_equal(a.buf, b.buf);
    free(b.buf);
    return a.buf;
}

static size_t count(const char *s, const char *w)
{
    size_t k = 0;
    for (const char *p = s; (p = strstr(p, w)); p += strlen(w)) k++;
    return k;
}

static void test_rows_match_field_writers(void **state)
{
    (void)state;
    static char plain[] = "地区生产总值", slash[] = "进出口\\总额", bidi[] = "税收\xE2\x80\xAE收入", bad[] = "财政\xFF收入";
    static char w1[] = "8.8%", w2[] = "7%左右", w3[] = "16.4亿元", w4[] = "1\\2", w5[] = "5\t万";
    char *longname = malloc(700), *longsect = malloc(400);
    assert_non_null(longname);
    assert_non_null(longsect);
    for (int i = 0; i < 699; i++) longname[i] = (char)('a' + i % 26);
    longname[699] = '\0';
    for (int i = 0; i < 399; i++) longsect[i] = (char)('A' + i % 26);
    longsect[399] = '\0';
    gwr_node nodes[4] = {
        { .title = NULL, .kind = GWR_NODE_ROOT, .parent = -1 },
        { .title = "一、回顾\t过去", .kind = GWR_NODE_PART, .parent = 0 },
        { .title = "（一）主要目标", .kind = GWR_NODE_SECTION, .parent = 1 },
        { .title = NULL, .kind = GWR_NODE_SECTION, .parent = 1 },
    };
    nodes[3].title = longsect;
    gwr_figure figs[12];
    fig(&figs[0], plain, "gdp", w1, 88, -1, "%", 1, 2024);
    fig(&figs[1], plain, "gdp", w2, 7, 0, "%", 1, 2025);              /* the same name: remembered */
    gwr_fig_set_qual(&figs[1], GWR_Q_ABOUT);
    figs[1].status = GWR_ST_PLANNED;
    fig(&figs[2], slash, NULL, w3, 164, 8, "元", 2, 0);               /* escaped, no key, no year */
    fig(&figs[3], slash, NULL, w4, 1, -18, "元", 2, -12);             /* escaped again; a negative year */
    fig(&figs[4], bidi, "revenue", w5, 5, 4, "", 2, 2024);
    fig(&figs[5], bad, "revenue", w1, -5, -2, "%", 3, 2024);
    fig(&figs[6], plain, "gdp", w1, 1, 0, "%", 3, 2024);              /* a range */
    gwr_fig_set_qual(&figs[6], GWR_Q_RANGE);
    gwr_fig_set_hi(&figs[6], (gwr_dec){ 2, 0 });
    fig(&figs[7], plain, "gdp", w1, 0, 0, "%", 3, 2024);              /* overflow: no value */
    gwr_fig_set_flags(&figs[7], GWR_QF_OVERFLOW);
    fig(&figs[8], longname, "gdp", w2, 999999999999999999LL, 0, "%", 3, 2024);
    fig(&figs[9], plain, "gdp", w1, 123456789, -3, "万元", 0, 99999);
    fig(&figs[10], plain, "gdp", w1, 1, 0, "个百分点", 2, 2024);
    figs[10].kind = GWR_FK_POINTS;
    figs[10].period = GWR_PER_MULTIYEAR;
    fig(&figs[11], longname, NULL, longname, 3, 0, "%", 3, 2024);
    gwr_doc d;
    memset(&d, 0, sizeof d);
    d.path = "a/报告\\2024.txt";
    d.entity = "天门市";
    d.nodes = nodes;
    d.nnodes = 4;
    d.figs = figs;
    d.nfigs = 12;
    char *s = check_doc(&d, true);
    assert_int_equal(count(s, "进出口\\\\总额"), 2);    /* both rows of the shared name escaped */
    assert_int_equal(count(s, "\\u202e"), 1);
    assert_int_equal(count(s, "\\xff"), 1);
    assert_int_equal(count(s, "一、回顾\\t过去"), 2);
    assert_non_null(strstr(s, "\t16400000000\t\t元\t"));
    assert_non_null(strstr(s, "\t0.000000000000000001\t\t元\t"));
    assert_non_null(strstr(s, "\t-12\t"));
    free(s);
    /* the next report: another path and entity (plain, then not), the same keys and units */
    d.path = "b.txt";
    d.entity = NULL;
    s = check_doc(&d, false);
    assert_int_equal(strncmp(s, "b.txt\t\t", 7), 0);
    free(s);
    d.entity = "X\tY";
    s = check_doc(&d, false);
    assert_int_equal(count(s, "b.txt\tX\\tY\t"), 12);
    free(s);
    free(longname);
    free(longsect);
}

/* Many reports and rows: the row buffer fills and is written out between rows. */
static void test_rows_across_buffer(void **state)
{
    (void)state;
    enum { N = 3000 };
    gwr_figure *figs = calloc(N, sizeof *figs);
    char (*names)[40] = calloc(N, sizeof *names);
    assert_non_null(figs);
    assert_non_null(names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], i % 7 ? "指标%d名称" : "指标\\%d", i % 50);
        fig(&figs[i], names[i % 50], i % 3 ? "gdp" : NULL, i % 2 ? "8.8%" : "7%左右", i * 37 - 5000, i % 17 - 8,
            i % 5 ? "%" : "亿元", 0, 2000 + i % 30);
    }
    gwr_doc d;
    memset(&d, 0, sizeof d);
    d.path = "c.txt";
    d.entity = "某市";
    d.figs = figs;
    d.nfigs = N;
    free(check_doc(&d, true));
    free(figs);
    free(names);
}

/* Writers running at once (the one that finds the shared memo taken keeps
 * one of its own) write the same bytes. */
typedef struct job { const gwr_doc *d; const char *want; int bad; } job;

static void *write_many(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 200; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f) return NULL;
        gwr_export_targets(f, GWR_FMT_TSV, j->d, NULL, true, false);
        fclose(f);
        j->bad += strcmp(buf, j->want) != 0;
        free(buf);
    }
    return NULL;
}

static void test_writers_at_once(void **state)
{
    (void)state;
    enum { N = 400 };
    gwr_figure *figs = calloc(N, sizeof *figs);
    char (*names)[40] = calloc(N, sizeof *names);
    assert_non_null(figs);
    assert_non_null(names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], i % 5 ? "名称%d" : "名称\\%d", i);
        fig(&figs[i], names[i], i % 2 ? "gdp" : "revenue", "6%左右", i, -1, i % 3 ? "%" : "万元", 0, 2024);
    }
    gwr_doc d;
    memset(&d, 0, sizeof d);
    d.path = "d.txt";
    d.entity = "某县";
    d.figs = figs;
    d.nfigs = N;
    char *want = check_doc(&d, true);
    job jobs[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){ &d, want, 0 };
        assert_int_equal(pthread_create(&t[i], NULL, write_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].bad, 0);
    }
    free(want);
    free(figs);
    free(names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_match_field_writers),
        cmocka_unit_test(test_rows_across_buffer),
        cmocka_unit_test(test_writers_at_once),
    };
    return cmocka_run_group_tests_name("export_tsv", tests, NULL, NULL);
}
