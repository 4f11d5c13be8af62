/* test_facts_scan.c — the scans that figure extraction runs once per
 * sentence (the word set, sentence ends, clause separators, a character's
 * presence) against the plain searches they replace, on hand-picked
 * sentences and on many random strings built from the same pieces
 * (including broken UTF-8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "facts_internal.h"

static bool bit(const uint64_t *m, int id) { return (m[id >> 6] >> (id & 63)) & 1; }

/* Every word: in[] exactly as a search of inner, any[] exactly as a search
 * of full; every 年 of full noted when nian_all says so. */
static void check_words(fx_str full, fx_str inner)
{
    fx_words w;
    fx_words_scan(&w, full, inner);
    for (int id = 0; id < FXW_COUNT; id++) {
        assert_int_equal(bit(w.in, id), fx_contains(inner, fx_word_text[id]));
        assert_int_equal(bit(w.any, id), fx_contains(full, fx_word_text[id]));
        assert_int_equal(fx_has(&w, id), fx_contains(inner, fx_word_text[id]));
    }
    if (w.nian_all) {
        uint32_t k = 0;
        for (size_t i = 0; i + 3 <= full.n; i++)
            if (memcmp(full.s + i, "年", 3) == 0) {
                assert_true(k < w.nnian);
                assert_int_equal(w.nian[k], i);
                k++;
            }
        assert_int_equal(k, w.nnian);
    }
}

static size_t naive_end(const char *s, size_t i, size_t n)
{
    for (; i < n; i++) {
        if (s[i] == '\n' || s[i] == '!' || s[i] == '?') return i;
        if (i + 3 <= n && (!memcmp(s + i, "。", 3) || !memcmp(s + i, "！", 3) || !memcmp(s + i, "？", 3))) return i;
    }
    return n;
}

static size_t naive_sep(const char *s, size_t i, size_t n)
{
    for (; i < n; i++) {
        if (s[i] == ',' || s[i] == ';' || s[i] == ':') return i;
        if (i + 3 <= n && (!memcmp(s + i, "，", 3) || !memcmp(s + i, "；", 3) || !memcmp(s + i, "：", 3))) return i;
    }
    return n;
}

static void test_words_in_sentences(void **state)
{
    (void)state;
    static const char *const sents[] = {
        "今年以来，全市地区生产总值增长7.5%。",
        "“十四五”时期经济社会发展的主要目标是：国内生产总值年均增长6%左右。",
        "过去五年，城镇新增就业累计达到1.2万人（比上年增加3%）",
        "2001年国内生产总值达到95933亿元，比2000年增长7.3%。",
        "一九九○年国民生产总值，纲要（草案）提出。",
        "今年1-9月",
        "年",
        "",
    };
    for (size_t i = 0; i < sizeof sents / sizeof sents[0]; i++) {
        fx_str full = fx_span(sents[i], strlen(sents[i]));
        check_words(full, fx_trim(full));
        check_words(full, full);
    }
    /* a word in the part trimmed away is in the sentence, not in its trimmed span */
    const char *s = "今年，增长5%";
    fx_words w;
    fx_words_scan(&w, fx_span(s, strlen(s)), fx_span(s + 9, strlen(s) - 9));
    assert_false(fx_has(&w, FXW_JINNIAN));
    assert_true(fx_part_has(&w, fx_span(s, 6), FXW_JINNIAN));
    assert_false(fx_part_has(&w, fx_span(s + 9, 6), FXW_JINNIAN));
}

/* Random strings from pieces of the words, the stops and broken sequences. */
static void test_random_against_plain_search(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "今", "年", "以来", "五", "”", "时期", "目标", "是", "为", "全国", "平均", "）", ")", "由", "比上年",
        "。", "！", "？", "，", "；", "：", ",", ";", ":", "!", "?", "\n", "1", "9", "a", " ",
        "\xE3\x80", "\xEF\xBC", "\xEF\xBC\x8D", "\xE5\xB9", "\xB4", "\x80", "\xE5", "\xF0\x9F\x98\x80",
        "累计", "五年", "规划纲要", "纲要（草案）", "已经实现", "增产",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 12345;
    char buf[256];
    for (int round = 0; round < 4000; round++) {
        size_t n = 0, parts = (size_t)(round % 40);
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            size_t pn = strlen(p);
            if (n + pn >= sizeof buf) break;
            memcpy(buf + n, p, pn);
            n += pn;
        }
        fx_str full = fx_span(buf, n);
        size_t a = n ? (seed >> 8) % (n + 1) : 0, b = a + (n - a) / 2;
        check_words(full, fx_span(buf + a, b - a));
        for (size_t from = 0; from <= n; from += 1 + from / 4) {
            assert_int_equal(fx_next_sentence_end(buf, from, n), naive_end(buf, from, n));
            assert_int_equal(fx_next_clause_sep(buf, from, n), naive_sep(buf, from, n));
        }
        assert_int_equal(fx_has_char3(full, "年"), fx_contains(full, "年"));
        assert_int_equal(fx_has_char3(fx_span(buf + a, b - a), "年"), fx_contains(fx_span(buf + a, b - a), "年"));
    }
}

static void test_long_sentence_ends(void **state)
{
    (void)state;
    /* stops on either side of the sixteen-byte blocks */
    char buf[200];
    for (size_t at = 0; at + 3 <= sizeof buf; at++) {
        memset(buf, 'x', sizeof buf);
        memcpy(buf + at, "。", 3);
        assert_int_equal(fx_next_sentence_end(buf, 0, sizeof buf), at);
        assert_int_equal(fx_next_clause_sep(buf, 0, sizeof buf), sizeof buf);
        memcpy(buf + at, "：", 3);
        assert_int_equal(fx_next_clause_sep(buf, 0, sizeof buf), at);
        assert_int_equal(fx_next_sentence_end(buf, 0, sizeof buf), sizeof buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_in_sentences),
        cmocka_unit_test(test_random_against_plain_search),
        cmocka_unit_test(test_long_sentence_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
