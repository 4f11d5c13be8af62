/* test_quantity_scan.c — the fast paths of the figure scanner against the
 * plain ones: the inline decoder and its fold table against qz_cp_slow for
 * every 3-byte character, the skip tables against the numeral tests, the
 * numeral hash against a plain switch, the unit lookup on the hard cases,
 * figures found at every byte alignment after any kind of text (Chinese,
 * ASCII, 2-byte, broken UTF-8) and at every offset around the 15-byte
 * blocks of the scan, and the short paths for common figures against the
 * general rules on many generated phrases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "quantity_int.h"
#include "unit.h"

static size_t put3(char *b, uint32_t c)
{
    b[0] = (char)(0xE0 | (c >> 12));
    b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* qz_cp and qz_prev fold exactly as qz_cp_slow, whether or not a byte
 * follows the character. */
static void test_decode_matches_slow(void **state)
{
    (void)state;
    qz_init();
    for (uint32_t c = 0x800; c < 0x10000; c++) {
        char b[8] = { 0 };
        put3(b, c);
        b[3] = 'x';
        size_t ks, k3, k4, kp;
        uint32_t want = qz_cp_slow(b, 3, 0, &ks);
        assert_int_equal(ks, 3);
        assert_int_equal(qz_cp(b, 3, 0, &k3), want);
        assert_int_equal(k3, 3);
        assert_int_equal(qz_cp(b, 4, 0, &k4), want);
        assert_int_equal(k4, 3);
        assert_int_equal(qz_prev(b, 0, 3, &kp), want);
        assert_int_equal(kp, 3);
    }
    /* what folds: a sample of each kind */
    size_t k;
    assert_int_equal(qz_cp("萬", 3, 0, &k), 0x4E07);
    assert_int_equal(qz_cp("％", 3, 0, &k), '%');
    assert_int_equal(qz_cp("\xE3\x80\x80", 3, 0, &k), ' ');
    assert_int_equal(qz_cp("−", 3, 0, &k), '-');
    assert_int_equal(qz_cp("陸", 3, 0, &k), 0x9646);
    assert_int_equal(qz_cp("万", 3, 0, &k), 0x4E07);
    /* broken sequences stay one byte */
    assert_int_equal(qz_cp("\xE4\xB8" "5", 3, 0, &k), 0xFFFD);
    assert_int_equal(k, 1);
    assert_int_equal(qz_prev("a\xB8", 0, 2, &k), 0xFFFD);
    assert_int_equal(k, 1);
}

/* The numeral bitmap is qz_is_cn_numeral plus the traditional forms; every
 * numeral and full-width digit is a hit of the skip table, and every numeral
 * may follow a one-character numeral. */
static void test_skip_tables(void **state)
{
    (void)state;
    qz_init();
    static const uint32_t traditional[] = { 0x842C, 0x5104, 0x5169, 0x8CB3, 0x53C3, 0x53C4, 0x9678 };
    int numerals = 0;
    for (uint32_t c = 0x800; c < 0x10000; c++) {
        bool want = qz_is_cn_numeral(c);
        for (size_t t = 0; t < sizeof traditional / sizeof traditional[0]; t++) want = want || c == traditional[t];
        assert_int_equal(qz_numeral_cp(c), want);
        if (want || (c >= 0xFF10 && c <= 0xFF19)) {
            char b[8] = { 0 };
            put3(b, c);
            uint64_t w = (uint8_t)b[0] | (uint64_t)(uint8_t)b[1] << 8 | (uint64_t)(uint8_t)b[2] << 16;
            assert_true(qz_cand3[qz_cand3_index(w)]);
            numerals += want;
        }
        if (want) assert_true(qz_follow_cp(c));
    }
    assert_int_equal(numerals, 36);
    static const uint32_t follow[] = { 0x4F59, 0x591A, 0x51E0, 0x70B9, 0x5206, 0x53C8, 0x6210, 0x81F3, 0x5230,
                                       '-', '~', ' ', 0x4E2A, 0x5E74, 0x5143, '%', 0x4EBA, 0x5BB6 };
    /* 余 多 几 点 分 又 成 至 到, dashes, space, 个 年 元 % 人 家 (units) */
    for (size_t t = 0; t < sizeof follow / sizeof follow[0]; t++) assert_true(qz_follow_cp(follow[t]));
    assert_false(qz_follow_cp(0x662F));   /* 是 */
    assert_false(qz_follow_cp(0x5927));   /* 大 */
}

/* The figure at the end of text: its offset, value and unit. */
static void expect_one(const char *text, size_t len, size_t off, const char *value, const char *unit)
{
    size_t pos = 0;
    gwr_quantity q;
    char v[32];
    if (!gwr_quantity_next(text, len, &pos, &q)) fail_msg("in \"%.*s\": no figure, expected %s %s at %zu", (int)len, text, value, unit, off);
    gwr_dec_format(q.value, v, sizeof v);
    if (q.off != off || strcmp(v, value) != 0 || strcmp(q.unit, unit) != 0)
        fail_msg("in \"%.*s\": %s %s at %u, expected %s %s at %zu", (int)len, text, v, q.unit, q.off, value, unit, off);
    assert_false(gwr_quantity_next(text, len, &pos, &q));
}

/* After any mix of leading text, each form of number is found where it
 * starts: the skip steps two characters at a time and must not step over
 * a numeral at either place of a pair, nor over one after a broken byte. */
static void test_every_alignment(void **state)
{
    (void)state;
    static const char *const fill[] = { "的", "，", "a ", "é", "\xE4\xB8", "\xF0\x9F\x98\x80", "\n", "是" };
    static const struct { const char *num, *value, *unit; } nums[] = {
        { "三百家", "300", "家" }, { "5家", "5", "家" }, { "５家", "5", "家" },
        { "兩萬人", "20000", "人" }, { "十二个", "12", "个" }, { "〇点五倍", "0.5", "倍" },
    };
    char text[128];
    for (size_t n = 0; n < sizeof nums / sizeof nums[0]; n++) {
        for (unsigned mask = 0; mask < 4096; mask += 7) {   /* up to four fill pieces, any order */
            size_t len = 0;
            for (unsigned m = mask, p = 0; p < 4; p++, m >>= 3) {
                if (!(m & 7) && p > 0) continue;
                const char *f = fill[m & 7];
                memcpy(text + len, f, strlen(f));
                len += strlen(f);
            }
            size_t off = len;
            memcpy(text + len, nums[n].num, strlen(nums[n].num));
            len += strlen(nums[n].num);
            memcpy(text + len, "。", 3);
            len += 3;
            expect_one(text, len, off, nums[n].value, nums[n].unit);
        }
    }
}

/* One-character numerals inside words are passed over, those before a unit,
 * a dash or another numeral are read. */
static void test_one_character_numerals(void **state)
{
    (void)state;
    size_t pos = 0;
    gwr_quantity q;
    const char *t = "统一思想，三大任务，进一步，五至七个，七成，两年多，三个";
    size_t len = strlen(t);
    const char *want[] = { "五至七个", "七成", "两年多", "三个" };
    for (size_t w = 0; w < 4; w++) {
        assert_true(gwr_quantity_next(t, len, &pos, &q));
        assert_int_equal(q.len, strlen(want[w]));
        assert_memory_equal(t + q.off, want[w], q.len);
    }
    assert_false(gwr_quantity_next(t, len, &pos, &q));
}

/* The numerals as the hash reads them, against the plain definition. */
static int ref_digit(uint32_t c)
{
    static const uint32_t d[][2] = { { 0x3007, 0 }, { 0x96F6, 0 }, { 0x4E00, 1 }, { 0x4E8C, 2 }, { 0x4E24, 2 },
                                     { 0x4E09, 3 }, { 0x56DB, 4 }, { 0x4E94, 5 }, { 0x516D, 6 }, { 0x4E03, 7 },
                                     { 0x516B, 8 }, { 0x4E5D, 9 }, { 0x58F9, 1 }, { 0x8D30, 2 }, { 0x53C1, 3 },
                                     { 0x8086, 4 }, { 0x4F0D, 5 }, { 0x9646, 6 }, { 0x67D2, 7 }, { 0x634C, 8 },
                                     { 0x7396, 9 } };
    for (size_t t = 0; t < sizeof d / sizeof d[0]; t++)
        if (d[t][0] == c) return (int)d[t][1];
    return -1;
}

static int64_t ref_mult(uint32_t c)
{
    switch (c) {
    case 0x5341: case 0x62FE: return 10;          /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;         /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000;        /* 千 仟 */
    case 0x4E07: return 10000;                    /* 万 */
    case 0x4EBF: return 100000000;                /* 亿 */
    default: return 0;
    }
}

static int ref_class(uint32_t c)
{
    if (c == 0x3007 || c == 0x96F6 || c == 0x4E07 || c == 0x4EBF) return 0;
    static const uint32_t fin[] = { 0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396,
                                    0x62FE, 0x4F70, 0x4EDF };
    for (size_t t = 0; t < sizeof fin / sizeof fin[0]; t++)
        if (fin[t] == c) return 2;
    return 1;
}

static void test_numeral_hash(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 0x110000; c += c < 0x10000 ? 1 : 0x101) {
        if (qz_cn_digit(c) != ref_digit(c) || qz_cn_mult(c) != ref_mult(c) || qz_cn_class(c) != ref_class(c) ||
            qz_is_cn_numeral(c) != (ref_digit(c) >= 0 || ref_mult(c) > 0))
            fail_msg("U+%04X: digit %d/%d mult %lld/%lld class %d/%d", c, qz_cn_digit(c), ref_digit(c),
                     (long long)qz_cn_mult(c), (long long)ref_mult(c), qz_cn_class(c), ref_class(c));
    }
    assert_int_equal(qz_cn_digit(0xFFFFFFFFu), -1);
}

/* The unit lookup: the longest unit wins, a following character of
 * notnext makes a word, full-width and traditional forms fold, and the end
 * of the text ends a unit. */
static void expect_unit(const char *text, const char *base, size_t end)
{
    size_t e = 0, len = strlen(text);
    qz_init();
    const qz_unit *u = qz_match_unit(text, len, 0, &e);
    if (!base) {
        if (u) fail_msg("\"%s\": unit %s, expected none", text, u->base);
        return;
    }
    if (!u || strcmp(u->base, base) != 0 || e != end)
        fail_msg("\"%s\": unit %s ending at %zu, expected %s at %zu", text, u ? u->base : "(none)", e, base, end);
    size_t k, e2 = 0;
    uint32_t c = qz_cp(text, len, 0, &k);
    assert_ptr_equal(qz_match_unit_cp(text, len, 0, c, k, &e2), u);
    assert_int_equal(e2, end);
}

static void test_unit_lookup(void **state)
{
    (void)state;
    expect_unit("个百分点，", "个百分点", 12);
    expect_unit("个百分", "个", 3);
    expect_unit("个月", "个月", 6);
    expect_unit("个点位", "个", 3);           /* 个点 not before 位 */
    expect_unit("个体", NULL, 0);
    expect_unit("个", "个", 3);
    expect_unit("個百分點", "个百分点", 12);
    expect_unit("％", "%", 3);
    expect_unit("%", "%", 1);
    expect_unit("平方公里", "平方公里", 12);
    expect_unit("公里", "公里", 6);
    expect_unit("千瓦时", "千瓦时", 9);
    expect_unit("千瓦", "千瓦", 6);
    expect_unit("微克/立方米", "微克/立方米", 16);
    expect_unit("微克／立方米", "微克/立方米", 18);
    expect_unit("家庭", NULL, 0);
    expect_unit("家。", "家", 3);
    expect_unit("方面", NULL, 0);
    expect_unit("周年", "周年", 6);
    expect_unit("周边", NULL, 0);
    expect_unit("是", NULL, 0);
}

/* A numeral at every offset of a run of Chinese text, after 0-3 bytes
 * that shift the run, with 0-7 characters after it: the 15-byte blocks of
 * the scan, the 6-byte steps after them and the last bytes of the text all
 * find it. The filler shares its last two bytes with numerals (优 统 引 线
 * 众: the scan's hash lets them through) or not (的). */
static void test_block_boundaries(void **state)
{
    (void)state;
    static const char *const shift[] = { "", "\n", "\xC3\xA9", "\n\xC3\xA9" };   /* 0 1 2 3 bytes */
    static const char *const filler[] = { "的", "优", "统", "引", "线", "众" };
    static const struct { const char *num, *value, *unit; } nums[] = {
        { "三百家", "300", "家" }, { "7家", "7", "家" }, { "８家", "8", "家" }, { "兩萬人", "20000", "人" },
        { "6.5%", "6.5", "%" }, { "25亿元", "2500000000", "元" },
    };
    char text[256];
    for (size_t n = 0; n < sizeof nums / sizeof nums[0]; n++)
        for (size_t sh = 0; sh < sizeof shift / sizeof shift[0]; sh++)
            for (size_t f = 0; f < sizeof filler / sizeof filler[0]; f++)
                for (size_t before = 0; before < 14; before++)
                    for (size_t after = 0; after < 8; after++) {
                        size_t len = 0;
                        memcpy(text, shift[sh], strlen(shift[sh]));
                        len += strlen(shift[sh]);
                        for (size_t b = 0; b < before; b++, len += 3) memcpy(text + len, filler[f], 3);
                        size_t off = len;
                        memcpy(text + len, nums[n].num, strlen(nums[n].num));
                        len += strlen(nums[n].num);
                        if (after) {
                            memcpy(text + len, "。", 3);
                            len += 3;
                        }
                        for (size_t a = 1; a < after; a++, len += 3) memcpy(text + len, filler[f], 3);
                        expect_one(text, len, off, nums[n].value, nums[n].unit);
                    }
}

/* All quantities of text, as one string. */
static void scan_all(const char *text, size_t len, char *out, size_t cap)
{
    size_t pos = 0, o = 0;
    gwr_quantity q;
    out[0] = '\0';
    while (pos < len && gwr_quantity_next(text, len, &pos, &q) && o + 160 < cap) {
        char v[40], h[40];
        gwr_dec_format(q.value, v, sizeof v);
        gwr_dec_format(q.hi, h, sizeof h);
        /* the interned unit travels with the figure */
        if (q.unit_id != gwr_unit_id(q.unit)) fail_msg("\"%.*s\": unit [%s] with id %u", (int)len, text, q.unit, q.unit_id);
        o += (size_t)snprintf(out + o, cap - o, "%u+%u %s %s [%s] %d %u @%zu; ", q.off, q.len, v, h, q.unit, (int)q.qual,
                              q.flags, pos);
    }
}

/* A random text of pieces, at most cap bytes: nmin + (a draw % nspan)
 * pieces, or two plain 的 in three draws when mostly_de (as in a report). */
static size_t piece_text(char *text, size_t cap, const char *const *pieces, size_t np,
                         int nmin, int nspan, bool mostly_de, uint64_t *x)
{
    size_t len = 0;
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    int n = nmin + (int)((*x >> 33) % (uint64_t)nspan);
    for (int p = 0; p < n; p++) {
        *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
        const char *piece = mostly_de && (*x >> 40) % 3 ? "的" : pieces[(*x >> 33) % np];
        size_t pl = strlen(piece);
        if (len + pl > cap) break;
        memcpy(text + len, piece, pl);
        len += pl;
    }
    return len;
}

/* The short paths for common figures decide exactly as the general rules:
 * phrases made of numbers, units, scales, qualifiers, quotes, punctuation
 * and the characters the short paths refuse, each read both ways. */
static void test_short_paths_agree(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "6.5", "2023", "1062", "0571", "13912345678", "5", "12", "100", "3.14", "0.5", "7", "2222.2222",
        "一", "二", "两", "三", "十", "百", "千", "万", "亿", "五", "零", "四十", "壹", "伍", "九",
        "%", "％", "个", "个百分点", "家", "年", "月", "日", "人", "元", "亿元", "万人", "万亿", "项", "公里", "周年",
        "次", "位", "名", "倍", "成", "分之", "又", "点", "余", "多", "几", "级", "以上", "左右", "以下", "上下游",
        "约", "近", "超过", "高于全省", "不到", "第", "届", "负", "数", "上", "是", "大", "的", "增长", "优", "统",
        "，", "。", "、", "“", "”", "（", "）", "(", ")", "-", "—", "~", "至", "到", ":", "：", "×", "*", "/", "+",
        " ", "　", "G", "a", ".", ",", "·", "#", "\n", "\xE4\xB8", "é",
        "二十", "十二", "三百", "陆", "陸", "港", "维护", "以", "之", "左", "‘", "’", "「", "」",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    char text[256], fast[8192], general[8192];
    /* the forms the short paths for Chinese numerals decide, and their neighbours */
    static const char *const phrases[] = {
        "坚决做到“两个维护”", "“两个”", "“两个”。", "“四个意识”和“四个自信”", "‘三个’", "「两项」", "“两个:3”",
        "党的二十大精神", "党的二十以上", "二十之内", "二十左右", "第十二次全会", "省委十二届五次", "超十二届",
        "负十二大", "高于全省十二大", "数十二大", "二十三大", "二十级", "十二上", "二十万人", "三千家",
        "国际陆港开工", "陆家嘴", "陆 陆", "陆万", "陆余", "伍佰", "一十二大", "两三大",
        "签约亿元以上", "过亿元", "超万人", "上百家", "数万人", "几百年", "负万元", "第百位", "百年", "千兆",
        "万元/月", "万元—", "万人:", "百 家", "百分之五", "万分", "千点", "万余", "近千人", "高于全省万人",
        "2016年，", "2023年底", "20%", "5个", "1、", "12.5亿元", "0571", "3万余元",
    };
    for (size_t p = 0; p < sizeof phrases / sizeof phrases[0]; p++) {
        size_t len = strlen(phrases[p]);
        qz_general_only = false;
        scan_all(phrases[p], len, fast, sizeof fast);
        qz_general_only = true;
        scan_all(phrases[p], len, general, sizeof general);
        qz_general_only = false;
        if (strcmp(fast, general) != 0)
            fail_msg("\"%s\":\n  short paths: %s\n  general:     %s", phrases[p], fast, general);
    }
    for (int r = 0; r < 30000; r++) {
        size_t len = piece_text(text, sizeof text - 1, pieces, np, 1, 10, false, &x);
        qz_general_only = false;
        scan_all(text, len, fast, sizeof fast);
        qz_general_only = true;
        scan_all(text, len, general, sizeof general);
        qz_general_only = false;
        if (strcmp(fast, general) != 0)
            fail_msg("\"%.*s\":\n  short paths: %s\n  general:     %s", (int)len, text, fast, general);
    }
}

/* qz_prefix_may is a sound filter: wherever it says no, qz_match_prefix
 * finds no qualifier word, at every character boundary of texts made of
 * the prefix words, their last characters alone and characters sharing
 * bytes with 过 and 于, with every floor. */
static void test_prefix_filter(void **state)
{
    (void)state;
    qz_init();
    static const char *const pieces[] = {
        "过", "于", "超过", "高于", "低于", "约", "近", "将近", "不到", "逾", "的", "全省", "平均", "水平", "是",
        "签约", "最近", "一", "3", " ", "a", "迂", "逃", "\xE8\xBF", "\x87", "，",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    uint64_t x = 0x5851F42D4C957F2DULL;
    char text[160];
    int maybe = 0;
    for (int r = 0; r < 20000; r++) {
        size_t len = piece_text(text, sizeof text, pieces, np, 1, 24, false, &x);
        for (size_t i = 1; i <= len; i++) {
            if (i < len && ((unsigned char)text[i] & 0xC0) == 0x80) continue;
            for (size_t floor = 0; floor < i; floor += 1 + floor % 5) {
                size_t k, st;
                gwr_qual q;
                unsigned f;
                bool may = qz_prefix_may(text, floor, i, qz_prev(text, floor, i, &k));
                bool found = qz_match_prefix(text, floor, i, &q, &f, &st);
                if (found && !may) fail_msg("\"%.*s\" at %zu from %zu: a prefix the filter refused", (int)len, text, i, floor);
                maybe += may && !found;
            }
        }
    }
    assert_true(maybe > 0);
    /* the farthest a word may stand: six characters between */
    static const char *const far[] = { "超过的的的的的的3", "超过全省平均水平3", "高于的的的的的的3", "过的的的的的的3" };
    for (size_t t = 0; t < sizeof far / sizeof far[0]; t++) {
        size_t len = strlen(far[t]) - 1, k, st;
        gwr_qual q;
        unsigned f;
        bool found = qz_match_prefix(far[t], 0, len, &q, &f, &st);
        assert_int_equal(found, t < 3);
        if (found) assert_true(qz_prefix_may(far[t], 0, len, qz_prev(far[t], 0, len, &k)));
    }
}

/* The wide scan (AVX2, where the processor has it) stops at the same
 * places as the portable one, from every start in texts of numerals,
 * full-width digits, ASCII digits, characters sharing bytes with the
 * numerals, 2- and 4-byte characters and broken UTF-8, up to the last byte. */
static void test_wide_scan_agrees(void **state)
{
    (void)state;
    qz_init();
    const bool wide = qz_wide;
    static const char *const pieces[] = {
        "一", "二", "两", "三", "十", "百", "千", "万", "亿", "零", "〇", "陆", "陸", "萬", "壹", "仟", "參",
        "０", "９", "：", "0", "9", "5.5", "/", ":", "a", " ", "\n", "上", "优", "统", "引", "的", "，", "。",
        "丁", "专", "乘", "位", "é", "\xF0\x9F\x98\x80", "\xE4\xB8", "\xE4", "\xB8\x80", "\xEF\xBC", "\x80",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    uint64_t x = 0x2545F4914F6CDD1DULL;
    char text[256];
    for (int r = 0; r < 20000; r++) {
        size_t len = piece_text(text, sizeof text, pieces, np, 0, 90, true, &x);
        for (size_t i = 0; i < len; i++) {
            qz_wide = false;
            size_t want = qz_skip(text, len, i);
            qz_wide = wide;
            size_t got = qz_skip(text, len, i);
            if (got != want) fail_msg("from %zu in %zu bytes: wide %zu, portable %zu", i, len, got, want);
        }
    }
    qz_wide = wide;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_matches_slow),
        cmocka_unit_test(test_skip_tables),
        cmocka_unit_test(test_every_alignment),
        cmocka_unit_test(test_one_character_numerals),
        cmocka_unit_test(test_numeral_hash),
        cmocka_unit_test(test_unit_lookup),
        cmocka_unit_test(test_block_boundaries),
        cmocka_unit_test(test_short_paths_agree),
        cmocka_unit_test(test_wide_scan_agrees),
        cmocka_unit_test(test_prefix_filter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
