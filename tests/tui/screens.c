/* screens.c — headless screen tests of the interface, in the spirit of tig's
 * test harness: two hand-built reports (CJK text, figures, a comparison)
 * independent of the parsers, keys from a script, every <Dump> written as
 * text. Usage: screens WxH 'SCRIPT' > dump.txt  (see tests/tui/t_screens.sh).
 * A script starting <Two> opens both reports; <Periods> opens a third whose
 * figures cover a quarter and five years.
 * screens WxH --longest FILE... loads each real report and checks that the
 * widest headline indicator name it holds is shown whole on screen 2
 * (filtered to that name); prints ok/FAIL lines, exit 1 on a failure.
 * More prefixes: <Series> gives the first report's entity six years of
 * targets and results (screens 5 and 6); <Mono> sets NO_COLOR; <Ascii> sets
 * GWR_ASCII. */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "doc.h"
#include "ui.h"
#include "uwidth.h"

typedef struct fx_node { gwr_node_kind kind; int parent; const char *title; const char *start; } fx_node;
typedef struct fx_fig {
    const char *name, *key, *written, *sentence, *unit;
    gwr_fig_kind kind; gwr_fig_status st; int year; int64_t m; int e; gwr_qual qual; int node;
} fx_fig;

static const char text1[] =
    "测试市2024年政府工作报告\n"
    "各位代表：\n"
    "一、2023年工作回顾\n"
    "这一年，经济稳中向好。全市地区生产总值增长6.7%，规模以上工业增加值增长10.2%；城镇新增就业5.5万人，"
    "居民收入稳步增长（含“稳就业”政策），不断提高群众的获得感、幸福感、安全感。\n"
    "（一）扎实推进稳就业。全年新增就业岗位3000个，城镇登记失业率控制在3.5%以内。\n"
    "二、2024年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇新增就业5.5万人以上，居民消费价格涨幅3%左右。\n"
    "（一）稳住工业基本盘。规模以上工业增加值增长8%。\n"
    "三、附录\n"
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地，玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳（云腾致雨）露结为霜。\n"
    "报告中的控制字符：\x1b[31m红色\x1b[0m、响铃\x07、\xc2\x9b和坏字节\xff结束。\n";

static const fx_node nodes1[] = {
    { GWR_NODE_PART, 0, "2023年工作回顾", "一、2023年工作回顾" },
    { GWR_NODE_SECTION, 1, "扎实推进稳就业", "（一）扎实推进稳就业" },
    { GWR_NODE_PART, 0, "2024年工作安排", "二、2024年工作安排" },
    { GWR_NODE_TARGETS, 3, "主要预期目标", "今年经济社会" },
    { GWR_NODE_SECTION, 3, "稳住工业基本盘", "（一）稳住工业基本盘" },
    { GWR_NODE_PART, 0, "附录", "三、附录" },
};

#define S1 "全市地区生产总值增长6.7%，规模以上工业增加值增长10.2%；城镇新增就业5.5万人，居民收入稳步增长（含“稳就业”政策），不断提高群众的获得感、幸福感、安全感。"
#define S2 "全年新增就业岗位3000个，城镇登记失业率控制在3.5%以内。"
#define S3 "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇新增就业5.5万人以上，居民消费价格涨幅3%左右。"
#define S4 "规模以上工业增加值增长8%。"
static const fx_fig figs1[] = {
    { "地区生产总值", "gdp", "6.7%", S1, "%", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 67, -1, GWR_Q_EXACT, 1 },
    { "规模以上工业增加值", "industry_va", "10.2%", S1, "%", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 102, -1, GWR_Q_EXACT, 1 },
    { "城镇新增就业", "urban_jobs", "5.5万人", S1, "人", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 55, 3, GWR_Q_EXACT, 1 },
    { "新增就业岗位", NULL, "3000个", S2, "个", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 3, 3, GWR_Q_EXACT, 2 },
    { "城镇登记失业率", "unemployment_registered", "3.5%以内", S2, "%", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2023, 35, -1, GWR_Q_ATMOST, 2 },
    { "地区生产总值", "gdp", "7%左右", S3, "%", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 7, 0, GWR_Q_ABOUT, 4 },
    { "城镇新增就业", "urban_jobs", "5.5万人以上", S3, "人", GWR_FK_LEVEL, GWR_ST_PLANNED, 2024, 55, 3, GWR_Q_ATLEAST, 4 },
    { "居民消费价格涨幅", "cpi", "3%左右", S3, "%", GWR_FK_LEVEL, GWR_ST_PLANNED, 2024, 3, 0, GWR_Q_ABOUT, 4 },
    { "规模以上工业增加值", "industry_va", "8%", S4, "%", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 8, 0, GWR_Q_EXACT, 5 },
};

static const char text2[] =
    "样例县2023年政府工作报告\n"
    "一、过去一年的工作\n"
    "全县粮食总产量达到58.7亿斤，城镇新增就业1.2万人。\n";
static const fx_node nodes2[] = { { GWR_NODE_PART, 0, "过去一年的工作", "一、过去一年的工作" } };
#define S5 "全县粮食总产量达到58.7亿斤，城镇新增就业1.2万人。"
static const fx_fig figs2[] = {
    { "粮食总产量", "grain_output", "58.7亿斤", S5, "斤", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2022, 587, 7, GWR_Q_EXACT, 1 },
    { "城镇新增就业", "urban_jobs", "1.2万人", S5, "人", GWR_FK_LEVEL, GWR_ST_ACHIEVED, 2022, 12, 3, GWR_Q_EXACT, 1 },
};

static const char text3[] =
    "周期市2024年政府工作报告\n"
    "一、2023年工作回顾\n"
    "一季度地区生产总值增长4.7%，全年增长6.7%；五年来地区生产总值年均增长7.1%。\n"
    "二、2024年工作安排\n"
    "地区生产总值增长7%左右。\n";
static const fx_node nodes3[] = {
    { GWR_NODE_PART, 0, "2023年工作回顾", "一、2023年工作回顾" },
    { GWR_NODE_PART, 0, "2024年工作安排", "二、2024年工作安排" },
};
#define S6 "一季度地区生产总值增长4.7%，全年增长6.7%；五年来地区生产总值年均增长7.1%。"
static const fx_fig figs3[] = {
    { "地区生产总值", "gdp", "4.7%", S6, "%", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 47, -1, GWR_Q_EXACT, 1 },
    { "地区生产总值", "gdp", "6.7%", S6, "%", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 67, -1, GWR_Q_EXACT, 1 },
    { "地区生产总值", "gdp", "7.1%", S6, "%", GWR_FK_GROWTH, GWR_ST_ACHIEVED, 2023, 71, -1, GWR_Q_EXACT, 1 },
    { "地区生产总值", "gdp", "7%左右", "地区生产总值增长7%左右。", "%", GWR_FK_GROWTH, GWR_ST_PLANNED, 2024, 7, 0, GWR_Q_ABOUT, 2 },
};

static void build(gwr_doc *d, const char *path, const char *entity, int year, const char *text,
                  const fx_node *nn, size_t nnodes, const fx_fig *ff, size_t nfigs)
{
    size_t len = strlen(text);
    memset(d, 0, sizeof *d);
    gwr_arena_init(&d->arena);
    d->path = path;
    d->entity = entity;
    d->report_year = year;
    d->reviewed_year = year - 1;
    d->text.orig = strdup(text);
    d->text.norm = strdup(text);
    d->text.orig_len = d->text.norm_len = len;
    d->has_text = true;
    d->text.line_start = calloc(len + 1, sizeof *d->text.line_start);
    for (size_t i = 0; i < len; i++)
        if (i == 0 || text[i - 1] == '\n') d->text.line_start[d->text.nlines++] = (uint32_t)i;
    d->nnodes = nnodes + 1;
    d->nodes = calloc(d->nnodes, sizeof *d->nodes);
    d->nodes[0] = (gwr_node){ .kind = GWR_NODE_ROOT, .title = "", .body_len = (uint32_t)len,
                              .parent = -1, .first_child = -1, .next_sibling = -1 };
    for (size_t i = 0; i < nnodes; i++) {
        gwr_node *n = &d->nodes[i + 1];
        const char *s = strstr(text, nn[i].start);
        *n = (gwr_node){ .kind = nn[i].kind, .title = nn[i].title, .body_off = (uint32_t)(s - text),
                         .parent = nn[i].parent, .first_child = -1, .next_sibling = -1, .line = 1,
                         .role = GWR_ROLE_REVIEW };
        n->depth = d->nodes[n->parent].depth + 1;
        /* link as last child */
        int32_t *p = &d->nodes[n->parent].first_child;
        while (*p >= 0) p = &d->nodes[*p].next_sibling;
        *p = (int32_t)(i + 1);
    }
    for (size_t i = 1; i < d->nnodes; i++) {     /* a body runs to the next node at its level or above */
        uint32_t end = (uint32_t)len;
        for (size_t k = i + 1; k < d->nnodes; k++)
            if (d->nodes[k].depth <= d->nodes[i].depth) { end = d->nodes[k].body_off; break; }
        d->nodes[i].body_len = end - d->nodes[i].body_off;
    }
    d->nfigs = nfigs;
    d->figs = calloc(nfigs, sizeof *d->figs);
    for (size_t i = 0; i < nfigs; i++) {
        gwr_figure *f = &d->figs[i];
        *f = (gwr_figure){ .name = ff[i].name, .key = ff[i].key, .kind = ff[i].kind, .written = ff[i].written,
                           .status = ff[i].st, .year = ff[i].year,
                           .node = ff[i].node, .line = 1, .headline = true };
        if (ff[i].sentence) gwr_fig_set_sentence(f, gwr_doc_add_sentence(d, ff[i].sentence, strlen(ff[i].sentence)));
        gwr_fig_set_value(f, (gwr_dec){ ff[i].m, ff[i].e });
        gwr_fig_set_qual(f, ff[i].qual);
        gwr_fig_set_unit(f, ff[i].unit);
    }
}

/* six years of one entity: GDP growth (a range target, a miss, a met), new
 * urban jobs in 人 and the CPI ceiling, as report N's target meets report N+1's result */
typedef struct fx_year { int year; int64_t pm; int pe; gwr_qual pq; int64_t phi; int64_t am; int ae; gwr_verdict v; } fx_year;
static const fx_year gdp_years[] = {
    { 2019, 75, -1, GWR_Q_ABOUT, 0, 70, -1, GWR_V_MISSED },
    { 2020, 6, 0, GWR_Q_EXACT, 0, 23, -1, GWR_V_MISSED },
    { 2021, 6, 0, GWR_Q_ATLEAST, 0, 81, -1, GWR_V_MET },
    { 2022, 55, -1, GWR_Q_RANGE, 60, 30, -1, GWR_V_MISSED },
    { 2023, 5, 0, GWR_Q_ABOUT, 0, 52, -1, GWR_V_MET },
    { 2024, 5, 0, GWR_Q_ABOUT, 0, 0, 0, GWR_V_NONE },
};
static const fx_year job_years[] = {
    { 2020, 50, 3, GWR_Q_ATLEAST, 0, 52, 3, GWR_V_MET },
    { 2021, 55, 3, GWR_Q_ATLEAST, 0, 58, 3, GWR_V_MET },
    { 2022, 55, 3, GWR_Q_ATLEAST, 0, 51, 3, GWR_V_MISSED },
    { 2023, 55, 3, GWR_Q_ATLEAST, 0, 55, 3, GWR_V_MET },
};
enum { NSERIES = 6 + 4 };
static gwr_figure series_figs[2 * NSERIES];
static gwr_cmp_row series_rows[NSERIES + 1];

static gwr_figure series_fig(gwr_doc *d, const char *key, const char *name, gwr_fig_kind kind, gwr_fig_status st, int year,
                             int64_t m, int e, gwr_qual q, int64_t hi, const char *unit, const char *written)
{
    gwr_figure f = { .name = name, .key = key, .kind = kind, .status = st, .year = year, .node = -1, .line = 1,
                     .written = strdup(written) };
    const char *s = st == GWR_ST_PLANNED ? "今年的主要预期目标是：地区生产总值增长5%左右。"
                                         : "全年地区生产总值增长5.2%，城镇新增就业5.5万人。";
    gwr_fig_set_sentence(&f, gwr_doc_add_sentence(d, s, strlen(s)));
    gwr_fig_set_value(&f, (gwr_dec){ m, e });
    gwr_fig_set_hi(&f, (gwr_dec){ hi, e });
    gwr_fig_set_qual(&f, q);
    gwr_fig_set_unit(&f, unit);
    return f;
}

static size_t series_build(gwr_doc *d)
{
    size_t nf = 0, nr = 0;
    char w[64];
    for (size_t i = 0; i < sizeof gdp_years / sizeof gdp_years[0]; i++) {
        const fx_year *y = &gdp_years[i];
        if (y->pq == GWR_Q_RANGE) snprintf(w, sizeof w, "%lld.%lld%%—%lld%%", (long long)y->pm / 10, (long long)y->pm % 10, (long long)y->phi / 10);
        else if (y->pe) snprintf(w, sizeof w, "%lld.%lld%%%s", (long long)y->pm / 10, (long long)y->pm % 10, y->pq == GWR_Q_ABOUT ? "左右" : "");
        else snprintf(w, sizeof w, "%lld%%%s", (long long)y->pm, y->pq == GWR_Q_ABOUT ? "左右" : y->pq == GWR_Q_ATLEAST ? "以上" : "");
        gwr_figure *p = &series_figs[nf++];
        *p = series_fig(d, "gdp", "地区生产总值", GWR_FK_GROWTH, GWR_ST_PLANNED, y->year, y->pm, y->pe, y->pq, y->phi, "%", w);
        gwr_figure *a = NULL;
        if (y->am) {
            snprintf(w, sizeof w, "%lld.%lld%%", (long long)y->am / 10, (long long)y->am % 10);
            a = &series_figs[nf++];
            *a = series_fig(d, "gdp", "地区生产总值", GWR_FK_GROWTH, GWR_ST_ACHIEVED, y->year, y->am, y->ae, GWR_Q_EXACT, 0, "%", w);
        }
        series_rows[nr++] = (gwr_cmp_row){ d, "测试市", "gdp", "地区生产总值", GWR_FK_GROWTH, y->year, p, a, y->v, GWR_PER_YEAR };
    }
    for (size_t i = 0; i < sizeof job_years / sizeof job_years[0]; i++) {
        const fx_year *y = &job_years[i];
        snprintf(w, sizeof w, "%lld.%lld万人以上", (long long)y->pm / 10, (long long)y->pm % 10);
        gwr_figure *p = &series_figs[nf++];
        *p = series_fig(d, "urban_jobs", "城镇新增就业", GWR_FK_LEVEL, GWR_ST_PLANNED, y->year, y->pm, y->pe, y->pq, 0, "人", w);
        snprintf(w, sizeof w, "%lld.%lld万人", (long long)y->am / 10, (long long)y->am % 10);
        gwr_figure *a = &series_figs[nf++];
        *a = series_fig(d, "urban_jobs", "城镇新增就业", GWR_FK_LEVEL, GWR_ST_ACHIEVED, y->year, y->am, y->ae, GWR_Q_EXACT, 0, "人", w);
        series_rows[nr++] = (gwr_cmp_row){ d, "测试市", "urban_jobs", "城镇新增就业", GWR_FK_LEVEL, y->year, p, a, y->v, GWR_PER_YEAR };
    }
    return nr;
}

static void series_free(void)
{
    for (size_t i = 0; i < sizeof series_figs / sizeof series_figs[0]; i++) free((char *)series_figs[i].written);
}

static void unbuild(gwr_doc *d)
{
    free(d->text.orig);
    free(d->text.norm);
    free(d->text.line_start);
    free(d->nodes);
    free(d->figs);
    free(d->sents);
    gwr_arena_free(&d->arena);
}

/* The widest headline indicator name of each report, filtered on screen 2 at
 * the given size, must appear whole in the indicator column: a row that
 * reads "achv NAME " or "plan NAME " (not cut with …). */
static int longest(int cols, int lines, char **files, int n)
{
    int fails = 0;
    for (int i = 0; i < n; i++) {
        gwr_doc d;
        gwr_err err = { 0 };
        if (gwr_doc_load(&d, files[i], &err) != GWR_OK) {
            printf("FAIL - %s: %s\n", files[i], err.msg);
            fails++;
            continue;
        }
        const char *name = NULL;
        int best = 0;
        for (size_t k = 0; k < d.nfigs; k++) {
            const char *nm = d.figs[k].name;
            if (!d.figs[k].headline || !nm || !*nm) continue;
            int w = gwr_width(nm, strlen(nm));
            if (w > best) best = w, name = nm;
        }
        if (!name) {
            printf("skip - %s: no headline figure\n", files[i]);
            gwr_doc_free(&d);
            continue;
        }
        char script[512], *out = NULL, want[2][300];
        size_t outn = 0;
        snprintf(script, sizeof script, "2/%s<Enter><Dump>", name);
        snprintf(want[0], sizeof want[0], "\nachv %s ", name);
        snprintf(want[1], sizeof want[1], "\nplan %s ", name);
        FILE *f = open_memstream(&out, &outn);
        gwr_doc *docs[1] = { &d };
        int rc = f ? gwr_ui_script(docs, 1, NULL, script, lines, cols, f) : 1;
        if (f) fclose(f);
        if (rc == 0 && out && (strstr(out, want[0]) || strstr(out, want[1]))) {
            printf("ok - %s: %s (%d cells) shown whole at %dx%d\n", files[i], name, best, cols, lines);
        } else {
            printf("FAIL - %s: %s (%d cells) not shown whole at %dx%d:\n%s\n", files[i], name, best, cols, lines,
                   out ? out : "");
            fails++;
        }
        free(out);
        gwr_doc_free(&d);
    }
    return fails ? 1 : 0;
}

int main(int argc, char **argv)
{
    int cols = 80, lines = 24;
    if (argc < 3 || sscanf(argv[1], "%dx%d", &cols, &lines) != 2 || (argc != 3 && strcmp(argv[2], "--longest") != 0)) {
        fprintf(stderr, "usage: screens WxH SCRIPT | screens WxH --longest FILE...\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    if (strcmp(argv[2], "--longest") == 0) return longest(cols, lines, argv + 3, argc - 3);
    gwr_doc d1, d2, d3;
    build(&d1, "fixture/ceshi-2024.txt", "测试市", 2024, text1, nodes1, sizeof nodes1 / sizeof nodes1[0],
          figs1, sizeof figs1 / sizeof figs1[0]);
    build(&d2, "fixture/yangli-2023.txt", "样例县", 2023, text2, nodes2, 1, figs2, 2);
    build(&d3, "fixture/zhouqi-2024.txt", "周期市", 2024, text3, nodes3, 2, figs3, sizeof figs3 / sizeof figs3[0]);
    d3.figs[0].period = GWR_PER_QUARTER;      /* 一季度…4.7% */
    d3.figs[2].period = GWR_PER_MULTIYEAR;    /* 五年来…年均增长7.1% */
    const gwr_figure *f = d1.figs;
    /* a target of 2023 from the previous year's report: gives a verdict */
    gwr_figure target2023 = { .name = "城镇登记失业率", .key = "unemployment_registered", .kind = GWR_FK_LEVEL,
                              .written = "4.5%以内", .status = GWR_ST_PLANNED, .year = 2023, .node = -1 };
    gwr_fig_set_value(&target2023, (gwr_dec){ 45, -1 });
    gwr_fig_set_qual(&target2023, GWR_Q_ATMOST);
    gwr_fig_set_unit(&target2023, "%");
    gwr_cmp_row rows[] = {
        { &d1, "测试市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2023, NULL, &f[0], GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2024, &f[5], NULL, GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "industry_va", "规模以上工业增加值", GWR_FK_GROWTH, 2023, NULL, &f[1], GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "industry_va", "规模以上工业增加值", GWR_FK_GROWTH, 2024, &f[8], NULL, GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "urban_jobs", "城镇新增就业", GWR_FK_LEVEL, 2023, NULL, &f[2], GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "urban_jobs", "城镇新增就业", GWR_FK_LEVEL, 2024, &f[6], NULL, GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "cpi", "居民消费价格涨幅", GWR_FK_LEVEL, 2024, &f[7], NULL, GWR_V_NONE, GWR_PER_YEAR },
        { &d1, "测试市", "unemployment_registered", "城镇登记失业率", GWR_FK_LEVEL, 2023, &target2023, &f[4], GWR_V_MET, GWR_PER_YEAR },
    };
    gwr_cmp cmp = { rows, sizeof rows / sizeof rows[0] };
    gwr_doc *docs[2] = { &d1, &d2 };
    const char *script = argv[2];
    int n = 1;
    for (;;) {
        if (strncmp(script, "<Two>", 5) == 0) n = 2, script += 5;
        else if (strncmp(script, "<Series>", 8) == 0) cmp = (gwr_cmp){ series_rows, series_build(&d1) }, script += 8;
        else if (strncmp(script, "<Mono>", 6) == 0) setenv("NO_COLOR", "1", 1), script += 6;
        else if (strncmp(script, "<Ascii>", 7) == 0) setenv("GWR_ASCII", "1", 1), script += 7;
        else break;
    }
    /* a quarter and five years beside the year: shown as such on screens 2 and 3 */
    const gwr_figure *g = d3.figs;
    gwr_cmp_row rows3[] = {
        { &d3, "周期市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2023, NULL, &g[1], GWR_V_NONE, GWR_PER_YEAR },
        { &d3, "周期市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2024, &g[3], NULL, GWR_V_NONE, GWR_PER_YEAR },
        { &d3, "周期市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2023, NULL, &g[0], GWR_V_NONE, GWR_PER_YEAR },
        { &d3, "周期市", "gdp", "地区生产总值", GWR_FK_GROWTH, 2023, NULL, &g[2], GWR_V_NONE, GWR_PER_YEAR },
    };
    gwr_cmp cmp3 = { rows3, sizeof rows3 / sizeof rows3[0] };
    bool periods = strncmp(script, "<Periods>", 9) == 0;
    gwr_doc *docs3[1] = { &d3 };
    int rc = periods ? gwr_ui_script(docs3, 1, &cmp3, script + 9, lines, cols, stdout)
                     : gwr_ui_script(docs, (size_t)n, &cmp, script, lines, cols, stdout);
    series_free();
    unbuild(&d1);
    unbuild(&d2);
    unbuild(&d3);
    return rc;
}
