/* test_quantity_scan.c — the fast paths of the figure scanner against the
 * plain ones: the inline decoder and its fold table against qz_cp_slow for
 * every 3-byte character, the skip tables against the numeral tests, and
 * figures found at every byte alignment after any kind of text (Chinese,
 * ASCII, 2-byte, broken UTF-8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "quantity_int.h"

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
    assert_true(gwr_quantity_next(text, len, &pos, &q));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_matches_slow),
        cmocka_unit_test(test_skip_tables),
        cmocka_unit_test(test_every_alignment),
        cmocka_unit_test(test_one_character_numerals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
