/* test_outline_census.c — the outline's fast paths. The census that names
 * the entity from the text:
 * the fast census (places in context, then the uses of their pairs) gives
 * exactly the full census's answer whenever it decides, on constructed texts
 * where the two could part (ties, names only in slogans, 城 before a level,
 * texts cut inside a character, tables that fill up), and the scans for a
 * set of characters (32 and 16 bytes at a time, and byte by byte) find a
 * character at every byte offset, and those for a set of pairs exactly the
 * places of its pairs; and substring search, 16 and 32 starts at a time,
 * finds what a byte-by-byte search finds; skipping plain characters 16 bytes
 * at a time stops where the character walk does; the intro phrases, the
 * Chinese digits, a part's role words and the first year are found as
 * before their shortcuts; and the walking line cursor answers as the text layer does. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "outline_internal.h"
#include "text.h"

static uint32_t rng = 12345;
static uint32_t next(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* Pieces a report is made of, as far as the census cares. */
static const char *const pieces[] = {
    "宁安", "荆门", "恩施", "天门", "海拉尔", "宁", "安", "荆", "门", "江", "山", "施",
    "市", "区", "县", "州", "旗", "盟", "省",
    "美丽", "平安", "智慧", "大美", "数化", "健康", "幸福", "魅力", "活力", "文明", "美", "丽", "平", "智",
    "全", "我", "本", "的", "年", "一", "城", "中心城", "建设", "发展",
    "a", "1", ",", "\n", " ", "é", "😀", "，", "。", "鿿", "丁",
};
enum { NPIECES = sizeof pieces / sizeof *pieces };

static size_t random_text(char *buf, size_t cap, size_t npieces, unsigned bias)
{
    size_t n = 0;
    for (size_t k = 0; k < npieces; k++) {
        /* bias: favour names and levels so that names win often */
        size_t i = next() % (bias ? 19 : NPIECES);
        if (bias && next() % 3 == 0) i = 19 + next() % (NPIECES - 19);
        size_t l = strlen(pieces[i]);
        if (n + l + 1 > cap) break;
        memcpy(buf + n, pieces[i], l);
        n += l;
    }
    buf[n] = '\0';
    return n;
}

static void put3(char *o, uint32_t cp)
{
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
}

static void assert_same(const gwr_census *f, const gwr_census *g)
{
    assert_int_equal(f->best, g->best);
    if (f->best >= 4) {
        assert_int_equal(f->a, g->a);
        assert_int_equal(f->b, g->b);
    }
    for (int k = 1; k < 6; k++) assert_int_equal(f->lvcount[k], g->lvcount[k]);
}

/* Whenever the fast census decides, it says what the full census says. */
static void test_fast_equals_full_random(void **state)
{
    (void)state;
    static char buf[20000];
    size_t decided = 0, named = 0, trials = 3000;
    for (size_t t = 0; t < trials; t++) {
        size_t n = random_text(buf, sizeof buf, next() % 900, (unsigned)(t % 4 != 0));
        if (t % 5 == 0 && n > 0) n -= next() % (n < 4 ? n : 4);   /* cut anywhere, even inside a character */
        gwr_census full = { 0 }, fast = { .want_occ = true }, mid = { 0 }, bytes = { 0 };
        assert_true(gwr_census_full(buf, n, &full));
        bool f1 = gwr_census_fast_simd(buf, n, &fast, 32);
        bool f2 = gwr_census_fast_simd(buf, n, &mid, 16);
        bool f3 = gwr_census_fast_simd(buf, n, &bytes, 1);
        assert_int_equal(f1, f3);
        assert_int_equal(f2, f3);
        if (f1) {
            decided++;
            named += full.best >= 4;
            assert_same(&fast, &full);
            assert_same(&mid, &full);
            assert_same(&bytes, &full);
            if (fast.best >= 4) {   /* where the winner stands: every offset of its six bytes */
                char pair[7];
                size_t m = 0;
                put3(pair, fast.a);
                put3(pair + 3, fast.b);
                for (size_t i = 0; i + 6 <= n; i++)
                    if (memcmp(buf + i, pair, 6) == 0) {
                        assert_true(m < fast.nocc);
                        assert_int_equal(fast.occ[m], i);
                        m++;
                    }
                assert_int_equal(m, fast.nocc);
            }
        }
        free(fast.occ);
        gwr_census run = { 0 };
        assert_true(gwr_census_run(buf, n, &run));
        assert_same(&run, &full);
    }
    /* the fast path is the common one, and names are found by it */
    assert_true(decided > trials / 3);
    assert_true(named > trials / 10);
}

static gwr_census census_of(const char *s, bool *decided)
{
    gwr_census full = { 0 }, fast = { 0 };
    assert_true(gwr_census_full(s, strlen(s), &full));
    *decided = gwr_census_fast(s, strlen(s), &fast);
    if (*decided) assert_same(&fast, &full);
    return full;
}

static uint32_t cp_of(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

/* Constructed cases where a shortcut would part from the census. */
static void test_fast_equals_full_constructed(void **state)
{
    (void)state;
    bool d;
    /* the bare name wins, a level use counts nothing */
    gwr_census c = census_of("宁安市，宁安，宁安，宁安，宁安，宁安。", &d);
    assert_true(d);
    assert_int_equal(c.a, cp_of("宁"));
    assert_int_equal(c.b, cp_of("安"));
    /* a name used only after slogans: in context without a level */
    c = census_of("美丽荆门，美丽荆门，美丽荆门，美丽荆门，美丽荆门。", &d);
    assert_true(d);
    assert_int_equal(c.a, cp_of("荆"));
    /* every slogan, each found by one of its characters, the text opening
     * with one that is found by its second: five uses in context */
    c = census_of("大美荆门，智慧荆门，健康荆门，文明荆门，美丽荆门，平安荆门，幸福荆门，魅力荆门，活力荆门，数化荆门。", &d);
    assert_true(d);
    assert_int_equal(c.a, cp_of("荆"));
    assert_int_equal(c.best, 10 + 2 * 10);
    /* a slogan's character alone (大 美 丽 智 慧 …) puts nothing in context */
    c = census_of("大荆门，美荆门，丽荆门，慧荆门，康荆门，明荆门，宁安市，宁安，宁安，宁安，宁安。", &d);
    assert_true(d);
    assert_int_equal(c.a, cp_of("宁"));
    assert_int_equal(c.best, 4);
    /* nothing in context: only the full census decides */
    c = census_of("荆门荆门荆门荆门荆门", &d);
    assert_false(d);
    assert_int_equal(c.a, cp_of("荆"));
    /* two names tied at the top: the slot order decides, left to the full census */
    c = census_of("宁安市荆门市宁安，宁安，宁安，宁安，荆门，荆门，荆门，荆门。", &d);
    assert_false(d);
    /* a pair ending in 城 before a level is no name in context: nothing is,
     * so every pair competes, and only the full census decides */
    c = census_of("心城区心城，心城，心城，心城，心城。", &d);
    assert_false(d);
    assert_int_equal(c.a, cp_of("心"));
    /* the self-level: 全市 twice, 我区 once */
    c = census_of("全市全市我区宁安市宁安宁安宁安宁安", &d);
    assert_true(d);
    assert_int_equal(c.lvcount[1], 2);
    assert_int_equal(c.lvcount[2], 1);
}

/* A text of more distinct pairs than three quarters of the table: the full
 * census stops taking new pairs, and the fast one must not decide. */
static void test_full_table_declines(void **state)
{
    (void)state;
    size_t cap = 300000;
    char *buf = malloc(cap + 1);
    assert_non_null(buf);
    size_t n = 0;
    for (size_t k = 0; n + 12 <= cap; k++) {
        uint32_t cp = 0x4E00 + (uint32_t)(next() % 0x5000);
        if (k % 50 == 49) { memcpy(buf + n, "宁安市", 9); n += 9; continue; }
        buf[n++] = (char)(0xE0 | (cp >> 12));
        buf[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (char)(0x80 | (cp & 0x3F));
    }
    buf[n] = '\0';
    gwr_census fast = { 0 }, full = { 0 }, run = { 0 };
    assert_false(gwr_census_fast(buf, n, &fast));
    assert_true(gwr_census_full(buf, n, &full));
    assert_true(gwr_census_run(buf, n, &run));
    assert_same(&run, &full);
    free(buf);
}

/* The 16- and 32-byte scans find a character at every byte offset, after any mix of
 * ASCII and other characters, and nothing the byte-by-byte scan does not. */
static void test_scan_every_offset(void **state)
{
    (void)state;
    static const char *const fill[] = { "a", "宁", "é", "😀", "，", "心" };
    uint32_t cps[] = { cp_of("市"), cp_of("旗"), cp_of("鿿"), cp_of("丁") };
    const char *const want[] = { "市", "旗", "鿿", "丁" };
    char buf[200];
    for (size_t w = 0; w < 4; w++)
        for (size_t off = 0; off < 100; off++)
            for (size_t tail = 0; tail < 40; tail += 13) {
                size_t n = 0;
                while (n < off) {
                    const char *f = fill[next() % 6];
                    size_t l = strlen(f);
                    if (n + l > off) f = "a", l = 1;
                    memcpy(buf + n, f, l);
                    n += l;
                }
                memcpy(buf + n, want[w], 3);
                n += 3;
                for (size_t k = 0; k < tail; k++) buf[n++] = 'b';
                uint32_t *b;
                size_t nb;
                gwr_census_offsets(cps, 4, buf, n, 1, &b, &nb);
                bool found = false;
                for (size_t k = 0; k < nb; k++) found |= b[k] == off;
                assert_true(found);
                for (int width = 16; width <= 32; width *= 2) {
                    uint32_t *a;
                    size_t na;
                    gwr_census_offsets(cps, 4, buf, n, width, &a, &na);
                    assert_int_equal(na, nb);
                    for (size_t k = 0; k < na; k++) assert_int_equal(a[k], b[k]);
                    free(a);
                }
                free(b);
            }
}

/* The same for pairs: every scan keeps exactly the offsets where a member
 * pair starts (its six bytes), found at every byte offset, and not where
 * only one of its characters stands, or the first of one member before the
 * second of another. */
static size_t only_pairs(uint32_t *v, size_t cap, const char *buf, size_t n, const char *const *pairs, size_t np)
{
    size_t m = 0;
    for (size_t p = 0; p + 6 <= n; p++)
        for (size_t j = 0; j < np; j++)
            if (memcmp(buf + p, pairs[j], 6) == 0 && m < cap) { v[m++] = (uint32_t)p; break; }
    return m;
}

static void test_scan_pairs_every_offset(void **state)
{
    (void)state;
    static const char *const fill[] = { "a", "宁", "é", "😀", "，", "心", "安", "宁心", "荆安", "宁门", "海丁", "鿿鿿", "丁丁", "门" };
    enum { NFILL = sizeof fill / sizeof *fill };
    const char *const want[] = { "宁安", "荆门", "海拉", "鿿丁", "丁鿿" };
    uint32_t keys[5];
    for (size_t w = 0; w < 5; w++) keys[w] = cp_of(want[w]) << 16 | cp_of(want[w] + 3);
    char buf[200];
    uint32_t expect[200];
    for (size_t w = 0; w < 5; w++)
        for (size_t off = 0; off < 100; off++) {
            size_t n = 0;
            while (n < off) {
                const char *f = fill[next() % NFILL];
                size_t l = strlen(f);
                if (n + l > off) f = "a", l = 1;
                memcpy(buf + n, f, l);
                n += l;
            }
            memcpy(buf + n, want[w], 6);
            n += 6;
            for (size_t k = 0; k < off % 37; k++) buf[n++] = k % 2 ? 'b' : ' ';
            size_t ne = only_pairs(expect, 200, buf, n, want, 5);
            bool found = false;
            for (size_t k = 0; k < ne; k++) found |= expect[k] == off;
            assert_true(found);
            for (int width = 1; width <= 32; width *= 2) {
                if (width == 2) width = 16;
                uint32_t *a;
                size_t na;
                gwr_census_offsets(keys, 5, buf, n, width, &a, &na);
                assert_int_equal(na, ne);
                for (size_t k = 0; k < na; k++) assert_int_equal(a[k], expect[k]);
                free(a);
            }
        }
}

/* Substring search finds the first occurrence wherever it stands, in
 * haystacks short and long (the 16- and 32-byte paths and their tails). */
static void test_find_every_offset(void **state)
{
    (void)state;
    static char hay[1400];
    static const char *const needles[] = { "目标", "预期目标", "。", "ab", "a", "今年是", "宁安宁" };
    for (size_t w = 0; w < 7; w++) {
        size_t m = strlen(needles[w]);
        for (size_t n = 0; n < sizeof hay; n += n < 80 ? 1 : 37) {
            for (size_t k = 0; k < n; k++) hay[k] = "a\xe7\x9b\xae\xe6\xa0\x87\xe5" "b"[next() % 9];   /* bits of 目 标 */
            size_t at = n >= m ? next() % (n - m + 1) : 0;
            bool plant = n >= m && next() % 4 != 0;
            if (plant) memcpy(hay + at, needles[w], m);
            const char *want = NULL;
            for (size_t i = 0; i + m <= n && !want; i++)
                if (memcmp(hay + i, needles[w], m) == 0) want = hay + i;
            assert_ptr_equal(gwr_find(hay, n, needles[w]), want);
            if (plant) assert_non_null(want);
            /* the last 。 from the end, from any lower bound on */
            if (w == 2) {
                size_t jmin = next() % (n + 1), end = 0, end0 = 0;
                for (size_t j = 0; j + 3 <= n; j++)
                    if (memcmp(hay + j, "。", 3) == 0) {
                        end0 = j + 3;
                        if (j >= jmin) end = j + 3;
                    }
                assert_int_equal(gwr_last_stop_end(hay, n, jmin), end);
                assert_int_equal(gwr_last_stop_end(hay, n, 0), end0);
            }
            /* and two needles in one pass */
            const char *other = needles[(w + 1) % 7];
            if (m >= 2 && strlen(other) >= 2) {
                unsigned both = (gwr_find(hay, n, needles[w]) ? 1u : 0u) | (gwr_find(hay, n, other) ? 2u : 0u);
                assert_int_equal(gwr_find_either(hay, n, needles[w], m, other, strlen(other)), both);
                assert_int_equal(gwr_find_either(hay, n, other, strlen(other), needles[w], m), (both >> 1) | (both & 1) << 1);
            }
        }
    }
}

/* Skipping plain CJK characters 16 bytes at a time stops where the walk
 * character by character does, from every character start, in texts of
 * plain characters, punctuation, ASCII, two- and four-byte characters, and
 * cut anywhere at the end. */
static void test_skip_plain(void **state)
{
    (void)state;
    static const char *const bits[] = { "宁", "安", "鿿", "一", "，", "。", "、", "“", "a", "7", "é", "😀", "㐀", "ꀀ", "ࠀ", "\n" };
    enum { NBITS = sizeof bits / sizeof *bits };
    char buf[160];
    size_t starts[160];
    for (int round = 0; round < 400; round++) {
        size_t n = 0, ns = 0;
        size_t plainrun = next() % 40;   /* long plain runs too */
        while (n + 4 <= sizeof buf) {
            const char *b = plainrun ? bits[next() % 4] : bits[next() % NBITS];
            if (plainrun) plainrun--;
            else if (next() % 8 == 0) plainrun = next() % 30;
            size_t l = strlen(b);
            starts[ns++] = n;
            memcpy(buf + n, b, l);
            n += l;
        }
        size_t cut = n - next() % 3;   /* the last character may be cut */
        for (size_t k = 0; k < ns; k++) {
            size_t i = starts[k];
            if (i > cut) break;
            size_t want = i;   /* character by character, as the walk did */
            while (want < cut && (unsigned char)buf[want] >= 0xE4 && (unsigned char)buf[want] <= 0xE9) want += 3;
            if (want > cut) want = cut;
            assert_int_equal(gwr_skip_plain(buf, i, cut), want);
        }
    }
}

/* An introductory paragraph's phrases (总体要求 指导思想 总体思路) count in
 * its first 45 bytes, whether looked for all at once (paragraphs of 48
 * bytes or more) or byte by byte: at every start, whole or cut by the
 * limit, among characters led by E6 like theirs. */
static void test_intro_phrases(void **state)
{
    (void)state;
    static const char *const fill[] = { "总", "体", "指", "导", "思", "想", "要", "求", "路", "a", "，", "按" };
    static const char *const words[] = { "总体要求", "指导思想", "总体思路", "总体要", "指导思" };
    char buf[200];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, len = 20 + next() % 120;
        while (n + 3 <= len) {
            const char *f = fill[next() % 12];
            memcpy(buf + n, f, strlen(f));
            n += strlen(f);
        }
        size_t at = next() % 50;
        const char *w = words[next() % 5];
        if (at + strlen(w) <= n && next() % 3) memcpy(buf + at, w, strlen(w));
        if (round % 7 == 0) memcpy(buf, "今年", 6);   /* not 今年是 */
        bool want = false;
        size_t lim = n < 45 ? n : 45;
        for (size_t i = 0; i + 12 <= lim; i++)
            for (size_t k = 0; k < 3; k++) want |= memcmp(buf + i, words[k], 12) == 0;
        assert_int_equal(gwr_para_is_intro(buf, n), want);
    }
    assert_true(gwr_para_is_intro("今年是“十四五”规划开局之年", strlen("今年是“十四五”规划开局之年")));
}

/* Chinese digits open a numbered heading; other characters that share
 * their bytes do not. */
static void test_cn_digits(void **state)
{
    (void)state;
    static const char *const d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "两", "零" };
    static const int v[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 0 };
    size_t len;
    for (size_t k = 0; k < 12; k++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%s十、", d[k]);
        int want = v[k] > 0 ? v[k] * 10 : 0;
        assert_int_equal(gwr_cn_number(buf, strlen(buf), &len), want);
    }
    /* neighbours of the digits in the code space: no numeral */
    static const char *const not[] = { "丁", "丂", "亍", "于", "囚", "兮", "万", "久", "丣", "雷", "〆", "丸" };
    for (size_t k = 0; k < 12; k++) assert_int_equal(gwr_cn_number(not[k], strlen(not[k]), &len), 0);
}

/* A part's role from its title's words, found in one pass, is what looking
 * for each word in turn gives: titles made of the words, their halves and
 * other characters sharing their bytes, cut anywhere. */
static void test_part_role_words(void **state)
{
    (void)state;
    static const char *const self[] = { "自身建设", "政府建设", "自身改革" };
    static const char *const review[] = { "回顾", "过去", "总结", "主要成绩", "取得的成绩" };
    static const char *const plan[] = { "建议", "安排", "任务", "思路", "要求", "目标", "部署", "打算",
                                        "重点工作", "工作重点", "计划", "展望", "主要工作", "今后", "做好", "抓好" };
    static const char *const bits[] = { "自身", "建设", "政府", "改革", "回", "顾", "过", "去", "总", "结", "主要", "成绩",
                                        "取得的", "建", "议", "安", "排", "任", "务", "思", "路", "要", "求", "目", "标", "部",
                                        "署", "打算", "重点", "工作", "计", "划", "展", "望", "今", "后", "做", "好", "抓",
                                        "2024年", "、", "a", "和", "的" };
    enum { NB = sizeof bits / sizeof *bits };
    char t[128];
    for (int round = 0; round < 5000; round++) {
        size_t n = 0, parts = 1 + next() % 8;
        for (size_t k = 0; k < parts; k++) {
            const char *b = bits[next() % NB];
            if (n + strlen(b) + 1 > sizeof t) break;
            memcpy(t + n, b, strlen(b));
            n += strlen(b);
        }
        if (round % 3 == 0 && n > 0) n -= next() % (n < 3 ? n : 3);   /* cut, even inside a character */
        t[n] = '\0';
        gwr_role want = GWR_ROLE_OTHER;
        for (size_t i = 0; i < 16; i++) if (gwr_find(t, n, plan[i])) want = GWR_ROLE_PLAN;
        for (size_t i = 0; i < 5; i++) if (gwr_find(t, n, review[i])) want = GWR_ROLE_REVIEW;
        for (size_t i = 0; i < 3; i++) if (gwr_find(t, n, self[i])) want = GWR_ROLE_SELF;
        assert_int_equal(gwr_part_role(t), want);
    }
}

/* The first year written with digits before 年, looked for eight bytes at
 * a time, is the one a byte-by-byte look finds: at every place, after other
 * digits or not, in texts of every length. */
static void test_first_year(void **state)
{
    (void)state;
    static const char *const bits[] = { "1", "9", "2", "0", "5", "年", "a", "宁", "12", "19", "20" };
    char t[80];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, parts = next() % 24;
        for (size_t k = 0; k < parts; k++) {
            const char *b = bits[next() % 11];
            if (n + strlen(b) >= sizeof t) break;
            memcpy(t + n, b, strlen(b));
            n += strlen(b);
        }
        int want = 0;
        size_t want_after = 0;
        for (size_t i = 0; i + 4 < n && !want; i++) {
            if (!((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0'))) continue;
            if (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') continue;
            if (t[i + 2] < '0' || t[i + 2] > '9' || t[i + 3] < '0' || t[i + 3] > '9') continue;
            if (i + 7 > n || memcmp(t + i + 4, "年", 3) != 0) continue;
            want = atoi((char[5]){ t[i], t[i + 1], t[i + 2], t[i + 3], 0 });
            want_after = i + 7;
        }
        size_t after = 0;
        assert_int_equal(gwr_first_year(t, n, &after), want);
        if (want) assert_int_equal(after, want_after);
    }
}

/* The line of a norm offset by the walking cursor is gwr_text_norm_line's,
 * whether the offsets asked grow, jump back or come at random, on reports
 * whose norm and orig differ (GBK, wrapped lines, spaces). */
static void test_norm_line_cursor(void **state)
{
    (void)state;
    static const char *const files[] = { "samples/jingmen-2024.txt", "tests/data/hailar/hailar-2013.txt",
                                         "tests/data/national/national-1979.txt" };
    for (size_t f = 0; f < 3; f++) {
        gwr_text t = { 0 };
        gwr_err e = { 0 };
        assert_int_equal(gwr_text_load_file(&t, files[f], &e), GWR_OK);
        assert_true(t.norm_len > 1000);
        gwr_linecur c = { 0 };
        for (size_t k = 0; k <= t.norm_len; k += 1 + next() % 97)
            assert_int_equal(gwr_outline_norm_line(&t, &c, k), gwr_text_norm_line(&t, k));
        for (int j = 0; j < 2000; j++) {
            size_t k = next() % (t.norm_len + 1);
            assert_int_equal(gwr_outline_norm_line(&t, &c, k), gwr_text_norm_line(&t, k));
        }
        gwr_text_free(&t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_equals_full_random),
        cmocka_unit_test(test_fast_equals_full_constructed),
        cmocka_unit_test(test_full_table_declines),
        cmocka_unit_test(test_scan_every_offset),
        cmocka_unit_test(test_scan_pairs_every_offset),
        cmocka_unit_test(test_skip_plain),
        cmocka_unit_test(test_intro_phrases),
        cmocka_unit_test(test_cn_digits),
        cmocka_unit_test(test_part_role_words),
        cmocka_unit_test(test_first_year),
        cmocka_unit_test(test_find_every_offset),
        cmocka_unit_test(test_norm_line_cursor),
    };
    return cmocka_run_group_tests_name("outline_census", tests, NULL, NULL);
}
